/* check-app-forms.c: records added, changed and deleted through the windows
 *
 * Every flow is driven through the widgets a person uses: text typed into a form's
 * rows, choices picked in its drop-downs, its Save action, a page's Delete and the
 * window's Undo. The demo is dated 30/06/2025 and judged on that day, so the findings
 * each change makes are worked out by hand in the comments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "check-app-suites.h"
#include "candour-combo-row.h"
#include "test-util.h"
#include "candour-consortium.h"
#include "candour-deletion.h"
#include "candour-detail-window.h"
#include "candour-export-chooser.h"
#include "candour-fields.h"
#include "candour-labels.h"
#include "candour-finding.h"
#include "candour-history-group.h"
#include "candour-payments-page.h"
#include "candour-record.h"
#include "candour-record-form.h"
#include "candour-record-picker.h"
#include "candour-record-query.h"
#include "candour-records-page.h"
#include "candour-window.h"

static CandourWindow *window;
static char *folder;

static void
setup (void)
{
  window = test_app_open_demo (&folder);
}

static void
teardown (void)
{
  test_app_close_demo (window, folder);
  window = NULL;
  g_clear_pointer (&folder, g_free);
}

static CandourDatabase *
database (void)
{
  return candour_session_get_database (candour_window_get_session (window));
}

static GtkWidget *
show (const char *name)
{
  candour_window_show_page (window, name);
  test_app_wait ();
  return candour_window_get_page (window, name);
}

/* Lets the form's pause for typing pass, so it checks what was typed. */
static void
wait_for_check (void)
{
  gint64 end = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

/* Runs the main loop until the form says text above its fields (ten seconds at most). */
static void
wait_until_general_problem (CandourRecordForm *form,
                            const char        *text)
{
  gint64 give_up = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (g_strcmp0 (candour_record_form_get_general_problem (form), text) != 0 &&
         g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_str_eq (candour_record_form_get_general_problem (form), text);
}

static void
type (CandourRecordForm *form,
      const char        *field,
      const char        *text)
{
  GtkWidget *row = candour_record_form_get_row (form, field);

  ck_assert_msg (ADW_IS_ENTRY_ROW (row), "%s is not typed into", field);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
choose (CandourRecordForm *form,
        const char        *field,
        const char        *value)
{
  ck_assert_msg (candour_record_form_choose (form, field, value), "%s offers no %s", field, value);
}

/* The form Ctrl+N (or a + button) opened. */
static CandourRecordForm *
find_form (void)
{
  CandourRecordForm *form = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (CANDOUR_IS_RECORD_FORM (l->data) && gtk_widget_get_visible (l->data))
      form = l->data;
  ck_assert_ptr_nonnull (form);
  return form;
}

/* Saves as the Save button does; returns the new record's id. */
static gint64
save (CandourRecordForm *form)
{
  gint64 id;

  wait_for_check ();
  ck_assert_msg (candour_record_form_get_can_save (form), "the form would not save: %s",
                 candour_record_form_get_general_problem (form) ? candour_record_form_get_general_problem (form) : "");
  g_object_ref (form);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  id = candour_record_form_get_record_id (form);
  /* Saved, it closes. */
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (form)));
  g_object_unref (form);
  test_app_wait ();
  ck_assert_int_gt (id, 0);
  return id;
}

static const char *
status_of (const char *bid_ref,
           const char *partner_ref)
{
  g_autoptr(CandourFinding) finding = test_app_find_finding (window, bid_ref, partner_ref);

  /* Statuses are static keywords: they outlive the finding. */
  return g_intern_string (candour_finding_get_status (finding));
}

static gint64
id_of (CandourTable  table,
       const char   *ref)
{
  return candour_record_find_id (database (), table, ref, NULL);
}

static char *
field_of (CandourTable  table,
          const char   *ref,
          const char   *field)
{
  g_auto(GStrv) texts = candour_record_load (database (), table, id_of (table, ref), NULL);

  ck_assert_ptr_nonnull (texts);
  return g_strdup (texts[candour_field_find (table, field)]);
}

static guint
n_shown (const char *page)
{
  /* A hidden page reads its records when it is shown. */
  CandourRecordsPage *records;
  gint64 end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  candour_window_show_page (window, page);
  test_app_wait ();
  /* The lists filter and sort a few rows at a time: all of them, counted. */
  records = CANDOUR_RECORDS_PAGE (candour_window_get_page (window, page));
  while (candour_records_page_is_busy (records) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return g_list_model_get_n_items (candour_records_page_get_shown (records));
}

/* The lead provider a contract records. */
static gint64
lead_id_of_contract (const char *ref)
{
  g_auto(GStrv) texts = candour_record_load (database (), CANDOUR_TABLE_CONTRACTS,
                                             id_of (CANDOUR_TABLE_CONTRACTS, ref), NULL);

  ck_assert_ptr_nonnull (texts);
  for (guint i = 0; i < candour_table_get_n_fields (CANDOUR_TABLE_CONTRACTS); i++)
    if (g_str_equal (candour_table_get_field_name (CANDOUR_TABLE_CONTRACTS, i), "lead_ref"))
      return id_of (CANDOUR_TABLE_ORGANISATIONS, texts[i]);
  return 0;
}

static GtkWidget *
label_containing (GtkWidget  *widget,
                                const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = label_containing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

START_TEST (test_every_field_has_words)
{
  for (guint t = 0; t < CANDOUR_N_TABLES; t++)
    for (guint f = 0; f < candour_table_get_n_fields (t); f++)
      {
        const char *name = candour_table_get_field_name (t, f);

        ck_assert_msg (!g_str_equal (candour_field_get_label (t, f), name),
                       "%s.%s has no label in candour-fields.c", candour_table_get_name (t), name);
        ck_assert_msg (!g_str_equal (candour_field_get_words (t, f), name) || strchr (name, '_') == NULL,
                       "%s.%s has no words in candour-fields.c", candour_table_get_name (t), name);
      }

  ck_assert_str_eq (candour_field_get_label (CANDOUR_TABLE_ORGANISATIONS, 4), "Annual income (£)");
  ck_assert_str_eq (candour_field_get_label (CANDOUR_TABLE_CONTRACTS, 6), "Starts on (DD/MM/YYYY)");
}
END_TEST

START_TEST (test_count_words)
{
  const gint64 counts[] = { 0, 7, 999, 1000, 41250, 1000000, -1234567 };
  const char *texts[] = { "0", "7", "999", "1,000", "41,250", "1,000,000", "-1,234,567" };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *text = candour_count_format (counts[i]);
      ck_assert_str_eq (text, texts[i]);
    }
}
END_TEST

START_TEST (test_problem_words)
{
  g_autofree char *date = NULL;
  g_autofree char *order = NULL;
  g_autofree char *busy = NULL;
  g_autofree char *empty = NULL;
  int field;

  date = candour_field_describe_problem (CANDOUR_TABLE_SUBCONTRACTS,
                                         "start_on: start_on '31/02/2025' is not a real date: February 2025 has 28 days",
                                         &field);
  ck_assert_str_eq (date, "Start date '31/02/2025' is not a real date: February 2025 has 28 days");
  ck_assert_int_eq (field, 4);

  /* Dates the core writes are shown the UK way; what the person typed is left alone. */
  order = candour_field_describe_problem (CANDOUR_TABLE_CONTRACTS,
                                          "end_on: end_on (2025-01-01) is before start_on (2025-02-01)", &field);
  ck_assert_str_eq (order, "End date (01/01/2025) is before start date (01/02/2025)");
  ck_assert_int_eq (field, 7);

  empty = candour_field_describe_problem (CANDOUR_TABLE_ORGANISATIONS, "name: name is empty; every row needs one",
                                          &field);
  ck_assert_str_eq (empty, "Name is needed");
  ck_assert_int_eq (field, 1);

  busy = candour_field_describe_problem (CANDOUR_TABLE_PAYMENTS, "The database is busy (someone else is "
                                         "saving). Nothing was changed; try again in a moment.", &field);
  ck_assert_int_eq (field, -1);
  ck_assert_str_eq (busy, "The database is busy (someone else is saving). Nothing was changed; try again "
                          "in a moment.");
}
END_TEST

/* Ctrl+N on the Organisations page, a new organisation typed and saved. */
START_TEST (test_add_organisation)
{
  CandourRecordForm *form;
  g_autofree char *kind = NULL;
  g_autofree char *income = NULL;
  CandourRecordsPage *page = CANDOUR_RECORDS_PAGE (show ("organisations"));
  GtkSelectionModel *shown;
  g_autoptr(GObject) selected = NULL;
  g_autofree char *selected_ref = NULL;

  ck_assert_uint_eq (n_shown ("organisations"), 41);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
  test_app_wait ();
  form = find_form ();
  ck_assert_int_eq (candour_record_form_get_table (form), CANDOUR_TABLE_ORGANISATIONS);
  /* Nothing typed yet: Save waits for a reference and a name. */
  ck_assert (!candour_record_form_get_can_save (form));
  ck_assert_ptr_null (candour_record_form_get_problem (form, "ref"));

  type (form, "ref", "ORG-NEWLEAF");
  type (form, "name", "New Leaf Mentoring");
  choose (form, "kind", "charity");
  type (form, "annual_income", "£45,000");
  choose (form, "locality", "local");
  save (form);

  ck_assert_uint_eq (n_shown ("organisations"), 42);
  kind = field_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-NEWLEAF", "kind");
  income = field_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-NEWLEAF", "annual_income");
  ck_assert_str_eq (kind, "charity");
  ck_assert_str_eq (income, "45000.00");

  /* The new one is selected in its list. */
  shown = GTK_SELECTION_MODEL (candour_records_page_get_shown (page));
  selected = g_object_ref (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown)));
  g_object_get (selected, "ref", &selected_ref, NULL);
  ck_assert_str_eq (selected_ref, "ORG-NEWLEAF");
}
END_TEST

