/* candour-report-kind.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-date.h"
#include "candour-labels.h"
#include "candour-money.h"
#include "candour-record-query.h"
#include "candour-report-kind.h"

typedef struct
{
  const char *keyword;
  const char *title;
  const char *file_name;
  const char *description;
  const char *chart_title;
  const char * const hidden[3];         /* report columns the table leaves out */
} KindInfo;

static const KindInfo kinds[CANDOUR_N_REPORT_KINDS] = {
  [CANDOUR_REPORT_KIND_SCORECARD] = {
    "scorecard", N_("Lead Provider Scorecard"), "scorecard",
    N_("For each lead provider of a won bid: the partners its bids named, how each "
       "finding came out, and the money promised, subcontracted and paid. Promise kept "
       "is the part of the promised money that was subcontracted."),
    N_("Promised, subcontracted and paid by lead provider"),
    { "lead_ref", NULL },
  },
  [CANDOUR_REPORT_KIND_SHARES] = {
    "shares", N_("Contract Shares"), "contract-shares",
    N_("For each contract: how much the lead provider kept and how much it "
       "subcontracted, and the share that reached smaller organisations (annual income "
       "known and below the contract’s limit) against any share the contract required."),
    N_("Kept by the lead and reaching smaller organisations, as a share of each contract"),
    { NULL },
  },
  [CANDOUR_REPORT_KIND_PAYMENT_TIMES] = {
    "payment-times", N_("Payment Times"), "payment-times",
    N_("For each payer: how many days invoices took to be paid, in the Procurement Act "
       "2023 bands, and how many were paid later than the agreed terms. Payments with no "
       "invoice date, and refunds, are left out."),
    N_("How quickly each payer paid invoices"),
    { "payer_ref", NULL },
  },
};

/* Each column's heading and what it means, shown over the heading. A column that means
 * something else in one kind of report has an entry for that kind first. */
#define ANY_KIND CANDOUR_N_REPORT_KINDS

static const struct {
  const char *name;
  const char *title;
  const char *meaning;
  CandourReportKind kind;
} column_titles[] = {
  { "lead_ref", N_("Lead provider"), N_("The organisation that led the won bids."), ANY_KIND },
  { "lead_name", N_("Lead provider"), N_("The organisation that led the won bids."), ANY_KIND },
  { "bids_won", N_("Bids won"), N_("How many of its bids were won, counting any that named no partner."), ANY_KIND },
  { "partners_named", N_("Partners named"), N_("How many partners its won bids named: one finding for each."), ANY_KIND },
  { "honoured", N_("Honoured"), N_("Partners given the subcontract promised and paid what was due, within the tolerance."), ANY_KIND },
  { "bid_candy", N_("Bid candy"), N_("Partners named in the bid but given no subcontract once the grace period was over."), ANY_KIND },
  { "short_changed", N_("Short-changed"), N_("Partners given subcontracts worth less than the bid promised them."), ANY_KIND },
  { "underpaid", N_("Underpaid"), N_("Partners paid less than was due, by more than the tolerance."), ANY_KIND },
  { "awaiting_subcontract", N_("Awaiting subcontract"), N_("Partners with no subcontract yet, still within the grace period after the contract started."), ANY_KIND },
  { "pending", N_("Pending"), N_("Partners of bids with no contract recorded yet, or whose contract has not started."), ANY_KIND },
  { "promised", N_("Promised"), N_("What its bids promised the partners, counting only the promises recorded."), ANY_KIND },
  { "subcontracted", N_("Subcontracted"), N_("The value of all the contract’s subcontracts, to any organisation."), CANDOUR_REPORT_KIND_SHARES },
  { "subcontracted", N_("Subcontracted"), N_("The value of the subcontracts it gave the partners its bids named."), ANY_KIND },
  { "paid", N_("Paid"), N_("What it paid those partners under their subcontracts up to the date, less refunds."), ANY_KIND },
  { "promise_kept_percent", N_("Promise kept"), N_("The part of the money promised to partners that was subcontracted to them, as a percentage."), ANY_KIND },
  { "contract_ref", N_("Contract"), N_("The contract’s reference in Candour."), ANY_KIND },
  { "value", N_("Value"), N_("What the contract is worth over its whole term."), ANY_KIND },
  { "retained", N_("Kept by the lead"), N_("The contract’s value less all its subcontracts: what the lead provider kept."), ANY_KIND },
  { "retained_percent", N_("Kept"), N_("What the lead provider kept, as a percentage of the contract’s value."), ANY_KIND },
  { "small_share_percent", N_("To smaller organisations"), N_("The part of the contract’s value subcontracted to smaller organisations (annual income known and below the contract’s limit), as a percentage."), ANY_KIND },
  { "required_small_share", N_("Required"), N_("The share for smaller organisations the commissioner required, if it set one."), ANY_KIND },
  { "meets_requirement", N_("Requirement met"), N_("Whether the share that reached smaller organisations is at least the share required."), ANY_KIND },
  { "payer_ref", N_("Payer ref"), N_("The payer’s reference in Candour."), ANY_KIND },
  { "payer_name", N_("Payer"), N_("Who paid the invoices: a lead provider paying its subcontractors, or a commissioner paying a lead provider."), ANY_KIND },
  { "payments", N_("Payments"), N_("How many payments with an invoice date were counted; refunds are left out."), ANY_KIND },
  { "average_days", N_("Average days"), N_("The average number of days from invoice to payment."), ANY_KIND },
  { "within_30_percent", N_("Within 30 days"), N_("The share of payments made within 30 days of the invoice, as the Procurement Act 2023 expects."), ANY_KIND },
  { "days_31_to_60_percent", N_("31 to 60 days"), N_("The share of payments made 31 to 60 days after the invoice."), ANY_KIND },
  { "over_60_percent", N_("Over 60 days"), N_("The share of payments made more than 60 days after the invoice."), ANY_KIND },
  { "late_against_terms_percent", N_("Later than terms"), N_("The share of payments made later than the agreed payment terms: the subcontract’s own, or 30 days for a contract."), ANY_KIND },
};

