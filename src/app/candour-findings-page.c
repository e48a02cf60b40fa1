/* candour-findings-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candour-accessible.h"
#include "candour-column-meanings.h"
#include "candour-column-memory.h"
#include "candour-export-chooser.h"
#include "candour-export-feedback.h"
#include "candour-finding.h"
#include "candour-findings-page.h"
#include "candour-findings-pdf.h"
#include "candour-label-closures.h"
#include "candour-labels.h"
#include "candour-print.h"
#include "candour-ref-column.h"
#include "candour-row-feeder.h"
#include "candour-status-badge.h"

/* The statuses a won bid's partner can have, as offered by the status filter. */
#define N_FILTER_STATUSES 6

/* What each column of the list means, by its title in ui/candour-findings-page.ui. */
static const CandourColumnMeaning column_meanings[] = {
  { N_("Partner"), N_("The organisation the bid named as a partner, to deliver part of the work.") },
  { N_("Lead provider"), N_("The organisation that made the bid and holds the contract.") },
  { N_("Bid"), N_("The bid that named the partner.") },
  { N_("Finding"), N_("How the promise to the partner came out as of the date judged: honoured, bid candy, short-changed, underpaid, awaiting a subcontract, or pending while there is no contract.") },
  { N_("Promised"), N_("What the bid promised the partner: the value it gave, or its share of the contract’s value.") },
  { N_("Subcontracted"), N_("The value of the subcontracts the lead provider gave the partner under the bid’s contract.") },
  { N_("Due"), N_("The share of the subcontract for work done up to the date, less the payment terms: what should have been paid by then.") },
  { N_("Paid"), N_("What the lead provider paid the partner under those subcontracts up to the date, less any refunds.") },
  { N_("Paid of due"), N_("What was paid as a percentage of what was due.") },
};

struct _CandourFindingsPage
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown *status_dropdown;
  GtkDropDown *lead_dropdown;
  GtkLabel *count_label;
  GtkStack *view_stack;
  GtkColumnView *view;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *bid_column;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GtkStringFilter *status_filter;
  GtkStringFilter *lead_filter;
  AdwStatusPage *empty_page;
  GtkMenuButton *export_button;
  GtkWidget *cancel_export_button;
  GtkProgressBar *export_progress;

  CandourSession *session;
  GCancellable *exporting;      /* while a file is being written… */
  char *export_path;            /* … to this path */
  CandourPdfReport *export_pdf; /* what it draws (the task's), for its progress; NULL for CSV */
  guint progress_id;            /* the bar's update, while exporting */
  GStrv leads;                  /* names offered by the lead filter, after "All" */
  gboolean stale;               /* judged again while the page was hidden */
};

