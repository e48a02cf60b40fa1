/* candour-story-window.c
 *
 * The story is worded as facts a lead provider and a partner would both sign: what the
 * bid said, what was subcontracted and paid, and when. It names no one as at fault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "candour-accessible.h"
#include "candour-column-meanings.h"
#include "candour-column-memory.h"
#include "candour-date.h"
#include "candour-label-closures.h"
#include "candour-labels.h"
#include "candour-money.h"
#include "candour-payment.h"
#include "candour-percent.h"
#include "candour-ref-column.h"
#include "candour-status-badge.h"
#include "candour-story.h"
#include "candour-story-window.h"

/* What each column of the payments means, by its title in ui/candour-story-window.ui. */
static const CandourColumnMeaning payment_columns[] = {
  { N_("Paid on"), N_("The date the lead provider paid the partner.") },
  { N_("Amount"), N_("How much was paid; a refund or clawback shows as a negative amount.") },
  { N_("Invoiced on"), N_("The date of the partner’s invoice the payment settles, when it is known.") },
  { N_("Days to pay"), N_("Days from the invoice to the payment, against the subcontract’s payment terms.") },
  { N_("Subcontract"), N_("The subcontract the payment was made under.") },
  { N_("Reference"), N_("The payment’s reference in Candour, as used in the files imported.") },
};

struct _CandourStoryWindow
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  CandourStatusBadge *badge;
  GtkLabel *summary_label;
  GtkLabel *promised_value;
  GtkLabel *promised_caption;
  GtkLabel *subcontracted_value;
  GtkLabel *subcontracted_caption;
  GtkLabel *due_value;
  GtkLabel *due_caption;
  GtkLabel *paid_value;
  GtkLabel *paid_caption;
  GtkWidget *chart_section;
  CandourLineChart *chart;
  GtkLabel *chart_caption;
  GtkLabel *bid_label;
  GtkLabel *lead_label;
  GtkLabel *commissioner_label;
  GtkLabel *bid_value_label;
  GtkLabel *submitted_label;
  GtkWidget *consortium_row;
  GtkLabel *consortium_label;
  GtkLabel *role_label;
  GtkLabel *promise_label;
  GtkLabel *consent_label;
  AdwPreferencesGroup *contract_group;
  GtkWidget *contract_row;
  GtkLabel *contract_label;
  GtkWidget *contract_value_row;
  GtkLabel *contract_value_label;
  GtkWidget *runs_row;
  GtkLabel *runs_label;
  AdwPreferencesGroup *subcontracts_group;
  GtkLabel *payments_heading;
  GtkStack *payments_stack;
  GtkColumnView *payments_view;
  GtkColumnViewColumn *subcontract_column;
  GtkColumnViewColumn *payment_ref_column;
  GtkNoSelection *payments_selection;

  CandourSession *session;
  CandourFinding *finding;
  CandourStory *story;
};

