/* check-app-window.c: the main window on the Harrowfield demo
 *
 * The demo is dated 30/06/2025 and judged on that day, so every figure here is the
 * one src/core/demo/EXPECTED.md works out by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "check-app-suites.h"
#include "test-util.h"
#include "candour-as-of-popover.h"
#include "candour-date.h"
#include "candour-finding.h"
#include "candour-export-chooser.h"
#include "candour-findings-page.h"
#include "candour-generate.h"
#include "candour-import.h"
#include "candour-money.h"
#include "candour-overview-page.h"
#include "candour-payments-page.h"
#include "candour-payment-list.h"
#include "candour-pdf-report.h"
#include "candour-people-page.h"
#include "candour-people.h"
#include "candour-read-job.h"
#include "candour-record-form.h"
#include "candour-records-page.h"
#include "candour-report-row.h"
#include "candour-reports-page.h"
#include "candour-row-feeder.h"
#include "candour-story-window.h"
#include "candour-window.h"
#include "candour-connect-dialog.h"
#include "candour-database.h"

#define TODAY "2025-06-30"

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
  test_app_close_demo (window, folder);
  window = NULL;
  g_clear_pointer (&folder, g_free);
}

static GtkWidget *
show (const char *name)
{
  candour_window_show_page (window, name);
  test_app_wait ();
  ck_assert_str_eq (candour_window_get_visible_page (window), name);
  return candour_window_get_page (window, name);
}

static GtkWidget *
find_sidebar_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sidebar_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The sidebar's row for a page: its rows are named after their pages. */
static GtkWidget *
sidebar_row (const char *name)
{
  GtkWidget *list = find_sidebar_list (GTK_WIDGET (window));
  GtkWidget *found = NULL;

  ck_assert_ptr_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL && found == NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (gtk_widget_get_name (row), name))
      found = row;
  ck_assert_ptr_nonnull (found);
  return found;
}

/* Sends key to the sidebar's list as GTK would, through its key controller. */
static gboolean
press_in_sidebar (guint           keyval,
                  GdkModifierType state)
{
  GtkWidget *list = find_sidebar_list (GTK_WIDGET (window));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  test_app_wait ();
  return handled;
}

/* Tab leaves the sidebar for the page beside it, and Shift+Tab for the menu above: the
 * page shown stays the same. The arrow keys still go from page to page. */
START_TEST (test_tab_leaves_the_sidebar)
{
  GtkWidget *payments = show ("payments");
  GtkWidget *focus;

  gtk_widget_grab_focus (sidebar_row ("payments"));
  ck_assert (press_in_sidebar (GDK_KEY_Tab, 0));
  ck_assert_str_eq (candour_window_get_visible_page (window), "payments");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  ck_assert_ptr_nonnull (focus);
  ck_assert_msg (gtk_widget_is_ancestor (focus, payments), "Tab went to a %s, not into the page",
                 G_OBJECT_TYPE_NAME (focus));

  gtk_widget_grab_focus (sidebar_row ("payments"));
  ck_assert (press_in_sidebar (GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  ck_assert_str_eq (candour_window_get_visible_page (window), "payments");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  ck_assert_ptr_nonnull (focus);
  ck_assert_str_eq (gtk_widget_get_tooltip_text (gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON)), "Main Menu");

  /* Other keys are the list's own. */
  gtk_widget_grab_focus (sidebar_row ("payments"));
  ck_assert (!press_in_sidebar (GDK_KEY_Down, 0));
  show ("overview");
}
END_TEST

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether Ctrl+N would make a record on page: its New button on, or (with no button)
 * a form opening. */
static gboolean
new_record_offered (GtkWidget *page)
{
  GtkWidget *button = find_actionable (page, "win.new-record");

  gboolean opened = FALSE;

  if (button != NULL)
    return gtk_widget_is_sensitive (button);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL);
  test_app_wait ();
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (CANDOUR_IS_RECORD_FORM (l->data))
      {
        opened = TRUE;
        gtk_window_destroy (l->data);
      }
  return opened;
}

/* Ctrl+F goes to the page's search where it has one, and is off where it has none
 * (the shortcuts window says where); Ctrl+N the same for new records. */
START_TEST (test_search_and_new_where_they_work)
{
  static const struct {
    const char *page;
    gboolean searches;
    gboolean makes;
  } pages[] = {
    { "overview", FALSE, FALSE },
    { "findings", TRUE, FALSE },
    { "bids", TRUE, TRUE },
    { "contracts", TRUE, TRUE },
    { "payments", TRUE, TRUE },
    { "organisations", TRUE, TRUE },
    { "consortia", TRUE, TRUE },
    { "reports", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = show (pages[i].page);
      GtkWidget *focus;

      gtk_widget_grab_focus (sidebar_row (pages[i].page));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
      test_app_wait ();
      focus = gtk_root_get_focus (GTK_ROOT (window));
      ck_assert_ptr_nonnull (focus);
      if (pages[i].searches)
        ck_assert_msg (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL &&
                       gtk_widget_is_ancestor (focus, page), "Ctrl+F on %s went to a %s", pages[i].page,
                       G_OBJECT_TYPE_NAME (focus));
      else
        /* Off: nothing happens, and the menu's shortcuts window says where it works. */
        ck_assert_msg (GTK_IS_LIST_BOX_ROW (focus), "Ctrl+F on %s went to a %s", pages[i].page,
                       G_OBJECT_TYPE_NAME (focus));
      ck_assert_msg (new_record_offered (page) == pages[i].makes, "Ctrl+N on %s", pages[i].page);
    }
  show ("overview");
}
END_TEST

START_TEST (test_opens_on_the_demo)
{
  CandourSession *session = candour_window_get_session (window);
  g_autofree char *as_of = candour_session_dup_as_of (session);

  ck_assert_ptr_nonnull (session);
  ck_assert_str_eq (candour_session_get_title (session), "Harrowfield demo");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "Harrowfield demo – Candour");
  ck_assert_str_eq (as_of, TODAY);
  ck_assert_str_eq (candour_window_get_visible_page (window), "overview");
}
END_TEST

START_TEST (test_overview)
{
  CandourOverviewPage *page = CANDOUR_OVERVIEW_PAGE (show ("overview"));
  CandourBarChart *chart = candour_overview_page_get_chart (page);
  GListModel *serious = candour_overview_page_get_serious (page);
  g_autoptr(CandourFinding) first = NULL;
  g_autoptr(CandourFinding) last = NULL;
  g_autofree char *description = NULL;

  ck_assert_str_eq (candour_overview_page_get_figure (page, "named"), "23");
  ck_assert_str_eq (candour_overview_page_get_figure (page, "honoured"), "6");
  ck_assert_str_eq (candour_overview_page_get_figure (page, "bid_candy"), "5");
  ck_assert_str_eq (candour_overview_page_get_figure (page, "short_changed"), "3");
  ck_assert_str_eq (candour_overview_page_get_figure (page, "underpaid"), "3");
  ck_assert_str_eq (candour_overview_page_get_figure (page, "promised"), "£1,758,500.00");
  ck_assert_str_eq (candour_overview_page_get_figure (page, "subcontracted"), "£1,176,000.00");
  ck_assert_str_eq (candour_overview_page_get_figure (page, "paid"), "£403,791.36");

  /* One group of bars per lead provider of a won bid, as the scorecard has them. */
  ck_assert_uint_eq (candour_bar_chart_get_n_categories (chart), 5);
  ck_assert_str_eq (candour_bar_chart_get_category_label (chart, 2), "Kindred Pathways");
  ck_assert_int_eq (candour_bar_chart_get_value (chart, 2, 0), 53450000);
  ck_assert_int_eq (candour_bar_chart_get_value (chart, 2, 1), 28000000);
  ck_assert_int_eq (candour_bar_chart_get_value (chart, 2, 2), 10666662);
  /* The chart's numbers are there as words too. */
  description = candour_bar_chart_describe (chart);
  ck_assert_ptr_nonnull (strstr (description,
                                 "Kindred Pathways: Promised £534,500.00, Subcontracted £280,000.00, Paid £106,666.62"));

  /* The eight most serious of eleven: bid candy with the largest promise first. */
  ck_assert_uint_eq (g_list_model_get_n_items (serious), CANDOUR_OVERVIEW_MAX_SERIOUS);
  first = g_list_model_get_item (serious, 0);
  ck_assert_str_eq (candour_finding_get_partner_ref (first), "ORG-ODR");
  ck_assert_str_eq (candour_finding_get_bid_ref (first), "BID-01");
  last = g_list_model_get_item (serious, CANDOUR_OVERVIEW_MAX_SERIOUS - 1);
  ck_assert_str_eq (candour_finding_get_status (last), "short_changed");
}
END_TEST

static guint
n_shown (CandourFindingsPage *page)
{
  test_app_wait ();
  return g_list_model_get_n_items (candour_findings_page_get_shown (page));
}

START_TEST (test_findings_filters)
{
  CandourFindingsPage *page = CANDOUR_FINDINGS_PAGE (show ("findings"));
  g_autoptr(CandourFinding) first = NULL;

  ck_assert_uint_eq (n_shown (page), 23);
  /* Most serious first. */
  first = g_list_model_get_item (candour_findings_page_get_shown (page), 0);
  ck_assert_str_eq (candour_finding_get_status (first), "bid_candy");

  candour_findings_page_set_status (page, "bid_candy");
  ck_assert_uint_eq (n_shown (page), 5);
  candour_findings_page_set_lead (page, "Kindred Pathways");
  ck_assert_uint_eq (n_shown (page), 3);
  candour_findings_page_set_status (page, NULL);
  ck_assert_uint_eq (n_shown (page), 8);
  candour_findings_page_set_lead (page, NULL);
  ck_assert_uint_eq (n_shown (page), 23);

  /* Search looks at partners, leads and references, in any case. */
  candour_findings_page_set_search (page, "refuge");
  ck_assert_uint_eq (n_shown (page), 2);
  candour_findings_page_set_search (page, "bid-03");
  ck_assert_uint_eq (n_shown (page), 4);
  candour_findings_page_set_search (page, "no such partner");
  ck_assert_uint_eq (n_shown (page), 0);
  candour_findings_page_set_search (page, NULL);
  ck_assert_uint_eq (n_shown (page), 23);
}
END_TEST

START_TEST (test_record_pages)
{
  CandourRecordsPage *bids = CANDOUR_RECORDS_PAGE (show ("bids"));
  CandourRecordsPage *contracts = CANDOUR_RECORDS_PAGE (show ("contracts"));
  CandourRecordsPage *organisations = CANDOUR_RECORDS_PAGE (show ("organisations"));
  CandourRecordsPage *consortia = CANDOUR_RECORDS_PAGE (show ("consortia"));

  ck_assert_uint_eq (g_list_model_get_n_items (candour_records_page_get_shown (bids)), 8);
  ck_assert_uint_eq (g_list_model_get_n_items (candour_records_page_get_shown (contracts)), 7);
  ck_assert_uint_eq (g_list_model_get_n_items (candour_records_page_get_shown (organisations)), 41);
  ck_assert_uint_eq (g_list_model_get_n_items (candour_records_page_get_shown (consortia)), 3);

  candour_records_page_set_search (bids, "corvane");
  test_app_wait ();
  ck_assert_uint_eq (g_list_model_get_n_items (candour_records_page_get_shown (bids)), 2);
  candour_records_page_set_search (organisations, "harrowfield");
  test_app_wait ();
  ck_assert_uint_eq (g_list_model_get_n_items (candour_records_page_get_shown (organisations)), 17);
  candour_records_page_set_search (bids, NULL);
  candour_records_page_set_search (organisations, NULL);
}
END_TEST

/* Sorting and searching happen on a worker thread: wait until the list has its rows. */
static void
wait_for_payments (CandourPaymentsPage *page)
{
  CandourPaymentList *list = candour_payments_page_get_list (page);

  while (candour_payment_list_get_busy (list))
    g_main_context_iteration (NULL, TRUE);
  test_app_wait ();
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a label that can be seen (with all its parents shown) says text. */
static gboolean
shows_text_containing (GtkWidget  *widget,
                       const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text_containing (child, text))
      return TRUE;
  return FALSE;
}

/* A promise with no sum reads "not recorded", never a blank that looks like £0. */
START_TEST (test_findings_say_not_recorded)
{
  CandourFindingsPage *page = CANDOUR_FINDINGS_PAGE (show ("findings"));

  test_app_wait ();
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "not recorded"));
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "£90,000.00"));
}
END_TEST

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return column;
    }
  ck_abort_msg ("no column %s", title);
  return NULL;
}