G_DEFINE_FINAL_TYPE (CandourFindingsPage, candour_findings_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
n_total (CandourFindingsPage *self)
{
  GListModel *model = gtk_sort_list_model_get_model (self->sort_model);

  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static void
update_count (CandourFindingsPage *self)
{
  guint shown, total;
  g_autofree char *text = NULL;
  g_autofree char *n = NULL;
  g_autofree char *of = NULL;

  /* The models still signal while the template is taken apart. */
  if (self->filter_model == NULL || self->sort_model == NULL)
    return;

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  total = n_total (self);

  if (shown == total)
    text = g_strdup_printf (ngettext ("%s finding", "%s findings", total), (n = candour_count_format (total)));
  else
    /* Translators: "5 of 23 findings" */
    text = g_strdup_printf (ngettext ("%s of %s finding", "%s of %s findings", total),
                            (of = candour_count_format (shown)), (n = candour_count_format (total)));
  gtk_label_set_label (self->count_label, text);

  /* Filtering a national prime's findings takes a few frames: no "nothing found" meanwhile. */
  if (shown > 0 || gtk_filter_list_model_get_pending (self->filter_model) > 0)
    gtk_stack_set_visible_child_name (self->view_stack, "list");
  else
    {
      if (total == 0 && self->session != NULL && candour_session_get_loading (self->session))
        {
          adw_status_page_set_title (self->empty_page, _("Judging the Findings…"));
          adw_status_page_set_description (self->empty_page,
                                           _("Each partner named in a won bid is being checked against "
                                             "its subcontracts and payments."));
        }
      else if (total == 0)
        {
          adw_status_page_set_title (self->empty_page, _("No Findings Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("A finding appears for each partner named in a bid "
                                             "that was won. Import bids and their partners to see them."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Matching Findings"));
          adw_status_page_set_description (self->empty_page,
                                           _("Try other words, or another finding or lead provider."));
        }
      gtk_stack_set_visible_child_name (self->view_stack, "empty");
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

/* The lead filter offers every lead provider that has findings, by name. */
static void
update_leads (CandourFindingsPage *self,
              GListModel          *findings)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *chosen = NULL;
  guint selected = 0;
  guint n = findings != NULL ? g_list_model_get_n_items (findings) : 0;

  if (self->leads != NULL && gtk_drop_down_get_selected (self->lead_dropdown) > 0)
    chosen = g_strdup (self->leads[gtk_drop_down_get_selected (self->lead_dropdown) - 1]);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourFinding) finding = g_list_model_get_item (findings, i);
      const char *lead = candour_finding_get_lead_name (finding);

      if (lead != NULL && g_hash_table_add (seen, (gpointer)lead))
        g_ptr_array_add (names, (gpointer)lead);
    }
  g_ptr_array_sort (names, compare_strings);

  g_strfreev (self->leads);
  self->leads = g_new0 (char *, names->len + 1);
  gtk_string_list_append (labels, _("All lead providers"));
  for (guint i = 0; i < names->len; i++)
    {
      self->leads[i] = g_strdup (g_ptr_array_index (names, i));
      gtk_string_list_append (labels, self->leads[i]);
      if (g_strcmp0 (chosen, self->leads[i]) == 0)
        selected = i + 1;
    }

  gtk_drop_down_set_model (self->lead_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->lead_dropdown, selected);
  gtk_string_filter_set_search (self->lead_filter, selected > 0 ? self->leads[selected - 1] : NULL);
}

/* With even_hidden, a hidden page takes the findings now (to export them). */
static void
reload_findings (CandourFindingsPage *self,
                 gboolean             even_hidden)
{
  GListModel *findings = self->session != NULL ? candour_session_get_findings (self->session) : NULL;

  /* A hidden page sorts the findings when it is next shown: sorting 120,000 of them
   * and laying out rows are no part of opening the window. */
  self->stale = findings != NULL && !even_hidden && !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    findings = NULL;
  if (findings != NULL)
    candour_ref_column_fit (self->bid_column, findings, (CandourRefGetter)candour_finding_get_bid_ref);
  gtk_sort_list_model_set_model (self->sort_model, findings);
  update_leads (self, findings);
  update_count (self);
}

static void
reload (CandourFindingsPage *self)
{
  reload_findings (self, FALSE);
}

static void
on_map (CandourFindingsPage *self)
{
  if (self->stale)
    reload (self);
}

static void
on_status_selected (CandourFindingsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  gtk_string_filter_set_search (self->status_filter,
                                selected > 0 && selected <= N_FILTER_STATUSES
                                  ? candour_statuses[selected - 1] : NULL);
}

static void
on_lead_selected (CandourFindingsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->lead_dropdown);

  if (self->leads == NULL)
    return;
  gtk_string_filter_set_search (self->lead_filter,
                                selected > 0 && selected <= g_strv_length (self->leads)
                                  ? self->leads[selected - 1] : NULL);
}

static void
on_view_activate (CandourFindingsPage *self,
                  guint                position)
{
  g_autoptr(CandourFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CandourFindingsPage *self = CANDOUR_FINDINGS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Exports */

static void
update_export_actions (CandourFindingsPage *self)
{
  gboolean can = self->session != NULL && self->exporting == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-csv", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-xlsx", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-pdf", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.print", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel-export", self->exporting != NULL);
  gtk_widget_set_visible (self->cancel_export_button, self->exporting != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->export_progress), self->exporting != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), can);
  gtk_menu_button_set_label (self->export_button, self->exporting != NULL ? _("Exporting…") : _("_Export"));
  candour_accessible_name_menu_button (self->export_button, self->exporting != NULL ? _("Exporting…") : _("Export"));
}

static char *shown_text (CandourFindingsPage *self);

/* What the PDF says it lists: the findings, and which of them the page shows ("Bid
 * candy only, lead provider Kindred Pathways, matching “youth”"). */
static char *
description (CandourFindingsPage *self)
{
  g_autofree char *shown = shown_text (self);

  return candour_findings_description (shown);
}

/* Which findings the page shows, in words, for the PDF: "Bid candy only, lead provider
 * Kindred Pathways, matching “youth”"; NULL when it shows them all. */
static char *
shown_text (CandourFindingsPage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *status = gtk_string_filter_get_search (self->status_filter);
  const char *lead = gtk_string_filter_get_search (self->lead_filter);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (status != NULL && status[0] != '\0')
    /* Translators: which findings a PDF lists, "Bid candy only" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s only"), candour_status_label (status)));
  if (lead != NULL && lead[0] != '\0')
    /* Translators: which findings a PDF lists, "lead provider Kindred Pathways" */
    g_ptr_array_add (parts, g_strdup_printf (_("lead provider %s"), lead));
  if (search != NULL && search[0] != '\0')
    /* Translators: which findings a PDF lists, "matching “youth”" */
    g_ptr_array_add (parts, g_strdup_printf (_("matching “%s”"), search));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **)parts->pdata);
}