/* A negative value and 31/02/2025: refused in words under each field, nothing written. */
START_TEST (test_invalid_input_is_refused)
{
  g_autofree char *before = test_dump_content (database ());
  g_autofree char *after = NULL;
  CandourRecordForm *form;

  show ("contracts");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
  test_app_wait ();
  form = find_form ();
  ck_assert_int_eq (candour_record_form_get_table (form), CANDOUR_TABLE_CONTRACTS);
  gtk_window_destroy (GTK_WINDOW (form));

  form = candour_window_new_record (window, CANDOUR_TABLE_SUBCONTRACTS);
  test_app_wait ();
  type (form, "ref", "SUB-20");
  choose (form, "contract_ref", "CON-02");
  choose (form, "partner_ref", "ORG-EMS");
  type (form, "value", "-8,000");
  type (form, "start_on", "31/02/2025");
  /* Checked as the person types, after a pause: not before. */
  ck_assert_ptr_null (candour_record_form_get_problem (form, "value"));
  wait_for_check ();

  ck_assert_str_eq (candour_record_form_get_problem (form, "value"),
                    "Value is negative (-8,000); it must be zero or more");
  ck_assert_str_eq (candour_record_form_get_problem (form, "start_on"),
                    "Start date '31/02/2025' is not a real date: February 2025 has 28 days");
  ck_assert_ptr_null (candour_record_form_get_problem (form, "partner_ref"));
  ck_assert (!candour_record_form_get_can_save (form));
  /* Save is off, and Enter in a field saves nothing either. */
  gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL);
  g_signal_emit_by_name (candour_record_form_get_row (form, "value"), "entry-activated");
  test_app_wait ();
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (form)));

  after = test_dump_content (database ());
  ck_assert_str_eq (before, after);

  /* Put right, it saves. */
  type (form, "value", "8,000");
  type (form, "start_on", "01/02/2025");
  wait_for_check ();
  ck_assert_ptr_null (candour_record_form_get_problem (form, "value"));
  ck_assert_ptr_null (candour_record_form_get_problem (form, "start_on"));
  save (form);
  ck_assert_int_gt (id_of (CANDOUR_TABLE_SUBCONTRACTS, "SUB-20"), 0);
}
END_TEST

static CandourDetailWindow *
open_detail (CandourTable  table,
             const char   *ref)
{
  GtkWindow *detail = candour_window_show_record (window, table, id_of (table, ref));

  test_app_wait ();
  ck_assert (CANDOUR_IS_DETAIL_WINDOW (detail));
  return CANDOUR_DETAIL_WINDOW (detail);
}

/* The Consortia list and the consortium's own window count members the same way: a
 * member who has left is said to have left, not counted in. */
START_TEST (test_one_count_of_members)
{
  g_autoptr(GListModel) consortia = candour_consortium_list_load (database (), NULL);
  CandourDetailWindow *detail;
  g_auto(GStrv) members = NULL;
  gint64 listed = -1;

  for (guint i = 0; i < g_list_model_get_n_items (consortia); i++)
    {
      g_autoptr(CandourConsortium) consortium = g_list_model_get_item (consortia, i);

      if (g_str_equal (candour_consortium_get_ref (consortium), "CONS-HAP"))
        listed = candour_consortium_get_members (consortium);
    }
  ck_assert_int_eq (listed, 6);

  detail = open_detail (CANDOUR_TABLE_CONSORTIA, "CONS-HAP");
  ck_assert_str_eq (candour_detail_window_get_summary (detail),
                    "Harrowfield Advice Partnership has 6 members, and 1 has left.");
  /* The one who left is still listed, with the dates. */
  members = candour_detail_window_dup_rows (detail, "members");
  ck_assert_uint_eq (g_strv_length (members), 7);
  gtk_window_destroy (GTK_WINDOW (detail));
}
END_TEST

/* A form opens with the focus in its first field, ready for typing: in the reference of
 * a new organisation, and in the first field one may change of a payment whose
 * subcontract was chosen for it. */
START_TEST (test_focus_starts_in_the_first_field)
{
  CandourRecordForm *form = candour_record_form_new (candour_window_get_session (window),
                                                     CANDOUR_TABLE_ORGANISATIONS, 0);
  GtkWidget *focus;

  gtk_window_present (GTK_WINDOW (form));
  test_app_wait ();
  focus = gtk_root_get_focus (GTK_ROOT (form));
  ck_assert_ptr_nonnull (focus);
  ck_assert (focus == candour_record_form_get_row (form, "ref") ||
             gtk_widget_is_ancestor (focus, candour_record_form_get_row (form, "ref")));
  gtk_window_destroy (GTK_WINDOW (form));

  form = candour_record_form_new (candour_window_get_session (window), CANDOUR_TABLE_PAYMENTS, 0);
  candour_record_form_set_text (form, "ref", "PAY-LOCKED", TRUE);
  gtk_window_present (GTK_WINDOW (form));
  test_app_wait ();
  focus = gtk_root_get_focus (GTK_ROOT (form));
  ck_assert_ptr_nonnull (focus);
  ck_assert (!gtk_widget_is_ancestor (focus, candour_record_form_get_row (form, "ref")));
  ck_assert (focus == candour_record_form_get_row (form, "contract_ref") ||
             gtk_widget_is_ancestor (focus, candour_record_form_get_row (form, "contract_ref")));
  gtk_window_destroy (GTK_WINDOW (form));
  test_app_wait ();
}
END_TEST

/* Escape (window.close) on a form with changes asks first; Keep Editing keeps it open
 * with what was typed, Discard closes it. A form without changes closes at once. */
START_TEST (test_escape_on_a_changed_form_asks)
{
  CandourRecordForm *form = candour_record_form_new (candour_window_get_session (window),
                                                     CANDOUR_TABLE_ORGANISATIONS, 0);
  AdwMessageDialog *dialog;
  g_autofree char *typed = NULL;

  g_object_ref (form);
  gtk_window_present (GTK_WINDOW (form));
  test_app_wait ();
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (form), "window.close", NULL));
  test_app_wait ();
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (form)));
  ck_assert_ptr_null (test_app_find_message_dialog ());
  g_object_unref (form);

  form = candour_record_form_new (candour_window_get_session (window), CANDOUR_TABLE_ORGANISATIONS, 0);
  g_object_ref (form);
  gtk_window_present (GTK_WINDOW (form));
  test_app_wait ();
  type (form, "name", "Half-Typed Trust");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (form), "window.close", NULL));
  dialog = test_app_find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Discard Changes?");
  ck_assert_str_eq (adw_message_dialog_get_default_response (dialog), "keep");
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_app_wait ();
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (form)));
  typed = candour_record_form_dup_text (form, "name");
  ck_assert_str_eq (typed, "Half-Typed Trust");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (form), "window.close", NULL));
  dialog = test_app_find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_app_wait ();
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (form)));
  g_object_unref (form);
}
END_TEST

/* A bid's lead provider not yet recorded: New Organisation… in the picker makes it,
 * named as typed, and the bid's form then names it. */
START_TEST (test_new_organisation_from_a_picker)
{
  CandourRecordForm *bid = candour_record_form_new (candour_window_get_session (window), CANDOUR_TABLE_BIDS, 0);
  CandourRecordPicker *lead;
  CandourRecordForm *organisation;
  GtkWidget *create;
  g_autofree char *name = NULL;

  gtk_window_present (GTK_WINDOW (bid));
  test_app_wait ();
  lead = CANDOUR_RECORD_PICKER (candour_record_form_get_row (bid, "lead_ref"));
  adw_action_row_activate (ADW_ACTION_ROW (lead));
  gtk_editable_set_text (candour_record_picker_get_search_entry (lead), "Fresh Start Collective");
  create = test_app_find_label (GTK_WIDGET (candour_record_picker_get_popover (lead)), "_New Organisation…");
  ck_assert_ptr_nonnull (create);
  create = gtk_widget_get_ancestor (create, GTK_TYPE_BUTTON);
  ck_assert (gtk_widget_get_visible (create));
  g_signal_emit_by_name (create, "clicked");
  test_app_wait ();

  organisation = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (CANDOUR_IS_RECORD_FORM (l->data) && gtk_widget_get_visible (l->data) &&
        candour_record_form_get_table (l->data) == CANDOUR_TABLE_ORGANISATIONS)
      organisation = l->data;
  ck_assert_ptr_nonnull (organisation);
  ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (organisation)), GTK_WINDOW (bid));
  name = candour_record_form_dup_text (organisation, "name");
  ck_assert_str_eq (name, "Fresh Start Collective");
  type (organisation, "ref", "ORG-FRESH");
  save (organisation);

  ck_assert_str_eq (candour_record_picker_get_ref (lead), "ORG-FRESH");
  ck_assert_int_gt (id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-FRESH"), 0);
  /* A picker of anything else offers no such thing. */
  {
    CandourRecordPicker *consortium = CANDOUR_RECORD_PICKER (candour_record_form_get_row (bid, "consortium_ref"));
    GtkWidget *none = test_app_find_label (GTK_WIDGET (candour_record_picker_get_popover (consortium)),
                                           "_New Organisation…");

    ck_assert (none == NULL || !gtk_widget_get_visible (gtk_widget_get_ancestor (none, GTK_TYPE_BUTTON)));
  }
  gtk_window_destroy (GTK_WINDOW (bid));
  test_app_wait ();
}
END_TEST

/* A keyboard chooses from a dropdown: Enter on the first item, "Charity", activates it in
 * the popover's list without selecting it there first (libadwaita 1.2 then kept "Other"). */
START_TEST (test_dropdown_enter_takes_the_item)
{
  CandourRecordForm *form = candour_record_form_new (candour_window_get_session (window),
                                                     CANDOUR_TABLE_ORGANISATIONS, 0);
  AdwComboRow *kind;
  GtkListView *list;
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (form));
  test_app_wait ();
  kind = ADW_COMBO_ROW (candour_record_form_get_row (form, "kind"));
  text = candour_record_form_dup_text (form, "kind");
  ck_assert_str_eq (text, "other");

  list = candour_combo_row_get_list (kind);
  ck_assert_ptr_nonnull (list);
  gtk_widget_activate (GTK_WIDGET (kind));
  test_app_wait ();
  g_signal_emit_by_name (list, "activate", 0);
  test_app_wait ();
  g_free (text);
  text = candour_record_form_dup_text (form, "kind");
  ck_assert_str_eq (text, "charity");
  ck_assert_uint_eq (adw_combo_row_get_selected (kind), 0);

  gtk_window_destroy (GTK_WINDOW (form));
  test_app_wait ();
}
END_TEST

/* Two people with one record open: the second save is shown what the first changed, and
 * goes in only when saved again. */
