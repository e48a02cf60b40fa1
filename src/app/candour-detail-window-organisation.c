/* candour-detail-window-organisation.c: the small charity's question
 *
 * "What were we promised, and what have we had?" Every bid that named the
 * organisation as a partner, won or not, with what the bid promised it and what came:
 * the engine's findings, as the Findings page judges them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-date.h"
#include "candour-detail-window-private.h"
#include "candour-export-feedback.h"
#include "candour-finding.h"
#include "candour-record.h"
#include "candour-labels.h"
#include "candour-money.h"
#include "candour-print.h"
#include "candour-record-query.h"
#include "candour-status-badge.h"
#include "candour-story-window.h"

static char *
money (gint64 pence)
{
  return candour_money_format_display (pence);
}

/* "Promised £90,000.00 · subcontracted £0.00 · paid £0.00 of £0.00 due" */
static char *
finding_figures (CandourFinding *finding)
{
  const char *status = candour_finding_get_status (finding);
  g_autofree char *promised = money (candour_finding_get_promised (finding));
  g_autofree char *subcontracted = money (candour_finding_get_subcontracted (finding));
  g_autofree char *paid = money (candour_finding_get_paid (finding));
  g_autofree char *due = money (candour_finding_get_due (finding));
  g_autofree char *promise = candour_finding_has_promise (finding)
    /* Translators: "Promised £90,000.00" */
    ? g_strdup_printf (_("Promised %s"), promised) : g_strdup (_("No sum recorded"));

  if (g_strcmp0 (status, "not_awarded") == 0)
    return g_strdup_printf (_("%s · the bid was not won"), promise);
  if (g_strcmp0 (status, "pending") == 0)
    return g_strdup_printf (_("%s · the contract has not started"), promise);
  /* Translators: "Promised £90,000.00 · subcontracted £0.00 · paid £0.00 of £0.00 due" */
  return g_strdup_printf (_("%s · subcontracted %s · paid %s of %s due"), promise, subcontracted, paid, due);
}

static void
on_finding_activated (AdwActionRow *row,
                      gpointer      user_data)
{
  CandourDetailWindow *self = CANDOUR_DETAIL_WINDOW (gtk_widget_get_root (GTK_WIDGET (row)));
  CandourFinding *finding = g_object_get_data (G_OBJECT (row), "candour-finding");
  GtkWindow *story = candour_story_window_new (self->session, finding);

  gtk_window_set_transient_for (story, GTK_WINDOW (self));
  gtk_window_present (story);
}

static char *
compose_summary (CandourDetailWindow *self,
                 GPtrArray           *named)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *as_of = candour_session_dup_as_of (self->session);
  g_autofree char *day = candour_date_format_display (as_of);
  gint64 promised = 0, subcontracted = 0, paid = 0, due = 0;
  guint won = 0, candy = 0;

  if (named->len == 0)
    /* Translators: an organisation's detail when no bid names it */
    return g_strdup_printf (_("No bid recorded here names %s as a partner."), self->name);

  for (guint i = 0; i < named->len; i++)
    {
      CandourFinding *finding = g_ptr_array_index (named, i);

      if (g_strcmp0 (candour_finding_get_status (finding), "not_awarded") == 0)
        continue;
      won++;
      promised += candour_finding_get_promised (finding);
      subcontracted += candour_finding_get_subcontracted (finding);
      paid += candour_finding_get_paid (finding);
      due += candour_finding_get_due (finding);
      if (g_strcmp0 (candour_finding_get_status (finding), "bid_candy") == 0)
        candy++;
    }

  /* Translators: "Kindred Pathways was named as a partner in 3 bids, 2 of them won." */
  g_string_append_printf (text, ngettext ("%s was named as a partner in %u bid, %u of them won.",
                                          "%s was named as a partner in %u bids, %u of them won.",
                                          named->len),
                          self->name, named->len, won);
  if (won > 0 && subcontracted == 0)
    {
      g_autofree char *promised_text = money (promised);

      g_string_append_c (text, ' ');
      /* Translators: "In the won bids it was promised £145,000.00, and nothing has been subcontracted to it." */
      g_string_append_printf (text, _("In the won bids it was promised %s, and nothing has been subcontracted "
                                      "to it."), promised_text);
    }
  else if (won > 0)
    {
      g_autofree char *promised_text = money (promised);
      g_autofree char *subcontracted_text = money (subcontracted);
      g_autofree char *paid_text = money (paid);
      g_autofree char *due_text = money (due);

      g_string_append_c (text, ' ');
      /* Translators: "In the won bids it was promised £210,000.00; £120,000.00 was
       * subcontracted to it, and by 30/06/2025 it had been paid £46,666.62 of the £66,958.90 due." */
      g_string_append_printf (text, _("In the won bids it was promised %s; %s was subcontracted to it, and by "
                                      "%s it had been paid %s of the %s due."),
                              promised_text, subcontracted_text, day, paid_text, due_text);
    }
  if (candy > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("In %u of them it was bid candy: named, then given no work.",
                                              "In %u of them it was bid candy: named, then given no work.",
                                              candy),
                              candy);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The answer to take away: the findings above, as CSV, spreadsheet, PDF or on paper. */