G_DEFINE_FINAL_TYPE (CandourStoryWindow, candour_story_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_FINDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
money (gint64 pence)
{
  return candour_money_format_display (pence);
}

static char *
date_text (const char *iso)
{
  return iso != NULL ? candour_date_format_display (iso) : g_strdup (_("Not recorded"));
}

/* "18 months" or "45 days": how long ago the contract started, in the larger unit
 * that reads naturally. */
static char *
time_since (const char *start_iso,
            const char *as_of_iso)
{
  gint64 days = candour_date_to_days (as_of_iso) - candour_date_to_days (start_iso);
  int y1, m1, d1, y2, m2, d2, months;

  if (sscanf (start_iso, "%d-%d-%d", &y1, &m1, &d1) != 3 ||
      sscanf (as_of_iso, "%d-%d-%d", &y2, &m2, &d2) != 3)
    return g_strdup ("");

  months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  if (months >= 2)
    return g_strdup_printf (ngettext ("%d month", "%d months", months), months);
  return candour_days_text (days);
}

static char *
percent_of (gint64 part,
            gint64 whole)
{
  g_autofree char *tenths = NULL;

  if (whole <= 0)
    return g_strdup ("");
  tenths = candour_percent_format_tenths (candour_round_mul_div (part, 1000, whole));
  return g_strconcat (tenths, "%", NULL);
}

/* "Named in the bid with £150,000.00 promised" and the like. */
static char *
promise_phrase (CandourStory *story)
{
  CandourFinding *finding = story->finding;
  g_autofree char *promised = money (candour_finding_get_promised (finding));

  if (story->promised_value >= 0)
    return g_strdup_printf (_("Named in the bid with %s promised"), promised);
  if (story->promised_share >= 0)
    {
      g_autofree char *share = candour_percent_format_exact (story->promised_share);
      /* Translators: "Named in the bid with 5% of the contract promised (£120,000.00)" */
      return g_strdup_printf (_("Named in the bid with %s%% of the contract promised (%s)"), share, promised);
    }
  return g_strdup (_("Named in the bid with no sum or share recorded"));
}

static char *
compose_summary (CandourStoryWindow *self)
{
  CandourStory *story = self->story;
  CandourFinding *finding = story->finding;
  const char *status = candour_finding_get_status (finding);
  const char *consent = candour_finding_get_consent (finding);
  g_autofree char *promise = promise_phrase (story);
  g_autofree char *as_of = date_text (story->as_of);
  g_autofree char *subcontracted = money (candour_finding_get_subcontracted (finding));
  g_autofree char *due = money (candour_finding_get_due (finding));
  g_autofree char *paid = money (candour_finding_get_paid (finding));
  g_autofree char *text = NULL;

  if (g_strcmp0 (status, "not_awarded") == 0)
    text = g_strdup_printf (_("%s; the bid was not won."), promise);
  else if (story->contract_ref == NULL)
    text = g_strdup_printf (_("%s; no contract is recorded yet."), promise);
  else if (g_strcmp0 (status, "pending") == 0)
    {
      g_autofree char *start = date_text (story->contract_start_on);
      text = g_strdup_printf (_("%s; the contract starts on %s."), promise, start);
    }
  else if (g_strcmp0 (status, "bid_candy") == 0)
    {
      g_autofree char *since = time_since (story->contract_start_on, story->as_of);
      /* Translators: "Named in the bid with £150,000.00 promised; no subcontract 18 months after the start." */
      text = g_strdup_printf (_("%s; no subcontract %s after the start."), promise, since);
    }
  else if (g_strcmp0 (status, "awaiting_subcontract") == 0)
    {
      g_autofree char *since = time_since (story->contract_start_on, story->as_of);
      text = g_strdup_printf (_("%s; no subcontract yet, %s after the start, within the %d days "
                                "allowed."), promise, since, candour_session_get_grace_days (self->session));
    }
  else if (g_strcmp0 (status, "short_changed") == 0)
    {
      g_autofree char *share = percent_of (candour_finding_get_subcontracted (finding),
                                           candour_finding_get_promised (finding));
      /* Translators: "…; subcontracted for £120,000.00, 66.7% of the promise." */
      text = g_strdup_printf (_("%s; subcontracted for %s, %s of the promise."), promise, subcontracted, share);
    }
  else if (g_strcmp0 (status, "underpaid") == 0)
    {
      g_autofree char *share = percent_of (candour_finding_get_paid (finding), candour_finding_get_due (finding));
      text = g_strdup_printf (_("%s; subcontracted for %s. By %s, %s was due on the payment terms "
                                "and %s was paid, %s of what was due."),
                              promise, subcontracted, as_of, due, paid, share);
    }
  else
    text = g_strdup_printf (_("%s; subcontracted for %s. By %s, %s was due on the payment terms "
                              "and %s was paid."), promise, subcontracted, as_of, due, paid);

  if (g_strcmp0 (consent, "no") == 0)
    return g_strconcat (text, " ", _("The partner is recorded as not having agreed to be named."), NULL);
  if (g_strcmp0 (consent, "unknown") == 0)
    return g_strconcat (text, " ", _("Whether the partner agreed to be named is not recorded."), NULL);
  return g_steal_pointer (&text);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL && text[0] != '\0' ? text : _("Not recorded"));
}