START_TEST (test_edit_over_a_change_made_elsewhere)
{
  gint64 id = id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-ODR");
  CandourRecordForm *form = candour_record_form_new (candour_window_get_session (window),
                                                     CANDOUR_TABLE_ORGANISATIONS, id);
  g_autoptr(CandourDatabase) other = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) theirs = NULL;
  g_auto(GStrv) now = NULL;

  gtk_window_present (GTK_WINDOW (form));
  test_app_wait ();
  type (form, "notes", "Meets on Tuesdays");

  /* Meanwhile, someone else renames it. */
  other = candour_database_open_full (candour_database_get_path (database ()), CANDOUR_OPEN_EXISTING, &error);
  ck_assert_ptr_nonnull (other);
  theirs = candour_record_load (other, CANDOUR_TABLE_ORGANISATIONS, id, &error);
  g_free (theirs[1]);
  theirs[1] = g_strdup ("Open Door Recovery");
  ck_assert (candour_record_save (other, CANDOUR_TABLE_ORGANISATIONS, (const char * const *)theirs, &id,
                                  problems, &error));

  wait_for_check ();
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (form)));
  ck_assert_str_eq (candour_record_form_get_general_problem (form),
                    "While you were editing, this record was changed elsewhere: name “Open Door Recovery "
                    "Harrowfield” → “Open Door Recovery”. Nothing of yours was saved yet. Save again to put "
                    "what you typed in place of that change, or close the form to keep it.");
  now = candour_record_load (database (), CANDOUR_TABLE_ORGANISATIONS, id, NULL);
  ck_assert_str_eq (now[1], "Open Door Recovery");
  ck_assert_str_eq (now[7], "Recovery cafés in Millbrook and Castle Ward.");

  /* Saved again, knowingly: what was typed goes in, all of it. */
  save (form);
  {
    g_auto(GStrv) last = candour_record_load (other, CANDOUR_TABLE_ORGANISATIONS, id, NULL);

    ck_assert_str_eq (last[1], "Open Door Recovery Harrowfield");
    ck_assert_str_eq (last[7], "Meets on Tuesdays");
  }
}
END_TEST

/* A won bid naming two partners, then its contract, a subcontract and a payment; the
 * findings change at each step as the engine's rules say. */
START_TEST (test_bid_contract_subcontract_payment)
{
  CandourRecordForm *form;
  CandourDetailWindow *bid;
  CandourDetailWindow *contract;
  g_auto(GStrv) partners = NULL;
  g_auto(GStrv) share = NULL;
  g_autofree char *flow = NULL;
  g_autoptr(CandourFinding) odr = NULL;
  CandourFlowChart *chart;

  show ("bids");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
  test_app_wait ();
  form = find_form ();
  type (form, "ref", "BID-09");
  type (form, "title", "Harrowfield Recovery Cafés");
  choose (form, "lead_ref", "ORG-KINDRED");
  choose (form, "commissioner_ref", "ORG-PVICB");
  type (form, "value", "480,000");
  type (form, "submitted_on", "01/11/2024");
  choose (form, "outcome", "won");
  save (form);
  ck_assert_uint_eq (n_shown ("bids"), 9);

  bid = open_detail (CANDOUR_TABLE_BIDS, "BID-09");
  ck_assert_str_eq (candour_detail_window_get_summary (bid), "The bid was won; no contract is recorded yet. "
                                                             "It names 0 partners.");

  form = CANDOUR_RECORD_FORM (candour_detail_window_add_child (bid, CANDOUR_TABLE_BID_PARTNERS));
  test_app_wait ();
  /* The bid is filled in, and stays put. */
  ck_assert (!gtk_widget_get_sensitive (candour_record_form_get_row (form, "bid_ref")));
  choose (form, "partner_ref", "ORG-ODR");
  type (form, "role", "recovery cafés");
  type (form, "promised_value", "50,000");
  choose (form, "consent", "yes");
  save (form);

  form = CANDOUR_RECORD_FORM (candour_detail_window_add_child (bid, CANDOUR_TABLE_BID_PARTNERS));
  test_app_wait ();
  choose (form, "partner_ref", "ORG-MPSN");
  type (form, "role", "peer mentoring");
  type (form, "promised_share", "10");
  /* A promise as both a sum and a share is refused, under the share. */
  type (form, "promised_value", "1000");
  wait_for_check ();
  ck_assert_str_eq (candour_record_form_get_problem (form, "promised_share"),
                    "The promise is given both as a value and as a share; keep only the one the bid stated");
  type (form, "promised_value", "");
  save (form);

  partners = candour_detail_window_dup_rows (bid, "partners");
  ck_assert_uint_eq (g_strv_length (partners), 2);
  ck_assert_str_eq (partners[0], "Millbrook Peer Support Network — peer mentoring · 10% of the contract "
                                 "promised · not known whether it agreed to be named");
  ck_assert_str_eq (partners[1], "Open Door Recovery Harrowfield — recovery cafés · £50,000.00 promised · "
                                 "agreed to be named");
  ck_assert_str_eq (candour_detail_window_get_summary (bid), "The bid was won; no contract is recorded yet. "
                                                             "It names 2 partners.");

  /* A partner removed with its row's bin goes at once, and comes back with Undo. */
  {
    GtkWidget *bin = test_app_find_by_tooltip (GTK_WIDGET (bid), "Remove Millbrook Peer Support Network");
    g_auto(GStrv) after_remove = NULL;
    g_auto(GStrv) after_undo = NULL;

    ck_assert_ptr_nonnull (bin);
    g_signal_emit_by_name (bin, "clicked");
    test_app_wait ();
    after_remove = candour_detail_window_dup_rows (bid, "partners");
    ck_assert_uint_eq (g_strv_length (after_remove), 1);
    ck_assert (candour_deletion_is_pending (candour_detail_window_get_toast_overlay (bid)));
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (bid), "win.undo", NULL));
    test_app_wait ();
    after_undo = candour_detail_window_dup_rows (bid, "partners");
    ck_assert_uint_eq (g_strv_length (after_undo), 2);
    ck_assert_str_eq (after_undo[0], partners[0]);
  }

  /* Won, but no contract yet: both pending; the share is of the bid's value. */
  ck_assert_str_eq (status_of ("BID-09", "ORG-ODR"), "pending");
  ck_assert_str_eq (status_of ("BID-09", "ORG-MPSN"), "pending");
  {
    g_autoptr(CandourFinding) mpsn = test_app_find_finding (window, "BID-09", "ORG-MPSN");
    ck_assert_int_eq (candour_finding_get_promised (mpsn), 4800000);
  }

  /* The contract, from 01/01/2025 to 31/12/2025: 180 days on, past the 90 allowed
   * with nothing subcontracted, both partners are bid candy. */
  /* Made from the won bid's own window, which offers it: the bid and its title filled
   * in, its lead and commissioner taken from it. */
  {
    g_autofree char *title = NULL;

    ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (bid), "No contract is recorded yet."));
    ck_assert_ptr_nonnull (test_app_find_label (GTK_WIDGET (bid), "_Add Contract…"));
    form = CANDOUR_RECORD_FORM (candour_detail_window_add_child (bid, CANDOUR_TABLE_CONTRACTS));
    test_app_wait ();
    ck_assert (!gtk_widget_get_sensitive (candour_record_form_get_row (form, "bid_ref")));
    title = candour_record_form_dup_text (form, "title");
    ck_assert_str_eq (title, "Harrowfield Recovery Cafés");
  }
  type (form, "ref", "CON-09");
  type (form, "value", "480,000");
  type (form, "start_on", "01/01/2025");
  type (form, "end_on", "31/12/2025");
  save (form);
  ck_assert_uint_eq (n_shown ("contracts"), 8);
  ck_assert_int_eq (lead_id_of_contract ("CON-09"), id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-KINDRED"));
  ck_assert_str_eq (status_of ("BID-09", "ORG-ODR"), "bid_candy");
  ck_assert_str_eq (status_of ("BID-09", "ORG-MPSN"), "bid_candy");
  test_app_wait ();
  ck_assert_str_eq (candour_detail_window_get_summary (bid), "The bid was won and led to contract CON-09. "
                                                             "It names 2 partners.");

  /* A subcontract for what was promised: no longer bid candy. Due by 30/06/2025:
   * £50,000.00 × (180 − 30 + 1) / 365 = £20,684.93; nothing paid, so underpaid. */
  contract = open_detail (CANDOUR_TABLE_CONTRACTS, "CON-09");
  form = CANDOUR_RECORD_FORM (candour_detail_window_add_child (contract, CANDOUR_TABLE_SUBCONTRACTS));
  test_app_wait ();
  ck_assert (!gtk_widget_get_sensitive (candour_record_form_get_row (form, "contract_ref")));
  type (form, "ref", "SUB-90");
  choose (form, "partner_ref", "ORG-ODR");
  type (form, "value", "50,000");
  save (form);
  odr = test_app_find_finding (window, "BID-09", "ORG-ODR");
  ck_assert_str_eq (candour_finding_get_status (odr), "underpaid");
  ck_assert_int_eq (candour_finding_get_subcontracted (odr), 5000000);
  ck_assert_int_eq (candour_finding_get_due (odr), 2068493);
  g_clear_object (&odr);

  /* The flow: £48,000 less £50,000 … the picture and its words agree. */
  test_app_wait ();
  chart = candour_detail_window_get_flow_chart (contract);
  ck_assert_uint_eq (candour_flow_chart_get_n_partners (chart), 1);
  ck_assert_int_eq (candour_flow_chart_get_partner_value (chart, 0), 5000000);
  ck_assert_int_eq (candour_flow_chart_get_retained (chart), 43000000);
  flow = candour_flow_chart_describe (chart);
  ck_assert_str_eq (flow, "NHS Pennine Vale Integrated Care Board pays Kindred Pathways £480,000.00. "
                          "Kindred Pathways subcontracts £50,000.00 (10.4%): Open Door Recovery Harrowfield "
                          "£50,000.00 (10.4%, a smaller organisation). Kindred Pathways keeps £430,000.00 (89.6%).");
  share = candour_detail_window_dup_rows (contract, "share");
  ck_assert_str_eq (share[0], "10.4% of the contract went to smaller organisations — The contract sets no "
                              "share for smaller organisations");

  /* A payment from the lead on the subcontract: the form for the contract's payments
   * starts on the contract, and says so when a subcontract is picked as well. */
  form = CANDOUR_RECORD_FORM (candour_detail_window_add_child (contract, CANDOUR_TABLE_PAYMENTS));
  test_app_wait ();
  choose (form, "subcontract_ref", "SUB-90");
  type (form, "amount", "20,684.93");
  type (form, "paid_on", "01/06/2025");
  wait_for_check ();
  ck_assert_str_eq (candour_record_form_get_problem (form, "subcontract_ref"),
                    "The payment names both a contract and a subcontract; a payment is either "
                    "commissioner to lead (contract) or lead to partner (subcontract)");
  choose (form, "contract_ref", "");
  save (form);

  /* Paid what was due: honoured. */
  ck_assert_str_eq (status_of ("BID-09", "ORG-ODR"), "honoured");
  {
    g_auto(GStrv) payments = candour_detail_window_dup_rows (contract, "payments");
    ck_assert_uint_eq (g_strv_length (payments), 1);
    ck_assert_str_eq (payments[0], "£20,684.93 to Open Door Recovery Harrowfield — Paid 01/06/2025 · SUB-90");
  }

  gtk_window_destroy (GTK_WINDOW (contract));
  gtk_window_destroy (GTK_WINDOW (bid));
  test_app_wait ();
}
END_TEST

