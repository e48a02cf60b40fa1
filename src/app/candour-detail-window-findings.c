/* candour-detail-window-findings.c: findings in a record's window, and taken away
 *
 * An organisation's window lists the bids that named it, a contract's the partners its
 * bid named: each a finding, opening its story, with Export ▾ for the list as CSV,
 * spreadsheet, PDF or on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-accessible.h"
#include "candour-detail-window-private.h"
#include "candour-export-chooser.h"
#include "candour-export-feedback.h"
#include "candour-labels.h"
#include "candour-money.h"
#include "candour-print.h"
#include "candour-status-badge.h"
#include "candour-story-window.h"

char *
candour_detail_window_finding_figures (CandourFinding *finding)
{
  const char *status = candour_finding_get_status (finding);
  g_autofree char *promised = candour_money_format_display (candour_finding_get_promised (finding));
  g_autofree char *subcontracted = candour_money_format_display (candour_finding_get_subcontracted (finding));
  g_autofree char *paid = candour_money_format_display (candour_finding_get_paid (finding));
  g_autofree char *due = candour_money_format_display (candour_finding_get_due (finding));
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

AdwActionRow *
candour_detail_window_add_finding_row (CandourDetailWindow *self,
                                       DetailList          *list,
                                       CandourFinding      *finding,
                                       const char          *title,
                                       const char          *subtitle)
{
  AdwActionRow *row = candour_detail_window_add_row (self, list, title, subtitle, 0, 0, FALSE, NULL);
  GtkWidget *badge = candour_status_badge_new (candour_finding_get_status (finding));
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  char **text = (char **)&g_ptr_array_index (list->texts, list->texts->len - 1);
  char *with_status;

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, badge);
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (row, arrow);
  /* The list as words (for tests and screen readers) says the status too. */
  with_status = g_strdup_printf ("%s — %s", *text, candour_status_label (candour_finding_get_status (finding)));
  g_free (*text);
  *text = with_status;
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, with_status, -1);
  g_object_set_data_full (G_OBJECT (row), "candour-finding", g_object_ref (finding), g_object_unref);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (on_finding_activated), NULL);
  return row;
}

/* The findings to take away, as CSV, spreadsheet, PDF or on paper. */

#define FINDINGS_KEY "candour-findings"
#define TITLE_KEY "candour-findings-title"
#define FILE_NAME_KEY "candour-findings-file-name"
#define FURTHER_KEY "candour-findings-further-tables"

typedef struct
{
  CandourDetailWindow *self;
  char *path;
} Exporting;

static void
on_findings_exported (GObject      *source,
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
candour_detail_window_export_findings (CandourDetailWindow         *self,
                                       CandourFindingsExportFormat  format,
                                       const char                  *path)
{
  GListModel *findings;
  const char *title;
  Exporting *exporting;

  g_return_if_fail (CANDOUR_IS_DETAIL_WINDOW (self));
  g_return_if_fail (path != NULL);

  findings = g_object_get_data (G_OBJECT (self), FINDINGS_KEY);
  title = g_object_get_data (G_OBJECT (self), TITLE_KEY);
  g_return_if_fail (findings != NULL);
  exporting = g_new0 (Exporting, 1);
  exporting->self = g_object_ref (self);
  exporting->path = g_strdup (path);
  candour_findings_export_async (self->session, findings, title, gtk_label_get_label (self->summary_label),
                                 g_object_get_data (G_OBJECT (self), FURTHER_KEY),
                                 self->table == CANDOUR_TABLE_CONTRACTS ? self->id : 0, format,
                                 path, NULL, on_findings_exported, exporting);
}

static void
on_findings_file_chosen (GtkWidget  *owner,
                         const char *path,
                         int         format)
{
  candour_detail_window_export_findings (CANDOUR_DETAIL_WINDOW (owner), format, path);
}

static void
choose_findings_file (CandourDetailWindow         *self,
                      CandourFindingsExportFormat  format)
{
  static const char * const extensions[] = {
    [CANDOUR_FINDINGS_EXPORT_CSV] = "csv",
    [CANDOUR_FINDINGS_EXPORT_XLSX] = "xlsx",
    [CANDOUR_FINDINGS_EXPORT_PDF] = "pdf",
  };
  const char *title = g_object_get_data (G_OBJECT (self), TITLE_KEY);
  g_autofree char *name = g_strdup_printf ("%s.%s", (char *)g_object_get_data (G_OBJECT (self), FILE_NAME_KEY),
                                           extensions[format]);

  candour_export_chooser_show (GTK_WIDGET (self), title, name, format, on_findings_file_chosen);
}

static void
on_findings_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer      user_data)
{
  CandourDetailWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "print"))
    candour_detail_window_print_findings (self, NULL);
  else
    choose_findings_file (self, g_str_equal (name, "export-csv") ? CANDOUR_FINDINGS_EXPORT_CSV
                              : g_str_equal (name, "export-xlsx") ? CANDOUR_FINDINGS_EXPORT_XLSX
                              : CANDOUR_FINDINGS_EXPORT_PDF);
}