static void
fill_figures (CandourStoryWindow *self)
{
  CandourFinding *finding = self->finding;
  g_autofree char *as_of = date_text (self->story->as_of);
  g_autofree char *promised = NULL;
  g_autofree char *subcontracted = money (candour_finding_get_subcontracted (finding));
  g_autofree char *due = money (candour_finding_get_due (finding));
  g_autofree char *paid = money (candour_finding_get_paid (finding));
  g_autofree char *due_caption = g_strdup_printf (_("Due by %s"), as_of);
  g_autofree char *paid_caption = g_strdup_printf (_("Paid by %s"), as_of);

  promised = candour_finding_has_promise (finding) ? money (candour_finding_get_promised (finding))
                                                   : g_strdup (_("None recorded"));
  gtk_label_set_label (self->promised_value, promised);
  gtk_label_set_label (self->promised_caption, _("Promised in the bid"));
  gtk_label_set_label (self->subcontracted_value, subcontracted);
  gtk_label_set_label (self->subcontracted_caption, _("Subcontracted"));
  gtk_label_set_label (self->due_value, due);
  gtk_label_set_label (self->due_caption, due_caption);
  gtk_label_set_label (self->paid_value, paid);
  gtk_label_set_label (self->paid_caption, paid_caption);
}

static void
fill_chart (CandourStoryWindow *self)
{
  CandourStory *story = self->story;
  gint64 today = candour_date_to_days (story->as_of);
  gint64 start = story->contract_start_on ? candour_date_to_days (story->contract_start_on) : 0;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GArray) paid = NULL;
  g_autofree char *as_of = date_text (story->as_of);
  g_autofree char *due_text = NULL;
  g_autofree char *paid_text = NULL;
  g_autofree char *caption = NULL;
  guint n_payments;

  /* Nothing can be due before the contract starts, or without a subcontract: there is
   * no line to draw. */
  if (story->contract_ref == NULL || start <= 0 || today <= start ||
      (story->subcontracts->len == 0 && g_list_model_get_n_items (story->payments) == 0))
    {
      gtk_widget_set_visible (self->chart_section, FALSE);
      return;
    }

  for (guint i = 0; i < story->subcontracts->len; i++)
    start = MIN (start, candour_date_to_days (g_array_index (story->subcontracts, CandourStorySubcontract, i).start_on));

  due = candour_story_due_points (story, start, today);
  paid = candour_story_paid_points (story, start, today);
  candour_line_chart_clear (self->chart);
  candour_line_chart_add_series (self->chart, _("Due on the payment terms"),
                                 (CandourStoryPoint *)(gpointer)due->data, due->len, FALSE);
  candour_line_chart_add_series (self->chart, _("Paid"), (CandourStoryPoint *)(gpointer)paid->data, paid->len, TRUE);
  candour_line_chart_set_marker (self->chart, today, as_of);

  n_payments = g_list_model_get_n_items (story->payments);
  due_text = money (candour_story_due_on (story, today));
  paid_text = money (candour_story_paid_on (story, today));
  /* Translators: "By 30/06/2025, £66,958.90 was due and £46,666.62 was paid in 14 payments." */
  caption = g_strdup_printf (ngettext ("By %s, %s was due and %s was paid in %u payment.",
                                       "By %s, %s was due and %s was paid in %u payments.", n_payments),
                             as_of, due_text, paid_text, n_payments);
  gtk_label_set_label (self->chart_caption, caption);
}

static void
fill_bid (CandourStoryWindow *self)
{
  CandourStory *story = self->story;
  CandourFinding *finding = self->finding;
  g_autofree char *bid = g_strdup_printf ("%s · %s", candour_finding_get_bid_ref (finding),
                                          story->bid_title ? story->bid_title : "");
  g_autofree char *value = story->bid_value >= 0 ? money (story->bid_value) : NULL;
  g_autofree char *submitted = story->submitted_on ? date_text (story->submitted_on) : NULL;
  g_autofree char *promise = NULL;

  if (story->promised_value >= 0)
    promise = money (story->promised_value);
  else if (story->promised_share >= 0)
    {
      g_autofree char *share = candour_percent_format_exact (story->promised_share);
      g_autofree char *amount = money (candour_finding_get_promised (finding));
      const char *basis = story->contract_ref != NULL ? _("the contract") : _("the bid");

      /* Translators: "5% of the contract: £120,000.00" */
      promise = g_strdup_printf (_("%s%% of %s: %s"), share, basis, amount);
    }

  set_label (self->bid_label, bid);
  set_label (self->lead_label, candour_finding_get_lead_name (finding));
  set_label (self->commissioner_label, story->commissioner_name);
  set_label (self->bid_value_label, value);
  set_label (self->submitted_label, submitted);
  set_label (self->consortium_label, story->consortium_name);
  gtk_widget_set_visible (self->consortium_row, story->consortium_name != NULL);
  set_label (self->role_label, story->role);
  set_label (self->promise_label, promise);
  set_label (self->consent_label, candour_consent_label (candour_finding_get_consent (finding)));
}