static char *
shown_ref (CandourPaymentsPage *page,
           guint                position)
{
  g_autoptr(CandourPayment) payment = g_list_model_get_item (candour_payments_page_get_shown (page), position);

  ck_assert_ptr_nonnull (payment);
  return g_strdup (candour_payment_get_ref (payment));
}

/* The arrow on the heading titled title: "ascending", "descending" or "" for none. */
static const char *
heading_arrow (GtkWidget  *widget,
               const char *title)
{
  GtkWidget *arrow;

  if (!GTK_IS_LABEL (widget) || g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), title) != 0)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          const char *found = heading_arrow (child, title);

          if (found != NULL)
            return found;
        }
      return NULL;
    }

  /* GTK's title is the label, then the sort indicator. */
  arrow = gtk_widget_get_next_sibling (widget);
  if (arrow == NULL)
    return NULL;
  if (GTK_IS_IMAGE (arrow))
    {
      const char *icon = gtk_image_get_icon_name (GTK_IMAGE (arrow));

      return g_strcmp0 (icon, "pan-up-symbolic") == 0 ? "ascending"
             : g_strcmp0 (icon, "pan-down-symbolic") == 0 ? "descending" : "";
    }
  return gtk_widget_has_css_class (arrow, "ascending") ? "ascending"
         : gtk_widget_has_css_class (arrow, "descending") ? "descending" : "";
}

START_TEST (test_payments_page)
{
  CandourPaymentsPage *page = CANDOUR_PAYMENTS_PAGE (show ("payments"));
  CandourPaymentList *list = candour_payments_page_get_list (page);
  GtkWidget *view = find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(CandourPayment) biggest = NULL;

  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), 198);
  /* It opens by date paid, earliest first, and its heading says so. */
  ck_assert_int_eq (candour_payment_list_get_sort (list), CANDOUR_PAYMENT_SORT_PAID_ON);
  ck_assert (!candour_payment_list_get_descending (list));
  ck_assert_str_eq (heading_arrow (view, "Paid on"), "ascending");
  ck_assert_str_eq (heading_arrow (view, "Amount"), "");
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "198 payments · £3,362,402.44"));

  candour_payments_page_sort (page, CANDOUR_PAYMENT_SORT_AMOUNT, TRUE);
  wait_for_payments (page);
  ck_assert_str_eq (heading_arrow (view, "Amount"), "descending");
  ck_assert_str_eq (heading_arrow (view, "Paid on"), "");
  ck_assert_int_eq (candour_payment_list_get_sort (list), CANDOUR_PAYMENT_SORT_AMOUNT);
  ck_assert (candour_payment_list_get_descending (list));
  biggest = g_list_model_get_item (G_LIST_MODEL (list), 0);
  ck_assert_str_eq (candour_payment_get_ref (biggest), "PAY-0169");

  candour_payments_page_set_search (page, "Polish");
  wait_for_payments (page);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), 4);
  candour_payments_page_set_search (page, NULL);
  candour_payments_page_sort (page, CANDOUR_PAYMENT_SORT_NONE, FALSE);
  wait_for_payments (page);
}
END_TEST

/* A click on a column heading: the rows in view stay, with a spinner and "Sorting…",
 * until the worker's order comes in; a newer click or search takes over from it. */
START_TEST (test_payments_page_sorts_in_the_background)
{
  CandourPaymentsPage *page = CANDOUR_PAYMENTS_PAGE (show ("payments"));
  CandourPaymentList *list = candour_payments_page_get_list (page);
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  GtkWidget *spinner = find_widget (GTK_WIDGET (page), GTK_TYPE_SPINNER);
  guint pages_read;
  char *ref;

  ck_assert_ptr_nonnull (view);
  ck_assert_ptr_nonnull (spinner);
  ck_assert (!gtk_widget_get_visible (spinner));
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "198 payments · £3,362,402.44"));
  pages_read = candour_payment_list_get_pages_read (list);

  gtk_column_view_sort_by_column (view, column_titled (view, "Amount"), GTK_SORT_DESCENDING);
  /* Asked for, not yet answered: the recorded order is still there to scroll. */
  ck_assert (candour_payment_list_get_busy (list));
  ck_assert (gtk_widget_get_visible (spinner));
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "Sorting…"));
  ref = shown_ref (page, 0);
  ck_assert_str_eq (ref, "PAY-0001");
  g_free (ref);

  wait_for_payments (page);
  ck_assert (!gtk_widget_get_visible (spinner));
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "198 payments · £3,362,402.44"));
  ck_assert_int_eq (candour_payment_list_get_sort (list), CANDOUR_PAYMENT_SORT_AMOUNT);
  ck_assert (candour_payment_list_get_descending (list));
  ref = shown_ref (page, 0);
  ck_assert_str_eq (ref, "PAY-0169");
  g_free (ref);
  ref = shown_ref (page, 197);
  ck_assert_str_eq (ref, "PAY-0126");
  g_free (ref);
  /* Only what the view shows was read: a page or two, give or take. */
  ck_assert_uint_le (candour_payment_list_get_pages_read (list) - pages_read, 6);

  /* Typed while a sort is on its way: the search takes over, sorted the new way. */
  gtk_column_view_sort_by_column (view, column_titled (view, "Paid on"), GTK_SORT_ASCENDING);
  candour_payments_page_set_search (page, "Polish");
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "Searching…"));
  wait_for_payments (page);
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "4 of 198 payments · £8,000.00"));
  ck_assert_int_eq (candour_payment_list_get_sort (list), CANDOUR_PAYMENT_SORT_PAID_ON);
  ref = shown_ref (page, 0);
  ck_assert_str_eq (ref, "PAY-0041");
  g_free (ref);

  /* Two clicks in a row: the second wins. */
  candour_payments_page_set_search (page, NULL);
  gtk_column_view_sort_by_column (view, column_titled (view, "Amount"), GTK_SORT_DESCENDING);
  gtk_column_view_sort_by_column (view, column_titled (view, "Amount"), GTK_SORT_ASCENDING);
  wait_for_payments (page);
  ck_assert (!candour_payment_list_get_descending (list));
  ref = shown_ref (page, 0);
  ck_assert_str_eq (ref, "PAY-0126");
  g_free (ref);

  candour_payments_page_sort (page, CANDOUR_PAYMENT_SORT_NONE, FALSE);
  wait_for_payments (page);
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "198 payments · £3,362,402.44"));
}
END_TEST

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A finance officer's look-ups: an amount or a day typed into the search, the days
 * paid between two dates, and what the payments listed add up to. */
START_TEST (test_payments_page_finds_amounts_dates_and_ranges)
{
  CandourPaymentsPage *page = CANDOUR_PAYMENTS_PAGE (show ("payments"));
  CandourPaymentList *list = candour_payments_page_get_list (page);
  GtkMenuButton *range_button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON));
  GtkWidget *show_all = NULL;
  char *ref;

  candour_payments_page_sort (page, CANDOUR_PAYMENT_SORT_PAID_ON, FALSE);
  wait_for_payments (page);
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "All Dates"));

  candour_payments_page_set_search (page, "£22,500");
  wait_for_payments (page);
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "3 of 198 payments · £67,500.00"));
  ref = shown_ref (page, 0);
  ck_assert_str_eq (ref, "PAY-0066");
  g_free (ref);
  candour_payments_page_set_search (page, "1,234.50");
  wait_for_payments (page);
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "No Matching Payments"));
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "Try other words."));

  candour_payments_page_set_search (page, "11/2/2025");
  wait_for_payments (page);
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "3 of 198 payments · £8,999.99"));

  /* The financial year 2024-25, with a name and then without. */
  candour_payments_page_set_search (page, "Polish");
  candour_payments_page_set_range (page, "01/04/2024", "31/03/2025");
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "Searching…"));
  wait_for_payments (page);
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "3 of 198 payments · £6,000.00"));
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "01/04/2024 – 31/03/2025"));
  ck_assert_str_eq (candour_payment_list_get_from (list), "2024-04-01");
  ck_assert_str_eq (candour_payment_list_get_to (list), "2025-03-31");
  candour_payments_page_set_search (page, NULL);
  wait_for_payments (page);
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "145 of 198 payments · £2,315,583.09"));

  /* Not a day: the list stays as it was, and the field says why. */
  gtk_menu_button_popup (range_button);
  test_app_wait ();
  candour_payments_page_set_range (page, "31/02/2025", "31/03/2025");
  wait_for_payments (page);
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "145 of 198 payments · £2,315,583.09"));
  ck_assert (shows_text_containing (GTK_WIDGET (page), "31/02/2025"));
  candour_payments_page_set_range (page, "01/04/2025", "31/03/2025");
  ck_assert (shows_text_containing (GTK_WIDGET (page), "The To date is before the From date."));
  ck_assert_str_eq (candour_payment_list_get_from (list), "2024-04-01");

  /* One side: from 1 April 2025 on. */
  candour_payments_page_set_range (page, "1/4/2025", NULL);
  wait_for_payments (page);
  ck_assert (!shows_text_containing (GTK_WIDGET (page), "The To date is before the From date."));
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "44 of 198 payments · £818,208.26"));
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "From 01/04/2025"));

  /* Show All Dates: every payment again. */
  show_all = find_button_labelled (GTK_WIDGET (page), "_Show All Dates");
  ck_assert_ptr_nonnull (show_all);
  ck_assert (gtk_widget_get_sensitive (show_all));
  g_signal_emit_by_name (show_all, "clicked");
  wait_for_payments (page);
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "198 payments · £3,362,402.44"));
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (page), "All Dates"));
  ck_assert_ptr_null (candour_payment_list_get_from (list));
  ck_assert (!gtk_widget_get_sensitive (show_all));
}
END_TEST

/* 50,000 more payments: the view reads the pages it shows, never the whole table. */
START_TEST (test_payments_page_reads_what_it_shows)
{
  CandourSession *session = candour_window_get_session (window);
  CandourDatabase *db = candour_session_get_database (session);
  CandourPaymentsPage *page = CANDOUR_PAYMENTS_PAGE (show ("payments"));
  CandourPaymentList *list = candour_payments_page_get_list (page);
  g_autoptr(GError) error = NULL;
  /* The page keeps its list when the database changes: count from here. */
  guint before = candour_payment_list_get_pages_read (list);

  ck_assert_msg (candour_database_exec (db,
                                        "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) "
                                        "INSERT INTO payment (subcontract_id, amount, paid_on) "
                                        "SELECT (SELECT id FROM subcontract WHERE ref = 'SUB-02'), 1, '2020-01-01' FROM n",
                                        &error), "%s", error ? error->message : "");
  ck_assert (candour_session_reload (session, NULL));
  wait_for_payments (page);

  ck_assert_ptr_eq (candour_payments_page_get_list (page), list);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), 50198);
  /* GTK keeps about 200 rows around the ones in view: four pages, give or take one. */
  ck_assert_uint_le (candour_payment_list_get_pages_read (list) - before, 5);

  /* Sorting and searching happen in SQL, and again only the rows in view are read. */
  candour_payments_page_sort (page, CANDOUR_PAYMENT_SORT_PAID_ON, TRUE);
  wait_for_payments (page);
  ck_assert_uint_le (candour_payment_list_get_pages_read (list) - before, 10);
  candour_payments_page_set_search (page, "African Caribbean");
  wait_for_payments (page);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), 50014);
  ck_assert_uint_le (candour_payment_list_get_pages_read (list) - before, 15);
  candour_payments_page_set_search (page, NULL);
  candour_payments_page_sort (page, CANDOUR_PAYMENT_SORT_NONE, FALSE);
  wait_for_payments (page);

  ck_assert (candour_database_exec (db, "DELETE FROM payment WHERE paid_on = '2020-01-01' AND ref IS NULL", NULL));
  ck_assert (candour_session_reload (session, NULL));
  wait_for_payments (page);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (list)), 198);
}
END_TEST

static char *
read_text (const char *path,
           gsize      *length)
{
  g_autofree char *text = NULL;

  ck_assert (g_file_get_contents (path, &text, length, NULL));
  return g_steal_pointer (&text);
}

/* strstr for files that hold NUL bytes, such as a PDF's compressed streams. */
static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

