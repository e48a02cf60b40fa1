/* candour-detail-window-contract.c: a contract, where its money goes, and what came
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-date.h"
#include "candour-finding.h"
#include "candour-detail-window-private.h"
#include "candour-flow-chart.h"
#include "candour-money.h"
#include "candour-record-form.h"
#include "candour-record-query.h"
#include "candour-reports.h"

/* A long contract can have thousands of payments; the Payments page has them all. */
#define MAX_PAYMENTS_SHOWN 200

typedef struct
{
  gint64 id;
  char *ref;
  char *partner_ref;
  char *partner_name;
  gboolean smaller;
  gint64 value;
  char *start_on;               /* display */
  char *end_on;                 /* display */
  gint64 terms;
  gint64 paid;
} Subcontract;

static void
subcontract_clear (gpointer data)
{
  Subcontract *sub = data;

  g_free (sub->ref);
  g_free (sub->partner_ref);
  g_free (sub->partner_name);
  g_free (sub->start_on);
  g_free (sub->end_on);
}

static void
on_add_payment_clicked (GtkButton *button,
                        gpointer   user_data)
{
  CandourDetailWindow *self = CANDOUR_DETAIL_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  const char *subcontract_ref = g_object_get_data (G_OBJECT (button), "candour-ref");
  CandourRecordForm *form = candour_record_form_new (self->session, CANDOUR_TABLE_PAYMENTS, 0);

  candour_record_form_set_text (form, "subcontract_ref", subcontract_ref, TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (form));
}

/* A list's rows again as a table for the contract's evidence PDF: the same title and
 * description, headings translated here (N_() where they are written). */
static CandourPdfTable *
evidence_table (DetailList         *list,
                const char * const *headings,
                const gboolean     *numeric)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) translated = NULL;

  for (guint i = 0; headings[i] != NULL; i++)
    g_strv_builder_add (builder, _(headings[i]));
  translated = g_strv_builder_end (builder);
  return candour_pdf_table_new (adw_preferences_group_get_title (list->group),
                                adw_preferences_group_get_description (list->group),
                                (const char * const *)translated, numeric);
}

/* "Where the Money Goes": the flow picture, and the same in words beneath it; returns
 * the words as a section of the evidence PDF. */
static CandourPdfTable *
add_flow (CandourDetailWindow *self,
          CandourReport       *parties,
          GArray              *subcontracts)
{
  static const char * const no_headings[] = { NULL };
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *words;
  GtkWidget *expander;
  g_autofree char *description = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Where the Money Goes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("From the commissioner to the lead provider, and on to each "
                                           "partner; the widths are in proportion to the money."));

  self->flow_chart = CANDOUR_FLOW_CHART (candour_flow_chart_new ());
  candour_flow_chart_set_contract (self->flow_chart, self->ref,
                                   candour_report_get_text_by_name (parties, "commissioner_name"),
                                   candour_report_get_text_by_name (parties, "lead_name"),
                                   candour_report_get_int64_by_name (parties, "value"));

  /* One band per partner, however many subcontracts it has. */
  for (guint i = 0; i < subcontracts->len; i++)
    {
      Subcontract *sub = &g_array_index (subcontracts, Subcontract, i);
      gint64 total = 0;
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = g_strcmp0 (g_array_index (subcontracts, Subcontract, j).partner_ref, sub->partner_ref) == 0;
      if (seen)
        continue;
      for (guint j = i; j < subcontracts->len; j++)
        if (g_strcmp0 (g_array_index (subcontracts, Subcontract, j).partner_ref, sub->partner_ref) == 0)
          total += g_array_index (subcontracts, Subcontract, j).value;
      candour_flow_chart_add_partner (self->flow_chart, sub->partner_name, total, sub->smaller);
    }

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chart-card");
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->flow_chart));

  description = candour_flow_chart_describe (self->flow_chart);
  words = gtk_label_new (description);
  gtk_label_set_wrap (GTK_LABEL (words), TRUE);
  gtk_label_set_xalign (GTK_LABEL (words), 0);
  gtk_label_set_selectable (GTK_LABEL (words), TRUE);
  expander = gtk_expander_new_with_mnemonic (_("The Picture in _Words"));
  /* GTK 4.8 names an expander by nothing but its type. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The Picture in Words"), -1);
  gtk_expander_set_child (GTK_EXPANDER (expander), words);
  gtk_widget_set_margin_top (words, 6);
  gtk_box_append (GTK_BOX (card), expander);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card);
  candour_detail_window_add_section (self, group);
  return candour_pdf_table_new (_("Where the Money Goes"), description, no_headings, NULL);
}

/* The smaller-organisation share against the contract's requirement, from the
 * contract shares report; returns the same as a table for the evidence PDF. */