static void
fill_contract (CandourStoryWindow *self)
{
  CandourStory *story = self->story;
  g_autofree char *contract = NULL;
  g_autofree char *value = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *runs = NULL;

  if (story->contract_ref == NULL)
    {
      adw_preferences_group_set_description (self->contract_group, _("No contract is recorded for this bid yet."));
      gtk_widget_set_visible (self->contract_row, FALSE);
      gtk_widget_set_visible (self->contract_value_row, FALSE);
      gtk_widget_set_visible (self->runs_row, FALSE);
      return;
    }

  contract = story->contract_title != NULL ? g_strdup_printf ("%s · %s", story->contract_ref, story->contract_title)
                                           : g_strdup (story->contract_ref);
  value = money (story->contract_value);
  start = date_text (story->contract_start_on);
  end = date_text (story->contract_end_on);
  /* Translators: "29/09/2023 to 27/09/2026" */
  runs = g_strdup_printf (_("%s to %s"), start, end);

  set_label (self->contract_label, contract);
  set_label (self->contract_value_label, value);
  set_label (self->runs_label, runs);
}

static void
fill_subcontracts (CandourStoryWindow *self)
{
  CandourStory *story = self->story;

  if (story->subcontracts->len == 0)
    {
      adw_preferences_group_set_description (self->subcontracts_group,
                                             story->contract_ref != NULL
                                               ? _("No subcontract to this partner is recorded under the contract.")
                                               : _("There can be no subcontract before there is a contract."));
      return;
    }

  for (guint i = 0; i < story->subcontracts->len; i++)
    {
      const CandourStorySubcontract *s = &g_array_index (story->subcontracts, CandourStorySubcontract, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new (NULL);
      g_autofree char *amount = money (s->value);
      g_autofree char *start = date_text (s->start_on);
      g_autofree char *end = date_text (s->end_on);
      g_autofree char *terms = candour_days_text (s->payment_terms_days);
      /* Translators: "29/09/2023 to 27/09/2026 · invoices paid within 30 days" */
      g_autofree char *subtitle = g_strdup_printf (_("%s to %s · invoices paid within %s"), start, end, terms);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->ref);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_label_set_label (GTK_LABEL (value), amount);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "story-value");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_preferences_group_add (self->subcontracts_group, row);
    }
}

static void
fill_payments (CandourStoryWindow *self)
{
  guint n = g_list_model_get_n_items (self->story->payments);
  g_autofree char *heading = NULL;

  heading = n > 0 ? g_strdup_printf (ngettext ("%u Payment", "%u Payments", n), n) : g_strdup (_("Payments"));
  gtk_label_set_label (self->payments_heading, heading);
  candour_ref_column_fit (self->subcontract_column, self->story->payments,
                          (CandourRefGetter)candour_payment_get_agreement_ref);
  candour_ref_column_fit (self->payment_ref_column, self->story->payments, (CandourRefGetter)candour_payment_get_ref);
  gtk_no_selection_set_model (self->payments_selection, self->story->payments);
  gtk_stack_set_visible_child_name (self->payments_stack, n > 0 ? "table" : "none");
}

static void
fill (CandourStoryWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (self->session == NULL || self->finding == NULL || self->story != NULL)
    return;

  as_of = candour_session_dup_as_of (self->session);
  self->story = candour_story_load (candour_session_get_database (self->session), self->finding, as_of, &error);
  if (self->story == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      return;
    }

  subtitle = g_strdup_printf ("%s · %s", candour_finding_get_bid_ref (self->finding),
                              candour_finding_get_lead_name (self->finding));
  /* Translators: the story window's title, "Open Door Recovery Harrowfield in BID-01" */
  title = g_strdup_printf (_("%s in %s"), candour_finding_get_partner_name (self->finding),
                           candour_finding_get_bid_ref (self->finding));
  adw_window_title_set_title (self->window_title, candour_finding_get_partner_name (self->finding));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);

  candour_status_badge_set_status (self->badge, candour_finding_get_status (self->finding));
  {
    g_autofree char *summary = compose_summary (self);
    gtk_label_set_label (self->summary_label, summary);
  }

  fill_figures (self);
  fill_chart (self);
  fill_bid (self);
  fill_contract (self);
  fill_subcontracts (self);
  fill_payments (self);
}

