/* check-app-columns.c: the lists' columns say what they mean, show references whole
 * and keep the widths and order a person set
 *
 * Every list's column headings, on the Harrowfield demo: each has a tooltip (the words
 * of a few are checked exactly); a column of references is as wide as its longest
 * reference; a width and an order set in one window are there again in the next,
 * through GSettings (the memory backend, within this process).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "check-app-suites.h"
#include "test-util.h"
#include "candour-column-memory.h"
#include "candour-database.h"
#include "candour-finding.h"
#include "candour-organisation.h"
#include "candour-payment.h"
#include "candour-payment-list.h"
#include "candour-payments-page.h"
#include "candour-records-page.h"
#include "candour-report-view.h"
#include "candour-reports-page.h"
#include "candour-session.h"
#include "candour-story-window.h"
#include "candour-window.h"

static CandourWindow *window;
static char *folder;

static void
open_demo (void)
{
  window = test_app_open_demo (&folder);
}

static void
close_demo (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  test_app_close_demo (window, folder);
  window = NULL;
  g_clear_pointer (&folder, g_free);
  /* The suites after this one start from the lists as they come. */
  g_settings_reset (settings, "column-widths");
  g_settings_reset (settings, "column-sorts");
}

static GtkWidget *
show (const char *name)
{
  candour_window_show_page (window, name);
  test_app_wait ();
  ck_assert_str_eq (candour_window_get_visible_page (window), name);
  return candour_window_get_page (window, name);
}

static GtkColumnView *
find_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget) && gtk_widget_get_mapped (widget))
    return GTK_COLUMN_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found = find_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The headings a person sees above view's rows: GTK 4.8's column titles, each a
 * column header to a screen reader, in the view's heading row. */
static GPtrArray *
headings_of (GtkColumnView *view)
{
  GPtrArray *headings = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_css_name (child), "header"))
      for (GtkWidget *heading = gtk_widget_get_first_child (child); heading != NULL;
           heading = gtk_widget_get_next_sibling (heading))
        if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (heading)) == GTK_ACCESSIBLE_ROLE_COLUMN_HEADER &&
            gtk_widget_get_visible (heading))
          g_ptr_array_add (headings, heading);
  return headings;
}

static GtkWidget *
heading_titled (GtkColumnView *view,
                const char    *title)
{
  g_autoptr(GPtrArray) headings = headings_of (view);

  for (guint i = 0; i < headings->len; i++)
    {
      GtkWidget *label = find_label (headings->pdata[i]);

      if (label != NULL && g_str_equal (gtk_label_get_label (GTK_LABEL (label)), title))
        return headings->pdata[i];
    }
  ck_abort_msg ("No heading \"%s\"", title);
  return NULL;
}

static const char *
tooltip_of (GtkColumnView *view,
            const char    *title)
{
  return gtk_widget_get_tooltip_text (heading_titled (view, title));
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  ck_abort_msg ("No column \"%s\"", title);
  return NULL;
}

/* Every heading of view has words of its own; returns how many headings there are. */
static guint
check_every_heading (GtkColumnView *view,
                     const char    *where)
{
  g_autoptr(GPtrArray) headings = headings_of (view);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_columns = 0;
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      n_columns += gtk_column_view_column_get_visible (column);
    }
  ck_assert_msg (headings->len == n_columns && n_columns > 0, "%s: %u headings for %u columns", where,
                 headings->len, n_columns);
  for (guint i = 0; i < headings->len; i++)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (headings->pdata[i]);
      GtkWidget *label = find_label (headings->pdata[i]);

      ck_assert_msg (tooltip != NULL && strlen (tooltip) > 10, "%s: \"%s\" has no tooltip", where,
                     gtk_label_get_label (GTK_LABEL (label)));
      ck_assert_msg (g_str_has_suffix (tooltip, "."), "%s: \"%s\" says \"%s\"", where,
                     gtk_label_get_label (GTK_LABEL (label)), tooltip);
      g_hash_table_add (seen, (gpointer)tooltip);
    }
  /* Words of their own: no two headings of a list say the same. */
  ck_assert_uint_eq (g_hash_table_size (seen), headings->len);
  return headings->len;
}

