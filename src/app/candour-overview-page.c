/* candour-overview-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candour-finding.h"
#include "candour-finding-summary.h"
#include "candour-labels.h"
#include "candour-money.h"
#include "candour-overview-page.h"
#include "candour-status-badge.h"

struct _CandourOverviewPage
{
  GtkWidget parent_instance;

  GtkLabel *summary_label;
  GtkLabel *chart_caption;
  GtkFlowBox *counts_box;
  GtkFlowBox *money_box;
  GtkToggleButton *table_toggle;
  GtkStack *chart_stack;
  CandourBarChart *lead_chart;
  AdwBin *table_bin;
  GtkLabel *serious_heading;
  GtkLabel *serious_caption;
  GtkListBox *serious_list;

  CandourSession *session;
  CandourBarChart *all_leads;   /* every lead provider's figures, for the table; never shown */
  gboolean table_stale;         /* the table is made again when next shown */
  guint reload_source;
  GHashTable *figures;          /* name → GtkLabel showing its value */
  GListStore *serious;          /* CandourFinding listed under "Needing Attention" */
};

G_DEFINE_FINAL_TYPE (CandourOverviewPage, candour_overview_page, GTK_TYPE_WIDGET)

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

static void
add_figure (CandourOverviewPage *self,
            GtkFlowBox          *box,
            const char          *name,
            const char          *caption,
            const char          *status,
            const char          *explanation)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new ("");
  GtkWidget *words = gtk_label_new (caption);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "figure");
  gtk_widget_add_css_class (value, "figure-value");
  gtk_widget_add_css_class (value, "numeric");
  if (status != NULL)
    gtk_widget_add_css_class (value, candour_status_css_class (status));
  gtk_widget_add_css_class (words, "figure-caption");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_xalign (GTK_LABEL (words), 0);
  gtk_label_set_wrap (GTK_LABEL (words), TRUE);
  /* Narrow captions let a row of five figures fit a laptop's width. */
  gtk_label_set_max_width_chars (GTK_LABEL (words), 14);
  gtk_widget_set_tooltip_text (card, explanation);

  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), words);
  gtk_flow_box_append (box, card);
  gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);

  g_hash_table_insert (self->figures, (gpointer)name, value);
}

static void
set_figure (CandourOverviewPage *self,
            const char          *name,
            const char          *text)
{
  GtkLabel *label = g_hash_table_lookup (self->figures, name);

  g_assert (label != NULL);
  gtk_label_set_label (label, text);
}

static void
set_count (CandourOverviewPage *self,
           const char          *name,
           guint                count)
{
  g_autofree char *text = candour_count_format (count);

  set_figure (self, name, text);
}

static void
set_money (CandourOverviewPage *self,
           const char          *name,
           gint64               pence)
{
  g_autofree char *text = candour_money_format_display (pence);

  set_figure (self, name, text);
}

static void
update_summary (CandourOverviewPage        *self,
                const CandourFindingTotals *totals,
                guint                       won_bids)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint not_kept = totals->bid_candy + totals->short_changed + totals->underpaid;

  if (totals->named == 0)
    {
      gtk_label_set_label (self->summary_label,
                           _("No partners are named in won bids yet. Import bids, the partners they "
                             "named and the contracts that followed, and the findings appear here."));
      return;
    }

  /* Numbers grouped as everywhere else ("70,302 partners"); the plural follows each. */
  {
    g_autofree char *named = candour_count_format (totals->named);
    g_autofree char *bids = candour_count_format (won_bids);
    g_autofree char *honoured = candour_count_format (totals->honoured);
    g_autofree char *missed = candour_count_format (not_kept);
    g_autofree char *awaiting = candour_count_format (totals->awaiting_subcontract);
    g_autofree char *pending = candour_count_format (totals->pending);

    /* Translators: the first sentence of the Overview, "23 partners were named in 6 won bids." */
    g_string_append_printf (text, ngettext ("%s partner was named in ", "%s partners were named in ",
                                            totals->named), named);
    g_string_append_printf (text, ngettext ("%s won bid.", "%s won bids.", won_bids), bids);
    g_string_append_c (text, ' ');
    g_string_append_printf (text, ngettext ("%s has had what was promised so far", "%s have had what was promised so far",
                                            totals->honoured), honoured);
    g_string_append_printf (text, ngettext ("; %s has not.", "; %s have not.", not_kept), missed);

    if (totals->awaiting_subcontract + totals->pending > 0)
      {
        g_string_append_c (text, ' ');
        g_string_append_printf (text, ngettext ("%s is still within the days allowed for a subcontract",
                                                "%s are still within the days allowed for a subcontract",
                                                totals->awaiting_subcontract), awaiting);
        g_string_append_printf (text, ngettext (" and %s is waiting for a contract to start.",
                                                " and %s are waiting for a contract to start.",
                                                totals->pending), pending);
      }
  }

  gtk_label_set_label (self->summary_label, text->str);
}