const char *
candour_report_kind_get_keyword (CandourReportKind kind)
{
  g_return_val_if_fail (kind < CANDOUR_N_REPORT_KINDS, NULL);

  return kinds[kind].keyword;
}

gboolean
candour_report_kind_from_keyword (const char        *keyword,
                                  CandourReportKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < CANDOUR_N_REPORT_KINDS; i++)
    if (g_strcmp0 (kinds[i].keyword, keyword) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
candour_report_kind_get_title (CandourReportKind kind)
{
  g_return_val_if_fail (kind < CANDOUR_N_REPORT_KINDS, NULL);

  return _(kinds[kind].title);
}

const char *
candour_report_kind_get_file_name (CandourReportKind kind)
{
  g_return_val_if_fail (kind < CANDOUR_N_REPORT_KINDS, NULL);

  return kinds[kind].file_name;
}

const char *
candour_report_kind_get_description (CandourReportKind kind)
{
  g_return_val_if_fail (kind < CANDOUR_N_REPORT_KINDS, NULL);

  return _(kinds[kind].description);
}

const char *
candour_report_kind_get_chart_title (CandourReportKind kind)
{
  g_return_val_if_fail (kind < CANDOUR_N_REPORT_KINDS, NULL);

  return _(kinds[kind].chart_title);
}

gboolean
candour_report_kind_shows_column (CandourReportKind  kind,
                                  const char        *name)
{
  g_return_val_if_fail (kind < CANDOUR_N_REPORT_KINDS, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return !g_strv_contains ((const char * const *)kinds[kind].hidden, name);
}

const char *
candour_report_column_get_title (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (column_titles); i++)
    if (g_str_equal (column_titles[i].name, name))
      return _(column_titles[i].title);
  return name;
}

const char *
candour_report_column_get_meaning (CandourReportKind  kind,
                                   const char        *name)
{
  g_return_val_if_fail (kind < CANDOUR_N_REPORT_KINDS, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (column_titles); i++)
    if (g_str_equal (column_titles[i].name, name) &&
        (column_titles[i].kind == kind || column_titles[i].kind == ANY_KIND))
      return _(column_titles[i].meaning);
  return NULL;
}

gboolean
candour_report_column_is_numeric (const CandourReportColumn *column)
{
  g_return_val_if_fail (column != NULL, FALSE);

  return column->kind != CANDOUR_CELL_TEXT && column->kind != CANDOUR_CELL_KEYWORD;
}

GHashTable *
candour_report_lead_names (CandourDatabase  *db,
                           GError          **error)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CandourReport) report = candour_report_ref_choices (db, CANDOUR_TABLE_ORGANISATIONS, error);

  if (report == NULL)
    return names;
  while (candour_report_next (report, error))
    g_hash_table_insert (names, g_strdup (candour_report_get_text_by_name (report, "ref")),
                         g_strdup (candour_report_get_text_by_name (report, "label")));
  return names;
}