/* A PDF's pages fill the bar as they are laid out and drawn; a CSV or a spreadsheet
 * is done in a second or so, and the bar only shows it is busy. */
static gboolean
update_export_progress (gpointer user_data)
{
  CandourFindingsPage *self = user_data;

  if (self->export_pdf != NULL)
    gtk_progress_bar_set_fraction (self->export_progress, candour_pdf_report_get_progress (self->export_pdf));
  else
    gtk_progress_bar_pulse (self->export_progress);
  return G_SOURCE_CONTINUE;
}

static void
end_export (CandourFindingsPage *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->export_pdf = NULL;
  g_clear_object (&self->exporting);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CandourFindingsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_steal_pointer (&self->export_path);
  gboolean gone = self->exporting == NULL;

  end_export (self);
  if (gone)
    return;
  update_export_actions (self);

  if (candour_findings_export_finish (result, &error))
    candour_export_feedback_saved (GTK_WIDGET (self), path);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    candour_export_feedback_failed (GTK_WIDGET (self), error);
}

/* Every row the page will show, in its order: the findings of a page not shown since
 * they were judged, and the filtering and sorting still under way, are finished now.
 * What exports and prints read (on this thread: they take their own rows). */
static GListModel *
finish_filtering (CandourFindingsPage *self)
{
  if (self->stale)
    reload_findings (self, TRUE);
  /* Only while there is work left: GTK 4.8 fails a check turning incremental
   * filtering off with none pending. */
  if (gtk_sort_list_model_get_pending (self->sort_model) > 0)
    {
      gtk_sort_list_model_set_incremental (self->sort_model, FALSE);
      gtk_sort_list_model_set_incremental (self->sort_model, TRUE);
    }
  if (gtk_filter_list_model_get_pending (self->filter_model) > 0)
    {
      gtk_filter_list_model_set_incremental (self->filter_model, FALSE);
      gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
    }
  return G_LIST_MODEL (self->filter_model);
}