static CandourPdfTable *
add_share (CandourDetailWindow *self,
           CandourReport       *parties)
{
  static const char * const headings[] = {
    N_("Contract"), N_("Went to smaller organisations"), N_("Required"), N_("Requirement"), NULL,
  };
  static const gboolean numeric[] = { FALSE, TRUE, TRUE, FALSE };
  CandourPdfTable *table;
  CandourDatabase *db = candour_session_get_database (self->session);
  g_autoptr(CandourReport) shares = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = candour_report_format_cell_by_name (parties, "small_income_limit",
                                                               CANDOUR_CELL_FORMAT_DISPLAY);
  g_autofree char *description = NULL;
  DetailList *list;

  /* Translators: "Smaller organisations are those with an annual income below £1,000,000.00." */
  description = g_strdup_printf (_("Smaller organisations are those with an annual income below %s."), limit);
  list = candour_detail_window_add_list (self, "share", _("Share for Smaller Organisations"), description,
                                         NULL, 0);
  table = evidence_table (list, headings, numeric);

  shares = candour_report_contract_shares (db, self->id, &error);
  while (shares != NULL && candour_report_next (shares, &error))
    {
      g_autofree char *share = NULL;
      g_autofree char *required = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      const char *meets;
      const char *verdict_text;
      AdwActionRow *row;
      GtkWidget *verdict;

      if (g_strcmp0 (candour_report_get_text_by_name (shares, "contract_ref"), self->ref) != 0)
        continue;

      share = candour_report_format_cell_by_name (shares, "small_share_percent", CANDOUR_CELL_FORMAT_DISPLAY);
      required = candour_report_format_cell_by_name (shares, "required_small_share", CANDOUR_CELL_FORMAT_DISPLAY);
      meets = candour_report_get_text_by_name (shares, "meets_requirement");
      /* Translators: "10.0% of the contract went to smaller organisations" */
      title = g_strdup_printf (_("%s of the contract went to smaller organisations"), share);
      if (g_strcmp0 (meets, "yes") == 0)
        subtitle = g_strdup_printf (_("The contract requires at least %s: met"), required);
      else if (g_strcmp0 (meets, "no") == 0)
        subtitle = g_strdup_printf (_("The contract requires at least %s: not met"), required);
      else
        subtitle = g_strdup (_("The contract sets no share for smaller organisations"));

      row = candour_detail_window_add_row (self, list, title, subtitle, 0, 0, FALSE, NULL);
      verdict_text = g_strcmp0 (meets, "yes") == 0 ? _("Met")
                     : g_strcmp0 (meets, "no") == 0 ? _("Not met") : _("No requirement");
      {
        const char *cells[] = { self->ref, share, g_strcmp0 (meets, "yes") == 0 || g_strcmp0 (meets, "no") == 0 ? required : "",
                                verdict_text };

        candour_pdf_table_add_row (table, cells);
      }
      verdict = gtk_label_new (verdict_text);
      gtk_widget_set_valign (verdict, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (verdict, "share-verdict");
      gtk_widget_add_css_class (verdict, g_strcmp0 (meets, "yes") == 0 ? "met"
                                         : g_strcmp0 (meets, "no") == 0 ? "not-met" : "none");
      adw_action_row_add_suffix (row, verdict);
    }
  if (error != NULL)
    g_warning ("Could not work out the shares: %s", error->message);
  return table;
}

/* The partners the contract's bid named: what each was promised and what came, the
 * contract's evidence to take away. A direct award names none. */
static void
add_promises (CandourDetailWindow *self)
{
  CandourDatabase *db = candour_session_get_database (self->session);
  const char *bid_ref = candour_detail_window_field (self, "bid_ref");
  CandourFindingScope scope = { 0 };
  CandourReconcileOptions options;
  g_autoptr(GPtrArray) named = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;
  DetailList *list;

  if (bid_ref[0] == '\0')
    return;
  scope.bid_id = candour_record_find_id (db, CANDOUR_TABLE_BIDS, bid_ref, &error);
  if (scope.bid_id == 0)
    return;

  candour_session_get_options (self->session, &options);
  named = candour_finding_array_load (db, &options, &scope, NULL, &error);
  candour_reconcile_options_clear (&options);
  if (named == NULL)
    {
      g_warning ("Could not judge the findings of %s: %s", bid_ref, error->message);
      return;
    }

  list = candour_detail_window_add_list (self, "promises", _("Promises to Partners"),
                                         _("The partners the bid named, what it promised each, and what "
                                           "came. Open one for the whole story."),
                                         NULL, 0);
  /* Translators: the title of a contract's PDF, "What the partners named for CON-01 were promised, and what they have had" */
  title = g_strdup_printf (_("What the partners named for %s were promised, and what they have had"), self->ref);
  /* Translators: a file name, "CON-01 promises to partners" (.pdf…) */
  file_name = g_strdup_printf (_("%s promises to partners"), self->ref);
  candour_detail_window_offer_findings (self, list, named, title, file_name,
                                        _("Save or print what the bid promised its partners and what they have "
                                          "had, as evidence"));
  for (guint i = 0; i < named->len; i++)
    {
      CandourFinding *finding = g_ptr_array_index (named, i);
      g_autofree char *figures = candour_detail_window_finding_figures (finding);

      candour_detail_window_add_finding_row (self, list, finding, candour_finding_get_partner_name (finding),
                                             figures);
    }
  if (named->len == 0)
    candour_detail_window_add_empty_row (self, list, _("The bid names no partners."));
}

/* Returns the same as a table for the evidence PDF. */
static CandourPdfTable *
add_subcontracts (CandourDetailWindow *self,
                  GArray              *subcontracts)
{
  static const char * const headings[] = {
    N_("Partner"), N_("Subcontract"), N_("Value"), N_("From"), N_("To"), N_("Days to pay"), N_("Paid"), NULL,
  };
  static const gboolean numeric[] = { FALSE, FALSE, TRUE, FALSE, FALSE, TRUE, TRUE };
  DetailList *list = candour_detail_window_add_list (self, "subcontracts", _("Subcontracts"),
                                                     _("What the lead provider subcontracted, to whom, and "
                                                       "what it has paid on each."),
                                                     _("Add _Subcontract…"), CANDOUR_TABLE_SUBCONTRACTS);
  CandourPdfTable *table = evidence_table (list, headings, numeric);
  guint n = 0;

  for (guint i = 0; i < subcontracts->len; i++)
    {
      Subcontract *sub = &g_array_index (subcontracts, Subcontract, i);
      g_autofree char *value = candour_money_format_display (sub->value);
      g_autofree char *paid = candour_money_format_display (sub->paid);
      g_autofree char *subtitle = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *button;

      if (candour_session_is_hidden (self->session, CANDOUR_TABLE_SUBCONTRACTS, sub->id))
        continue;

      /* Translators: "SUB-01 · £120,000.00 · 01/02/2024 to 27/09/2026 · 30 days to pay · £46,666.62 paid" */
      subtitle = g_strdup_printf (_("%s · %s · %s to %s · %" G_GINT64_FORMAT " days to pay · %s paid"),
                                  sub->ref, value, sub->start_on, sub->end_on, sub->terms, paid);
      button = gtk_button_new_with_label (_("Add Payment…"));
      /* Translators: "Add a payment from the lead to the partner on SUB-01" */
      tooltip = g_strdup_printf (_("Add a payment from the lead to the partner on %s"), sub->ref);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "candour-ref", g_strdup (sub->ref), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_add_payment_clicked), NULL);
      candour_detail_window_add_row (self, list, sub->partner_name, subtitle,
                                     CANDOUR_TABLE_SUBCONTRACTS, sub->id, TRUE, button);
      {
        g_autofree char *terms = g_strdup_printf ("%" G_GINT64_FORMAT, sub->terms);
        const char *cells[] = { sub->partner_name, sub->ref, value, sub->start_on, sub->end_on, terms, paid };

        candour_pdf_table_add_row (table, cells);
      }
      n++;
    }
  if (n == 0)
    candour_detail_window_add_empty_row (self, list, _("Nothing is subcontracted yet."));
  return table;
}