#define NAMED_KEY "candour-named-findings"

static char *
answer_title (CandourDetailWindow *self)
{
  /* Translators: the title of an organisation's PDF, "What Kindred Pathways was promised, and what it has had" */
  return g_strdup_printf (_("What %s was promised, and what it has had"), self->name);
}

typedef struct
{
  CandourDetailWindow *self;
  char *path;
} Exporting;

static void
on_answer_exported (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Exporting *exporting = user_data;
  g_autoptr(GError) error = NULL;

  if (candour_findings_export_finish (result, &error))
    candour_export_feedback_saved (GTK_WIDGET (exporting->self->summary_label), exporting->path);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    candour_export_feedback_failed (GTK_WIDGET (exporting->self), error);
  g_object_unref (exporting->self);
  g_free (exporting->path);
  g_free (exporting);
}

void
candour_detail_window_export_answer (CandourDetailWindow         *self,
                                     CandourFindingsExportFormat  format,
                                     const char                  *path)
{
  GListModel *named;
  g_autofree char *title = NULL;
  Exporting *exporting;

  g_return_if_fail (CANDOUR_IS_DETAIL_WINDOW (self));
  g_return_if_fail (path != NULL);

  named = g_object_get_data (G_OBJECT (self), NAMED_KEY);
  g_return_if_fail (named != NULL);
  title = answer_title (self);
  exporting = g_new0 (Exporting, 1);
  exporting->self = g_object_ref (self);
  exporting->path = g_strdup (path);
  candour_findings_export_async (self->session, named, title, gtk_label_get_label (self->summary_label), format,
                                 path, NULL, on_answer_exported, exporting);
}

static void
on_answer_chosen (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  CandourDetailWindow *self = user_data;
  CandourFindingsExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL)
    candour_detail_window_export_answer (self, format, path);
  /* The window kept the chooser alive until now. */
  g_object_set_data (G_OBJECT (self), "candour-answer-chooser", NULL);
}

static void
choose_answer_file (CandourDetailWindow         *self,
                    CandourFindingsExportFormat  format)
{
  static const char * const extensions[] = {
    [CANDOUR_FINDINGS_EXPORT_CSV] = "csv",
    [CANDOUR_FINDINGS_EXPORT_XLSX] = "xlsx",
    [CANDOUR_FINDINGS_EXPORT_PDF] = "pdf",
  };
  g_autofree char *title = answer_title (self);
  /* Translators: a file name, "ORG-ACWH promised and paid.pdf" */
  g_autofree char *name = g_strdup_printf (_("%s promised and paid.%s"), self->ref, extensions[format]);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  g_signal_connect (chooser, "response", G_CALLBACK (on_answer_chosen), self);
  g_object_set_data_full (G_OBJECT (self), "candour-answer-chooser", chooser, g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_answer_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer      user_data)
{
  CandourDetailWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "print"))
    candour_detail_window_print_answer (self, NULL);
  else
    choose_answer_file (self, g_str_equal (name, "export-csv") ? CANDOUR_FINDINGS_EXPORT_CSV
                              : g_str_equal (name, "export-xlsx") ? CANDOUR_FINDINGS_EXPORT_XLSX
                              : CANDOUR_FINDINGS_EXPORT_PDF);
}

/* Export ▾ at the head of the list: CSV, spreadsheet, PDF, or Print…. */
static GtkWidget *
answer_menu_button (CandourDetailWindow *self)
{
  static const GActionEntry entries[] = {
    { .name = "export-csv", .activate = on_answer_action },
    { .name = "export-xlsx", .activate = on_answer_action },
    { .name = "export-pdf", .activate = on_answer_action },
    { .name = "print", .activate = on_answer_action },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) files = g_menu_new ();
  g_autoptr(GMenu) paper = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
  g_menu_append (files, _("Export as _CSV…"), "answer.export-csv");
  g_menu_append (files, _("Export as _Spreadsheet…"), "answer.export-xlsx");
  g_menu_append (files, _("Export as _PDF…"), "answer.export-pdf");
  g_menu_append (paper, _("P_rint…"), "answer.print");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (files));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (paper));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Export"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Save or print what it was promised and what it has had, to hand "
                                         "to a funder or commissioner"));
  gtk_widget_insert_action_group (button, "answer", G_ACTION_GROUP (group));
  return button;
}