void
candour_findings_page_export (CandourFindingsPage         *self,
                              CandourFindingsExportFormat  format,
                              const char                  *path)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *saving = NULL;

  g_return_if_fail (CANDOUR_IS_FINDINGS_PAGE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->session != NULL && self->exporting == NULL);

  text = description (self);
  self->exporting = g_cancellable_new ();
  self->export_path = g_strdup (path);
  self->export_pdf = candour_findings_export_async (self->session, finish_filtering (self), _("Findings"), text,
                                                    NULL, 0, format, path, self->exporting, on_exported,
                                                    g_object_ref (self));
  name = g_path_get_basename (path);
  /* Translators: beside Cancel while a file is written, "Saving findings.pdf…" */
  saving = g_strdup_printf (_("Saving %s…"), name);
  gtk_progress_bar_set_text (self->export_progress, saving);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  self->progress_id = g_timeout_add (100, update_export_progress, self);
  update_export_actions (self);
}

void
candour_findings_page_print (CandourFindingsPage *self,
                             const char          *export_path)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CANDOUR_IS_FINDINGS_PAGE (self));
  g_return_if_fail (self->session != NULL);

  text = description (self);
  candour_print_report (GTK_WIDGET (self),
                        candour_findings_pdf_report (self->session, finish_filtering (self), _("Findings"), text),
                        export_path);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CandourFindingsPage *self = CANDOUR_FINDINGS_PAGE (widget);

  /* The worker stops at its next row and removes what it wrote; on_exported() then
   * finds it cancelled and says nothing. */
  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CandourFindingsPage *self = CANDOUR_FINDINGS_PAGE (widget);

  if (self->session != NULL)
    candour_findings_page_print (self, NULL);
}

gboolean
candour_findings_page_get_exporting (CandourFindingsPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDINGS_PAGE (self), FALSE);

  return self->exporting != NULL;
}

static void
on_export_file_chosen (GtkWidget  *owner,
                       const char *path,
                       int         format)
{
  CandourFindingsPage *self = CANDOUR_FINDINGS_PAGE (owner);

  if (self->session != NULL && self->exporting == NULL)
    candour_findings_page_export (self, format, path);
}

static void
choose_export_file (CandourFindingsPage         *self,
                    CandourFindingsExportFormat  format)
{
  static const struct {
    const char *title;
    const char *name;
  } formats[] = {
    [CANDOUR_FINDINGS_EXPORT_CSV] = { N_("Export Findings as CSV"), "findings.csv" },
    [CANDOUR_FINDINGS_EXPORT_XLSX] = { N_("Export Findings as Spreadsheet"), "findings.xlsx" },
    [CANDOUR_FINDINGS_EXPORT_PDF] = { N_("Export Findings as PDF"), "findings.pdf" },
  };

  if (self->session != NULL && self->exporting == NULL)
    candour_export_chooser_show (GTK_WIDGET (self), _(formats[format].title), formats[format].name, format,
                                 on_export_file_chosen);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CandourFindingsExportFormat format = CANDOUR_FINDINGS_EXPORT_PDF;

  if (g_str_equal (action_name, "page.export-csv"))
    format = CANDOUR_FINDINGS_EXPORT_CSV;
  else if (g_str_equal (action_name, "page.export-xlsx"))
    format = CANDOUR_FINDINGS_EXPORT_XLSX;
  choose_export_file (CANDOUR_FINDINGS_PAGE (widget), format);
}

static void
candour_findings_page_dispose (GObject *object)
{
  CandourFindingsPage *self = (CandourFindingsPage *)object;
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_FINDINGS_PAGE);
  /* The template's outermost child is not bound, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_pointer (&self->leads, g_strfreev);
  candour_export_chooser_close (GTK_WIDGET (self));
  /* The file is still written whole, or not at all; no one is left to be told. */
  end_export (self);
  g_clear_pointer (&self->export_path, g_free);

  G_OBJECT_CLASS (candour_findings_page_parent_class)->dispose (object);
}