/* Returns every payment as a table for the evidence PDF. */
static CandourPdfTable *
add_payments (CandourDetailWindow *self)
{
  static const char * const headings[] = {
    N_("Paid on"), N_("Amount"), N_("To"), N_("Under"), N_("Invoiced on"), N_("Payment"), NULL,
  };
  static const gboolean numeric[] = { FALSE, TRUE, FALSE, FALSE, FALSE, FALSE };
  CandourDatabase *db = candour_session_get_database (self->session);
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  DetailList *list;
  CandourPdfTable *table;
  guint n = 0, more = 0;

  list = candour_detail_window_add_list (self, "payments", _("Payments"),
                                         _("From the commissioner to the lead, and from the lead to its "
                                           "partners, by the day paid."),
                                         _("Add _Payment…"), CANDOUR_TABLE_PAYMENTS);
  table = evidence_table (list, headings, numeric);

  report = candour_report_contract_payments (db, self->id, &error);
  while (report != NULL && candour_report_next (report, &error))
    {
      gint64 id = candour_report_get_int64_by_name (report, "id");
      g_autofree char *amount = NULL;
      g_autofree char *paid_on = NULL;
      g_autofree char *invoiced_on = NULL;
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *ref = candour_report_get_text_by_name (report, "ref");
      const char *subcontract = candour_report_get_text_by_name (report, "subcontract_ref");

      if (candour_session_is_hidden (self->session, CANDOUR_TABLE_PAYMENTS, id))
        continue;

      amount = candour_report_format_cell_by_name (report, "amount", CANDOUR_CELL_FORMAT_DISPLAY);
      paid_on = candour_report_format_cell_by_name (report, "paid_on", CANDOUR_CELL_FORMAT_DISPLAY);
      invoiced_on = candour_report_format_cell_by_name (report, "invoiced_on", CANDOUR_CELL_FORMAT_DISPLAY);
      /* The evidence has every payment; the window the first few hundred. */
      {
        const char *cells[] = { paid_on, amount, candour_report_get_text_by_name (report, "payee_name"),
                                subcontract != NULL ? subcontract : _("From the commissioner"), invoiced_on,
                                ref != NULL ? ref : "" };

        candour_pdf_table_add_row (table, cells);
      }
      if (n >= MAX_PAYMENTS_SHOWN)
        {
          more++;
          continue;
        }
      /* Translators: "£3,333.33 to Asian Community Wellbeing Hub" */
      title = g_strdup_printf (_("%s to %s"), amount, candour_report_get_text_by_name (report, "payee_name"));
      /* Translators: "Paid 01/02/2024" */
      g_string_append_printf (subtitle, _("Paid %s"), paid_on);
      if (invoiced_on[0] != '\0')
        g_string_append_printf (subtitle, _(", invoiced %s"), invoiced_on);
      g_string_append_printf (subtitle, " · %s", subcontract != NULL ? subcontract : _("from the commissioner"));
      if (ref != NULL)
        g_string_append_printf (subtitle, " · %s", ref);

      candour_detail_window_add_row (self, list, title, subtitle->str, CANDOUR_TABLE_PAYMENTS, id, TRUE, NULL);
      n++;
    }
  g_clear_pointer (&report, candour_report_free);
  if (error != NULL)
    g_warning ("Could not read the payments of %s: %s", self->ref, error->message);

  if (more > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("… and %u more on the Payments page",
                                                         "… and %u more on the Payments page", more), more);
      candour_detail_window_add_empty_row (self, list, text);
    }
  else if (n == 0)
    candour_detail_window_add_empty_row (self, list, _("No payments are recorded yet."));
  return table;
}