/* A payment from the Payments page's Ctrl+N. */
/* Runs the main loop until the picker's search has its answer (five seconds at most). */
static void
wait_for_search (CandourRecordPicker *picker)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (candour_record_picker_get_searching (picker) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  ck_assert (!candour_record_picker_get_searching (picker));
}

static const char *
result (CandourRecordPicker *picker,
        guint                position)
{
  GListModel *results = candour_record_picker_get_results (picker);

  ck_assert_uint_lt (position, g_list_model_get_n_items (results));
  return gtk_string_list_get_string (GTK_STRING_LIST (results), position);
}

/* A record field is chosen by searching, as a national register needs: the row opens
 * a search, every word typed is looked for, Enter takes the first record found. */
START_TEST (test_choose_by_searching)
{
  CandourRecordForm *form;
  CandourRecordPicker *lead;
  CandourRecordPicker *consortium;
  GtkEditable *search;
  GtkListBox *list;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;

  /* Sixty-one organisations: more than a search shows at once. */
  ck_assert_msg (candour_database_exec (database (),
                   "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20) "
                   "INSERT INTO organisation (ref, name) SELECT printf ('ORG-T%02d', i), "
                   "printf ('Zephyr Trust %02d', i) FROM n", &error), "%s", error ? error->message : "");

  show ("bids");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
  test_app_wait ();
  form = find_form ();
  lead = CANDOUR_RECORD_PICKER (candour_record_form_get_row (form, "lead_ref"));
  ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (lead)), "Choose…");

  /* Opened, it offers the first fifty by name, and says there are more. */
  adw_action_row_activate (ADW_ACTION_ROW (lead));
  wait_for_search (lead);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (candour_record_picker_get_popover (lead))));
  ck_assert_uint_eq (g_list_model_get_n_items (candour_record_picker_get_results (lead)), 50);
  ck_assert_str_eq (result (lead, 0), "African Caribbean Wellbeing Harrowfield (ORG-ACWH)");
  ck_assert (test_app_find_label (GTK_WIDGET (candour_record_picker_get_popover (lead)),
                                  "The first 50 are shown: type more of a name or reference to find others."));

  search = candour_record_picker_get_search_entry (lead);
  gtk_editable_set_text (search, "zzz");
  wait_for_search (lead);
  ck_assert_uint_eq (g_list_model_get_n_items (candour_record_picker_get_results (lead)), 0);
  ck_assert (test_app_find_label (GTK_WIDGET (candour_record_picker_get_popover (lead)),
                                  "No organisation has “zzz” in its name or reference."));

  gtk_editable_set_text (search, "path KINDRED");
  wait_for_search (lead);
  ck_assert_uint_eq (g_list_model_get_n_items (candour_record_picker_get_results (lead)), 1);
  ck_assert_str_eq (result (lead, 0), "Kindred Pathways (ORG-KINDRED)");
  g_signal_emit_by_name (search, "activate");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (candour_record_picker_get_popover (lead))));
  ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (lead)), "Kindred Pathways (ORG-KINDRED)");
  chosen = candour_record_form_dup_text (form, "lead_ref");
  ck_assert_str_eq (chosen, "ORG-KINDRED");

  /* Enter straight after typing takes the first record the search then finds. */
  adw_action_row_activate (ADW_ACTION_ROW (lead));
  wait_for_search (lead);
  gtk_editable_set_text (search, "threadwell");
  g_signal_emit_by_name (search, "activate");
  wait_for_search (lead);
  g_clear_pointer (&chosen, g_free);
  chosen = candour_record_form_dup_text (form, "lead_ref");
  ck_assert_str_eq (chosen, "ORG-THREADWELL");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (candour_record_picker_get_popover (lead))));

  /* An optional field can be emptied again: None heads its list. */
  consortium = CANDOUR_RECORD_PICKER (candour_record_form_get_row (form, "consortium_ref"));
  ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (consortium)), "None");
  choose (form, "consortium_ref", "CONS-HAP");
  adw_action_row_activate (ADW_ACTION_ROW (consortium));
  wait_for_search (consortium);
  ck_assert_str_eq (result (consortium, 0), "None");
  list = GTK_LIST_BOX (test_app_find_css_name (GTK_WIDGET (candour_record_picker_get_popover (consortium)), "list"));
  /* As a click on the row does. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  ck_assert_str_eq (candour_record_picker_get_ref (consortium), "");
  ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (consortium)), "None");

  /* A ref with no record is not taken. */
  ck_assert (!candour_record_form_choose (form, "lead_ref", "ORG-NOBODY"));
  ck_assert_str_eq (candour_record_picker_get_ref (lead), "ORG-THREADWELL");
  gtk_window_destroy (GTK_WINDOW (form));
}
END_TEST

/* The picker on a national register's 50,000 organisations: it opens on the first
 * fifty by name, and a word of a name or a piece of a ref finds the few it means. */
START_TEST (test_picker_on_fifty_thousand)
{
  g_autofree char *scratch = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (scratch, "national.candour", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  CandourWindow *national;
  CandourRecordForm *form;
  CandourRecordPicker *lead;
  GtkEditable *search;

  {
    g_autoptr(CandourDatabase) db = candour_database_open (path, &error);

    ck_assert_msg (db != NULL, "%s", error ? error->message : "");
    ck_assert_msg (candour_database_exec (db,
                     "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) "
                     "INSERT INTO organisation (ref, name) SELECT printf ('ORG-%05d', i), "
                     "printf ('Community Trust %05d', i) FROM n", &error), "%s", error ? error->message : "");
  }
  national = g_object_new (CANDOUR_TYPE_WINDOW, "application", test_app_get_application (), NULL);
  gtk_window_present (GTK_WINDOW (national));
  ck_assert (candour_window_open_path (national, path));
  test_app_wait ();

  form = candour_record_form_new (candour_window_get_session (national), CANDOUR_TABLE_BIDS, 0);
  gtk_window_present (GTK_WINDOW (form));
  test_app_wait ();
  lead = CANDOUR_RECORD_PICKER (candour_record_form_get_row (form, "lead_ref"));
  adw_action_row_activate (ADW_ACTION_ROW (lead));
  wait_for_search (lead);
  ck_assert_uint_eq (g_list_model_get_n_items (candour_record_picker_get_results (lead)), 50);
  ck_assert_str_eq (result (lead, 0), "Community Trust 00001 (ORG-00001)");
  ck_assert_str_eq (result (lead, 49), "Community Trust 00050 (ORG-00050)");

  search = candour_record_picker_get_search_entry (lead);
  gtk_editable_set_text (search, "trust 49999");
  wait_for_search (lead);
  ck_assert_uint_eq (g_list_model_get_n_items (candour_record_picker_get_results (lead)), 1);
  ck_assert_str_eq (result (lead, 0), "Community Trust 49999 (ORG-49999)");

  gtk_editable_set_text (search, "ORG-2500");
  wait_for_search (lead);
  ck_assert_uint_eq (g_list_model_get_n_items (candour_record_picker_get_results (lead)), 10);
  ck_assert_str_eq (result (lead, 0), "Community Trust 25000 (ORG-25000)");
  ck_assert_str_eq (result (lead, 9), "Community Trust 25009 (ORG-25009)");
  g_signal_emit_by_name (search, "activate");
  chosen = candour_record_form_dup_text (form, "lead_ref");
  ck_assert_str_eq (chosen, "ORG-25000");

  gtk_window_destroy (GTK_WINDOW (form));
  gtk_window_destroy (GTK_WINDOW (national));
  test_app_wait ();
  test_remove_tree (scratch);
}
END_TEST

START_TEST (test_add_payment)
{
  CandourPaymentsPage *page = CANDOUR_PAYMENTS_PAGE (show ("payments"));
  CandourRecordForm *form;
  gint64 id;
  g_auto(GStrv) texts = NULL;

  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (candour_payments_page_get_list (page))), 198);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
  test_app_wait ();
  form = find_form ();
  ck_assert_int_eq (candour_record_form_get_table (form), CANDOUR_TABLE_PAYMENTS);
  choose (form, "contract_ref", "CON-02");
  type (form, "amount", "1,250.50");
  type (form, "paid_on", "15/06/2025");
  type (form, "invoiced_on", "01/06/2025");
  id = save (form);

  texts = candour_record_load (database (), CANDOUR_TABLE_PAYMENTS, id, NULL);
  ck_assert_str_eq (texts[1], "CON-02");
  ck_assert_str_eq (texts[3], "1250.50");
  ck_assert_str_eq (texts[4], "2025-06-15");
  ck_assert_str_eq (texts[5], "2025-06-01");
  test_app_wait ();
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (candour_payments_page_get_list (page))), 199);
}
END_TEST

/* A payment dated in the future and invoiced after it was paid: said under the form,
 * as an import lists it, and saved all the same if the person means it. */
START_TEST (test_odd_payment_warns_without_refusing)
{
  CandourRecordForm *form = candour_record_form_new (candour_window_get_session (window),
                                                     CANDOUR_TABLE_PAYMENTS, 0);
  GtkWidget *warnings;
  const char *said;

  gtk_window_present (GTK_WINDOW (form));
  test_app_wait ();
  choose (form, "subcontract_ref", "SUB-01");
  type (form, "amount", "500");
  type (form, "paid_on", "01/01/2099");
  type (form, "invoiced_on", "15/01/2099");
  wait_for_check ();
  ck_assert (candour_record_form_get_can_save (form));
  warnings = label_containing (GTK_WIDGET (form), "Worth a second look");
  ck_assert_ptr_nonnull (warnings);
  ck_assert (gtk_widget_get_visible (warnings));
  said = gtk_label_get_label (GTK_LABEL (warnings));
  ck_assert_msg (strstr (said, "in the future") != NULL, "%s", said);
  ck_assert_msg (strstr (said, "after") != NULL, "%s", said);
  save (form);
}
END_TEST

/* More paid than the subcontract's value: said under Amount before saving, in the
 * person's words, with the totals. */