static void
candour_story_window_constructed (GObject *object)
{
  G_OBJECT_CLASS (candour_story_window_parent_class)->constructed (object);

  fill (CANDOUR_STORY_WINDOW (object));
}

static void
candour_story_window_dispose (GObject *object)
{
  CandourStoryWindow *self = (CandourStoryWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_STORY_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->finding);
  g_clear_pointer (&self->story, candour_story_free);

  G_OBJECT_CLASS (candour_story_window_parent_class)->dispose (object);
}

static void
candour_story_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CandourStoryWindow *self = CANDOUR_STORY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_FINDING:
      g_value_set_object (value, self->finding);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_story_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CandourStoryWindow *self = CANDOUR_STORY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_FINDING:
      self->finding = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A payment's row, for a screen reader: when, how much, which payment. */
static void
name_payment_row (GtkListItem *list_item,
                  GParamSpec  *pspec,
                  gpointer     user_data)
{
  CandourPayment *payment = gtk_list_item_get_item (list_item);
  g_autofree char *paid_on = NULL;
  g_autofree char *amount = NULL;

  if (payment == NULL)
    return;
  g_object_get (payment, "paid-on-text", &paid_on, "amount-text", &amount, NULL);
  candour_accessible_name_row (list_item, 3, paid_on, amount, candour_payment_get_ref (payment));
}

static void
candour_story_window_class_init (CandourStoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = candour_story_window_constructed;
  object_class->dispose = candour_story_window_dispose;
  object_class->get_property = candour_story_window_get_property;
  object_class->set_property = candour_story_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, "The open database", CANDOUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINDING] =
    g_param_spec_object ("finding", NULL, "The finding whose story this is", CANDOUR_TYPE_FINDING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CANDOUR_TYPE_LINE_CHART);
  g_type_ensure (CANDOUR_TYPE_PAYMENT);
  g_type_ensure (CANDOUR_TYPE_STATUS_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-story-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, CandourStoryWindow, name)
  CHILD (window_title);
  CHILD (badge);
  CHILD (summary_label);
  CHILD (promised_value);
  CHILD (promised_caption);
  CHILD (subcontracted_value);
  CHILD (subcontracted_caption);
  CHILD (due_value);
  CHILD (due_caption);
  CHILD (paid_value);
  CHILD (paid_caption);
  CHILD (chart_section);
  CHILD (chart);
  CHILD (chart_caption);
  CHILD (bid_label);
  CHILD (lead_label);
  CHILD (commissioner_label);
  CHILD (bid_value_label);
  CHILD (submitted_label);
  CHILD (consortium_row);
  CHILD (consortium_label);
  CHILD (role_label);
  CHILD (promise_label);
  CHILD (consent_label);
  CHILD (contract_group);
  CHILD (contract_row);
  CHILD (contract_label);
  CHILD (contract_value_row);
  CHILD (contract_value_label);
  CHILD (runs_row);
  CHILD (runs_label);
  CHILD (subcontracts_group);
  CHILD (payments_heading);
  CHILD (payments_stack);
  CHILD (payments_view);
  CHILD (subcontract_column);
  CHILD (payment_ref_column);
  CHILD (payments_selection);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, name_payment_row);
  candour_label_closures_bind (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
candour_story_window_init (CandourStoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  candour_accessible_name_column_headings (self->payments_view);
  candour_column_explain_headings (self->payments_view, payment_columns, G_N_ELEMENTS (payment_columns));
  candour_column_memory_attach (self->payments_view, "story-payments", NULL, GTK_SORT_ASCENDING);
}

GtkWindow *
candour_story_window_new (CandourSession *session,
                          CandourFinding *finding)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (session), NULL);
  g_return_val_if_fail (CANDOUR_IS_FINDING (finding), NULL);

  return g_object_new (CANDOUR_TYPE_STORY_WINDOW, "session", session, "finding", finding, NULL);
}

CandourFinding *
candour_story_window_get_finding (CandourStoryWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_STORY_WINDOW (self), NULL);

  return self->finding;
}

const char *
candour_story_window_get_summary (CandourStoryWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_STORY_WINDOW (self), NULL);

  return gtk_label_get_label (self->summary_label);
}

CandourLineChart *
candour_story_window_get_chart (CandourStoryWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_STORY_WINDOW (self), NULL);

  return self->chart;
}

GListModel *
candour_story_window_get_payments (CandourStoryWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_STORY_WINDOW (self), NULL);

  return G_LIST_MODEL (self->payments_selection);
}