void
candour_detail_window_print_answer (CandourDetailWindow *self,
                                    const char          *export_path)
{
  GListModel *named;
  g_autofree char *title = NULL;

  g_return_if_fail (CANDOUR_IS_DETAIL_WINDOW (self));

  named = g_object_get_data (G_OBJECT (self), NAMED_KEY);
  g_return_if_fail (named != NULL);
  title = answer_title (self);
  candour_print_report (GTK_WIDGET (self->summary_label),
                        candour_findings_pdf_report (self->session, named, title,
                                                     gtk_label_get_label (self->summary_label)),
                        export_path);
}

void
candour_detail_window_fill_organisation (CandourDetailWindow *self)
{
  CandourDatabase *db = candour_session_get_database (self->session);
  CandourReconcileOptions options;
  CandourFindingScope scope = { .partner_id = self->id };
  g_autoptr(GPtrArray) named = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  DetailList *list;

  /* Every bid, not only won ones: "we were named and the bid was lost" is an answer too.
   * Its own findings only: judging a national prime's 120,000 would take a second. */
  candour_session_get_options (self->session, &options);
  options.include_not_awarded = TRUE;
  named = candour_finding_array_load (db, &options, &scope, NULL, &error);
  candour_reconcile_options_clear (&options);
  if (named == NULL)
    {
      g_warning ("Could not judge the findings: %s", error->message);
      named = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* Bids by their titles, which say more to people than refs. */
  for (guint i = 0; i < named->len; i++)
    {
      CandourFinding *finding = named->pdata[i];
      g_auto(GStrv) bid = candour_record_load (db, CANDOUR_TABLE_BIDS, candour_finding_get_bid_id (finding), NULL);

      if (bid != NULL)
        g_hash_table_replace (titles, g_strdup (candour_finding_get_bid_ref (finding)), g_strdup (bid[1]));
    }

  summary = compose_summary (self, named);
  candour_detail_window_set_summary (self, summary);

  list = candour_detail_window_add_list (self, "named-in", _("Bids That Named It"),
                                         _("What each bid promised it, and what came: subcontracts and "
                                           "payments. Open one for the whole story."),
                                         NULL, 0);
  {
    GListStore *store = g_list_store_new (CANDOUR_TYPE_FINDING);

    g_list_store_splice (store, 0, 0, named->pdata, named->len);
    g_object_set_data_full (G_OBJECT (self), NAMED_KEY, store, g_object_unref);
    if (named->len > 0)
      adw_preferences_group_set_header_suffix (list->group, answer_menu_button (self));
  }
  for (guint i = 0; i < named->len; i++)
    {
      CandourFinding *finding = g_ptr_array_index (named, i);
      g_autofree char *title = NULL;
      g_autofree char *figures = finding_figures (finding);
      AdwActionRow *row;
      GtkWidget *badge;
      GtkWidget *arrow;

      const char *bid_title = g_hash_table_lookup (titles, candour_finding_get_bid_ref (finding));
      g_autofree char *subtitle = NULL;

      /* Translators: "BID-01, led by Kindred Pathways · Promised £90,000.00 · …" */
      subtitle = g_strdup_printf (_("%s, led by %s · %s"), candour_finding_get_bid_ref (finding),
                                  candour_finding_get_lead_name (finding), figures);
      title = g_strdup (bid_title != NULL ? bid_title : candour_finding_get_bid_ref (finding));
      row = candour_detail_window_add_row (self, list, title, subtitle, 0, 0, FALSE, NULL);
      badge = candour_status_badge_new (candour_finding_get_status (finding));
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, badge);
      arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_suffix (row, arrow);
      /* The list as words (for tests and screen readers) says the status too. */
      {
        char **text = (char **)&g_ptr_array_index (list->texts, list->texts->len - 1);
        char *with_status = g_strdup_printf ("%s — %s", *text,
                                             candour_status_label (candour_finding_get_status (finding)));

        g_free (*text);
        *text = with_status;
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, with_status, -1);
      }
      g_object_set_data_full (G_OBJECT (row), "candour-finding", g_object_ref (finding), g_object_unref);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_finding_activated), NULL);
    }
  if (named->len == 0)
    candour_detail_window_add_empty_row (self, list, _("No bid names it as a partner."));
}