START_TEST (test_overpaid_subcontract_warns)
{
  CandourRecordForm *form = candour_record_form_new (candour_window_get_session (window),
                                                     CANDOUR_TABLE_PAYMENTS, 0);
  GtkWidget *warnings;

  gtk_window_present (GTK_WINDOW (form));
  test_app_wait ();
  choose (form, "subcontract_ref", "SUB-01");
  type (form, "amount", "60,000.01");
  type (form, "paid_on", "01/06/2025");
  wait_for_check ();
  ck_assert (candour_record_form_get_can_save (form));
  warnings = label_containing (GTK_WIDGET (form), "Worth a second look");
  ck_assert_ptr_nonnull (warnings);
  ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (warnings)),
                    "Worth a second look, though it can be saved:\nWith this payment, subcontract 'SUB-01' is paid "
                    "£120,000.01 in all, more than its value (£120,000.00)");

  /* Exactly the value: nothing to say. */
  type (form, "amount", "60000");
  wait_for_check ();
  ck_assert (!gtk_widget_get_visible (warnings));
  gtk_window_destroy (GTK_WINDOW (form));
  test_app_wait ();
}
END_TEST

/* Delete hides at once and offers Undo; Undo brings it back; the toast going deletes. */
START_TEST (test_delete_and_undo)
{
  CandourRecordsPage *page = CANDOUR_RECORDS_PAGE (show ("organisations"));
  AdwToastOverlay *overlay = candour_window_get_toast_overlay (window);
  const char *title;

  /* One nobody refers to: a new one. */
  {
    const char *texts[] = { "ORG-GONE", "Soon Gone Group", NULL, NULL, NULL, NULL, NULL, NULL, NULL };
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    gint64 id = 0;

    ck_assert (candour_record_save (database (), CANDOUR_TABLE_ORGANISATIONS, texts, &id, problems, NULL));
    ck_assert (candour_session_reload (candour_window_get_session (window), NULL));
  }
  ck_assert_uint_eq (n_shown ("organisations"), 42);

  ck_assert (candour_records_page_select (page, "ORG-GONE"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL));
  ck_assert_uint_eq (n_shown ("organisations"), 41);
  ck_assert (candour_deletion_is_pending (overlay));
  title = test_app_toast_title (overlay, "Deleted Soon Gone Group");
  ck_assert_ptr_nonnull (title);
  ck_assert_str_eq (title, "Deleted Soon Gone Group");
  /* Still in the database until the toast goes. */
  ck_assert_int_gt (id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-GONE"), 0);

  /* Ctrl+Z while the toast shows. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ck_assert_uint_eq (n_shown ("organisations"), 42);
  ck_assert (!candour_deletion_is_pending (overlay));
  ck_assert_int_gt (id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-GONE"), 0);

  /* Again, and this time the toast goes: the record goes with it. */
  ck_assert (candour_records_page_select (page, "ORG-GONE"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL));
  candour_deletion_commit (overlay);
  test_app_wait ();
  ck_assert_int_eq (id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-GONE"), 0);
  ck_assert_uint_eq (n_shown ("organisations"), 41);

  /* One that bids name: the core's sentence, and nothing hidden or lost. */
  ck_assert (candour_records_page_select (page, "ORG-KINDRED"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL));
  ck_assert (!candour_deletion_is_pending (overlay));
  ck_assert_uint_eq (n_shown ("organisations"), 41);
  title = test_app_toast_title (overlay, "This record was kept: bids, named partners, consortia, contracts or "
                                "subcontracts still refer to it. Change or delete those first.");
  ck_assert_ptr_nonnull (title);
  ck_assert_str_eq (title, "This record was kept: bids, named partners, consortia, contracts or subcontracts "
                           "still refer to it. Change or delete those first.");
  ck_assert_int_gt (id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-KINDRED"), 0);
}
END_TEST


/* Deletes ORG-CHANGED from the page while someone else renames it: the window asks again,
 * answered with response. */
static void
delete_while_renamed_elsewhere (CandourRecordsPage *page,
                                const char         *new_name,
                                const char         *response)
{
  AdwToastOverlay *overlay = candour_window_get_toast_overlay (window);
  g_autoptr(CandourDatabase) other = candour_database_open (candour_database_get_path (database ()), NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gint64 id = id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-CHANGED");
  g_auto(GStrv) texts = candour_record_load (other, CANDOUR_TABLE_ORGANISATIONS, id, NULL);
  g_autofree char *body = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* The list as a person sees it a second later, with the last round's change. */
  candour_window_check_for_changes (window);
  test_app_wait ();
  ck_assert (candour_records_page_select (page, "ORG-CHANGED"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL));
  ck_assert (candour_deletion_is_pending (overlay));

  heading = g_strdup_printf ("Delete %s?", texts[1]);
  body = g_strdup_printf ("Since you asked to delete it, this record was changed elsewhere: name “%s” → “%s”. "
                          "It was kept.", texts[1], new_name);
  g_free (texts[1]);
  texts[1] = g_strdup (new_name);
  ck_assert (candour_record_save (other, CANDOUR_TABLE_ORGANISATIONS, (const char * const *)texts, &id, problems,
                                  NULL));

  candour_deletion_commit (overlay);
  dialog = test_app_find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), heading);
  ck_assert_str_eq (adw_message_dialog_get_body (dialog), body);
  ck_assert_str_eq (adw_message_dialog_get_default_response (dialog), "keep");
  /* Until the answer the record is there, and shown again. */
  ck_assert_int_eq (id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-CHANGED"), id);
  ck_assert_uint_eq (n_shown ("organisations"), 42);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_app_wait ();
}

/* A record someone else changed while Undo was on offer: kept, and asked about again. */
START_TEST (test_delete_of_a_record_changed_elsewhere)
{
  CandourRecordsPage *page = CANDOUR_RECORDS_PAGE (show ("organisations"));
  const char *texts[] = { "ORG-CHANGED", "Changing Hands Trust", NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gint64 id = 0;

  ck_assert (candour_record_save (database (), CANDOUR_TABLE_ORGANISATIONS, texts, &id, problems, NULL));
  ck_assert (candour_session_reload (candour_window_get_session (window), NULL));
  ck_assert_uint_eq (n_shown ("organisations"), 42);

  /* Kept: still there, under its new name. */
  delete_while_renamed_elsewhere (page, "Changed Hands Trust", "keep");
  ck_assert_int_eq (id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-CHANGED"), id);
  ck_assert_uint_eq (n_shown ("organisations"), 42);

  /* Deleted anyway. */
  delete_while_renamed_elsewhere (page, "Changed Again Trust", "delete");
  ck_assert_int_eq (id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-CHANGED"), 0);
  ck_assert_uint_eq (n_shown ("organisations"), 41);
}
END_TEST

/* A payment deleted from the Payments page, whose rows come from SQLite on demand. */
/* Delete while someone else is saving: said at once, and nothing hidden. */
START_TEST (test_delete_while_busy)
{
  CandourRecordsPage *page = CANDOUR_RECORDS_PAGE (show ("organisations"));
  AdwToastOverlay *overlay = candour_window_get_toast_overlay (window);
  g_autoptr(CandourDatabase) other = candour_database_open (candour_database_get_path (database ()), NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const char *texts[] = { "ORG-STAYS", "Here To Stay Trust", NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  const char *busy = "The database is busy (someone else is saving). Nothing was changed; try again "
                     "in a moment.";
  const char *title;
  gint64 id = 0;

  ck_assert (candour_record_save (database (), CANDOUR_TABLE_ORGANISATIONS, texts, &id, problems, NULL));
  ck_assert (candour_session_reload (candour_window_get_session (window), NULL));
  /* The page reads its list again on a worker. */
  test_app_wait ();
  ck_assert (candour_database_begin (other, NULL));

  ck_assert (candour_records_page_select (page, "ORG-STAYS"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL));
  ck_assert (!candour_deletion_is_pending (overlay));
  ck_assert_uint_eq (n_shown ("organisations"), 42);
  title = test_app_toast_title (overlay, busy);
  ck_assert_ptr_nonnull (title);
  ck_assert_str_eq (title, busy);

  ck_assert (candour_database_end (other, FALSE, NULL));
  ck_assert_int_eq (id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-STAYS"), id);
}
END_TEST

START_TEST (test_delete_payment_and_undo)
{
  CandourPaymentsPage *page = CANDOUR_PAYMENTS_PAGE (show ("payments"));
  GListModel *list = G_LIST_MODEL (candour_payments_page_get_list (page));
  AdwToastOverlay *overlay = candour_window_get_toast_overlay (window);
  GtkSelectionModel *shown = NULL;
  g_autoptr(CandourPayment) first = NULL;

  ck_assert_uint_eq (g_list_model_get_n_items (list), 198);
  first = g_list_model_get_item (list, 0);
  ck_assert_str_eq (candour_payment_get_ref (first), "PAY-0001");

  shown = GTK_SELECTION_MODEL (candour_payments_page_get_shown (page));
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (shown)), 198);
  gtk_selection_model_select_item (shown, 0, TRUE);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL));
  test_app_wait ();
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (shown)), 197);
  ck_assert_str_eq (test_app_toast_title (overlay, "Deleted payment PAY-0001"), "Deleted payment PAY-0001");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  test_app_wait ();
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (shown)), 198);
  ck_assert_int_gt (id_of (CANDOUR_TABLE_PAYMENTS, "PAY-0001"), 0);
}
END_TEST

/* Waits for a file an export writes whole (renamed into place when complete). */
static void
wait_for_file (const char *path)
{
  gint64 end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  ck_assert_msg (g_file_test (path, G_FILE_TEST_EXISTS), "%s was not written", path);
}

/* The small charity's answer, taken away: the bids that named it as the CLI's CSV, and
 * as a PDF (exported or printed) titled with its question and its answer in words. */
START_TEST (test_organisation_answer_exported)
{
  CandourDetailWindow *detail = open_detail (CANDOUR_TABLE_ORGANISATIONS, "ORG-ODR");
  g_autofree char *csv_path = g_build_filename (folder, "ORG-ODR promised and paid.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (folder, "ORG-ODR promised and paid.pdf", NULL);
  g_autofree char *printed_path = g_build_filename (folder, "ORG-ODR printed.pdf", NULL);
  g_autofree char *csv = NULL;
  GtkWidget *button = test_app_find_by_tooltip (GTK_WIDGET (detail),
                                                "Save or print what it was promised and what it has had, to hand "
                                                "to a funder or commissioner");
  GtkNativeDialog *chooser;

  ck_assert (GTK_IS_MENU_BUTTON (button));
  /* From the menu, through the file chooser, as a person would. */
  ck_assert (gtk_widget_activate_action (button, "findings.export-csv", NULL));
  chooser = candour_export_chooser_get (GTK_WIDGET (detail));
  ck_assert_ptr_nonnull (chooser);
  ck_assert_str_eq (gtk_native_dialog_get_title (chooser), "What Open Door Recovery Harrowfield was promised, and what it has had");
  {
    g_autofree char *suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    ck_assert_str_eq (suggested, "ORG-ODR promised and paid.csv");
  }
  test_app_choose_file (chooser, csv_path);
  ck_assert_ptr_null (candour_export_chooser_get (GTK_WIDGET (detail)));
  wait_for_file (csv_path);
  ck_assert (g_file_get_contents (csv_path, &csv, NULL, NULL));
  ck_assert_str_eq (csv, "\xEF\xBB\xBF"
    "bid_ref,contract_ref,lead_ref,lead_name,partner_ref,partner_name,partner_size,consent,"
    "promised,subcontracted,due,paid,status\r\n"
    "BID-01,CON-01,ORG-KINDRED,Kindred Pathways,ORG-ODR,Open Door Recovery Harrowfield,medium,yes,"
    "90000.00,0.00,0.00,0.00,bid_candy\r\n"
    "BID-06,CON-06,ORG-KINDRED,Kindred Pathways,ORG-ODR,Open Door Recovery Harrowfield,medium,yes,"
    "55000.00,0.00,0.00,0.00,pending\r\n");
  ck_assert_str_eq (test_app_toast_title (candour_detail_window_get_toast_overlay (detail),
                                          "Saved ORG-ODR promised and paid.csv"),
                    "Saved ORG-ODR promised and paid.csv");

  candour_detail_window_export_findings (detail, CANDOUR_FINDINGS_EXPORT_PDF, pdf_path);
  wait_for_file (pdf_path);
  candour_detail_window_print_findings (detail, printed_path);
  wait_for_file (printed_path);
  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? pdf_path : printed_path;
      g_autofree char *text = test_spawn_output ((const char *[]) { "pdftotext", path, "-", NULL });
      g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
      g_autofree char *flat = g_regex_replace (space, text, -1, 0, " ", 0, NULL);

      ck_assert_msg (strstr (flat, "What Open Door Recovery Harrowfield was promised, and what it has had") != NULL,
                     "%s", flat);
      ck_assert (strstr (flat, "In the won bids it was promised £145,000.00, and nothing has been subcontracted "
                               "to it.") != NULL);
      ck_assert (strstr (flat, "Bid candy Named in the bid, but no subcontract") != NULL);
      ck_assert (strstr (flat, "Pending No contract yet, or the contract has not started") != NULL);
      ck_assert (strstr (flat, "Honoured") == NULL);
    }
  ck_assert_ptr_null (test_app_find_message_dialog ());
  test_app_dismiss_toasts (candour_detail_window_get_toast_overlay (detail));
  gtk_window_destroy (GTK_WINDOW (detail));
  test_app_wait ();
}
END_TEST

/* A contract's window lists the partners its bid named, with what each was promised
 * and had, and takes that away as evidence with the rest of the contract's story:
 * where the money went, the share for smaller organisations, subcontracts, payments. */
START_TEST (test_contract_promises_exported)
{
  CandourDetailWindow *detail = open_detail (CANDOUR_TABLE_CONTRACTS, "CON-01");
  g_autofree char *path = g_build_filename (folder, "CON-01 printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) promises = candour_detail_window_dup_rows (detail, "promises");

  ck_assert_uint_eq (g_strv_length (promises), 5);
  ck_assert_str_eq (promises[0], "African Caribbean Wellbeing Harrowfield — Promised £120,000.00 · subcontracted "
                                 "£120,000.00 · paid £46,666.62 of £66,958.90 due — Underpaid");
  ck_assert (test_app_find_by_tooltip (GTK_WIDGET (detail), "Save or print what the bid promised its partners and "
                                                            "what they have had, as evidence") != NULL);
  candour_detail_window_print_findings (detail, path);
  wait_for_file (path);
  text = test_spawn_output ((const char *[]) { "pdftotext", "-layout", path, "-", NULL });
  ck_assert_msg (strstr (text, "What the partners named for CON-01 were promised, and what they have had") != NULL,
                 "%s", text);
  ck_assert (strstr (text, "Greenway Allotment Therapy CIC") != NULL);
  /* The rest of the evidence after the promises: each subcontract, and every payment
   * under the contract (the window lists the first 200; the PDF all of them). */
  /* Where the money went, in words, and the share for smaller organisations. */
  ck_assert (g_regex_match_simple ("^\f?Where the Money Goes$", text, G_REGEX_MULTILINE, 0));
  ck_assert (strstr (text, "NHS Pennine Vale Integrated Care Board pays Kindred Pathways £2,400,000.00. Kindred Pathways "
                           "subcontracts £240,000.00 (10.0%):") != NULL);
  ck_assert (g_regex_match_simple ("^Share for Smaller Organisations$", text, G_REGEX_MULTILINE, 0));
  ck_assert (g_regex_match_simple ("CON-01 +10.0% +25.0% Not met", text, 0, 0));
  ck_assert (g_regex_match_simple ("^\f?Subcontracts$", text, G_REGEX_MULTILINE, 0));
  ck_assert_msg (g_regex_match_simple ("African Caribbean Wellbeing Harrowfield +SUB-02 +£120,000.00 29/09/2023 "
                                       "27/09/2026 +30 £46,666.62", text, 0, 0), "%s", text);
  ck_assert (g_regex_match_simple ("Millbrook Peer Support Network +SUB-01 +£120,000.00 27/01/2024 27/09/2026 +30 "
                                   "£60,000.00", text, 0, 0));
  ck_assert (g_regex_match_simple ("^\f?Payments$", text, G_REGEX_MULTILINE, 0));
  ck_assert (g_regex_match_simple ("26/01/2024 +£200,000.00 Kindred Pathways +From the commissioner 29/12/2023 "
                                   "PAY-0004", text, 0, 0));
  {
    g_autoptr(GRegex) payment = g_regex_new ("PAY-[0-9]+\n", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    gint64 expected = test_query_int (database (), "SELECT count(*) FROM payment p "
                                                   "LEFT JOIN subcontract s ON s.id = p.subcontract_id "
                                                   "WHERE coalesce (p.contract_id, s.contract_id) = "
                                                   "(SELECT id FROM contract WHERE ref = 'CON-01')");
    gint64 found = 0;

    for (g_regex_match (payment, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
      found++;
    ck_assert_int_gt (expected, 20);
    ck_assert_int_eq (found, expected);

    /* The spreadsheet: the findings, then a sheet each for the subcontracts and every
     * payment, money as numbers, refs as text, no record ids. */
    {
      g_autofree char *xlsx_path = g_build_filename (folder, "CON-01 evidence.xlsx", NULL);
      g_autofree char *workbook = NULL;
      g_autofree char *subcontracts = NULL;
      g_autofree char *payments = NULL;
      g_autofree char *last_row = NULL;

      candour_detail_window_export_findings (detail, CANDOUR_FINDINGS_EXPORT_XLSX, xlsx_path);
      wait_for_file (xlsx_path);
      workbook = test_read_zip_part (xlsx_path, "xl/workbook.xml");
      ck_assert_msg (g_regex_match_simple ("<sheet name=\"findings\"[^>]*/><sheet name=\"subcontracts\"[^>]*/>"
                                           "<sheet name=\"payments\"", workbook, 0, 0), "%s", workbook);
      subcontracts = test_read_zip_part (xlsx_path, "xl/worksheets/sheet2.xml");
      ck_assert_msg (g_regex_match_simple ("<c r=\"A1\"[^>]*><is><t>subcontract_ref</t>", subcontracts, 0, 0),
                     "%s", subcontracts);
      ck_assert (strstr (subcontracts, "<t>SUB-02</t>") != NULL);
      ck_assert (strstr (subcontracts, "<t>id</t>") == NULL);
      ck_assert (strstr (subcontracts, "<autoFilter ref=\"A1:H3\"/>") != NULL);
      payments = test_read_zip_part (xlsx_path, "xl/worksheets/sheet3.xml");
      /* A header, then every payment: F is the payment's ref. */
      last_row = g_strdup_printf ("<autoFilter ref=\"A1:F%" G_GINT64_FORMAT "\"/>", expected + 1);
      ck_assert_msg (strstr (payments, last_row) != NULL, "%s", payments);
      ck_assert (strstr (payments, "<v>200000</v>") != NULL);
    }
  }
  test_app_dismiss_toasts (candour_detail_window_get_toast_overlay (detail));
  gtk_window_destroy (GTK_WINDOW (detail));
  test_app_wait ();
}
END_TEST

/* An edit shows in the record's history: who, when and what changed, in words. */
START_TEST (test_history)
{
  CandourDetailWindow *detail = open_detail (CANDOUR_TABLE_ORGANISATIONS, "ORG-ODR");
  CandourHistoryGroup *history = candour_detail_window_get_history (detail);
  g_autofree char *prefix = g_strdup_printf ("Changed by %s on ", g_get_user_name ());
  CandourRecordForm *form;
  const char *entry;
  g_auto(GStrv) named = NULL;

  /* Imported with the demo. */
  ck_assert_uint_eq (candour_history_group_get_n_entries (history), 1);
  ck_assert (g_str_has_prefix (candour_history_group_get_entry (history, 0), "Imported by "));
  ck_assert (g_str_has_suffix (candour_history_group_get_entry (history, 0), ": Imported from organisations.csv"));

  /* The small charity's question, answered from the findings. */
  ck_assert_str_eq (candour_detail_window_get_summary (detail),
                    "Open Door Recovery Harrowfield was named as a partner in 2 bids, 2 of them won. In the won "
                    "bids it was promised £145,000.00, and nothing has been subcontracted to it. In 1 of them "
                    "it was bid candy: named, then given no work.");
  named = candour_detail_window_dup_rows (detail, "named-in");
  ck_assert_uint_eq (g_strv_length (named), 2);
  ck_assert_str_eq (named[0], "Harrowfield Community Mental Health and Wellbeing Service — BID-01, led by Kindred "
                              "Pathways · Promised £90,000.00 · subcontracted £0.00 · paid £0.00 of £0.00 due — "
                              "Bid candy");
  ck_assert_str_eq (named[1], "Suicide Prevention and Crisis Café — BID-06, led by Kindred Pathways · Promised "
                              "£55,000.00 · the contract has not started — Pending");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.edit", NULL));
  test_app_wait ();
  form = find_form ();
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (candour_record_form_get_row (form, "annual_income"))),
                    "238,000.00");
  type (form, "annual_income", "250,000");
  type (form, "name", "Open Door Recovery");
  save (form);

  ck_assert_uint_eq (candour_history_group_get_n_entries (history), 2);
  entry = candour_history_group_get_entry (history, 1);
  ck_assert_msg (g_str_has_prefix (entry, prefix), "%s", entry);
  ck_assert_msg (g_str_has_suffix (entry, ": Name: Open Door Recovery Harrowfield → Open Door Recovery; "
                                          "annual income: £238,000.00 → £250,000.00"), "%s", entry);
  gtk_window_destroy (GTK_WINDOW (detail));
  test_app_wait ();
}
END_TEST

/* Someone else is saving: the form says so in the core's words, keeps what was typed,
 * and saves once they have finished. */
START_TEST (test_busy_database)
{
  g_autoptr(CandourDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  CandourRecordForm *form;

  show ("organisations");
  form = candour_window_new_record (window, CANDOUR_TABLE_ORGANISATIONS);
  type (form, "ref", "ORG-BUSY");
  type (form, "name", "Busy Bees Playgroup");
  wait_for_check ();
  ck_assert (candour_record_form_get_can_save (form));

  other = candour_database_open (candour_database_get_path (database ()), &error);
  ck_assert_msg (other != NULL, "%s", error ? error->message : "");
  ck_assert (candour_database_begin (other, NULL));

  /* Save waits its turn with the window free, for as long as the CLI would... */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (form)));
  ck_assert_str_eq (candour_record_form_get_general_problem (form), "Waiting for someone else to finish saving…");
  ck_assert (!candour_record_form_get_can_save (form));
  /* ...then says the database is busy, and keeps what was typed. */
  wait_until_general_problem (form, "The database is busy (someone else is saving). Nothing was changed; "
                                    "try again in a moment.");
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (form)));
  ck_assert (candour_record_form_get_can_save (form));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (candour_record_form_get_row (form, "name"))),
                    "Busy Bees Playgroup");
  ck_assert_int_eq (id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-BUSY"), 0);

  /* Checking what is typed says the same at once, blaming no field... */
  type (form, "name", "Busy Bees Playgroup CIO");
  wait_for_check ();
  ck_assert (!candour_record_form_get_can_save (form));
  ck_assert_str_eq (candour_record_form_get_general_problem (form),
                    "The database is busy (someone else is saving). Nothing was changed; try again in a moment.");

  /* ...and looks again by itself once the other process has finished. */
  ck_assert (candour_database_end (other, FALSE, NULL));
  {
    gint64 give_up = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

    while (!candour_record_form_get_can_save (form) && g_get_monotonic_time () < give_up)
      g_main_context_iteration (NULL, TRUE);
  }
  ck_assert (candour_record_form_get_can_save (form));
  ck_assert_ptr_null (candour_record_form_get_general_problem (form));
  save (form);
  ck_assert_int_gt (id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-BUSY"), 0);

  /* The other save ends while this one waits: it goes in by itself. */
  form = candour_window_new_record (window, CANDOUR_TABLE_ORGANISATIONS);
  type (form, "ref", "ORG-PATIENT");
  type (form, "name", "Patience Community Garden");
  wait_for_check ();
  ck_assert (candour_database_begin (other, NULL));
  g_object_ref (form);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  ck_assert_str_eq (candour_record_form_get_general_problem (form), "Waiting for someone else to finish saving…");
  ck_assert (candour_database_end (other, FALSE, NULL));
  {
    gint64 give_up = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

    while (gtk_widget_get_visible (GTK_WIDGET (form)) && g_get_monotonic_time () < give_up)
      g_main_context_iteration (NULL, TRUE);
  }
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (form)));
  g_object_unref (form);
  ck_assert_int_gt (id_of (CANDOUR_TABLE_ORGANISATIONS, "ORG-PATIENT"), 0);
}
END_TEST

