/* candour-findings-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candour-finding.h"
#include "candour-findings-page.h"
#include "candour-labels.h"
#include "candour-row-feeder.h"
#include "candour-status-badge.h"

/* The statuses a won bid's partner can have, as offered by the status filter. */
#define N_FILTER_STATUSES 6

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
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GtkStringFilter *status_filter;
  GtkStringFilter *lead_filter;
  AdwStatusPage *empty_page;

  CandourSession *session;
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

static void
reload (CandourFindingsPage *self)
{
  GListModel *findings = self->session != NULL ? candour_session_get_findings (self->session) : NULL;

  /* A hidden page sorts the findings when it is next shown: sorting 120,000 of them
   * and laying out rows are no part of opening the window. */
  self->stale = findings != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    findings = NULL;
  gtk_sort_list_model_set_model (self->sort_model, findings);
  update_leads (self, findings);
  update_count (self);
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
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, lead_filter);
  gtk_widget_class_bind_template_child (widget_class, CandourFindingsPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_lead_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_view_activate);
  candour_labels_bind_template_callbacks (widget_class);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);

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

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);

  /* Most serious first, as the Overview lists them. */
  gtk_column_view_sort_by_column (self->view, self->status_column, GTK_SORT_ASCENDING);
  reload (self);
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