const char *
candour_report_cell_text (const CandourReportColumn *columns,
                          CandourReportRow          *row,
                          guint                      column,
                          GHashTable                *lead_names)
{
  const char *text;

  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (CANDOUR_IS_REPORT_ROW (row), NULL);

  text = candour_report_row_get_text (row, column);
  /* The shares report, like its CSV, names each lead by ref; people read names. */
  if (lead_names != NULL && g_str_equal (columns[column].name, "lead_ref") && text != NULL)
    {
      const char *name = g_hash_table_lookup (lead_names, text);

      if (name != NULL)
        return name;
    }

  if (columns[column].kind == CANDOUR_CELL_KEYWORD)
    {
      if (g_strcmp0 (text, "yes") == 0)
        return _("Yes");
      if (g_strcmp0 (text, "no") == 0)
        return _("No");
      if (g_strcmp0 (text, "n/a") == 0)
        return _("None set");
    }
  return text;
}

/* The chart */

typedef struct
{
  guint row;
  gint64 key;
} RankedRow;

static int
compare_ranked_rows (gconstpointer a,
                     gconstpointer b)
{
  const RankedRow *x = a;
  const RankedRow *y = b;

  if (x->key != y->key)
    return x->key < y->key ? 1 : -1;
  return x->row < y->row ? -1 : x->row > y->row;
}

/* The rows the chart shows: all of them when they are few enough to read, else the
 * CANDOUR_BAR_CHART_MAX_READABLE largest by key_column, largest first. */
static GArray *
rows_to_chart (GListModel *rows,
               guint       key_column)
{
  guint n = g_list_model_get_n_items (rows);
  GArray *ranked = g_array_sized_new (FALSE, FALSE, sizeof (RankedRow), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourReportRow) row = g_list_model_get_item (rows, i);
      RankedRow r = { i, candour_report_row_is_null (row, key_column)
                           ? G_MININT64 : candour_report_row_get_value (row, key_column) };

      g_array_append_val (ranked, r);
    }
  if (n > CANDOUR_BAR_CHART_MAX_READABLE)
    {
      g_array_sort (ranked, compare_ranked_rows);
      g_array_set_size (ranked, CANDOUR_BAR_CHART_MAX_READABLE);
    }
  return ranked;
}