/* Another process saves: the window notices and shows it. */
START_TEST (test_other_process_changes)
{
  g_autoptr(CandourDatabase) other = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const char *texts[] = { "ORG-ELSEWHERE", "Saved Elsewhere Trust", NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  gint64 id = 0;

  show ("organisations");
  ck_assert (!candour_window_check_for_changes (window));
  ck_assert_uint_eq (n_shown ("organisations"), 41);

  other = candour_database_open (candour_database_get_path (database ()), NULL);
  ck_assert (candour_record_save (other, CANDOUR_TABLE_ORGANISATIONS, texts, &id, problems, NULL));

  ck_assert (candour_window_check_for_changes (window));
  ck_assert_uint_eq (n_shown ("organisations"), 42);
  ck_assert (!candour_window_check_for_changes (window));
}
END_TEST

START_TEST (test_back_up)
{
  g_autofree char *path = g_build_filename (folder, "Backup.candour", NULL);
  g_autofree char *expected = g_strdup_printf ("Backed up as “Backup.candour” in %s", folder);
  g_autoptr(CandourDatabase) copy = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  GStatBuf st;

  ck_assert (candour_window_back_up (window, path));
  ck_assert_str_eq (test_app_toast_title (candour_window_get_toast_overlay (window), expected), expected);
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);

  copy = candour_database_open (path, NULL);
  ck_assert_ptr_nonnull (copy);
  original = test_dump_content (database ());
  copied = test_dump_content (copy);
  ck_assert_str_eq (original, copied);
}
END_TEST