#define MAX_CHART_LEADS CANDOUR_BAR_CHART_MAX_READABLE

static void
update_table (CandourOverviewPage *self)
{
  GtkWidget *table;

  if (!self->table_stale || g_strcmp0 (gtk_stack_get_visible_child_name (self->chart_stack), "table") != 0)
    return;

  candour_bar_chart_set_title (self->all_leads, candour_bar_chart_get_title (self->lead_chart));
  table = candour_bar_chart_create_table (self->all_leads, _("Lead provider"));
  gtk_widget_set_margin_start (table, 18);
  gtk_widget_set_margin_end (table, 18);
  gtk_widget_set_margin_top (table, 18);
  gtk_widget_set_margin_bottom (table, 18);
  adw_bin_set_child (self->table_bin, table);
  self->table_stale = FALSE;
}

static int
compare_lead_promises (gconstpointer a,
                       gconstpointer b)
{
  return candour_lead_sums_compare_promised (*(const CandourLeadSums * const *)a,
                                             *(const CandourLeadSums * const *)b);
}

/* What each lead provider's named partners were promised, given and paid. */
static void
update_chart (CandourOverviewPage         *self,
              const CandourFindingSummary *summary)
{
  const char *series[] = { _("Promised"), _("Subcontracted"), _("Paid"), NULL };
  guint n_leads = summary->leads->len;

  candour_bar_chart_set_series (self->lead_chart, series);

  /* The table lists every lead provider, by reference (made when shown: a national
   * register's 500 rows of labels are no part of a reload)... */
  candour_bar_chart_set_series (self->all_leads, series);
  for (guint i = 0; i < n_leads; i++)
    {
      const CandourLeadSums *sums = &g_array_index (summary->leads, CandourLeadSums, i);
      gint64 values[] = { sums->promised, sums->subcontracted, sums->paid };

      candour_bar_chart_add_category (self->all_leads, sums->name, values);
      if (n_leads <= MAX_CHART_LEADS)
        candour_bar_chart_add_category (self->lead_chart, sums->name, values);
    }
  self->table_stale = TRUE;
  update_table (self);

  /* ...the chart those with the most at stake, when they are too many to read. */
  gtk_widget_set_visible (GTK_WIDGET (self->chart_caption), n_leads > MAX_CHART_LEADS);
  if (n_leads > MAX_CHART_LEADS)
    {
      g_autoptr(GPtrArray) order = g_ptr_array_sized_new (n_leads);
      g_autofree char *rest = candour_count_format (n_leads - MAX_CHART_LEADS);
      g_autofree char *caption = NULL;

      for (guint i = 0; i < n_leads; i++)
        g_ptr_array_add (order, &g_array_index (summary->leads, CandourLeadSums, i));
      g_ptr_array_sort (order, compare_lead_promises);
      for (guint i = 0; i < MAX_CHART_LEADS; i++)
        {
          const CandourLeadSums *sums = order->pdata[i];
          gint64 values[] = { sums->promised, sums->subcontracted, sums->paid };

          candour_bar_chart_add_category (self->lead_chart, sums->name, values);
        }
      /* Translators: under the chart, "The 12 lead providers that promised the most;
       * 488 more are in the table (Show as Table)." */
      caption = g_strdup_printf (_("The %u lead providers that promised their partners the most; %s more "
                                   "are in the table (Show as Table)."), MAX_CHART_LEADS, rest);
      gtk_label_set_label (self->chart_caption, caption);
    }
}

static GtkWidget *
serious_row (CandourFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = candour_status_badge_new (candour_finding_get_status (finding));
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *summary = candour_finding_summary (finding);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candour_finding_get_partner_name (finding));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open the partner’s story"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "finding", g_object_ref (finding), g_object_unref);
  return row;
}