START_TEST (test_reports)
{
  CandourReportsPage *page = CANDOUR_REPORTS_PAGE (show ("reports"));
  CandourReportView *scorecard = candour_reports_page_get_view (page, "scorecard");
  CandourReportView *shares = candour_reports_page_get_view (page, "shares");
  CandourReportView *times = candour_reports_page_get_view (page, "payment-times");
  g_autofree char *csv_path = g_build_filename (folder, "scorecard.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (folder, "scorecard.pdf", NULL);
  g_autofree char *times_pdf = g_build_filename (folder, "payment-times.pdf", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  /* Each report is worked out when it is first shown, on a worker. */
  ck_assert_uint_eq (g_list_model_get_n_items (candour_report_view_get_rows (shares)), 0);
  candour_reports_page_show (page, "shares");
  test_app_wait ();
  candour_reports_page_show (page, "payment-times");
  test_app_wait ();
  candour_reports_page_show (page, "scorecard");
  test_app_wait ();

  ck_assert_uint_eq (g_list_model_get_n_items (candour_report_view_get_rows (scorecard)), 5);
  ck_assert_uint_eq (g_list_model_get_n_items (candour_report_view_get_rows (shares)), 7);
  ck_assert_uint_eq (g_list_model_get_n_items (candour_report_view_get_rows (times)), 7);
  ck_assert_uint_eq (candour_bar_chart_get_n_categories (candour_report_view_get_chart (shares)), 7);
  /* CON-01 requires 25 % for smaller organisations and gets 10 %. */
  ck_assert_str_eq (candour_bar_chart_get_category_label (candour_report_view_get_chart (shares), 0),
                    "CON-01 · Kindred Pathways");
  ck_assert_int_eq (candour_bar_chart_get_value (candour_report_view_get_chart (shares), 0, 1), 100);
  ck_assert_int_eq (candour_bar_chart_get_value (candour_report_view_get_chart (shares), 0, 2), 250);
  /* Colours mean one thing: paid in good time is the green paid is everywhere; over 60
   * days is never that green. */
  {
    CandourBarChart *paid = candour_report_view_get_chart (scorecard);
    CandourBarChart *days = candour_report_view_get_chart (times);

    ck_assert_str_eq (candour_bar_chart_get_series_name (paid, 2), "Paid");
    ck_assert_int_eq (candour_bar_chart_get_series_colour (paid, 2), CANDOUR_CHART_GREEN);
    ck_assert_str_eq (candour_bar_chart_get_series_name (days, 0), "Within 30 days");
    ck_assert_int_eq (candour_bar_chart_get_series_colour (days, 0), CANDOUR_CHART_GREEN);
    ck_assert_str_eq (candour_bar_chart_get_series_name (days, 2), "Over 60 days");
    ck_assert_int_eq (candour_bar_chart_get_series_colour (days, 2), CANDOUR_CHART_ORANGE);
    ck_assert_int_eq (candour_bar_chart_get_series_colour (days, 3), CANDOUR_CHART_RED);
  }

  /* The CSV is the core's, as candour-cli scorecard writes it. */
  ck_assert_msg (candour_report_view_write_csv (scorecard, csv_path, &error), "%s", error ? error->message : "");
  csv = read_text (csv_path, &length);
  ck_assert (g_str_has_prefix (csv, "\xEF\xBB\xBF" "lead_ref,lead_name,bids_won,partners_named,honoured,"
                                    "bid_candy,short_changed,underpaid,awaiting_subcontract,pending,"
                                    "promised,subcontracted,paid,promise_kept_percent\r\n"
                                    "ORG-CORVANE,Corvane Support Services Ltd,1,4,1,1,1,1,0,0,"
                                    "215000.00,159000.00,64249.85,74.0\r\n"));

  ck_assert_msg (candour_report_view_write_pdf (scorecard, pdf_path, &error), "%s", error ? error->message : "");
  ck_assert_msg (candour_report_view_write_pdf (times, times_pdf, &error), "%s", error ? error->message : "");
  pdf = read_text (pdf_path, &length);
  ck_assert (g_str_has_prefix (pdf, "%PDF-"));
  /* Thirteen columns: the page turns to landscape A4. */
  ck_assert_msg (contains (pdf, length, "/MediaBox [ 0 0 841.89"), "not a landscape A4 page");
}
END_TEST

/* More contracts than a chart can show: the twelve of the highest value, largest
 * first, a caption saying where the rest are, and the table keeps them all. */
static char *cli_path (void);
static char *pdf_text_undated (const char  *path,
                               char       **made_on);

/* Each payer's row as "ref payments average-days-tenths within-30-tenths late-tenths". */
static void
assert_times_rows (CandourReportView   *view,
                   const char * const  *expected,
                   guint                n_expected)
{
  GListModel *rows = candour_report_view_get_rows (view);

  ck_assert_uint_eq (g_list_model_get_n_items (rows), n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(CandourReportRow) row = g_list_model_get_item (rows, i);
      g_autofree char *line = g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                               " %" G_GINT64_FORMAT, candour_report_row_get_text (row, 0),
                                               candour_report_row_get_value (row, 2),
                                               candour_report_row_get_value (row, 3),
                                               candour_report_row_get_value (row, 4),
                                               candour_report_row_get_value (row, 7));

      ck_assert_str_eq (line, expected[i]);
    }
}

/* Types two days into the period popover and presses Show These Payments. */
static void
type_period (CandourPeriodPopover *popover,
             const char           *from,
             const char           *to)
{
  gtk_editable_set_text (candour_period_popover_get_entry (popover, FALSE), from);
  gtk_editable_set_text (candour_period_popover_get_entry (popover, TRUE), to);
  g_signal_emit_by_name (candour_period_popover_get_apply (popover), "clicked");
  test_app_wait ();
}

START_TEST (test_payment_times_period)
{
  /* The demo as the CLI times it: candour-cli payment-times --period 2024-25. */
  static const char * const last_year[] = {
    "ORG-CORVANE 39 239 923 77",
    "ORG-HCAC 40 102 1000 0",
    "ORG-HCVS 2 70 1000 0",
    "ORG-HMBC 22 228 1000 0",
    "ORG-KINDRED 21 287 905 95",
    "ORG-PVICB 4 403 250 750",
    "ORG-THREADWELL 16 258 938 63",
  };
  /* --from 01/04/2025 --to 30/06/2025, the first quarter of 2025–26. */
  static const char * const first_quarter[] = {
    "ORG-CORVANE 9 256 889 111",
    "ORG-HCAC 12 102 1000 0",
    "ORG-HCVS 1 50 1000 0",
    "ORG-HMBC 10 212 1000 0",
    "ORG-KINDRED 3 260 1000 0",
    "ORG-PVICB 1 330 0 1000",
    "ORG-THREADWELL 8 391 625 375",
  };
  GSettings *settings = candour_application_get_settings (test_app_get_application ());
  CandourReportsPage *page = CANDOUR_REPORTS_PAGE (show ("reports"));
  CandourReportView *times = candour_reports_page_get_view (page, "payment-times");
  CandourReportView *shares = candour_reports_page_get_view (page, "shares");
  CandourPeriodPopover *popover = candour_report_view_get_period_popover (times);
  GtkMenuButton *button = candour_report_view_get_period_button (times);
  GtkLabel *line = candour_report_view_get_period_label (times);
  GtkLabel *error_label = candour_period_popover_get_error (popover);
  g_autofree char *csv_path = g_build_filename (folder, "payment-times-period.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  candour_reports_page_show (page, "payment-times");
  test_app_wait ();
  /* Only payment times counts payments over a period. */
  ck_assert (gtk_widget_is_drawable (GTK_WIDGET (button)));
  ck_assert (!gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (candour_report_view_get_period_button (shares)))));
  ck_assert_str_eq (gtk_menu_button_get_label (button), "All time");
  ck_assert_str_eq (gtk_label_get_label (line), "Every payment recorded, whenever it was made.");
  ck_assert_uint_eq (g_list_model_get_n_items (candour_report_view_get_rows (times)), 7);

  /* Each choice shows its days, counted from the day the window judges as of. */
  gtk_menu_button_popup (button);
  test_app_wait ();
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (popover), "2025\u201326: 01/04/2025 to 31/03/2026"));
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (popover), "2024\u201325: 01/04/2024 to 31/03/2025"));
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (popover), "Q1 of 2025\u201326: 01/04/2025 to 30/06/2025"));
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (popover), "Q4 of 2024\u201325: 01/01/2025 to 31/03/2025"));

  gtk_check_button_set_active (candour_period_popover_get_button (popover, CANDOUR_REPORTING_LAST_YEAR), TRUE);
  test_app_wait ();
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (popover)));
  ck_assert_str_eq (gtk_menu_button_get_label (button), "Last financial year");
  ck_assert_str_eq (gtk_label_get_label (line),
                    "Payments made 01/04/2024 to 31/03/2025, the financial year 2024\u201325.");
  assert_times_rows (times, last_year, G_N_ELEMENTS (last_year));
  /* Kept for next time. */
  {
    g_autofree char *kept = g_settings_get_string (settings, "payment-times-period");

    ck_assert_str_eq (kept, "last_year");
  }
  /* The export carries the period chosen. */
  ck_assert_msg (candour_report_view_write_csv (times, csv_path, &error), "%s", error ? error->message : "");
  csv = read_text (csv_path, &length);
  ck_assert (strstr (csv, "\r\nORG-CORVANE,Corvane Support Services Ltd,39,23.9,92.3,0.0,7.7,7.7\r\n") != NULL);
  /* So does the PDF, as candour-cli payment-times --period 2024-25 draws it. */
  {
    g_autofree char *cli = cli_path ();
    const char *db_path = candour_database_get_path (candour_session_get_database (candour_window_get_session (window)));
    g_autofree char *app_pdf = g_build_filename (folder, "app-payment-times-2024-25.pdf", NULL);
    g_autofree char *cli_pdf = g_build_filename (folder, "cli-payment-times-2024-25.pdf", NULL);
    g_autofree char *app_made = NULL;
    g_autofree char *cli_made = NULL;
    g_autofree char *app_text = NULL;
    g_autofree char *cli_text = NULL;

    ck_assert_msg (candour_report_view_write_pdf (times, app_pdf, &error), "%s", error ? error->message : "");
    g_free (test_spawn_output ((const char *[]) { cli, "--db", db_path, "payment-times", "--period", "2024-25",
                                                  "--format", "pdf", "--output", cli_pdf, NULL }));
    app_text = pdf_text_undated (app_pdf, &app_made);
    cli_text = pdf_text_undated (cli_pdf, &cli_made);
    ck_assert_msg (strstr (app_text, "Payments made 01/04/2024 to 31/03/2025, the financial year 2024\u201325. "
                                     "Made on (today).") != NULL, "%s", app_text);
    ck_assert_str_eq (app_text, cli_text);
  }

  /* Two days: refused with the reason until they are two days in order. */
  gtk_menu_button_popup (button);
  test_app_wait ();
  gtk_check_button_set_active (candour_period_popover_get_button (popover, CANDOUR_REPORTING_BETWEEN), TRUE);
  test_app_wait ();
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (popover)));
  type_period (popover, "01/04/2025", "31/02/2025");
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  ck_assert_str_eq (gtk_label_get_label (error_label),
                    "To: '31/02/2025' is not a real date: February 2025 has 28 days");
  type_period (popover, "30/06/2025", "01/04/2025");
  ck_assert_str_eq (gtk_label_get_label (error_label),
                    "30/06/2025 is after 01/04/2025; no payment could be in between");
  type_period (popover, "", "");
  ck_assert_str_eq (gtk_label_get_label (error_label), "Give a day in From or To, as DD/MM/YYYY, or both.");
  /* Nothing changed meanwhile. */
  ck_assert_str_eq (gtk_menu_button_get_label (button), "Last financial year");
  assert_times_rows (times, last_year, G_N_ELEMENTS (last_year));

  type_period (popover, "1/4/2025", "30/06/2025");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (popover)));
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (error_label)));
  ck_assert_str_eq (gtk_menu_button_get_label (button), "01/04/2025 to 30/06/2025");
  ck_assert_str_eq (gtk_label_get_label (line), "Payments made 01/04/2025 to 30/06/2025.");
  assert_times_rows (times, first_quarter, G_N_ELEMENTS (first_quarter));

  /* One end may stay open: the demo has nothing paid after its today, 30/06/2025. */
  gtk_menu_button_popup (button);
  test_app_wait ();
  type_period (popover, "01/04/2025", "");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (error_label)));
  ck_assert_str_eq (gtk_menu_button_get_label (button), "From 01/04/2025");
  ck_assert_str_eq (gtk_label_get_label (line), "Payments made from 01/04/2025 on.");
  assert_times_rows (times, first_quarter, G_N_ELEMENTS (first_quarter));
  gtk_menu_button_popup (button);
  test_app_wait ();
  type_period (popover, "", "31/03/2025");
  ck_assert_str_eq (gtk_menu_button_get_label (button), "Until 31/03/2025");
  {
    g_autofree char *kept = g_settings_get_string (settings, "payment-times-period");

    ck_assert_str_eq (kept, "between::2025-03-31");
  }
  /* What is kept is checked again as it is taken back. */
  ck_assert (!candour_period_popover_restore_state (popover, "next_decade"));
  ck_assert (!candour_period_popover_restore_state (popover, "between:2025-06-30:2025-04-01"));
  ck_assert (!candour_period_popover_restore_state (popover, "between:2025-02-31:"));
  ck_assert (!candour_period_popover_restore_state (popover, "between::"));
  ck_assert (candour_period_popover_restore_state (popover, "between:2025-04-01:"));
  {
    g_autofree char *label = candour_period_popover_dup_label (popover);

    ck_assert_str_eq (label, "From 01/04/2025");
    ck_assert_str_eq (gtk_editable_get_text (candour_period_popover_get_entry (popover, FALSE)), "01/04/2025");
    ck_assert_str_eq (gtk_editable_get_text (candour_period_popover_get_entry (popover, TRUE)), "");
  }
  ck_assert_str_eq (gtk_label_get_label (line), "Payments made up to 31/03/2025.");

  /* This quarter is the same days; with years starting in January, its second. */
  g_settings_set_int (settings, "financial-year-start-month", 1);
  gtk_check_button_set_active (candour_period_popover_get_button (popover, CANDOUR_REPORTING_THIS_QUARTER), TRUE);
  test_app_wait ();
  ck_assert_str_eq (gtk_menu_button_get_label (button), "This quarter");
  ck_assert_str_eq (gtk_label_get_label (line),
                    "Payments made 01/04/2025 to 30/06/2025, the second quarter of 2025.");
  assert_times_rows (times, first_quarter, G_N_ELEMENTS (first_quarter));
  g_settings_reset (settings, "financial-year-start-month");
  test_app_wait ();
  ck_assert_str_eq (gtk_label_get_label (line),
                    "Payments made 01/04/2025 to 30/06/2025, the first quarter of 2025\u201326.");

  /* Judged as of the last day of 2024–25, this financial year is that one. */
  gtk_check_button_set_active (candour_period_popover_get_button (popover, CANDOUR_REPORTING_THIS_YEAR), TRUE);
  candour_session_set_as_of (candour_window_get_session (window), "2025-03-31");
  test_app_wait ();
  ck_assert_str_eq (gtk_label_get_label (line),
                    "Payments made 01/04/2024 to 31/03/2025, the financial year 2024\u201325.");
  assert_times_rows (times, last_year, G_N_ELEMENTS (last_year));

  /* Back as the other tests expect it. */
  candour_session_set_as_of (candour_window_get_session (window), "2025-06-30");
  gtk_check_button_set_active (candour_period_popover_get_button (popover, CANDOUR_REPORTING_ALL_TIME), TRUE);
  test_app_wait ();
  ck_assert_str_eq (gtk_menu_button_get_label (button), "All time");
  ck_assert_uint_eq (g_list_model_get_n_items (candour_report_view_get_rows (times)), 7);
  g_settings_reset (settings, "payment-times-period");
}
END_TEST