/* An old file is brought up to date when opened, and the window says where the copy
 * of it as it was is kept. */
/* A database on a network drive: said at open, in words, and saved there safely. */
START_TEST (test_network_notice)
{
  g_autofree char *path = g_build_filename (folder, "Shared.candour", NULL);
  AdwMessageDialog *dialog = NULL;

  g_object_unref (candour_database_open (path, NULL));
  g_setenv ("CANDOUR_ASSUME_NETWORK_FS", "1", TRUE);
  ck_assert (candour_window_open_path (window, path));
  g_unsetenv ("CANDOUR_ASSUME_NETWORK_FS");
  test_app_wait ();

  ck_assert (candour_database_is_on_network (database ()));
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Database on a Network Drive");
  ck_assert_str_eq (adw_message_dialog_get_body (dialog),
                    "“Shared.candour” is on a network drive. Candour saves there in a slower, safer way, "
                    "but two people saving at the same moment over a network is less safe than on this "
                    "computer’s own disk. Back it up often (Back Up… in the main menu), or copy it to this "
                    "computer to work on it.");
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_upgrade_notice)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("CANDOUR_TEST_DATA"), "schema", "v1.db", NULL);
  g_autofree char *path = g_build_filename (folder, "Old.candour", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  AdwMessageDialog *dialog = NULL;
  const char *backup;

  ck_assert (g_file_get_contents (fixture, &contents, &length, NULL));
  ck_assert (g_file_set_contents (path, contents, length, NULL));
  ck_assert (candour_window_open_path (window, path));
  test_app_wait ();

  backup = candour_database_get_upgrade_backup (database ());
  ck_assert_ptr_nonnull (backup);
  ck_assert (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Database Brought Up to Date");
  ck_assert_msg (strstr (adw_message_dialog_get_body (dialog), backup) != NULL, "%s",
                 adw_message_dialog_get_body (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

/* "BID-09,ORG-ODR,Delivery,1200.50,,yes|…": a bid's named partners as the database has them. */
static char *
partners_in_database (const char *bid_ref)
{
  g_autoptr(GArray) ids = candour_record_list_bid_partners (database (), id_of (CANDOUR_TABLE_BIDS, bid_ref), NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  ck_assert_ptr_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(GStrv) texts = candour_record_load (database (), CANDOUR_TABLE_BID_PARTNERS,
                                                 g_array_index (ids, gint64, i), NULL);
      g_autofree char *row = g_strjoinv (",", texts);

      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", row);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* How many findings the session has for a bid. */
static guint
n_findings_of (const char *bid_ref)
{
  GListModel *findings = candour_session_get_findings (candour_window_get_session (window));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CandourFinding) finding = g_list_model_get_item (findings, i);

      n += g_str_equal (candour_finding_get_bid_ref (finding), bid_ref);
    }
  return n;
}

static void
type_partner (CandourBidPartnersGroup *group,
              guint                    index,
              const char              *field,
              const char              *text)
{
  GtkWidget *row = candour_bid_partners_group_get_row (group, index, field);

  ck_assert_msg (ADW_IS_ENTRY_ROW (row), "%s is not typed into", field);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
choose_partner (CandourBidPartnersGroup *group,
                guint                    index,
                const char              *ref)
{
  GtkWidget *row = candour_bid_partners_group_get_row (group, index, "partner_ref");

  ck_assert_msg (candour_record_picker_set_ref (CANDOUR_RECORD_PICKER (row), ref), "no organisation %s", ref);
}

static void
choose_consent (CandourBidPartnersGroup *group,
                guint                    index,
                const char              *keyword)
{
  const char * const *consents = candour_table_get_field_choices (CANDOUR_TABLE_BID_PARTNERS, 5);

  /* With a default ("unknown"), the drop-down offers the choices alone, in order. */
  ck_assert_str_eq (candour_table_get_field_default (CANDOUR_TABLE_BID_PARTNERS, 5), "unknown");
  ck_assert (g_strv_contains (consents, keyword));
  for (guint i = 0; consents[i] != NULL; i++)
    if (g_str_equal (consents[i], keyword))
      adw_combo_row_set_selected (ADW_COMBO_ROW (candour_bid_partners_group_get_row (group, index, "consent")), i);
}

/* Add Partner, as clicked. */
static void
add_partner (CandourRecordForm *form)
{
  GtkWidget *button = test_app_find_by_tooltip (GTK_WIDGET (form), "Name another partner in the bid");

  ck_assert_ptr_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  test_app_wait ();
}

static CandourRecordForm *
new_bid_form (void)
{
  CandourRecordForm *form;

  show ("bids");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
  test_app_wait ();
  form = find_form ();
  type (form, "ref", "BID-09");
  type (form, "title", "Harrowfield Recovery Cafés");
  choose (form, "lead_ref", "ORG-KINDRED");
  choose (form, "commissioner_ref", "ORG-PVICB");
  type (form, "value", "480,000");
  return form;
}

START_TEST (test_bid_with_partners_in_one_go)
{
  CandourRecordForm *form = new_bid_form ();
  CandourBidPartnersGroup *group = candour_record_form_get_partners_group (form);
  g_autofree char *saved = NULL;
  ck_assert_ptr_nonnull (group);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (group)));
  ck_assert_uint_eq (candour_bid_partners_group_get_n_partners (group), 0);

  add_partner (form);
  ck_assert_uint_eq (candour_bid_partners_group_get_n_partners (group), 1);
  /* Typing starts at the new partner's organisation. */
  ck_assert (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (form)),
                                     candour_bid_partners_group_get_row (group, 0, "partner_ref")) ||
             gtk_window_get_focus (GTK_WINDOW (form)) == candour_bid_partners_group_get_row (group, 0, "partner_ref"));
  choose_partner (group, 0, "ORG-ODR");
  type_partner (group, 0, "role", "recovery cafés");
  type_partner (group, 0, "promised_value", "£1,200.50");

  add_partner (form);
  choose_partner (group, 1, "ORG-MPSN");
  type_partner (group, 1, "promised_share", "15");
  choose_consent (group, 1, "yes");
  /* Only a won bid's promises are judged. */
  choose (form, "outcome", "won");

  save (form);
  saved = partners_in_database ("BID-09");
  ck_assert_str_eq (saved, "BID-09,ORG-ODR,recovery cafés,1200.50,,unknown|BID-09,ORG-MPSN,,,15,yes");
  /* Judged at once: won, with no contract yet, its promises are pending. */
  ck_assert_uint_eq (n_findings_of ("BID-09"), 2);
  ck_assert_str_eq (status_of ("BID-09", "ORG-ODR"), "pending");
  ck_assert_str_eq (status_of ("BID-09", "ORG-MPSN"), "pending");
}
END_TEST

START_TEST (test_bad_partner_refuses_the_bid)
{
  CandourRecordForm *form = new_bid_form ();
  CandourBidPartnersGroup *group = candour_record_form_get_partners_group (form);
  g_autoptr(GError) error = NULL;
  const char *organisation[] = { "ORG-GONE", "Soon Gone", "", "", "", "", "", "", NULL };
  gint64 gone = 0;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  ck_assert (candour_record_save (database (), CANDOUR_TABLE_ORGANISATIONS, organisation, &gone, problems, &error));

  add_partner (form);
  choose_partner (group, 0, "ORG-ODR");
  type_partner (group, 0, "promised_value", "1000");
  add_partner (form);
  choose_partner (group, 1, "ORG-MPSN");
  type_partner (group, 1, "promised_value", "500");
  type_partner (group, 1, "promised_share", "15");

  /* While typing: the second partner's problem beside it, and Save off. */
  wait_for_check ();
  ck_assert (!candour_record_form_get_can_save (form));
  ck_assert_ptr_null (candour_bid_partners_group_get_problem (group, 0));
  ck_assert_str_eq (candour_bid_partners_group_get_problem (group, 1),
                    "The promise is given both as a value and as a share; keep only the one the bid stated");
  ck_assert (gtk_widget_has_css_class (candour_bid_partners_group_get_row (group, 1, "promised_share"), "error"));

  /* Put right, the form would save... */
  type_partner (group, 1, "promised_value", "");
  choose_partner (group, 1, "ORG-GONE");
  wait_for_check ();
  ck_assert (candour_record_form_get_can_save (form));
  ck_assert_ptr_null (candour_bid_partners_group_get_problem (group, 1));

  /* ...but the organisation goes before Save: nothing at all is written, the bid
   * included, and the reason shows beside that partner. */
  ck_assert (candour_record_delete (database (), CANDOUR_TABLE_ORGANISATIONS, gone, &error));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  test_app_wait ();
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (form)));
  ck_assert_int_eq (candour_record_form_get_record_id (form), 0);
  ck_assert_int_eq (id_of (CANDOUR_TABLE_BIDS, "BID-09"), 0);
  ck_assert_int_eq (test_query_int (database (), "SELECT count (*) FROM bid_partner"), 31);
  ck_assert_ptr_null (candour_bid_partners_group_get_problem (group, 0));
  ck_assert_str_eq (candour_bid_partners_group_get_problem (group, 1),
                    "Partner 'ORG-GONE' points nowhere: there is no such ref in organisations.csv or in the database");
  ck_assert_ptr_null (candour_record_form_get_general_problem (form));
  ck_assert (!candour_record_form_get_can_save (form));

  /* Another partner instead, and it all saves. */
  choose_partner (group, 1, "ORG-MPSN");
  save (form);
  ck_assert_int_gt (id_of (CANDOUR_TABLE_BIDS, "BID-09"), 0);
  ck_assert_int_eq (test_query_int (database (), "SELECT count (*) FROM bid_partner"), 33);
}
END_TEST