CandourBarChartData *
candour_report_kind_chart (CandourReportKind   kind,
                           GListModel         *rows,
                           GHashTable         *lead_names,
                           char              **caption)
{
  const char *scorecard[] = { _("Promised"), _("Subcontracted"), _("Paid"), NULL };
  const char *shares[] = { _("Kept by the lead"), _("To smaller organisations"),
                           _("Required for smaller organisations"), NULL };
  const char *times[] = { _("Within 30 days"), _("31 to 60 days"), _("Over 60 days"),
                          _("Later than terms"), NULL };
  static const guint scorecard_columns[] = { 10, 11, 12 };
  static const guint shares_columns[] = { 5, 6, 7 };
  static const guint times_columns[] = { 4, 5, 6, 7 };
  /* Green for paid in good time, as paid is everywhere; then later and later. */
  static const CandourChartColour times_colours[] = { CANDOUR_CHART_GREEN, CANDOUR_CHART_YELLOW,
                                                      CANDOUR_CHART_ORANGE, CANDOUR_CHART_RED };
  CandourBarChartData *chart;
  g_autoptr(GArray) charted = NULL;
  g_autofree char *rest = NULL;
  const guint *columns;
  guint n_series;
  guint n;

  g_return_val_if_fail (kind < CANDOUR_N_REPORT_KINDS, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (rows), NULL);
  g_return_val_if_fail (caption != NULL, NULL);

  chart = candour_bar_chart_data_new ();
  n = g_list_model_get_n_items (rows);
  /* Too many bars to read are ranked by what matters most in each report: the money
   * promised, the contract's value, the number of payments. */
  switch (kind)
    {
    case CANDOUR_REPORT_KIND_SCORECARD:
      candour_bar_chart_data_set_series (chart, scorecard);
      candour_bar_chart_data_set_unit (chart, CANDOUR_CHART_UNIT_MONEY);
      columns = scorecard_columns;
      n_series = G_N_ELEMENTS (scorecard_columns);
      charted = rows_to_chart (rows, 10);
      break;

    case CANDOUR_REPORT_KIND_SHARES:
      candour_bar_chart_data_set_series (chart, shares);
      candour_bar_chart_data_set_unit (chart, CANDOUR_CHART_UNIT_PERCENT_TENTHS);
      columns = shares_columns;
      n_series = G_N_ELEMENTS (shares_columns);
      charted = rows_to_chart (rows, 2);
      break;

    case CANDOUR_REPORT_KIND_PAYMENT_TIMES:
    case CANDOUR_N_REPORT_KINDS:
    default:
      candour_bar_chart_data_set_series (chart, times);
      candour_bar_chart_data_set_series_colours (chart, times_colours);
      candour_bar_chart_data_set_unit (chart, CANDOUR_CHART_UNIT_PERCENT_TENTHS);
      columns = times_columns;
      n_series = G_N_ELEMENTS (times_columns);
      charted = rows_to_chart (rows, 2);
      break;
    }

  for (guint i = 0; i < charted->len; i++)
    {
      g_autoptr(CandourReportRow) row = g_list_model_get_item (rows, g_array_index (charted, RankedRow, i).row);
      g_autofree char *label = NULL;
      gint64 values[4];

      for (guint s = 0; s < n_series; s++)
        values[s] = candour_report_row_is_null (row, columns[s])
          ? CANDOUR_BAR_CHART_NO_VALUE : candour_report_row_get_value (row, columns[s]);

      if (kind == CANDOUR_REPORT_KIND_SHARES)
        {
          const char *lead_ref = candour_report_row_get_text (row, 1);
          const char *lead = lead_names != NULL ? g_hash_table_lookup (lead_names, lead_ref) : NULL;

          /* Translators: a bar's label in the Contract Shares chart: "CON-01 · Kindred Pathways" */
          label = g_strdup_printf (_("%s · %s"), candour_report_row_get_text (row, 0),
                                   lead != NULL && lead[0] != '\0' ? lead : lead_ref);
        }
      else
        label = g_strdup (candour_report_row_get_text (row, 1));
      candour_bar_chart_data_add_category (chart, label, values);
    }

  *caption = NULL;
  if (n > charted->len)
    {
      rest = candour_count_format (n - charted->len);
      /* Translators: under a report's chart; %u is 12, %s the rest: "1,204" */
      if (kind == CANDOUR_REPORT_KIND_SCORECARD)
        *caption = g_strdup_printf (_("The %u lead providers that promised their partners the most; "
                                      "%s more are in the table below."), charted->len, rest);
      else if (kind == CANDOUR_REPORT_KIND_SHARES)
        *caption = g_strdup_printf (_("The %u contracts of the highest value; %s more are in the "
                                      "table below."), charted->len, rest);
      else
        *caption = g_strdup_printf (_("The %u payers that made the most payments; %s more are in "
                                      "the table below."), charted->len, rest);
    }
  return chart;
}

/* The PDF */

char *
candour_report_made_on_line (void)
{
  g_autofree char *today = candour_date_today ();
  g_autofree char *today_text = candour_date_format_display (today);

  return g_strdup_printf (_("Made on %s."), today_text);
}