/* A new window counts the payments the last one did, as the period was left. */
START_TEST (test_payment_times_period_kept)
{
  CandourApplication *application = test_app_get_application ();
  GSettings *settings = candour_application_get_settings (application);
  const char *path = candour_database_get_path (candour_session_get_database (candour_window_get_session (window)));
  CandourWindow *second;
  CandourReportsPage *page;
  CandourReportView *times;

  g_settings_set_string (settings, "payment-times-period", "last_quarter");
  second = g_object_new (CANDOUR_TYPE_WINDOW, "application", application, NULL);
  gtk_window_present (GTK_WINDOW (second));
  ck_assert (candour_window_open_path (second, path));
  candour_window_show_page (second, "reports");
  test_app_wait ();
  page = CANDOUR_REPORTS_PAGE (candour_window_get_page (second, "reports"));
  candour_reports_page_show (page, "payment-times");
  test_app_wait ();
  times = candour_reports_page_get_view (page, "payment-times");
  ck_assert_str_eq (gtk_menu_button_get_label (candour_report_view_get_period_button (times)), "Last quarter");
  ck_assert_str_eq (gtk_label_get_label (candour_report_view_get_period_label (times)),
                    "Payments made 01/01/2025 to 31/03/2025, the fourth quarter of 2024\u201325.");

  gtk_window_destroy (GTK_WINDOW (second));
  test_app_wait ();
  g_settings_reset (settings, "payment-times-period");
}
END_TEST

START_TEST (test_report_chart_shows_twelve)
{
  CandourSession *session = candour_window_get_session (window);
  CandourReportsPage *page = CANDOUR_REPORTS_PAGE (show ("reports"));
  CandourReportView *shares = candour_reports_page_get_view (page, "shares");
  CandourBarChart *chart = candour_report_view_get_chart (shares);
  GtkLabel *caption;
  g_autoptr(GError) error = NULL;

  /* Eight direct awards to Corvane, worth £5,000,001 to £5,000,008: more than any of
   * the demo's seven contracts (at most £3,600,000), so these come first. */
  ck_assert_msg (candour_database_exec (candour_session_get_database (session),
                   "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8) "
                   "INSERT INTO contract (ref, commissioner_id, lead_id, value, start_on, end_on) "
                   "SELECT 'CON-BIG-' || i, (SELECT commissioner_id FROM contract WHERE ref = 'CON-01'), "
                   "       (SELECT id FROM organisation WHERE ref = 'ORG-CORVANE'), "
                   "       500000000 + i * 100, '2024-04-01', '2026-03-31' FROM n",
                   &error), "%s", error ? error->message : "");
  ck_assert_msg (candour_session_reload (session, &error), "%s", error ? error->message : "");
  candour_reports_page_show (page, "shares");
  test_app_wait ();

  ck_assert_uint_eq (g_list_model_get_n_items (candour_report_view_get_rows (shares)), 15);
  ck_assert_uint_eq (candour_bar_chart_get_n_categories (chart), 12);
  ck_assert_str_eq (candour_bar_chart_get_category_label (chart, 0), "CON-BIG-8 · Corvane Support Services Ltd");
  ck_assert_str_eq (candour_bar_chart_get_category_label (chart, 7), "CON-BIG-1 · Corvane Support Services Ltd");
  /* Four of the demo's seven follow, in order of value; CON-03, 06 and 07 are left
   * to the table. */
  ck_assert_str_eq (candour_bar_chart_get_category_label (chart, 8), "CON-04 · Threadwell Housing Group");
  ck_assert (g_str_has_prefix (candour_bar_chart_get_category_label (chart, 9), "CON-01 · "));
  ck_assert (g_str_has_prefix (candour_bar_chart_get_category_label (chart, 10), "CON-02 · "));
  ck_assert (g_str_has_prefix (candour_bar_chart_get_category_label (chart, 11), "CON-05 · "));

  caption = GTK_LABEL (test_app_find_label (GTK_WIDGET (shares),
                                   "The 12 contracts of the highest value; 3 more are in the table below."));
  ck_assert_ptr_nonnull (caption);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (caption)));

  /* The scorecard's five lead providers all fit: no caption. */
  candour_reports_page_show (page, "scorecard");
  test_app_wait ();
  ck_assert_uint_eq (candour_bar_chart_get_n_categories (candour_report_view_get_chart (
                       candour_reports_page_get_view (page, "scorecard"))), 5);
  ck_assert (!shows_text_containing (GTK_WIDGET (candour_reports_page_get_view (page, "scorecard")),
                                     "more are in the table below"));
  ck_assert (shows_text_containing (GTK_WIDGET (shares), "more are in the table below"));
}
END_TEST

static void
wait_for_export (CandourReportView *view)
{
  while (candour_report_view_get_exporting (view))
    g_main_context_iteration (NULL, TRUE);
  test_app_wait ();
}

/* A temporary file left behind: they are hidden, named after the file they become. */
static gboolean
has_hidden_file (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  ck_assert_ptr_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.')
      return TRUE;
  return FALSE;
}

static guint
file_mode (const char *path)
{
  GStatBuf buf;

  ck_assert_int_eq (g_stat (path, &buf), 0);
  return buf.st_mode & 0777;
}

static GtkWidget *
button_labelled (GtkWidget  *widget,
                 const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Waits up to two seconds for a toast (or any label) saying text. */
static GtkWidget *
wait_for_label (const char *text)
{
  gint64 end = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;
  GtkWidget *label;

  while ((label = test_app_find_label (GTK_WIDGET (window), text)) == NULL && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return label;
}

/* Export PDF… draws on a worker thread: meanwhile the exports are off and Cancel is
 * on; then a toast, and the file is whole and its owner's only. */
START_TEST (test_reports_export_pdf)
{
  CandourReportsPage *page = CANDOUR_REPORTS_PAGE (show ("reports"));
  CandourReportView *shares = candour_reports_page_get_view (page, "shares");
  GtkWidget *export_button = button_labelled (GTK_WIDGET (shares), "Export _PDF…");

  candour_reports_page_show (page, "shares");
  test_app_wait ();
  g_autofree char *path = g_build_filename (folder, "contract-shares.pdf", NULL);
  g_autofree char *missing = g_build_filename (folder, "no such folder", "contract-shares.pdf", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *expected = NULL;
  AdwMessageDialog *dialog;
  gsize length;

  ck_assert_ptr_nonnull (export_button);
  ck_assert (gtk_widget_get_sensitive (export_button));
  candour_report_view_export_pdf (shares, path);
  ck_assert (candour_report_view_get_exporting (shares));
  ck_assert (!gtk_widget_get_sensitive (export_button));
  ck_assert (!gtk_widget_get_sensitive (button_labelled (GTK_WIDGET (shares), "Export _CSV…")));
  ck_assert (gtk_widget_get_sensitive (button_labelled (GTK_WIDGET (shares), "_Cancel")));

  wait_for_export (shares);
  ck_assert (gtk_widget_get_sensitive (export_button));
  ck_assert_ptr_nonnull (wait_for_label ("Saved contract-shares.pdf"));
  /* The toast offers Open, the file's own path in hand. */
  {
    GtkWidget *toast = test_app_find_css_name (GTK_WIDGET (candour_window_get_toast_overlay (window)), "toast");
    GtkWidget *open = toast != NULL ? button_labelled (toast, "_Open") : NULL;

    ck_assert_ptr_nonnull (open);
    ck_assert_str_eq (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), "win.open-file");
    ck_assert_str_eq (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (open)), NULL),
                      path);
  }
  pdf = read_text (path, &length);
  ck_assert (g_str_has_prefix (pdf, "%PDF-"));
  ck_assert (contains (pdf, length, "%%EOF"));
  ck_assert_uint_eq (file_mode (path), 0600);
  ck_assert (!has_hidden_file (folder));
  /* Read back as a commissioner's viewer would: every contract, "page 1 of N" on a
   * report of N pages, and who made it and of what. */
  {
    g_autofree char *text = test_spawn_output ((const char *[]) { "pdftotext", "-layout", path, "-", NULL });
    g_autofree char *info = test_spawn_output ((const char *[]) { "pdfinfo", path, NULL });
    g_autoptr(GRegex) pages = g_regex_new ("^Pages: +([0-9]+)$", G_REGEX_MULTILINE, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    g_autofree char *n_pages = NULL;
    g_autofree char *first_footer = NULL;

    for (guint i = 1; i <= 7; i++)
      {
        g_autofree char *contract = g_strdup_printf ("CON-%02u", i);

        ck_assert_msg (strstr (text, contract) != NULL, "%s is not in the PDF:\n%s", contract, text);
      }
    /* Names, not refs: the table's leads read as the chart's do. */
    ck_assert_msg (strstr (text, "ORG-KINDRED") == NULL, "a lead by its ref:\n%s", text);
    ck_assert (strstr (text, "Threadwell Housing") != NULL);
    ck_assert (g_regex_match (pages, info, 0, &match));
    n_pages = g_match_info_fetch (match, 1);
    first_footer = g_strdup_printf ("Candour · Contract Shares · page 1 of %s", n_pages);
    ck_assert_msg (strstr (text, first_footer) != NULL, "no '%s' in:\n%s", first_footer, text);
    ck_assert_msg (g_regex_match_simple ("^Subject: +Harrowfield demo$", info, G_REGEX_MULTILINE, 0), "%s", info);
    ck_assert_msg (g_regex_match_simple ("^Author: +[^ ]", info, G_REGEX_MULTILINE, 0), "%s", info);
  }

  /* A folder that is not there: a dialog says so, in words. */
  candour_report_view_export_pdf (shares, missing);
  wait_for_export (shares);
  dialog = test_app_find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Could Not Export");
  expected = g_strdup_printf ("Could not write %s: the folder %s/no such folder does not exist. "
                              "Nothing was written; create the folder first, or choose another.",
                              missing, folder);
  ck_assert_str_eq (adw_message_dialog_get_body (dialog), expected);
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_app_wait ();
}
END_TEST

/* Cancel: the file is as it was, and nothing half-written is left beside it. */
START_TEST (test_reports_export_pdf_cancelled)
{
  CandourReportsPage *page = CANDOUR_REPORTS_PAGE (show ("reports"));
  CandourReportView *scorecard = candour_reports_page_get_view (page, "scorecard");
  g_autofree char *earlier = g_build_filename (folder, "scorecard.pdf", NULL);
  g_autofree char *fresh = g_build_filename (folder, "scorecard-new.pdf", NULL);
  g_autofree char *text = NULL;
  gsize length;

  ck_assert (g_file_set_contents (earlier, "the earlier scorecard", -1, NULL));
  candour_report_view_export_pdf (scorecard, earlier);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (scorecard), "report.cancel-export", NULL));
  wait_for_export (scorecard);
  text = read_text (earlier, &length);
  ck_assert_str_eq (text, "the earlier scorecard");
  ck_assert (!has_hidden_file (folder));
  ck_assert_ptr_null (test_app_find_message_dialog ());

  candour_report_view_export_pdf (scorecard, fresh);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (scorecard), "report.cancel-export", NULL));
  wait_for_export (scorecard);
  ck_assert (!g_file_test (fresh, G_FILE_TEST_EXISTS));
  ck_assert (!has_hidden_file (folder));
  /* Nothing to cancel now. */
  ck_assert (!gtk_widget_get_sensitive (button_labelled (GTK_WIDGET (scorecard), "_Cancel")));
}
END_TEST