/* Export ▾ at the head of the list: CSV, spreadsheet, PDF, or Print…. */
static GtkWidget *
findings_menu_button (CandourDetailWindow *self,
                      const char          *tooltip)
{
  static const GActionEntry entries[] = {
    { .name = "export-csv", .activate = on_findings_action },
    { .name = "export-xlsx", .activate = on_findings_action },
    { .name = "export-pdf", .activate = on_findings_action },
    { .name = "print", .activate = on_findings_action },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) files = g_menu_new ();
  g_autoptr(GMenu) paper = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
  g_menu_append (files, _("Export as _CSV…"), "findings.export-csv");
  g_menu_append (files, _("Export as _Spreadsheet…"), "findings.export-xlsx");
  g_menu_append (files, _("Export as _PDF…"), "findings.export-pdf");
  g_menu_append (paper, _("P_rint…"), "findings.print");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (files));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (paper));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Export"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  candour_accessible_name_menu_button (GTK_MENU_BUTTON (button), _("Export"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_insert_action_group (button, "findings", G_ACTION_GROUP (group));
  return button;
}

void
candour_detail_window_print_findings (CandourDetailWindow *self,
                                    const char          *export_path)
{
  GListModel *findings;
  const char *title;
  CandourPdfReport *pdf;
  GPtrArray *further;

  g_return_if_fail (CANDOUR_IS_DETAIL_WINDOW (self));

  findings = g_object_get_data (G_OBJECT (self), FINDINGS_KEY);
  title = g_object_get_data (G_OBJECT (self), TITLE_KEY);
  g_return_if_fail (findings != NULL);
  pdf = candour_findings_pdf_report (self->session, findings, title, gtk_label_get_label (self->summary_label));
  further = g_object_get_data (G_OBJECT (self), FURTHER_KEY);
  for (guint i = 0; further != NULL && i < further->len; i++)
    g_ptr_array_add (pdf->tables, candour_pdf_table_copy (g_ptr_array_index (further, i)));
  candour_print_report (GTK_WIDGET (self->summary_label), pdf, export_path);
}

void
candour_detail_window_offer_further_tables (CandourDetailWindow *self,
                                            GPtrArray           *tables)
{
  g_object_set_data_full (G_OBJECT (self), FURTHER_KEY, tables, (GDestroyNotify)g_ptr_array_unref);
}

void
candour_detail_window_offer_findings (CandourDetailWindow *self,
                                      DetailList          *list,
                                      GPtrArray           *findings,
                                      const char          *title,
                                      const char          *file_name,
                                      const char          *tooltip)
{
  GListStore *store;

  if (findings->len == 0)
    return;

  store = g_list_store_new (CANDOUR_TYPE_FINDING);
  g_list_store_splice (store, 0, 0, findings->pdata, findings->len);
  g_object_set_data_full (G_OBJECT (self), FINDINGS_KEY, store, g_object_unref);
  g_object_set_data_full (G_OBJECT (self), TITLE_KEY, g_strdup (title), g_free);
  g_object_set_data_full (G_OBJECT (self), FILE_NAME_KEY, g_strdup (file_name), g_free);
  adw_preferences_group_set_header_suffix (list->group, findings_menu_button (self, tooltip));
}