static void
candour_findings_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CandourFindingsPage *self = CANDOUR_FINDINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_findings_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CandourFindingsPage *self = CANDOUR_FINDINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      candour_findings_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A finding's row, for a screen reader: who, what was found, in which bid. */
static void
name_finding_row (GtkListItem *list_item,
                  GParamSpec  *pspec,
                  gpointer     user_data)
{
  CandourFinding *finding = gtk_list_item_get_item (list_item);

  if (finding != NULL)
    candour_accessible_name_row (list_item, 3, candour_finding_get_partner_name (finding),
                                 candour_status_label (candour_finding_get_status (finding)),
                                 candour_finding_get_bid_ref (finding));
}

static void
candour_findings_page_class_init (CandourFindingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candour_findings_page_dispose;
  object_class->get_property = candour_findings_page_get_property;
  object_class->set_property = candour_findings_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, "The open database", CANDOUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The person asked to see this finding's story. */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CANDOUR_TYPE_FINDING);

  g_type_ensure (CANDOUR_TYPE_FINDING);
  g_type_ensure (CANDOUR_TYPE_STATUS_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-findings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, lead_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, view);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, bid_column);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, lead_filter);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, cancel_export_button);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, export_progress);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_lead_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, name_finding_row);
  candour_label_closures_bind (widget_class);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.export-xlsx", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "page.cancel-export", NULL, cancel_export_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
candour_findings_page_init (CandourFindingsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  {
    /* 120,000 findings: the view's first rows a few a frame (candour-row-feeder.h). */
    g_autoptr(CandourRowFeeder) feeder = candour_row_feeder_new (GTK_WIDGET (self),
                                                                 G_LIST_MODEL (self->filter_model));

    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (feeder));
  }

  gtk_string_list_append (statuses, _("All findings"));
  for (guint i = 0; i < N_FILTER_STATUSES; i++)
    gtk_string_list_append (statuses, candour_status_label (candour_statuses[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  candour_accessible_name_drop_down_button (self->status_dropdown);
  candour_accessible_name_drop_down_button (self->lead_dropdown);
  candour_accessible_name_column_headings (self->view);

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);

  /* Most serious first, as the Overview lists them. */
  candour_column_explain_headings (self->view, column_meanings, G_N_ELEMENTS (column_meanings));
  candour_column_memory_attach (self->view, "findings", self->status_column, GTK_SORT_ASCENDING);
  reload (self);
  update_export_actions (self);
}

CandourSession *
candour_findings_page_get_session (CandourFindingsPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDINGS_PAGE (self), NULL);

  return self->session;
}

void
candour_findings_page_set_session (CandourFindingsPage *self,
                                   CandourSession      *session)
{
  g_return_if_fail (CANDOUR_IS_FINDINGS_PAGE (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::findings", G_CALLBACK (reload), self);
      g_signal_connect_swapped (session, "notify::loading", G_CALLBACK (update_count), self);
    }

  reload (self);
  update_export_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
candour_findings_page_set_status (CandourFindingsPage *self,
                                  const char          *status)
{
  guint selected = 0;

  g_return_if_fail (CANDOUR_IS_FINDINGS_PAGE (self));

  for (guint i = 0; status != NULL && i < N_FILTER_STATUSES; i++)
    if (g_str_equal (candour_statuses[i], status))
      selected = i + 1;
  gtk_drop_down_set_selected (self->status_dropdown, selected);
}

void
candour_findings_page_set_lead (CandourFindingsPage *self,
                                const char          *lead_name)
{
  guint selected = 0;

  g_return_if_fail (CANDOUR_IS_FINDINGS_PAGE (self));

  for (guint i = 0; lead_name != NULL && self->leads != NULL && self->leads[i] != NULL; i++)
    if (g_str_equal (self->leads[i], lead_name))
      selected = i + 1;
  gtk_drop_down_set_selected (self->lead_dropdown, selected);
}

void
candour_findings_page_set_search (CandourFindingsPage *self,
                                  const char          *text)
{
  g_return_if_fail (CANDOUR_IS_FINDINGS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
}

GListModel *
candour_findings_page_get_shown (CandourFindingsPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDINGS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}