/* Export Spreadsheet…: the report worked out again on a worker and written by the
 * core's writer, then a toast; a folder that is not there is named in a dialog. */
START_TEST (test_reports_export_xlsx)
{
  CandourReportsPage *page = CANDOUR_REPORTS_PAGE (show ("reports"));
  CandourReportView *scorecard = candour_reports_page_get_view (page, "scorecard");
  GtkWidget *button = button_labelled (GTK_WIDGET (scorecard), "Export _Spreadsheet…");
  g_autofree char *path = g_build_filename (folder, "scorecard.xlsx", NULL);
  g_autofree char *missing = g_build_filename (folder, "no such folder", "scorecard.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autofree char *core = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *suggested = NULL;
  GtkNativeDialog *chooser;
  AdwMessageDialog *dialog;

  candour_reports_page_show (page, "scorecard");
  test_app_wait ();
  ck_assert_ptr_nonnull (button);
  ck_assert (gtk_widget_get_sensitive (button));
  ck_assert_str_eq (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "report.export-xlsx");

  /* The button's way: the chooser suggests the report's name. */
  ck_assert (gtk_widget_activate_action (button, "report.export-xlsx", NULL));
  chooser = candour_export_chooser_get (GTK_WIDGET (scorecard));
  ck_assert_ptr_nonnull (chooser);
  ck_assert_str_eq (gtk_native_dialog_get_title (chooser), "Export Report as Spreadsheet");
  suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  ck_assert_str_eq (suggested, "scorecard.xlsx");
  test_app_choose_file (chooser, path);
  test_app_wait ();
  ck_assert_ptr_null (test_app_find_message_dialog ());
  ck_assert_str_eq (test_app_toast_title (candour_window_get_toast_overlay (window), "Saved scorecard.xlsx"),
                    "Saved scorecard.xlsx");
  ck_assert_uint_eq (file_mode (path), 0600);
  ck_assert (!has_hidden_file (folder));

  sheet = test_read_zip_part (path, "xl/worksheets/sheet1.xml");
  core = test_read_zip_part (path, "docProps/core.xml");
  ck_assert_ptr_nonnull (strstr (sheet, "<c r=\"A2\" t=\"inlineStr\"><is><t>ORG-CORVANE</t></is></c>"));
  ck_assert_ptr_nonnull (strstr (sheet, "<c r=\"K2\" s=\"2\"><v>215000</v></c>"));
  ck_assert_ptr_nonnull (strstr (sheet, "<c r=\"N2\" s=\"4\"><v>0.74</v></c>"));
  ck_assert_ptr_nonnull (strstr (sheet, "<pane ySplit=\"1\""));
  ck_assert_ptr_nonnull (strstr (sheet, "<autoFilter ref=\"A1:N6\"/>"));
  ck_assert_ptr_nonnull (strstr (core, "<dc:title>Lead Provider Scorecard as of 30/06/2025</dc:title>"));
  ck_assert_ptr_nonnull (strstr (core, "<dc:subject>Harrowfield demo</dc:subject>"));

  candour_report_view_export_xlsx (scorecard, missing);
  test_app_wait ();
  dialog = test_app_find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Could Not Export");
  expected = g_strdup_printf ("Could not write %s: the folder %s/no such folder does not exist. "
                              "Nothing was written; create the folder first, or choose another.",
                              missing, folder);
  ck_assert_str_eq (adw_message_dialog_get_body (dialog), expected);
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_app_wait ();
}
END_TEST

static guint
count_occurrences (const char *text,
                   const char *word)
{
  guint n = 0;

  for (const char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word))
    n++;
  return n;
}

static void
wait_for_findings_export (CandourFindingsPage *page)
{
  while (candour_findings_page_get_exporting (page))
    g_main_context_iteration (NULL, TRUE);
  test_app_wait ();
}

/* The Findings page exports what it shows, in its order: as the CLI's CSV, as a
 * spreadsheet, and as a PDF that says what was chosen and what the findings mean. */
START_TEST (test_findings_export)
{
  CandourFindingsPage *page = CANDOUR_FINDINGS_PAGE (show ("findings"));
  GtkWidget *button = test_app_find_by_tooltip (GTK_WIDGET (page),
                                                "Save or print the findings shown, as they are sorted");
  g_autofree char *csv_path = g_build_filename (folder, "findings.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (folder, "findings.xlsx", NULL);
  g_autofree char *pdf_path = g_build_filename (folder, "findings.pdf", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *core = NULL;
  g_autofree char *cancelled_path = g_build_filename (folder, "findings-cancelled.pdf", NULL);
  GtkWidget *cancel;
  GtkWidget *progress;
  gsize length;

  candour_findings_page_set_status (page, "bid_candy");
  candour_findings_page_set_lead (page, "Kindred Pathways");
  ck_assert_uint_eq (n_shown (page), 3);
  ck_assert_ptr_nonnull (button);
  ck_assert (GTK_IS_MENU_BUTTON (button));
  ck_assert (gtk_widget_get_sensitive (button));

  candour_findings_page_export (page, CANDOUR_FINDINGS_EXPORT_CSV, csv_path);
  ck_assert (candour_findings_page_get_exporting (page));
  ck_assert (!gtk_widget_get_sensitive (button));
  /* Meanwhile Cancel is offered beside it, and a bar says what is being saved. */
  cancel = test_app_find_by_tooltip (GTK_WIDGET (page), "Stop writing the file; nothing is left half-written");
  ck_assert_ptr_nonnull (cancel);
  ck_assert (gtk_widget_get_visible (cancel));
  progress = test_app_find_css_name (GTK_WIDGET (page), "progressbar");
  ck_assert_ptr_nonnull (progress);
  ck_assert (gtk_widget_get_visible (progress));
  ck_assert_str_eq (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (progress)), "Saving findings.csv…");
  wait_for_findings_export (page);
  ck_assert (gtk_widget_get_sensitive (button));
  ck_assert (!gtk_widget_get_visible (cancel));
  ck_assert (!gtk_widget_get_visible (progress));
  ck_assert_str_eq (test_app_toast_title (candour_window_get_toast_overlay (window), "Saved findings.csv"),
                    "Saved findings.csv");
  /* Open, and Show in Folder beside the words. */
  {
    GtkWidget *toast = test_app_find_css_name (GTK_WIDGET (candour_window_get_toast_overlay (window)), "toast");
    GtkWidget *show = button_labelled (toast, "Show in _Folder");
    GtkWidget *open = button_labelled (toast, "_Open");

    ck_assert_ptr_nonnull (show);
    ck_assert_ptr_nonnull (open);
    ck_assert_str_eq (gtk_actionable_get_action_name (GTK_ACTIONABLE (show)), "win.show-in-folder");
    ck_assert_str_eq (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (show)), NULL),
                      csv_path);
    ck_assert_str_eq (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), "win.open-file");
    ck_assert (gtk_widget_is_sensitive (show));
  }
  ck_assert_uint_eq (file_mode (csv_path), 0600);
  csv = read_text (csv_path, &length);
  ck_assert_str_eq (csv, "\xEF\xBB\xBF"
    "bid_ref,contract_ref,lead_ref,lead_name,partner_ref,partner_name,partner_size,consent,"
    "promised,subcontracted,due,paid,status\r\n"
    "BID-01,CON-01,ORG-KINDRED,Kindred Pathways,ORG-GREENWAY,Greenway Allotment Therapy CIC,small,unknown,"
    ",0.00,0.00,0.00,bid_candy\r\n"
    "BID-01,CON-01,ORG-KINDRED,Kindred Pathways,ORG-ODR,Open Door Recovery Harrowfield,medium,yes,"
    "90000.00,0.00,0.00,0.00,bid_candy\r\n"
    "BID-01,CON-01,ORG-KINDRED,Kindred Pathways,ORG-VOICES,Harrowfield Hearing Voices Group,unknown,no,"
    "30000.00,0.00,0.00,0.00,bid_candy\r\n");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "page.export-xlsx", NULL));
  ck_assert_str_eq (gtk_native_dialog_get_title (candour_export_chooser_get (GTK_WIDGET (page))),
                    "Export Findings as Spreadsheet");
  test_app_choose_file (candour_export_chooser_get (GTK_WIDGET (page)), xlsx_path);
  ck_assert_ptr_null (candour_export_chooser_get (GTK_WIDGET (page)));
  wait_for_findings_export (page);
  sheet = test_read_zip_part (xlsx_path, "xl/worksheets/sheet1.xml");
  core = test_read_zip_part (xlsx_path, "docProps/core.xml");
  /* Three rows under the header, thirteen columns; money as numbers. */
  ck_assert_ptr_nonnull (strstr (sheet, "<autoFilter ref=\"A1:M4\"/>"));
  ck_assert_ptr_nonnull (strstr (sheet, "<c r=\"F3\" t=\"inlineStr\"><is><t>Open Door Recovery Harrowfield</t></is></c>"));
  ck_assert_ptr_nonnull (strstr (sheet, "<c r=\"I3\" s=\"2\"><v>90000</v></c>"));
  ck_assert_ptr_nonnull (strstr (core, "<dc:title>Findings</dc:title>"));

  candour_findings_page_export (page, CANDOUR_FINDINGS_EXPORT_PDF, pdf_path);
  wait_for_findings_export (page);
  /* Its toast waits behind the others (a window under test is never active). */
  ck_assert_ptr_null (test_app_find_message_dialog ());
  ck_assert_uint_eq (file_mode (pdf_path), 0600);
  {
    g_autofree char *text = test_spawn_output ((const char *[]) { "pdftotext", pdf_path, "-", NULL });
    g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *flat = NULL;

    ck_assert_msg (strstr (text, "Greenway Allotment Therapy CIC") != NULL, "%s", text);
    ck_assert (strstr (text, "Open Door Recovery Harrowfield") != NULL);
    ck_assert (strstr (text, "Harrowfield Hearing Voices Group") != NULL);
    ck_assert_msg (strstr (text, "ORG-") == NULL, "a ref where a name belongs:\n%s", text);
    ck_assert (strstr (text, "Candour · Findings · page 1 of 1") != NULL);
    /* The last columns too, on every row: subcontracted, due and paid are £0.00 in each
     * of the three, and so is the headline "Paid to them". */
    ck_assert_uint_eq (count_occurrences (text, "£0.00"), 3 * 3 + 1);
    /* Which findings, how they were judged, and the words explained. */
    flat = g_regex_replace (space, text, -1, 0, " ", 0, NULL);
    ck_assert_msg (strstr (flat, "Shown: Bid candy only, lead provider Kindred Pathways.") != NULL, "%s", flat);
    ck_assert (strstr (flat, "Judged as of 30/06/2025, allowing 90 days for a subcontract") != NULL);
    ck_assert (strstr (flat, "Bid candy Named in the bid, but no subcontract once the days allowed had passed") != NULL);
    /* Only the findings the table has. */
    ck_assert (strstr (flat, "Subcontracted as promised and paid what was due") == NULL);
  }

  candour_findings_page_set_status (page, NULL);
  candour_findings_page_set_lead (page, NULL);
  ck_assert_uint_eq (n_shown (page), 23);
  test_app_dismiss_toasts (candour_window_get_toast_overlay (window));

  /* Cancelled before the worker has drawn a row: no file, and nothing said. */
  candour_findings_page_export (page, CANDOUR_FINDINGS_EXPORT_PDF, cancelled_path);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "page.cancel-export", NULL));
  wait_for_findings_export (page);
  ck_assert (!g_file_test (cancelled_path, G_FILE_TEST_EXISTS));
  ck_assert (!has_hidden_file (folder));
  ck_assert_ptr_null (test_app_find_message_dialog ());
  ck_assert_ptr_null (test_app_find_css_name (GTK_WIDGET (candour_window_get_toast_overlay (window)), "toast"));
}
END_TEST