START_TEST (test_edit_bid_removes_a_partner)
{
  CandourSession *session = candour_window_get_session (window);
  CandourRecordForm *form = candour_record_form_new (session, CANDOUR_TABLE_BIDS, id_of (CANDOUR_TABLE_BIDS, "BID-06"));
  CandourBidPartnersGroup *group = candour_record_form_get_partners_group (form);
  g_autofree char *before = partners_in_database ("BID-06");
  g_autofree char *after = NULL;
  GtkWidget *bin;

  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (form));
  test_app_wait ();
  ck_assert_str_eq (before, "BID-06,ORG-SWITCH,LGBT+ crisis support line,40000.00,,yes|"
                            "BID-06,ORG-ODR,crisis café evenings,55000.00,,yes|"
                            "BID-06,ORG-SILVER,befriending for older men,,3,unknown");
  ck_assert_uint_eq (n_findings_of ("BID-06"), 3);

  /* The partners as they are, shown to change. */
  ck_assert_uint_eq (candour_bid_partners_group_get_n_partners (group), 3);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (candour_bid_partners_group_get_row (group, 0, "promised_value"))),
                    "40,000.00");
  ck_assert_str_eq (candour_record_picker_get_ref (CANDOUR_RECORD_PICKER (candour_bid_partners_group_get_row (group, 2, "partner_ref"))),
                    "ORG-SILVER");

  /* The last one's bin; the form says what removing it means. */
  bin = candour_bid_partners_group_get_remove_button (group, 2);
  ck_assert_str_eq (gtk_widget_get_tooltip_text (bin), "Remove Silver Threads Befriending (ORG-SILVER)");
  g_signal_emit_by_name (bin, "clicked");
  test_app_wait ();
  ck_assert_uint_eq (candour_bid_partners_group_get_n_partners (group), 2);
  ck_assert_str_eq (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                    "Partners you remove are taken off the bid when you save it. Its findings are judged "
                    "again without them: what they were promised no longer counts.");
  type_partner (group, 0, "promised_value", "45,000");

  save (form);
  after = partners_in_database ("BID-06");
  ck_assert_str_eq (after, "BID-06,ORG-SWITCH,LGBT+ crisis support line,45000.00,,yes|"
                           "BID-06,ORG-ODR,crisis café evenings,55000.00,,yes");
  /* The engine judged the bid again: the removed partner's finding is gone. */
  ck_assert_uint_eq (n_findings_of ("BID-06"), 2);
}
END_TEST

START_TEST (test_add_subcontract_from_contracts_page)
{
  CandourRecordsPage *page = CANDOUR_RECORDS_PAGE (show ("contracts"));
  GtkWidget *button = test_app_find_by_tooltip (GTK_WIDGET (page), "Add a subcontract of the selected contract");
  CandourRecordForm *form;
  GtkWidget *focus;
  GtkWidget *partner;
  gint64 end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  /* Nothing selected, nothing to add to. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (candour_records_page_get_shown (page)),
                                     GTK_INVALID_LIST_POSITION);
  test_app_wait ();
  ck_assert_ptr_nonnull (button);
  ck_assert (gtk_widget_get_visible (button));
  ck_assert (!gtk_widget_get_sensitive (button));

  while (!candour_records_page_select (page, "CON-02") && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  test_app_wait ();
  ck_assert (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  test_app_wait ();

  form = find_form ();
  ck_assert_int_eq (candour_record_form_get_table (form), CANDOUR_TABLE_SUBCONTRACTS);
  {
    g_autofree char *contract = candour_record_form_dup_text (form, "contract_ref");
    ck_assert_str_eq (contract, "CON-02");
  }
  ck_assert (!gtk_widget_get_sensitive (candour_record_form_get_row (form, "contract_ref")));
  /* Typing starts at the partner. */
  focus = gtk_window_get_focus (GTK_WINDOW (form));
  partner = candour_record_form_get_row (form, "partner_ref");
  ck_assert (focus == partner || gtk_widget_is_ancestor (focus, partner));

  type (form, "ref", "SUB-99");
  choose (form, "partner_ref", "ORG-EMS");
  type (form, "value", "12,000");
  save (form);
  {
    g_autofree char *contract = field_of (CANDOUR_TABLE_SUBCONTRACTS, "SUB-99", "contract_ref");
    ck_assert_str_eq (contract, "CON-02");
  }
}
END_TEST

Suite *
candour_app_forms_suite (void)
{
  Suite *suite = suite_create ("app-forms");
  TCase *words = tcase_create ("words");
  TCase *tc = tcase_create ("forms");
  TCase *partners = tcase_create ("partners");

  tcase_add_test (words, test_every_field_has_words);
  tcase_add_test (words, test_problem_words);
  tcase_add_test (words, test_count_words);
  suite_add_tcase (suite, words);

  /* Each test on a fresh demo: they add and delete records. */
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_add_organisation);
  tcase_add_test (tc, test_invalid_input_is_refused);
  tcase_add_test (tc, test_bid_contract_subcontract_payment);
  tcase_add_test (tc, test_one_count_of_members);
  tcase_add_test (tc, test_edit_over_a_change_made_elsewhere);
  tcase_add_test (tc, test_choose_by_searching);
  tcase_add_test (tc, test_picker_on_fifty_thousand);
  tcase_add_test (tc, test_add_payment);
  tcase_add_test (tc, test_focus_starts_in_the_first_field);
  tcase_add_test (tc, test_dropdown_enter_takes_the_item);
  tcase_add_test (tc, test_new_organisation_from_a_picker);
  tcase_add_test (tc, test_odd_payment_warns_without_refusing);
  tcase_add_test (tc, test_overpaid_subcontract_warns);
  tcase_add_test (tc, test_escape_on_a_changed_form_asks);
  tcase_add_test (tc, test_delete_and_undo);
  tcase_add_test (tc, test_delete_of_a_record_changed_elsewhere);
  tcase_add_test (tc, test_delete_while_busy);
  tcase_add_test (tc, test_delete_payment_and_undo);
  tcase_add_test (tc, test_history);
  tcase_add_test (tc, test_organisation_answer_exported);
  tcase_add_test (tc, test_contract_promises_exported);
  tcase_add_test (tc, test_busy_database);
  tcase_add_test (tc, test_other_process_changes);
  tcase_add_test (tc, test_back_up);
  tcase_add_test (tc, test_upgrade_notice);
  tcase_add_test (tc, test_network_notice);
  tcase_set_timeout (tc, 180);
  suite_add_tcase (suite, tc);

  tcase_add_checked_fixture (partners, setup, teardown);
  tcase_add_test (partners, test_bid_with_partners_in_one_go);
  tcase_add_test (partners, test_bad_partner_refuses_the_bid);
  tcase_add_test (partners, test_edit_bid_removes_a_partner);
  tcase_add_test (partners, test_add_subcontract_from_contracts_page);
  tcase_set_timeout (partners, 180);
  suite_add_tcase (suite, partners);
  return suite;
}