char *
candour_report_judged_line (const CandourReconcileOptions *options)
{
  g_autofree char *today = candour_date_today ();
  g_autofree char *as_of_text = NULL;
  g_autofree char *today_text = candour_date_format_display (today);

  g_return_val_if_fail (options != NULL, NULL);

  as_of_text = candour_date_format_display (options->as_of != NULL ? options->as_of : today);
  /* Translators: "Judged as of 30/06/2025, allowing 90 days for a subcontract and 10% for late payment. Made on 22/11/2026." */
  return g_strdup_printf (_("Judged as of %s, allowing %d days for a subcontract and %g%% for late payment. "
                            "Made on %s."),
                          as_of_text, (int)options->grace_days, options->tolerance / 100.0, today_text);
}

char *
candour_reporting_period_words (const CandourReportingPeriod *period)
{
  /* Translators: "the first quarter of 2025–26" */
  static const char * const quarters[] = {
    N_("the first quarter of %s"), N_("the second quarter of %s"),
    N_("the third quarter of %s"), N_("the fourth quarter of %s"),
  };
  g_autofree char *year = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  if (period->shape != CANDOUR_REPORTING_SHAPE_YEAR && period->shape != CANDOUR_REPORTING_SHAPE_QUARTER)
    return NULL;
  year = candour_financial_year_name (period->year, period->start_month);
  if (period->shape == CANDOUR_REPORTING_SHAPE_YEAR)
    /* Translators: "the financial year 2025–26" */
    return g_strdup_printf (_("the financial year %s"), year);
  g_return_val_if_fail (period->quarter >= 1 && period->quarter <= 4, NULL);
  return g_strdup_printf (_(quarters[period->quarter - 1]), year);
}

char *
candour_report_payment_period_line (const CandourReportingPeriod *period)
{
  const char *first_iso;
  const char *last_iso;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *words = NULL;

  if (period == NULL)
    return NULL;
  first_iso = candour_reporting_period_get_first (period);
  last_iso = candour_reporting_period_get_last (period);
  first = first_iso != NULL ? candour_date_format_display (first_iso) : NULL;
  last = last_iso != NULL ? candour_date_format_display (last_iso) : NULL;
  words = candour_reporting_period_words (period);

  if (first != NULL && last != NULL && words != NULL)
    /* Translators: "Payments made 01/04/2025 to 31/03/2026, the financial year 2025–26." */
    return g_strdup_printf (_("Payments made %s to %s, %s."), first, last, words);
  if (first != NULL && last != NULL)
    return g_strdup_printf (_("Payments made %s to %s."), first, last);
  if (first != NULL)
    return g_strdup_printf (_("Payments made from %s on."), first);
  if (last != NULL)
    return g_strdup_printf (_("Payments made up to %s."), last);
  return NULL;
}

char *
candour_report_kind_dateline (CandourReportKind              kind,
                              const CandourReconcileOptions *options,
                              const CandourReportingPeriod  *period)
{
  g_autofree char *payments = NULL;
  g_autofree char *made_on = NULL;

  g_return_val_if_fail (kind < CANDOUR_N_REPORT_KINDS, NULL);
  g_return_val_if_fail (kind != CANDOUR_REPORT_KIND_SCORECARD || options != NULL, NULL);

  if (kind == CANDOUR_REPORT_KIND_SCORECARD)
    return candour_report_judged_line (options);
  made_on = candour_report_made_on_line ();
  if (kind == CANDOUR_REPORT_KIND_PAYMENT_TIMES)
    payments = candour_report_payment_period_line (period);
  return payments != NULL ? g_strdup_printf ("%s %s", payments, made_on) : g_steal_pointer (&made_on);
}

static gint64
column_sum (GListModel *rows,
            guint       column)
{
  gint64 sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CandourReportRow) row = g_list_model_get_item (rows, i);
      sum += candour_report_row_get_value (row, column);
    }
  return sum;
}