/* The pages are laid out on a worker, then printed in one go on this thread: once the
 * file is there, it is whole. */
static void
wait_for_printed (const char *path)
{
  gint64 end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  ck_assert_msg (g_file_test (path, G_FILE_TEST_EXISTS), "%s was not printed", path);
  ck_assert_ptr_null (test_app_find_message_dialog ());
}

/* Print… sends the PDF's pages, scaled to the paper: here to a file, as the print
 * dialog's "Print to File" would, through the same operation. */
START_TEST (test_print)
{
  CandourFindingsPage *findings = CANDOUR_FINDINGS_PAGE (show ("findings"));
  CandourReportsPage *reports = NULL;
  CandourReportView *scorecard = NULL;
  g_autofree char *findings_path = g_build_filename (folder, "findings-printed.pdf", NULL);
  g_autofree char *scorecard_path = g_build_filename (folder, "scorecard-printed.pdf", NULL);

  candour_findings_page_set_status (findings, "underpaid");
  ck_assert_uint_eq (n_shown (findings), 3);
  candour_findings_page_print (findings, findings_path);
  wait_for_printed (findings_path);
  {
    g_autofree char *text = test_spawn_output ((const char *[]) { "pdftotext", findings_path, "-", NULL });
    g_autofree char *info = test_spawn_output ((const char *[]) { "pdfinfo", findings_path, NULL });

    ck_assert_msg (strstr (text, "Findings") != NULL, "%s", text);
    /* The three rows, the headline figure, "Shown: Underpaid only" and the glossary. */
    ck_assert_uint_eq (count_occurrences (text, "Underpaid"), 3 + 1 + 1 + 1);
    ck_assert (strstr (text, "Candour · Findings · page 1 of 1") != NULL);
    /* A4, turned as the PDF is. */
    ck_assert_msg (g_regex_match_simple ("^Page size: +841\\.89 x 595\\.27", info, G_REGEX_MULTILINE, 0), "%s", info);
  }
  candour_findings_page_set_status (findings, NULL);

  reports = CANDOUR_REPORTS_PAGE (show ("reports"));
  scorecard = candour_reports_page_get_view (reports, "scorecard");
  candour_reports_page_show (reports, "scorecard");
  test_app_wait ();
  candour_report_view_print (scorecard, scorecard_path);
  wait_for_printed (scorecard_path);
  {
    g_autofree char *text = test_spawn_output ((const char *[]) { "pdftotext", scorecard_path, "-", NULL });

    ck_assert_msg (strstr (text, "Corvane Support Services Ltd") != NULL, "%s", text);
    ck_assert (strstr (text, "What each finding means") != NULL);
  }
  test_app_dismiss_toasts (candour_window_get_toast_overlay (window));
}
END_TEST

/* candour-cli: as meson names it (CANDOUR_CLI), or where it is built beside this test. */
static char *
cli_path (void)
{
  g_autofree char *self = NULL;
  g_autofree char *tests = NULL;

  if (g_getenv ("CANDOUR_CLI") != NULL)
    return g_strdup (g_getenv ("CANDOUR_CLI"));
  self = g_file_read_link ("/proc/self/exe", NULL);
  ck_assert_ptr_nonnull (self);
  tests = g_path_get_dirname (self);
  return g_build_filename (tests, "..", "src", "cli", "candour-cli", NULL);
}

/* A PDF's text as pdftotext lays it out, without the day it was made (which a long
 * dateline puts on a line of its own). */
static char *
pdf_text_undated (const char *path,
                  char      **made_on)
{
  g_autofree char *text = test_spawn_output ((const char *[]) { "pdftotext", "-layout", path, "-", NULL });
  g_autoptr(GRegex) made = g_regex_new ("Made on\\s+[0-9]{2}/[0-9]{2}/[0-9]{4}\\.", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  ck_assert_msg (g_regex_match (made, text, 0, &match), "no \"Made on\" in %s:\n%s", path, text);
  *made_on = g_match_info_fetch (match, 0);
  return g_regex_replace_literal (made, text, -1, 0, "Made on (today).", 0, NULL);
}

/* Where two texts part, short enough for Check's message: the line in each. */
static char *
first_difference (const char *a,
                  const char *b)
{
  g_auto(GStrv) a_lines = g_strsplit (a, "\n", -1);
  g_auto(GStrv) b_lines = g_strsplit (b, "\n", -1);
  guint i = 0;

  while (a_lines[i] != NULL && b_lines[i] != NULL && g_str_equal (a_lines[i], b_lines[i]))
    i++;
  return g_strdup_printf ("line %u is \"%.200s\" in the app's and \"%.200s\" in the CLI's", i + 1,
                          a_lines[i] != NULL ? a_lines[i] : "(the end)", b_lines[i] != NULL ? b_lines[i] : "(the end)");
}

/* Each page as pdftoppm draws it at 40 dpi, as bytes. */
static GPtrArray *
pdf_pages (const char *path)
{
  g_autofree char *prefix = g_strconcat (path, "-page", NULL);
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_free (test_spawn_output ((const char *[]) { "pdftoppm", "-png", "-r", "40", path, prefix, NULL }));

  for (guint i = 1;; i++)
    {
      g_autofree char *page = g_strdup_printf ("%s-%u.png", prefix, i);
      char *data = NULL;
      gsize length;

      if (!g_file_get_contents (page, &data, &length, NULL))
        break;
      g_ptr_array_add (pages, g_bytes_new_take (data, length));
      g_unlink (page);
    }
  return pages;
}

/* candour-cli --format pdf draws what the application draws: each report and the
 * findings as the app exports them, the CLI's made from the same database file. */
START_TEST (test_cli_pdfs_are_the_apps)
{
  const char * const reports[] = { "scorecard", "shares", "payment-times" };
  CandourSession *session = candour_window_get_session (window);
  const char *db_path = candour_database_get_path (candour_session_get_database (session));
  g_autofree char *cli = cli_path ();

  ck_assert_msg (g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE), "no candour-cli at %s", cli);
  for (guint i = 0; i < G_N_ELEMENTS (reports) + 1; i++)
    {
      const char *name = i < G_N_ELEMENTS (reports) ? reports[i] : "reconcile";
      g_autofree char *app_file = g_strdup_printf ("app-%s.pdf", name);
      g_autofree char *cli_file = g_strdup_printf ("cli-%s.pdf", name);
      g_autofree char *app_pdf = g_build_filename (folder, app_file, NULL);
      g_autofree char *cli_pdf = g_build_filename (folder, cli_file, NULL);
      g_autofree char *app_made = NULL;
      g_autofree char *cli_made = NULL;
      g_autofree char *app_text = NULL;
      g_autofree char *cli_text = NULL;
      g_autoptr(GError) error = NULL;

      if (i < G_N_ELEMENTS (reports))
        {
          CandourReportsPage *page = CANDOUR_REPORTS_PAGE (show ("reports"));
          CandourReportView *view = candour_reports_page_get_view (page, name);

          candour_reports_page_show (page, name);
          test_app_wait ();
          ck_assert_msg (candour_report_view_write_pdf (view, app_pdf, &error), "%s",
                         error ? error->message : "");
        }
      else
        {
          /* Every finding, most serious first, as the page first shows them. */
          CandourFindingsPage *findings = CANDOUR_FINDINGS_PAGE (show ("findings"));

          ck_assert_uint_eq (n_shown (findings), 23);
          candour_findings_page_export (findings, CANDOUR_FINDINGS_EXPORT_PDF, app_pdf);
          wait_for_findings_export (findings);
        }
      /* Judged as of the app's day; the others are as the data stands. */
      if (i == 0 || i == G_N_ELEMENTS (reports))
        g_free (test_spawn_output ((const char *[]) { cli, "--db", db_path, name, "--as-of", TODAY,
                                                      "--format", "pdf", "--output", cli_pdf, NULL }));
      else
        g_free (test_spawn_output ((const char *[]) { cli, "--db", db_path, name,
                                                      "--format", "pdf", "--output", cli_pdf, NULL }));
      app_text = pdf_text_undated (app_pdf, &app_made);
      cli_text = pdf_text_undated (cli_pdf, &cli_made);
      if (!g_str_equal (cli_text, app_text))
        {
          g_autofree char *where = first_difference (app_text, cli_text);

          ck_abort_msg ("%s: the CLI's PDF is not the app's: %s", name, where);
        }
      /* Made the same day (not either side of midnight): the same pages, pixel for pixel. */
      if (g_str_equal (app_made, cli_made))
        {
          g_autoptr(GPtrArray) app_pages = pdf_pages (app_pdf);
          g_autoptr(GPtrArray) cli_pages = pdf_pages (cli_pdf);

          ck_assert_uint_gt (app_pages->len, 0);
          ck_assert_uint_eq (cli_pages->len, app_pages->len);
          for (guint p = 0; p < app_pages->len; p++)
            ck_assert_msg (g_bytes_equal (cli_pages->pdata[p], app_pages->pdata[p]), "%s: page %u differs",
                           name, p + 1);
        }
    }
  test_app_dismiss_toasts (candour_window_get_toast_overlay (window));
}
END_TEST

typedef struct
{
  gboolean done;
  GError *error;
} Written;

static void
on_pdf_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Written *written = user_data;

  candour_pdf_report_write_finish (result, &written->error);
  written->done = TRUE;
}

/* Cancelled half-way through a long table, on its worker thread: the temporary file it
 * was drawing goes too. */
START_TEST (test_pdf_cancelled_while_drawing)
{
  CandourPdfReport *report = candour_pdf_report_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (folder, "long.pdf", NULL);
  Written written = { 0 };

  report->title = g_strdup ("A long report");
  report->n_columns = 2;
  report->headings = g_strsplit ("Name|Amount", "|", -1);
  report->numeric = g_new0 (gboolean, 2);
  report->numeric[1] = TRUE;
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *line = g_strdup_printf ("Organisation %u|£%u.00", i, i * 7);
      g_ptr_array_add (report->rows, g_strsplit (line, "|", -1));
    }

  candour_pdf_report_write_async (report, NULL, path, cancellable, on_pdf_written, &written);
  /* Some rows drawn: the temporary file is there, the file is not yet. */
  while (candour_pdf_report_get_progress (report) == 0 && !written.done)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  ck_assert (!written.done);
  ck_assert (has_hidden_file (folder));
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));

  g_cancellable_cancel (cancellable);
  while (!written.done)
    g_main_context_iteration (NULL, TRUE);
  ck_assert (g_error_matches (written.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert (!has_hidden_file (folder));
  g_clear_error (&written.error);
}
END_TEST

/* Names too long for any page: they wrap at spaces, and the last column is on the page
 * on every row. Nine columns that do not fit a portrait page turn it. */
START_TEST (test_pdf_long_names_wrap)
{
  g_autoptr(CandourPdfReport) report = candour_pdf_report_new ();
  g_autofree char *path = g_build_filename (folder, "long-names.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  gsize length;

  report->title = g_strdup ("Long names");
  report->n_columns = 9;
  report->headings = g_strsplit ("Partner|Lead provider|Bid|Finding|Promised|Subcontracted|Due|Paid|Paid of due",
                                 "|", -1);
  report->numeric = g_new0 (gboolean, 9);
  for (guint c = 4; c < 9; c++)
    report->numeric[c] = TRUE;
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *line = g_strdup_printf ("The Harrowfield and District Association for the Advancement of "
                                               "Community Wellbeing number %u|Kindred Pathways Community Interest "
                                               "Company and Associated Partnerships|BID-%02u|Short-changed|"
                                               "£180,000.00|£120,000.00|£9,534.25|£9,999.99|%u.9%%", i, i, 100 + i);
      g_ptr_array_add (report->rows, g_strsplit (line, "|", -1));
    }

  ck_assert_msg (candour_pdf_report_write (report, NULL, path, NULL, &error), "%s", error ? error->message : "");
  pdf = read_text (path, &length);
  ck_assert_msg (contains (pdf, length, "/MediaBox [ 0 0 841.89"), "not a landscape A4 page");
  text = test_spawn_output ((const char *[]) { "pdftotext", "-layout", path, "-", NULL });
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("£9,999.99 +%u\\.9%%", 100 + i);

      ck_assert_msg (g_regex_match_simple (pattern, text, 0, 0), "no /%s/ in:\n%s", pattern, text);
    }
  /* Wrapped at spaces, never inside a word: each row's words are all there whole. */
  ck_assert_uint_eq (count_occurrences (text, "Wellbeing"), 30);
  ck_assert_uint_eq (count_occurrences (text, "Partnerships"), 30);
}
END_TEST