void
candour_detail_window_fill_contract (CandourDetailWindow *self)
{
  CandourDatabase *db = candour_session_get_database (self->session);
  g_autoptr(CandourReport) parties = NULL;
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GArray) subcontracts = g_array_new (FALSE, TRUE, sizeof (Subcontract));
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *summary = NULL;
  GPtrArray *further;

  g_array_set_clear_func (subcontracts, subcontract_clear);

  /* Read every list before drawing: each report holds its statement until freed. */
  report = candour_report_contract_subcontracts (db, self->id, &error);
  while (report != NULL && candour_report_next (report, &error))
    {
      Subcontract sub = { 0 };
      g_autofree char *start_on = candour_report_format_cell_by_name (report, "start_on", CANDOUR_CELL_FORMAT_DISPLAY);
      g_autofree char *end_on = candour_report_format_cell_by_name (report, "end_on", CANDOUR_CELL_FORMAT_DISPLAY);

      sub.id = candour_report_get_int64_by_name (report, "id");
      sub.ref = g_strdup (candour_report_get_text_by_name (report, "ref"));
      sub.partner_ref = g_strdup (candour_report_get_text_by_name (report, "partner_ref"));
      sub.partner_name = g_strdup (candour_report_get_text_by_name (report, "partner_name"));
      sub.smaller = candour_report_get_int64_by_name (report, "smaller") != 0;
      sub.value = candour_report_get_int64_by_name (report, "value");
      /* A subcontract without dates runs with its contract. */
      sub.start_on = start_on[0] != '\0' ? g_steal_pointer (&start_on)
                                          : candour_date_format_display (candour_detail_window_field (self, "start_on"));
      sub.end_on = end_on[0] != '\0' ? g_steal_pointer (&end_on)
                                      : candour_date_format_display (candour_detail_window_field (self, "end_on"));
      sub.terms = candour_report_get_int64_by_name (report, "payment_terms_days");
      sub.paid = candour_report_get_int64_by_name (report, "paid");
      g_array_append_val (subcontracts, sub);
    }
  g_clear_pointer (&report, candour_report_free);
  if (error != NULL)
    g_warning ("Could not read the subcontracts of %s: %s", self->ref, error->message);
  g_clear_error (&error);

  parties = candour_report_contract_parties (db, self->id, &error);
  if (parties == NULL || !candour_report_next (parties, &error))
    {
      g_warning ("Could not read contract %s: %s", self->ref, error != NULL ? error->message : "not found");
      return;
    }

  value = candour_report_format_cell_by_name (parties, "value", CANDOUR_CELL_FORMAT_DISPLAY);
  start = candour_date_format_display (candour_detail_window_field (self, "start_on"));
  end = candour_date_format_display (candour_detail_window_field (self, "end_on"));
  /* Translators: "NHS Pennine Vale ICB pays Kindred Pathways £2,400,000.00 for the
   * work from 19/09/2023 to 27/09/2026." */
  summary = g_strdup_printf (_("%s pays %s %s for the work from %s to %s."),
                             candour_report_get_text_by_name (parties, "commissioner_name"),
                             candour_report_get_text_by_name (parties, "lead_name"), value, start, end);
  candour_detail_window_set_summary (self, summary);

  /* The promises' PDF is the contract's evidence: where the money went, the share
   * for smaller organisations, what was subcontracted and paid, after the promises. */
  further = g_ptr_array_new_with_free_func ((GDestroyNotify)candour_pdf_table_free);
  g_ptr_array_add (further, add_flow (self, parties, subcontracts));
  g_ptr_array_add (further, add_share (self, parties));
  g_clear_pointer (&parties, candour_report_free);

  add_promises (self);
  g_ptr_array_add (further, add_subcontracts (self, subcontracts));
  g_ptr_array_add (further, add_payments (self));
  candour_detail_window_offer_further_tables (self, further);
}