static void
update_serious (CandourOverviewPage         *self,
                const CandourFindingSummary *summary,
                guint                        n)
{
  guint n_serious = summary->n_serious;
  GtkWidget *child;
  g_autofree char *heading = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->serious_list))) != NULL)
    gtk_list_box_remove (self->serious_list, child);
  g_list_store_remove_all (self->serious);

  for (guint i = 0; i < summary->serious->len; i++)
    {
      CandourFinding *finding = g_ptr_array_index (summary->serious, i);

      g_list_store_append (self->serious, finding);
      gtk_list_box_append (self->serious_list, serious_row (finding));
    }

  if (n_serious == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     n > 0 ? _("Every partner has had what was promised so far")
                                           : _("Nothing to check yet"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->serious_list, row);
      heading = g_strdup (_("Needing Attention"));
    }
  else
    heading = g_strdup_printf (ngettext ("%u Finding Needs Attention", "%u Findings Need Attention",
                                         n_serious), n_serious);

  gtk_widget_set_visible (GTK_WIDGET (self->serious_caption), n_serious > CANDOUR_OVERVIEW_MAX_SERIOUS);
  if (n_serious > CANDOUR_OVERVIEW_MAX_SERIOUS)
    {
      g_autofree char *caption = g_strdup_printf (_("The %u most serious: bid candy first, then short-changed, "
                                                    "then underpaid, the largest promises first within each."),
                                                  CANDOUR_OVERVIEW_MAX_SERIOUS);
      gtk_label_set_label (self->serious_caption, caption);
    }

  gtk_label_set_label (self->serious_heading, heading);
}

static void
reload (CandourOverviewPage *self)
{
  GListModel *findings = self->session != NULL ? candour_session_get_findings (self->session) : NULL;
  static const CandourFindingTotals none;
  const CandourFindingTotals *totals = self->session != NULL ? candour_session_get_totals (self->session) : &none;
  g_autoptr(CandourFindingSummary) empty = NULL;
  const CandourFindingSummary *summary = self->session != NULL ? candour_session_get_summary (self->session)
                                                               : (empty = candour_finding_summary_new (NULL, 0));

  /* Judged for the first time on a worker: say so, rather than show zeros as facts. */
  if (self->session != NULL && candour_session_get_loading (self->session) &&
      g_list_model_get_n_items (findings) == 0)
    {
      static const char * const figures[] = {
        "named", "honoured", "bid_candy", "short_changed", "underpaid", "promised", "subcontracted", "paid",
      };

      for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
        set_figure (self, figures[i], "…");
      gtk_label_set_label (self->summary_label, _("Judging the findings…"));
    }
  else
    {
      set_count (self, "named", totals->named);
      set_count (self, "honoured", totals->honoured);
      set_count (self, "bid_candy", totals->bid_candy);
      set_count (self, "short_changed", totals->short_changed);
      set_count (self, "underpaid", totals->underpaid);
      set_money (self, "promised", totals->promised);
      set_money (self, "subcontracted", totals->subcontracted);
      set_money (self, "paid", totals->paid);
      update_summary (self, totals, summary->won_bids);
    }
  update_chart (self, summary);
  update_serious (self, summary, findings != NULL ? g_list_model_get_n_items (findings) : 0);
}

static void
on_table_toggled (CandourOverviewPage *self)
{
  gtk_stack_set_visible_child_name (self->chart_stack,
                                    gtk_toggle_button_get_active (self->table_toggle) ? "table" : "chart");
  update_table (self);
}

static void
on_serious_row_activated (CandourOverviewPage *self,
                          GtkListBoxRow       *row)
{
  CandourFinding *finding = g_object_get_data (G_OBJECT (row), "finding");

  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

static void
candour_overview_page_dispose (GObject *object)
{
  CandourOverviewPage *self = (CandourOverviewPage *)object;
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->all_leads);
  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_OVERVIEW_PAGE);
  /* The template's outermost child is not bound, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->serious);
  g_clear_pointer (&self->figures, g_hash_table_unref);

  G_OBJECT_CLASS (candour_overview_page_parent_class)->dispose (object);
}

static void
candour_overview_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CandourOverviewPage *self = CANDOUR_OVERVIEW_PAGE (object);

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
candour_overview_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CandourOverviewPage *self = CANDOUR_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      candour_overview_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
reload_now (gpointer user_data)
{
  CandourOverviewPage *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* The findings judged, the loading over and an edit often come together: one reload. */