START_TEST (test_story)
{
  g_autoptr(CandourFinding) acwh = test_app_find_finding (window, "BID-01", "ORG-ACWH");
  g_autoptr(CandourFinding) odr = test_app_find_finding (window, "BID-01", "ORG-ODR");
  g_autoptr(CandourFinding) carers = test_app_find_finding (window, "BID-05", "ORG-CARERS");
  GtkWindow *story;
  CandourLineChart *chart;

  story = candour_window_show_story (window, acwh);
  test_app_wait ();
  ck_assert_str_eq (candour_story_window_get_summary (CANDOUR_STORY_WINDOW (story)),
                    "Named in the bid with 5% of the contract promised (£120,000.00); subcontracted "
                    "for £120,000.00. By 30/06/2025, £66,958.90 was due on the payment terms and "
                    "£46,666.62 was paid, 69.7% of what was due.");
  ck_assert_uint_eq (g_list_model_get_n_items (candour_story_window_get_payments (CANDOUR_STORY_WINDOW (story))), 14);
  chart = candour_story_window_get_chart (CANDOUR_STORY_WINDOW (story));
  ck_assert_uint_eq (candour_line_chart_get_n_series (chart), 2);
  /* On the day judged the chart agrees with the finding. */
  ck_assert_int_eq (candour_line_chart_value_on (chart, 0, candour_date_to_days (TODAY)), 6695890);
  ck_assert_int_eq (candour_line_chart_value_on (chart, 1, candour_date_to_days (TODAY)), 4666662);
  gtk_window_destroy (story);

  story = candour_window_show_story (window, odr);
  test_app_wait ();
  ck_assert_str_eq (candour_story_window_get_summary (CANDOUR_STORY_WINDOW (story)),
                    "Named in the bid with £90,000.00 promised; no subcontract 21 months after the start.");
  gtk_window_destroy (story);

  story = candour_window_show_story (window, carers);
  test_app_wait ();
  ck_assert_str_eq (candour_story_window_get_summary (CANDOUR_STORY_WINDOW (story)),
                    "Named in the bid with 20% of the contract promised (£192,000.00); no subcontract "
                    "yet, 45 days after the start, within the 90 days allowed.");
  gtk_window_destroy (story);
  test_app_wait ();
}
END_TEST

START_TEST (test_preferences_rejudge)
{
  GSettings *settings = candour_application_get_settings (test_app_get_application ());
  CandourOverviewPage *page = CANDOUR_OVERVIEW_PAGE (show ("overview"));

  /* 600 days: the partners of contracts that started 500 and 300 days ago are back
   * within the days allowed; CON-01's three, 640 days on, are still bid candy. */
  g_settings_set_int (settings, "grace-days", 600);
  test_app_wait ();
  ck_assert_str_eq (candour_overview_page_get_figure (page, "bid_candy"), "3");

  /* 40 %: everyone paid at least 60 % of what was due is honoured. */
  g_settings_set_double (settings, "tolerance", 40.0);
  test_app_wait ();
  ck_assert_str_eq (candour_overview_page_get_figure (page, "underpaid"), "0");

  g_settings_reset (settings, "grace-days");
  g_settings_reset (settings, "tolerance");
  test_app_wait ();
  ck_assert_str_eq (candour_overview_page_get_figure (page, "bid_candy"), "5");
  ck_assert_str_eq (candour_overview_page_get_figure (page, "underpaid"), "3");
}
END_TEST

/* A copy of a list model kept only from its "items-changed": it goes wrong if a change
 * is ever misreported. */
static void
mirror_change (GPtrArray  *mirror,
               guint       position,
               guint       removed,
               guint       added,
               GListModel *model)
{
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (mirror, position + i, g_strdup (gtk_string_object_get_string (item)));
    }
}

static void
assert_mirrors (GPtrArray  *mirror,
                GListModel *model)
{
  ck_assert_uint_eq (mirror->len, g_list_model_get_n_items (model));
  for (guint i = 0; i < mirror->len; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      ck_assert_str_eq (mirror->pdata[i], gtk_string_object_get_string (item));
    }
}

/* A view with no rows is fed the first items a few a frame; every change meanwhile is
 * reported exactly, and the whole list comes in the end. */
START_TEST (test_row_feeder)
{
  g_autoptr(GtkStringList) source = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CandourRowFeeder) feeder = candour_row_feeder_new (GTK_WIDGET (window), G_LIST_MODEL (source));
  GListModel *fed = G_LIST_MODEL (feeder);
  char text[16];

  g_signal_connect_swapped (feeder, "items-changed", G_CALLBACK (mirror_change), mirror);

  /* A few items go straight through. */
  gtk_string_list_splice (source, 0, 0, (const char * const[]) { "a", "b", "c", NULL });
  ck_assert (!candour_row_feeder_get_feeding (feeder));
  assert_mirrors (mirror, fed);
  gtk_string_list_splice (source, 0, 3, NULL);
  assert_mirrors (mirror, fed);

  /* Items one by one go straight through: the view makes each row as it comes. */
  for (guint i = 0; i < 20; i++)
    {
      g_snprintf (text, sizeof text, "item %u", i);
      gtk_string_list_append (source, text);
    }
  ck_assert (!candour_row_feeder_get_feeding (feeder));
  assert_mirrors (mirror, fed);

  /* Emptied, then five hundred in one change, as a list read on a worker arrives:
   * twelve now. */
  {
    g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);

    gtk_string_list_splice (source, 0, g_list_model_get_n_items (G_LIST_MODEL (source)), NULL);
    for (guint i = 0; i < 500; i++)
      g_ptr_array_add (many, g_strdup_printf ("row %u", i));
    g_ptr_array_add (many, NULL);
    gtk_string_list_splice (source, 0, 0, (const char * const *)many->pdata);
  }
  ck_assert (candour_row_feeder_get_feeding (feeder));
  ck_assert_uint_eq (g_list_model_get_n_items (fed), 12);
  assert_mirrors (mirror, fed);

  /* Changes while feeding: within the first rows, and far past them. */
  gtk_string_list_remove (source, 3);
  gtk_string_list_splice (source, 5, 0, (const char * const[]) { "new 1", "new 2", NULL });
  gtk_string_list_splice (source, 400, 2, (const char * const[]) { "late", NULL });
  ck_assert_uint_eq (g_list_model_get_n_items (fed), 12);
  assert_mirrors (mirror, fed);
  ck_assert_str_eq (mirror->pdata[5], "new 1");

  test_app_wait ();
  ck_assert (!candour_row_feeder_get_feeding (feeder));
  ck_assert_uint_eq (g_list_model_get_n_items (fed), 500);
  assert_mirrors (mirror, fed);

  /* Fed, a change goes straight through. */
  gtk_string_list_remove (source, 0);
  assert_mirrors (mirror, fed);
  ck_assert_uint_eq (candour_row_feeder_get_n_feeding (), 0);

  /* Most of the rows the view made replaced, as by a sort: fed again from there. */
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < 300; i++)
      g_ptr_array_add (sorted, g_strdup_printf ("sorted %u", i));
    g_ptr_array_add (sorted, NULL);
    gtk_string_list_splice (source, 5, 300, (const char * const *)sorted->pdata);
  }
  ck_assert (candour_row_feeder_get_feeding (feeder));
  ck_assert_uint_eq (g_list_model_get_n_items (fed), 5 + 12);
  assert_mirrors (mirror, fed);
  ck_assert_str_eq (mirror->pdata[5], "sorted 0");
  test_app_wait ();
  ck_assert_uint_eq (g_list_model_get_n_items (fed), 499);
  assert_mirrors (mirror, fed);
}
END_TEST

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* A generated register a tenth of a national prime's size (5,000 organisations,
 * 100,000 payments): the first frame comes before any list or finding has been read,
 * with placeholders where they will go; then every page fills. */
START_TEST (test_opens_a_national_register)
{
  CandourApplication *application = test_app_get_application ();
  g_autofree char *scratch = test_make_temp_dir ();
  g_autofree char *data = g_build_filename (scratch, "data", NULL);
  g_autofree char *path = g_build_filename (scratch, "national.candour", NULL);
  static const struct { const char *page; CandourTable table; } lists[] = {
    { "organisations", CANDOUR_TABLE_ORGANISATIONS },
    { "consortia", CANDOUR_TABLE_CONSORTIA },
    { "bids", CANDOUR_TABLE_BIDS },
    { "contracts", CANDOUR_TABLE_CONTRACTS },
  };
  static const char * const reports[] = { "scorecard", "shares", "payment-times" };
  guint counts[CANDOUR_N_TABLES];
  g_autoptr(GError) error = NULL;
  CandourWindow *national;
  CandourSession *session;
  CandourOverviewPage *overview;
  CandourReportsPage *reports_page;
  gboolean painted = FALSE;
  g_autofree char *named = NULL;

  ck_assert_msg (candour_generate (data, 0.1, 1, counts, NULL, &error), "%s", error ? error->message : "");
  {
    g_autoptr(CandourDatabase) db = candour_database_open (path, &error);
    g_autoptr(CandourImport) import = NULL;

    ck_assert_msg (db != NULL, "%s", error ? error->message : "");
    import = candour_import_new (db);
    ck_assert_msg (candour_import_add_path (import, data, &error), "%s", error ? error->message : "");
    ck_assert_msg (candour_import_run (import, NULL, &error), "%s", error ? error->message : "");
  }

  candour_application_set_as_of (application, CANDOUR_GENERATE_SNAPSHOT);
  candour_read_job_hold (TRUE);
  national = g_object_new (CANDOUR_TYPE_WINDOW, "application", application, NULL);
  gtk_window_set_default_size (GTK_WINDOW (national), 1280, 820);
  gtk_window_present (GTK_WINDOW (national));
  ck_assert (candour_window_open_path (national, path));
  session = candour_window_get_session (national);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (national)), "after-paint",
                    G_CALLBACK (on_after_paint), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (national)),
                                        on_after_paint, &painted);

  /* Painted, with the findings still being judged: placeholders, not zeros. */
  overview = CANDOUR_OVERVIEW_PAGE (candour_window_get_page (national, "overview"));
  ck_assert (candour_session_get_loading (session));
  ck_assert_uint_gt (candour_read_job_get_n_pending (), 0);
  ck_assert_str_eq (candour_overview_page_get_figure (overview, "named"), "…");
  ck_assert_str_eq (candour_overview_page_get_figure (overview, "promised"), "…");

  candour_read_job_hold (FALSE);
  test_app_wait ();
  ck_assert (!candour_session_get_loading (session));
  named = candour_count_format (candour_session_get_totals (session)->named);
  ck_assert_uint_gt (candour_session_get_totals (session)->named, 1000);
  ck_assert_str_eq (candour_overview_page_get_figure (overview, "named"), named);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      candour_window_show_page (national, lists[i].page);
      test_app_wait ();
      ck_assert_uint_eq (g_list_model_get_n_items (candour_records_page_get_shown (
                           CANDOUR_RECORDS_PAGE (candour_window_get_page (national, lists[i].page)))),
                         counts[lists[i].table]);
    }

  candour_window_show_page (national, "payments");
  test_app_wait ();
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (candour_payments_page_get_list (
                       CANDOUR_PAYMENTS_PAGE (candour_window_get_page (national, "payments"))))),
                     counts[CANDOUR_TABLE_PAYMENTS]);

  candour_window_show_page (national, "findings");
  test_app_wait ();
  ck_assert_uint_eq (g_list_model_get_n_items (candour_findings_page_get_shown (
                       CANDOUR_FINDINGS_PAGE (candour_window_get_page (national, "findings")))),
                     g_list_model_get_n_items (candour_session_get_findings (session)));

  candour_window_show_page (national, "reports");
  reports_page = CANDOUR_REPORTS_PAGE (candour_window_get_page (national, "reports"));
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      candour_reports_page_show (reports_page, reports[i]);
      test_app_wait ();
      ck_assert_uint_gt (g_list_model_get_n_items (candour_report_view_get_rows (
                           candour_reports_page_get_view (reports_page, reports[i]))), 10);
    }

  test_app_close_demo (national, scratch);
}
END_TEST

/* Connect to Server…: the address the fields make, what it says when it cannot
 * connect, and (with a test server, CANDOUR_TEST_PG) the register it opens. */