/* Headline figures: counts and totals of the table. */
static void
add_figures (CandourReportKind  kind,
             GListModel        *rows,
             GPtrArray         *labels,
             GPtrArray         *values)
{
  guint n = g_list_model_get_n_items (rows);

#define FIGURE(label, value) G_STMT_START { \
    g_ptr_array_add (labels, g_strdup (label)); \
    g_ptr_array_add (values, value); \
  } G_STMT_END

  switch (kind)
    {
    case CANDOUR_REPORT_KIND_SCORECARD:
      FIGURE (_("Lead providers"), g_strdup_printf ("%u", n));
      FIGURE (_("Partners named"), g_strdup_printf ("%" G_GINT64_FORMAT, column_sum (rows, 3)));
      FIGURE (_("Promised to partners"), candour_money_format_display (column_sum (rows, 10)));
      FIGURE (_("Subcontracted to them"), candour_money_format_display (column_sum (rows, 11)));
      FIGURE (_("Paid to them"), candour_money_format_display (column_sum (rows, 12)));
      break;

    case CANDOUR_REPORT_KIND_SHARES:
      FIGURE (_("Contracts"), g_strdup_printf ("%u", n));
      FIGURE (_("Value of the contracts"), candour_money_format_display (column_sum (rows, 2)));
      FIGURE (_("Subcontracted"), candour_money_format_display (column_sum (rows, 3)));
      FIGURE (_("Kept by the leads"), candour_money_format_display (column_sum (rows, 4)));
      break;

    case CANDOUR_REPORT_KIND_PAYMENT_TIMES:
    case CANDOUR_N_REPORT_KINDS:
    default:
      FIGURE (_("Payers"), g_strdup_printf ("%u", n));
      FIGURE (_("Payments timed"), g_strdup_printf ("%" G_GINT64_FORMAT, column_sum (rows, 2)));
      break;
    }

#undef FIGURE
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (values, NULL);
}

CandourPdfReport *
candour_report_kind_pdf (CandourReportKind          kind,
                         const CandourReportColumn *columns,
                         guint                      n_columns,
                         GListModel                *rows,
                         GHashTable                *lead_names,
                         CandourBarChartData       *chart,
                         const char                *caption,
                         const char                *subtitle,
                         const char                *dateline)
{
  CandourPdfReport *report;
  GPtrArray *labels;
  GPtrArray *values;
  g_autoptr(GArray) shown = NULL;
  guint n;

  g_return_val_if_fail (kind < CANDOUR_N_REPORT_KINDS, NULL);
  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (rows), NULL);

  report = candour_pdf_report_new ();
  report->title = g_strdup (candour_report_kind_get_title (kind));
  report->subtitle = g_strdup (subtitle);
  report->dateline = g_strdup (dateline);
  report->description = g_strdup (candour_report_kind_get_description (kind));
  if (kind == CANDOUR_REPORT_KIND_SCORECARD)
    candour_status_glossary (NULL, &report->glossary_terms, &report->glossary_meanings);

  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  add_figures (kind, rows, labels, values);
  report->figure_labels = (GStrv)g_ptr_array_free (labels, FALSE);
  report->figure_values = (GStrv)g_ptr_array_free (values, FALSE);

  report->chart = chart;
  report->chart_caption = g_strdup (caption);

  shown = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint c = 0; c < n_columns; c++)
    if (candour_report_kind_shows_column (kind, columns[c].name))
      g_array_append_val (shown, c);

  report->n_columns = shown->len;
  report->headings = g_new0 (char *, shown->len + 1);
  report->numeric = g_new0 (gboolean, MAX (1, shown->len));
  for (guint c = 0; c < shown->len; c++)
    {
      const CandourReportColumn *column = &columns[g_array_index (shown, guint, c)];

      report->headings[c] = g_strdup (candour_report_column_get_title (column->name));
      report->numeric[c] = candour_report_column_is_numeric (column);
    }

  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourReportRow) row = g_list_model_get_item (rows, i);
      GStrv line = g_new0 (char *, shown->len + 1);

      for (guint c = 0; c < shown->len; c++)
        line[c] = g_strdup (candour_report_cell_text (columns, row, g_array_index (shown, guint, c), lead_names));
      g_ptr_array_add (report->rows, line);
    }
  return report;
}