static void
queue_reload (CandourOverviewPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_now, self, NULL);
}

static void
candour_overview_page_class_init (CandourOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candour_overview_page_dispose;
  object_class->get_property = candour_overview_page_get_property;
  object_class->set_property = candour_overview_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, "The open database", CANDOUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The person asked to see this finding's story. */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CANDOUR_TYPE_FINDING);

  g_type_ensure (CANDOUR_TYPE_BAR_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourOverviewPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CandourOverviewPage, chart_caption);
  gtk_widget_class_bind_template_child (widget_class, CandourOverviewPage, counts_box);
  gtk_widget_class_bind_template_child (widget_class, CandourOverviewPage, money_box);
  gtk_widget_class_bind_template_child (widget_class, CandourOverviewPage, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, CandourOverviewPage, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, CandourOverviewPage, lead_chart);
  gtk_widget_class_bind_template_child (widget_class, CandourOverviewPage, table_bin);
  gtk_widget_class_bind_template_child (widget_class, CandourOverviewPage, serious_heading);
  gtk_widget_class_bind_template_child (widget_class, CandourOverviewPage, serious_caption);
  gtk_widget_class_bind_template_child (widget_class, CandourOverviewPage, serious_list);
  gtk_widget_class_bind_template_callback (widget_class, on_table_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_serious_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
candour_overview_page_init (CandourOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->figures = g_hash_table_new (g_str_hash, g_str_equal);
  self->serious = g_list_store_new (CANDOUR_TYPE_FINDING);
  self->all_leads = g_object_ref_sink (CANDOUR_BAR_CHART (candour_bar_chart_new ()));

  add_figure (self, self->counts_box, "named", _("Partners named in won bids"), NULL,
              _("Every organisation a won bid named as a partner, once per bid"));
  add_figure (self, self->counts_box, "honoured", candour_status_label ("honoured"), "honoured",
              candour_status_explanation ("honoured"));
  add_figure (self, self->counts_box, "bid_candy", candour_status_label ("bid_candy"), "bid_candy",
              candour_status_explanation ("bid_candy"));
  add_figure (self, self->counts_box, "short_changed", candour_status_label ("short_changed"), "short_changed",
              candour_status_explanation ("short_changed"));
  add_figure (self, self->counts_box, "underpaid", candour_status_label ("underpaid"), "underpaid",
              candour_status_explanation ("underpaid"));
  add_figure (self, self->money_box, "promised", _("Promised to partners"), NULL,
              _("What the bids promised their named partners, where they gave a sum or a share"));
  add_figure (self, self->money_box, "subcontracted", _("Subcontracted to them"), NULL,
              _("The value of the subcontracts those partners were given"));
  add_figure (self, self->money_box, "paid", _("Paid to them"), NULL,
              _("What was paid on those subcontracts up to the day judged"));

  reload (self);
}

CandourSession *
candour_overview_page_get_session (CandourOverviewPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_OVERVIEW_PAGE (self), NULL);

  return self->session;
}

void
candour_overview_page_set_session (CandourOverviewPage *self,
                                   CandourSession      *session)
{
  g_return_if_fail (CANDOUR_IS_OVERVIEW_PAGE (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::findings", G_CALLBACK (queue_reload), self);
      g_signal_connect_swapped (session, "notify::loading", G_CALLBACK (queue_reload), self);
      g_signal_connect_swapped (session, "record-changed", G_CALLBACK (queue_reload), self);
    }

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
candour_overview_page_get_figure (CandourOverviewPage *self,
                                  const char          *name)
{
  GtkLabel *label;

  g_return_val_if_fail (CANDOUR_IS_OVERVIEW_PAGE (self), NULL);

  label = g_hash_table_lookup (self->figures, name);
  return label != NULL ? gtk_label_get_label (label) : NULL;
}

CandourBarChart *
candour_overview_page_get_chart (CandourOverviewPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_OVERVIEW_PAGE (self), NULL);

  return self->lead_chart;
}

GListModel *
candour_overview_page_get_serious (CandourOverviewPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_OVERVIEW_PAGE (self), NULL);

  return G_LIST_MODEL (self->serious);
}