START_TEST (test_connect_to_server)
{
  CandourConnectDialog *dialog = CANDOUR_CONNECT_DIALOG (candour_window_connect (window));
  g_autofree char *location = NULL;
  const char *server = g_getenv ("CANDOUR_TEST_PG");

  test_app_wait ();
  gtk_editable_set_text (GTK_EDITABLE (test_app_find_entry_row (GTK_WIDGET (dialog), "_Server")),
                         "/nonexistent/socket");
  gtk_editable_set_text (GTK_EDITABLE (test_app_find_entry_row (GTK_WIDGET (dialog), "_User name")), "alice");
  gtk_editable_set_text (GTK_EDITABLE (test_app_find_entry_row (GTK_WIDGET (dialog), "Pass_word")), "s3cret");
  location = candour_connect_dialog_dup_location (dialog);
  ck_assert_str_eq (location, "postgresql://alice:s3cret@/candour?host=%2Fnonexistent%2Fsocket&port=5432"
                              "&sslmode=verify-full&connect_timeout=10");

  /* Nothing there: the dialog says so and stays, and the demo stays open behind it. */
  ck_assert (!candour_connect_dialog_connect (dialog));
  ck_assert (g_str_has_prefix (candour_connect_dialog_get_problem (dialog),
                               "Could not connect to the database candour on this computer (port 5432): "));
  ck_assert_str_eq (candour_session_get_title (candour_window_get_session (window)), "Harrowfield demo");

  if (server != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CandourDatabase) other = NULL;
      g_autoptr(CandourQuery) added = NULL;
      CandourRecordsPage *organisations;
      g_autofree char *elsewhere = g_strdup_printf ("ORG-ELSEWHERE-%d", (int)getpid ());
      g_autofree char *while_away = g_strdup_printf ("ORG-WHILE-AWAY-%d", (int)getpid ());
      gint64 start;

      /* The test server's own database, given a register (setting up twice is harmless). */
      ck_assert (candour_database_set_up_server (server, &error));
      ck_assert (candour_window_open_location (window, server, &error));
      test_app_wait ();
      ck_assert_str_eq (candour_session_get_title (candour_window_get_session (window)), "candour");
      /* What is remembered holds no password. */
      ck_assert (candour_database_is_server_location (
        candour_database_get_path (candour_session_get_database (candour_window_get_session (window)))));

      /* Someone else, on a connection of their own, adds an organisation: the window
       * shows it within its two-second look for changes, and the test says how soon. */
      organisations = CANDOUR_RECORDS_PAGE (show ("organisations"));
      other = candour_database_open_full (server, CANDOUR_OPEN_EXISTING, &error);
      ck_assert_ptr_nonnull (other);
      added = candour_query_new (other, "INSERT INTO organisation (ref, name) VALUES (:ref, 'Added Elsewhere')",
                                 &error);
      candour_query_bind_text (added, ":ref", elsewhere);
      ck_assert (candour_query_run (added, &error));
      candour_query_reset (added);
      /* Other tests may be adding to the same database meanwhile: the one added here
       * is looked for, not a count. */
      start = g_get_monotonic_time ();
      while (!candour_records_page_select (organisations, elsewhere) &&
             g_get_monotonic_time () - start < 5 * G_TIME_SPAN_SECOND)
        g_main_context_iteration (NULL, TRUE);
      ck_assert (candour_records_page_select (organisations, elsewhere));
      g_print ("A change on the server reached the other window in %.2f s\n",
               (g_get_monotonic_time () - start) / (double)G_TIME_SPAN_SECOND);

      /* The header names the others at work on it. */
      candour_window_update_others (window);
      ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (window), "Candour"));
      {
        g_autofree char *login = g_strdup_printf ("candour_colleague_%d", (int)getpid ());
        g_autofree char *make = g_strdup_printf ("CREATE ROLE %s LOGIN IN ROLE candour_viewer", login);
        g_autofree char *drop = g_strdup_printf ("DROP ROLE %s", login);
        g_autofree char *also = g_strdup_printf ("Also here: %s", login);
        g_autoptr(GRegex) user = g_regex_new ("user=[^&]*", 0, 0, NULL);
        g_autofree char *as_colleague = NULL;
        g_autofree char *colleague_location = NULL;
        CandourDatabase *colleague;

        ck_assert (candour_database_exec (other, make, &error));
        as_colleague = g_strdup_printf ("user=%s", login);
        colleague_location = g_regex_replace_literal (user, server, -1, 0, as_colleague, 0, NULL);
        colleague = candour_database_open_full (colleague_location, CANDOUR_OPEN_EXISTING, &error);
        ck_assert_msg (colleague != NULL, "%s", error != NULL ? error->message : "");
        candour_window_update_others (window);
        ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (window), also));
        g_object_unref (colleague);

        /* Preferences' People page: the colleague a viewer, and the tests' login (a
         * superuser, so an admin) makes them an editor there. */
        {
          CandourDatabase *db = candour_session_get_database (candour_window_get_session (window));
          GtkWidget *people = candour_people_page_new (db, &error);
          GtkWidget *label;
          AdwComboRow *row;

          ck_assert_msg (people != NULL, "%s", error != NULL ? error->message : "");
          g_object_ref_sink (people);
          ck_assert_ptr_nonnull (test_app_find_label (people, "Who May Do What in “candour”"));
          ck_assert_ptr_nonnull (test_app_find_label (people, "candour_test (you)"));
          label = test_app_find_label (people, login);
          ck_assert_ptr_nonnull (label);
          row = ADW_COMBO_ROW (gtk_widget_get_ancestor (label, ADW_TYPE_COMBO_ROW));
          ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Viewer: reads everything, the audit trail included");
          adw_combo_row_set_selected (row, 1);
          ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Editor: adds, changes and removes records, except payments");
          {
            g_autoptr(CandourReport) report = candour_report_people (db, &error);
            gboolean found = FALSE;

            while (candour_report_next (report, NULL))
              if (g_str_equal (candour_report_get_text_by_name (report, "login"), login))
                {
                  ck_assert_str_eq (candour_report_get_text_by_name (report, "role"), "editor");
                  found = TRUE;
                }
            ck_assert (found);
          }
          g_object_unref (people);
        }
        ck_assert (candour_database_exec (other, drop, &error));
      }

      /* The server ends the window's connection: the window says so, connects again by
       * itself, says that too, and reads what it shows again. */
      {
        const char *lost = "The connection to “candour” was lost. Candour is trying again; what is "
                           "shown may be out of date, and nothing can be saved until it is back.";
        CandourDatabase *db = candour_session_get_database (candour_window_get_session (window));
        g_autoptr(CandourQuery) pid = candour_query_new (db, "SELECT pg_backend_pid () AS pid", &error);
        g_autoptr(CandourQuery) end = candour_query_new (other, "SELECT pg_terminate_backend (:pid)", &error);
        GtkWidget *bar;

        ck_assert (candour_query_step (pid, &error) == CANDOUR_QUERY_ROW);
        candour_query_bind_int64 (end, ":pid", candour_query_get_int64 (pid, "pid"));
        g_clear_pointer (&pid, candour_query_free);
        ck_assert (candour_query_step (end, &error) == CANDOUR_QUERY_ROW);

        start = g_get_monotonic_time ();
        while (test_app_find_label (GTK_WIDGET (window), lost) == NULL &&
               g_get_monotonic_time () - start < 3 * G_TIME_SPAN_SECOND)
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (5000);
        ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (window), lost));
        bar = gtk_widget_get_ancestor (test_app_find_label (GTK_WIDGET (window), lost), GTK_TYPE_INFO_BAR);
        ck_assert (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));

        /* Meanwhile someone adds another: it shows once the window is back. */
        candour_query_bind_text (added, ":ref", while_away);
        ck_assert (candour_query_run (added, &error));

        start = g_get_monotonic_time ();
        while (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)) &&
               g_get_monotonic_time () - start < 12 * G_TIME_SPAN_SECOND)
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (5000);
        ck_assert (!gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
        ck_assert_str_eq (test_app_toast_title (candour_window_get_toast_overlay (window),
                                                "Connected to “candour” again"),
                          "Connected to “candour” again");
        test_app_wait ();
        ck_assert (candour_records_page_select (organisations, while_away));
      }
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_app_wait ();
}
END_TEST

/* "As at 31 March": the day the findings are judged as of, chosen in the window. */
START_TEST (test_judge_as_of_a_chosen_day)
{
  CandourSession *session = candour_window_get_session (window);
  g_autofree char *before = candour_session_dup_as_of (session);
  CandourFindingTotals totals_before = *candour_session_get_totals (session);
  guint revision = candour_session_get_revision (session);
  GtkMenuButton *button;
  CandourAsOfPopover *popover;
  g_autoptr(GDateTime) march = g_date_time_new_local (2025, 3, 31, 12, 0, 0);
  g_autofree char *after = NULL;

  {
    const char *days[][3] = { { "2025-12-06", "4", "2025-03-31" }, { "2025-02-10", "4", "2024-03-31" },
                              { "2025-04-01", "4", "2025-03-31" }, { "2025-06-30", "1", "2024-12-31" } };

    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      {
        g_autofree char *end = candour_as_of_last_year_end (days[i][0], atoi (days[i][1]));

        ck_assert_str_eq (end, days[i][2]);
      }
  }

  show ("findings");
  button = GTK_MENU_BUTTON (test_app_find_by_tooltip (GTK_WIDGET (window), "Judge As Of…"));
  ck_assert_ptr_nonnull (button);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (button)));
  popover = CANDOUR_AS_OF_POPOVER (gtk_menu_button_get_popover (button));
  gtk_menu_button_popup (button);
  test_app_wait ();

  gtk_calendar_select_day (candour_as_of_popover_get_calendar (popover), march);
  g_signal_emit_by_name (candour_as_of_popover_get_calendar (popover), "day-selected");
  test_app_wait ();
  after = candour_session_dup_as_of (session);
  ck_assert_str_eq (after, "2025-03-31");
  ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (window), "Judged as of 31/03/2025"));
  ck_assert_uint_gt (candour_session_get_revision (session), revision);
  ck_assert (memcmp (&totals_before, candour_session_get_totals (session), sizeof totals_before) != 0);

  /* Not on a page that judges nothing. */
  show ("organisations");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (button)));

  gtk_menu_button_popdown (button);
  candour_session_set_as_of (session, before);
  test_app_wait ();
}
END_TEST

Suite *
candour_app_window_suite (void)
{
  Suite *suite = suite_create ("app-window");
  TCase *tc = tcase_create ("window");

  tcase_add_unchecked_fixture (tc, open_demo, close_demo);
  tcase_add_test (tc, test_opens_on_the_demo);
  tcase_add_test (tc, test_tab_leaves_the_sidebar);
  tcase_add_test (tc, test_search_and_new_where_they_work);
  tcase_add_test (tc, test_judge_as_of_a_chosen_day);
  tcase_add_test (tc, test_overview);
  tcase_add_test (tc, test_findings_filters);
  tcase_add_test (tc, test_findings_say_not_recorded);
  tcase_add_test (tc, test_record_pages);
  tcase_add_test (tc, test_payments_page);
  tcase_add_test (tc, test_payments_page_sorts_in_the_background);
  tcase_add_test (tc, test_payments_page_finds_amounts_dates_and_ranges);
  tcase_add_test (tc, test_payments_page_reads_what_it_shows);
  tcase_add_test (tc, test_reports);
  tcase_add_test (tc, test_payment_times_period);
  tcase_add_test (tc, test_payment_times_period_kept);
  tcase_add_test (tc, test_report_chart_shows_twelve);
  tcase_add_test (tc, test_reports_export_pdf);
  tcase_add_test (tc, test_reports_export_pdf_cancelled);
  tcase_add_test (tc, test_pdf_long_names_wrap);
  tcase_add_test (tc, test_reports_export_xlsx);
  tcase_add_test (tc, test_findings_export);
  tcase_add_test (tc, test_print);
  tcase_add_test (tc, test_cli_pdfs_are_the_apps);
  tcase_add_test (tc, test_pdf_cancelled_while_drawing);
  tcase_add_test (tc, test_story);
  tcase_add_test (tc, test_preferences_rejudge);
  tcase_add_test (tc, test_row_feeder);
  tcase_add_test (tc, test_connect_to_server);
  tcase_set_timeout (tc, 120);
  suite_add_tcase (suite, tc);

  {
    TCase *national = tcase_create ("national");

    /* Generating and importing 100,000 payments takes a while under the sanitisers. */
    tcase_set_timeout (national, 300);
    tcase_add_test (national, test_opens_a_national_register);
    suite_add_tcase (suite, national);
  }

  return suite;
}