static CandourReportView *
show_report (const char *kind)
{
  CandourReportsPage *page = CANDOUR_REPORTS_PAGE (show ("reports"));
  CandourReportView *view = candour_reports_page_get_view (page, kind);

  candour_reports_page_show (page, kind);
  while (g_list_model_get_n_items (candour_report_view_get_rows (view)) == 0)
    g_main_context_iteration (NULL, TRUE);
  test_app_wait ();
  return view;
}

START_TEST (test_every_heading_says_what_it_means)
{
  const char *pages[] = { "organisations", "consortia", "bids", "contracts", "findings", "payments" };
  const guint n_headings[] = { 10, 9, 9, 11, 9, 8 };
  const char *reports[] = { "scorecard", "shares", "payment-times" };
  g_autoptr(CandourFinding) acwh = test_app_find_finding (window, "BID-01", "ORG-ACWH");
  GtkColumnView *findings, *payments, *organisations, *scorecard, *shares, *story_view;
  GtkWindow *story;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkColumnView *view = find_view (show (pages[i]));

      ck_assert_ptr_nonnull (view);
      ck_assert_uint_eq (check_every_heading (view, pages[i]), n_headings[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    check_every_heading (find_view (GTK_WIDGET (show_report (reports[i]))), reports[i]);

  organisations = find_view (show ("organisations"));
  ck_assert_str_eq (tooltip_of (organisations, "Subcontracted to it"),
                    "The value of all the subcontracts it holds as a subcontractor.");
  findings = find_view (show ("findings"));
  ck_assert_str_eq (tooltip_of (findings, "Due"),
                    "The share of the subcontract for work done up to the date, less the payment terms: "
                    "what should have been paid by then.");
  ck_assert_str_eq (tooltip_of (findings, "Lead provider"),
                    "The organisation that made the bid and holds the contract.");
  payments = find_view (show ("payments"));
  ck_assert_str_eq (tooltip_of (payments, "Days to pay"),
                    "Days from the invoice to the payment. The Procurement Act 2023 expects invoices to be "
                    "paid within 30 days.");
  /* The same heading means what its report makes of it. */
  scorecard = find_view (GTK_WIDGET (show_report ("scorecard")));
  ck_assert_str_eq (tooltip_of (scorecard, "Subcontracted"),
                    "The value of the subcontracts it gave the partners its bids named.");
  shares = find_view (GTK_WIDGET (show_report ("shares")));
  ck_assert_str_eq (tooltip_of (shares, "Subcontracted"),
                    "The value of all the contract’s subcontracts, to any organisation.");

  story = candour_window_show_story (window, acwh);
  test_app_wait ();
  story_view = find_view (GTK_WIDGET (story));
  ck_assert_ptr_nonnull (story_view);
  ck_assert_uint_eq (check_every_heading (story_view, "story"), 6);
  ck_assert_str_eq (tooltip_of (story_view, "Subcontract"), "The subcontract the payment was made under.");
  gtk_window_destroy (story);
  test_app_wait ();
}
END_TEST

/* The label in view's cells that says text, or NULL. */
static GtkWidget *
cell_saying (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text) &&
      gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cell_saying (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The cell showing ref has room for all of it: the room its cell gives it is at least
 * the width the text needs. */
static void
check_shown_whole (GtkColumnView *view,
                   const char    *ref)
{
  GtkWidget *label = cell_saying (GTK_WIDGET (view), ref);
  int natural;

  ck_assert_msg (label != NULL, "%s is not on screen", ref);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  ck_assert_msg (gtk_widget_get_width (gtk_widget_get_parent (label)) >= natural,
                 "%s needs %d pixels, has %d", ref, natural, gtk_widget_get_width (gtk_widget_get_parent (label)));
}

START_TEST (test_ref_columns_fit_the_longest_ref)
{
  CandourRecordsPage *page = CANDOUR_RECORDS_PAGE (show ("organisations"));
  GtkColumnView *view = find_view (GTK_WIDGET (page));
  GListModel *shown = candour_records_page_get_shown (page);
  g_autofree char *longest = NULL;
  CandourDatabase *db;

  /* A reference longer than the demo's, as an imported list may have. */
  db = candour_session_get_database (candour_window_get_session (window));
  {
    g_autoptr(GError) error = NULL;

    ck_assert_msg (candour_database_exec (db, "UPDATE organisation SET ref = 'ORG-WWWW-MMMM-2024-000017' "
                                              "WHERE ref = 'ORG-ODR'", &error),
                   "%s", error != NULL ? error->message : "");
  }
  candour_session_refresh (candour_window_get_session (window));
  while (candour_session_get_loading (candour_window_get_session (window)))
    g_main_context_iteration (NULL, TRUE);
  test_app_wait ();

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CandourOrganisation) organisation = g_list_model_get_item (shown, i);
      const char *ref = candour_organisation_get_ref (organisation);

      if (longest == NULL || strlen (ref) > strlen (longest))
        {
          g_free (longest);
          longest = g_strdup (ref);
        }
    }
  ck_assert_str_eq (longest, "ORG-WWWW-MMMM-2024-000017");
  /* Found, it is the row on screen. */
  candour_records_page_set_search (page, longest);
  test_app_wait ();
  check_shown_whole (view, longest);
  candour_records_page_set_search (page, NULL);
  test_app_wait ();

  /* The Payments page measures its references in SQL: it never has a million rows. */
  {
    g_autoptr(GError) error = NULL;
    CandourPaymentsPage *payments;

    ck_assert_msg (candour_database_exec (db, "UPDATE payment SET ref = 'PAY-2024-NORTH-WEST-000123' "
                                              "WHERE ref = 'PAY-0001'; "
                                              "UPDATE subcontract SET ref = 'SUB-2024-NORTH-WEST-000045' "
                                              "WHERE ref = 'SUB-02'", &error),
                   "%s", error != NULL ? error->message : "");
    candour_session_refresh (candour_window_get_session (window));
    while (candour_session_get_loading (candour_window_get_session (window)))
      g_main_context_iteration (NULL, TRUE);
    payments = CANDOUR_PAYMENTS_PAGE (show ("payments"));
    candour_payments_page_set_search (payments, "PAY-2024-NORTH-WEST-000123");
    test_app_wait ();
    while (candour_payment_list_get_busy (candour_payments_page_get_list (payments)))
      g_main_context_iteration (NULL, TRUE);
    test_app_wait ();
    view = find_view (GTK_WIDGET (payments));
    check_shown_whole (view, "PAY-2024-NORTH-WEST-000123");
    check_shown_whole (view, "SUB-2024-NORTH-WEST-000045");
    candour_payments_page_set_search (payments, NULL);
    ck_assert (candour_database_exec (db, "UPDATE payment SET ref = 'PAY-0001' WHERE ref = 'PAY-2024-NORTH-WEST-000123'; "
                                          "UPDATE subcontract SET ref = 'SUB-02' WHERE ref = 'SUB-2024-NORTH-WEST-000045'",
                                      NULL));
    candour_session_refresh (candour_window_get_session (window));
    test_app_wait ();
  }

  /* The findings' bids, a contract's in the contract shares. */
  view = find_view (show ("findings"));
  check_shown_whole (view, "BID-01");
  view = find_view (GTK_WIDGET (show_report ("shares")));
  check_shown_whole (view, "CON-01");
}
END_TEST

START_TEST (test_widths_and_order_are_kept)
{
  GtkColumnView *view = find_view (show ("organisations"));
  GtkColumnView *payments_view;
  CandourPaymentsPage *payments;
  GtkColumnViewColumn *sorted;
  gboolean descending = FALSE;
  GListModel *shown;

  /* As dragging the heading's edge and clicking the heading twice do. */
  gtk_column_view_column_set_fixed_width (column_titled (view, "Name"), 333);
  gtk_column_view_sort_by_column (view, column_titled (view, "Bids led"), GTK_SORT_DESCENDING);
  test_app_wait ();
  sorted = candour_column_memory_sorted_by (view, &descending);
  ck_assert_str_eq (gtk_column_view_column_get_title (sorted), "Bids led");
  ck_assert (descending);

  payments = CANDOUR_PAYMENTS_PAGE (show ("payments"));
  payments_view = find_view (GTK_WIDGET (payments));
  gtk_column_view_sort_by_column (payments_view, column_titled (payments_view, "Amount"), GTK_SORT_DESCENDING);
  gtk_column_view_column_set_fixed_width (column_titled (payments_view, "From"), 271);

  /* Closed at once: what was set is saved as the window goes. */
  test_app_close_demo (window, folder);
  g_clear_pointer (&folder, g_free);
  window = test_app_open_demo (&folder);

  view = find_view (show ("organisations"));
  ck_assert_int_eq (gtk_column_view_column_get_fixed_width (column_titled (view, "Name")), 333);
  sorted = candour_column_memory_sorted_by (view, &descending);
  ck_assert_ptr_nonnull (sorted);
  ck_assert_str_eq (gtk_column_view_column_get_title (sorted), "Bids led");
  ck_assert (descending);
  /* And the rows are in that order: the demo's busiest lead first. */
  shown = candour_records_page_get_shown (CANDOUR_RECORDS_PAGE (candour_window_get_page (window, "organisations")));
  {
    g_autoptr(CandourOrganisation) first = g_list_model_get_item (shown, 0);
    g_autoptr(CandourOrganisation) second = g_list_model_get_item (shown, 1);

    ck_assert_int_ge (candour_organisation_get_bids_led (first), candour_organisation_get_bids_led (second));
    ck_assert_int_gt (candour_organisation_get_bids_led (first), 0);
  }

  /* The payments page sorts in SQL: by the amount, the largest first. */
  payments = CANDOUR_PAYMENTS_PAGE (show ("payments"));
  payments_view = find_view (GTK_WIDGET (payments));
  while (candour_payment_list_get_busy (candour_payments_page_get_list (payments)))
    g_main_context_iteration (NULL, TRUE);
  test_app_wait ();
  ck_assert_int_eq (gtk_column_view_column_get_fixed_width (column_titled (payments_view, "From")), 271);
  sorted = candour_column_memory_sorted_by (payments_view, &descending);
  ck_assert_str_eq (gtk_column_view_column_get_title (sorted), "Amount");
  ck_assert (descending);
  {
    GListModel *list = G_LIST_MODEL (candour_payments_page_get_list (payments));
    g_autoptr(CandourPayment) first = g_list_model_get_item (list, 0);
    g_autoptr(CandourPayment) second = g_list_model_get_item (list, 1);
    g_autoptr(CandourPayment) last = g_list_model_get_item (list, g_list_model_get_n_items (list) - 1);

    ck_assert_int_ge (candour_payment_get_amount (first), candour_payment_get_amount (second));
    ck_assert_int_gt (candour_payment_get_amount (first), candour_payment_get_amount (last));
  }
}
END_TEST

Suite *
candour_app_columns_suite (void)
{
  Suite *suite = suite_create ("app-columns");
  TCase *tc = tcase_create ("columns");

  tcase_add_checked_fixture (tc, open_demo, close_demo);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_every_heading_says_what_it_means);
  tcase_add_test (tc, test_ref_columns_fit_the_longest_ref);
  tcase_add_test (tc, test_widths_and_order_are_kept);
  suite_add_tcase (suite, tc);
  return suite;
}
