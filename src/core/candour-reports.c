/* candour-reports.c: the engine's rules as set-based SQL
 *
 * Each report is one query, so the figures come from the same place for the CLI, the
 * CSV and PDF exports and the GUI. docs/reconciliation.md is the readable version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-reports.h"
#include "candour-date.h"
#include "candour-rules.h"

/* Per subcontract: its dates (the contract's when its own are not given), what is due
 * by D (candour_due, the rule in candour-rules.h) and what was paid by D. Then per
 * partner and contract, the sums; then one row per partner named in a bid.
 *
 * Parameters: :as_of (ISO date D), :grace (days G), :tolerance (basis points T),
 * :all (1 to include bids that were not won).
 *
 * The rules are written once; a scope narrows the subcontracts and the named partners
 * read to one bid, one partner or one lead provider's, so that an edit costs what it
 * touched: SUB_SCOPE filters subcontract s of contract c, NAMED_SCOPE bid_partner bp of
 * bid b. Each scope has an index to start from. */
#define FINDINGS_CTES(SUB_SCOPE, NAMED_SCOPE) \
  "params AS (SELECT candour_days (:as_of) AS d),\n" \
  "sub_due AS (\n" \
  "  SELECT s.contract_id, s.partner_id, s.value,\n" \
  "         candour_due (s.value, candour_days (coalesce (s.start_on, c.start_on)),\n" \
  "                      candour_days (coalesce (s.end_on, c.end_on)), s.payment_terms_days, params.d) AS due,\n" \
  "         (SELECT coalesce (candour_total (p.amount), 0) FROM payment p\n" \
  "          WHERE p.subcontract_id = s.id AND p.paid_on <= :as_of) AS paid\n" \
  "  FROM subcontract s JOIN contract c ON c.id = s.contract_id, params\n" \
  "  WHERE TRUE " SUB_SCOPE "),\n" \
  "per_partner AS (\n" \
  "  SELECT contract_id, partner_id, candour_total (value) AS subcontracted, candour_total (due) AS due,\n" \
  "         candour_total (paid) AS paid\n" \
  "  FROM sub_due GROUP BY contract_id, partner_id),\n" \
  "named AS (\n" \
  "  SELECT bp.id AS bp_id, b.id AS bid_id, b.ref AS bid_ref, b.outcome, b.lead_id, bp.partner_id, bp.consent,\n" \
  "         c.id AS contract_id, c.ref AS contract_ref,\n" \
  "         params.d - candour_days (c.start_on) AS days_since_start,\n" \
  "         CASE WHEN bp.promised_value IS NOT NULL THEN bp.promised_value\n" \
  "              WHEN bp.promised_share IS NOT NULL\n" \
  "              THEN candour_round_mul_div (coalesce (c.value, b.value), bp.promised_share, 10000)\n" \
  "         END AS promised,\n" \
  "         coalesce (pp.subcontracted, 0) AS subcontracted,\n" \
  "         coalesce (pp.due, 0) AS due,\n" \
  "         coalesce (pp.paid, 0) AS paid\n" \
  "  FROM bid_partner bp\n" \
  "  JOIN bid b ON b.id = bp.bid_id\n" \
  "  LEFT JOIN contract c ON c.bid_id = b.id\n" \
  "  LEFT JOIN per_partner pp ON pp.contract_id = c.id AND pp.partner_id = bp.partner_id\n" \
  "  CROSS JOIN params\n" \
  "  WHERE (b.outcome = 'won' OR :all = 1) " NAMED_SCOPE "),\n" \
  "findings AS (\n" \
  "  SELECT n.*,\n" \
  "         CASE WHEN n.outcome <> 'won' THEN 'not_awarded'\n" \
  "              WHEN n.contract_id IS NULL OR n.days_since_start < 0 THEN 'pending'\n" \
  "              WHEN n.subcontracted = 0 AND n.days_since_start <= :grace THEN 'awaiting_subcontract'\n" \
  "              WHEN n.subcontracted = 0 THEN 'bid_candy'\n" \
  "              WHEN n.promised IS NOT NULL AND n.subcontracted < n.promised THEN 'short_changed'\n" \
  "              WHEN candour_products_less (n.paid, 10000, n.due, 10000 - :tolerance) THEN 'underpaid'\n" \
  "              ELSE 'honoured' END AS status\n" \
  "  FROM named n)\n"

#define FINDINGS_SELECT \
  "SELECT f.bid_ref, f.contract_ref, lead.ref, lead.name, partner.ref, partner.name,\n" \
  "       candour_size_band (partner.annual_income), f.consent,\n" \
  "       f.promised, f.subcontracted, f.due, f.paid, f.status"

#define FINDINGS_FROM \
  "FROM findings f\n" \
  "JOIN organisation lead ON lead.id = f.lead_id\n" \
  "JOIN organisation partner ON partner.id = f.partner_id\n" \
  /* In byte order on every backend. Sorted at the end: walking the bids in reference \
   * order instead would read them all for a question about one partner or one lead \
   * provider (SQLite has no index in "C", so it never tries). */ \
  "ORDER BY f.bid_ref COLLATE \"C\", partner.ref COLLATE \"C\""

static const char findings_sql[] =
  "WITH " FINDINGS_CTES ("", "") FINDINGS_SELECT "\n" FINDINGS_FROM;

/* The same rows with the records they are about, for the window, which patches its list
 * after an edit: one statement per scope, the rules the same in each. */
#define FINDING_ROWS_SQL(SUB_SCOPE, NAMED_SCOPE) \
  "WITH " FINDINGS_CTES (SUB_SCOPE, NAMED_SCOPE) FINDINGS_SELECT ",\n" \
  "       f.bp_id, f.bid_id, f.partner_id, f.lead_id, f.contract_id\n" FINDINGS_FROM

#define BID_SCOPE "AND c.bid_id = :bid", "AND b.id = :bid"
#define PARTNER_SCOPE "AND s.partner_id = :partner", "AND bp.partner_id = :partner"
#define BID_PARTNER_SCOPE "AND c.bid_id = :bid AND s.partner_id = :partner", \
                          "AND b.id = :bid AND bp.partner_id = :partner"
#define LEAD_SCOPE "AND c.lead_id = :lead", "AND b.lead_id = :lead"

/* A scope above is two arguments: expanded here, before FINDING_ROWS_SQL counts them. */
#define SCOPED_ROWS_SQL(...) FINDING_ROWS_SQL (__VA_ARGS__)

typedef enum
{
  SCOPE_ALL,
  SCOPE_BID,
  SCOPE_PARTNER,
  SCOPE_BID_PARTNER,
  SCOPE_LEAD,
  N_SCOPES
} Scope;

static const char * const finding_rows_sql[N_SCOPES] = {
  [SCOPE_ALL] = FINDING_ROWS_SQL ("", ""),
  [SCOPE_BID] = SCOPED_ROWS_SQL (BID_SCOPE),
  [SCOPE_PARTNER] = SCOPED_ROWS_SQL (PARTNER_SCOPE),
  [SCOPE_BID_PARTNER] = SCOPED_ROWS_SQL (BID_PARTNER_SCOPE),
  [SCOPE_LEAD] = SCOPED_ROWS_SQL (LEAD_SCOPE),
};

/* The findings report's columns, up to status; the window's finding rows also keep the
 * ids after it. */
#define N_FINDINGS_COLUMNS 13
static const CandourReportColumn finding_rows_columns[] = {
  { "bid_ref", CANDOUR_CELL_TEXT },
  { "contract_ref", CANDOUR_CELL_TEXT },
  { "lead_ref", CANDOUR_CELL_TEXT },
  { "lead_name", CANDOUR_CELL_TEXT },
  { "partner_ref", CANDOUR_CELL_TEXT },
  { "partner_name", CANDOUR_CELL_TEXT },
  { "partner_size", CANDOUR_CELL_KEYWORD },
  { "consent", CANDOUR_CELL_KEYWORD },
  { "promised", CANDOUR_CELL_MONEY },
  { "subcontracted", CANDOUR_CELL_MONEY },
  { "due", CANDOUR_CELL_MONEY },
  { "paid", CANDOUR_CELL_MONEY },
  { "status", CANDOUR_CELL_KEYWORD },
  { "bid_partner_id", CANDOUR_CELL_COUNT },
  { "bid_id", CANDOUR_CELL_COUNT },
  { "partner_id", CANDOUR_CELL_COUNT },
  { "lead_id", CANDOUR_CELL_COUNT },
  { "contract_id", CANDOUR_CELL_COUNT },
};

/* promise_kept_percent = Σ min(subcontracted, promised) / Σ promised over the findings
 * that have a promise; empty when none has (the division returns NULL for 0). */
static const char scorecard_sql[] =
  "WITH " FINDINGS_CTES ("", "")
  "SELECT lead.ref, lead.name,\n"
  "       (SELECT count (*) FROM bid w WHERE w.lead_id = lead.id AND w.outcome = 'won'),\n"
  "       count (f.partner_id),\n"
  "       count (CASE WHEN f.status = 'honoured' THEN 1 END),\n"
  "       count (CASE WHEN f.status = 'bid_candy' THEN 1 END),\n"
  "       count (CASE WHEN f.status = 'short_changed' THEN 1 END),\n"
  "       count (CASE WHEN f.status = 'underpaid' THEN 1 END),\n"
  "       count (CASE WHEN f.status = 'awaiting_subcontract' THEN 1 END),\n"
  "       count (CASE WHEN f.status = 'pending' THEN 1 END),\n"
  "       coalesce (candour_total (f.promised), 0),\n"
  "       coalesce (candour_total (f.subcontracted), 0),\n"
  "       coalesce (candour_total (f.paid), 0),\n"
  "       candour_round_mul_div (candour_total (CASE WHEN f.promised IS NOT NULL\n"
  "                                                  THEN CASE WHEN f.subcontracted < f.promised\n"
  "                                                            THEN f.subcontracted ELSE f.promised END\n"
  "                                                  END),\n"
  "                              1000, candour_total (f.promised))\n"
  "FROM organisation lead\n"
  "LEFT JOIN findings f ON f.lead_id = lead.id\n"
  "WHERE lead.id IN (SELECT lead_id FROM bid WHERE outcome = 'won')\n"
  "GROUP BY lead.id\n"
  "ORDER BY lead.ref COLLATE \"C\"";

static const CandourReportColumn scorecard_columns[] = {
  { "lead_ref", CANDOUR_CELL_TEXT },
  { "lead_name", CANDOUR_CELL_TEXT },
  { "bids_won", CANDOUR_CELL_COUNT },
  { "partners_named", CANDOUR_CELL_COUNT },
  { "honoured", CANDOUR_CELL_COUNT },
  { "bid_candy", CANDOUR_CELL_COUNT },
  { "short_changed", CANDOUR_CELL_COUNT },
  { "underpaid", CANDOUR_CELL_COUNT },
  { "awaiting_subcontract", CANDOUR_CELL_COUNT },
  { "pending", CANDOUR_CELL_COUNT },
  { "promised", CANDOUR_CELL_MONEY },
  { "subcontracted", CANDOUR_CELL_MONEY },
  { "paid", CANDOUR_CELL_MONEY },
  { "promise_kept_percent", CANDOUR_CELL_PERCENT_TENTHS },
};

#define SHARES_SQL(SCOPE) \
  "WITH per_contract AS (\n" \
  "  SELECT s.contract_id, candour_total (s.value) AS subcontracted,\n" \
  "         candour_total (CASE WHEN " CANDOUR_RULES_IS_SMALLER ("partner") " THEN s.value ELSE 0 END) AS to_smaller\n" \
  "  FROM subcontract s\n" \
  "  JOIN contract c ON c.id = s.contract_id\n" \
  "  JOIN organisation partner ON partner.id = s.partner_id\n" \
  "  WHERE TRUE " SCOPE "\n" \
  "  GROUP BY s.contract_id)\n" \
  "SELECT c.ref, lead.ref, c.value,\n" \
  "       coalesce (pc.subcontracted, 0),\n" \
  "       c.value - coalesce (pc.subcontracted, 0),\n" \
  "       candour_round_mul_div (c.value - coalesce (pc.subcontracted, 0), 1000, c.value),\n" \
  "       candour_round_mul_div (coalesce (pc.to_smaller, 0), 1000, c.value),\n" \
  "       candour_round_mul_div (c.required_small_share, 1, 10),\n" \
  "       CASE WHEN c.required_small_share IS NULL THEN 'n/a'\n" \
  "            WHEN NOT candour_products_less (coalesce (pc.to_smaller, 0), 10000, c.required_small_share, c.value) THEN 'yes'\n" \
  "            ELSE 'no' END\n" \
  "FROM contract c\n" \
  "JOIN organisation lead ON lead.id = c.lead_id\n" \
  "LEFT JOIN per_contract pc ON pc.contract_id = c.id\n" \
  "WHERE TRUE " SCOPE "\n" \
  "ORDER BY c.ref COLLATE \"C\""

/* Smaller organisations as candour-rules.h has them. The requirement is met when the
 * exact share is at least the required one. */
static const char shares_sql[] = SHARES_SQL ("");
/* The same rules for one contract, for its detail window. */
static const char contract_shares_sql[] = SHARES_SQL ("AND c.id = :contract");

static const CandourReportColumn shares_columns[] = {
  { "contract_ref", CANDOUR_CELL_TEXT },
  { "lead_ref", CANDOUR_CELL_TEXT },
  { "value", CANDOUR_CELL_MONEY },
  { "subcontracted", CANDOUR_CELL_MONEY },
  { "retained", CANDOUR_CELL_MONEY },
  { "retained_percent", CANDOUR_CELL_PERCENT_TENTHS },
  { "small_share_percent", CANDOUR_CELL_PERCENT_TENTHS },
  { "required_small_share", CANDOUR_CELL_PERCENT_TENTHS },
  { "meets_requirement", CANDOUR_CELL_KEYWORD },
};

/* Payments with an invoice date, refunds (negative amounts) left out. The lead pays
 * subcontracts on the subcontract's terms; the commissioner pays contracts on 30 days.
 * Days before the invoice (an advance) count as paid within 30 days.
 *
 * The counts are sums over rows d of n payments that took days days each, summed per
 * subcontract, then per contract, then per payer. On a server each payment's days are
 * worked out once, in a GROUP BY of the payments by their days: its SQL candour_days
 * costs 0.66 µs a call, and counted straight from the payments the days were worked out
 * five times a payment (12 s at scale 1, now 2.8 s). A file's candour_days is C, cheaper
 * than that GROUP BY's sort: there d is the payments themselves, n = 1, read along the
 * covering index subcontract by subcontract (1.2 s at scale 1, the grouped form 1.5 s).
 * "+p.amount": without the plus, SQLite reads the refunds test along the amount's index
 * (sql/0006, for the Payments page's search), which holds nearly every payment, and
 * looks each one up from there: 6.1 s at scale 1 instead of 1.5 s. */
#define PAYMENT_TIME_COUNTS(terms) \
  "sum (d.n) AS n, sum (d.days * d.n) AS total_days,\n" \
  "sum (CASE WHEN d.days <= 30 THEN d.n ELSE 0 END) AS within_30,\n" \
  "sum (CASE WHEN d.days BETWEEN 31 AND 60 THEN d.n ELSE 0 END) AS within_60,\n" \
  "sum (CASE WHEN d.days > 60 THEN d.n ELSE 0 END) AS over_60,\n" \
  "sum (CASE WHEN d.days > " terms " THEN d.n ELSE 0 END) AS late\n"

/* The payments under one subcontract_id or contract_id: n, then how they are grouped. */
#define PAYMENTS_BY_DAYS(column, n, grouping) \
  "  (SELECT p." column ", candour_days (p.paid_on) - candour_days (p.invoiced_on) AS days, " n " AS n\n" \
  "   FROM payment p\n" \
  "   WHERE p." column " IS NOT NULL AND p.invoiced_on IS NOT NULL AND +p.amount >= 0\n" \
  "     AND (p.paid_on >= :from OR :from IS NULL) AND (p.paid_on <= :to OR :to IS NULL)\n" \
  "   " grouping ") d\n"

#define PAYMENT_TIMES_SQL(n, subcontract_grouping, contract_grouping) \
  "WITH counted AS (\n" \
  /* One payer per subcontract: max () only says so, as PostgreSQL asks. */ \
  "  SELECT max (" CANDOUR_RULES_SUBCONTRACT_PAYER ") AS payer_id, " \
  PAYMENT_TIME_COUNTS ("s.payment_terms_days") \
  "  FROM subcontract s\n" \
  "  JOIN contract c ON c.id = s.contract_id\n" \
  "  JOIN " PAYMENTS_BY_DAYS ("subcontract_id", n, subcontract_grouping) "  ON d.subcontract_id = s.id\n" \
  "  GROUP BY s.id\n" \
  "  UNION ALL\n" \
  "  SELECT " CANDOUR_RULES_CONTRACT_PAYER ", " PAYMENT_TIME_COUNTS ("30") \
  "  FROM contract c\n" \
  "  JOIN " PAYMENTS_BY_DAYS ("contract_id", n, contract_grouping) "  ON d.contract_id = c.id\n" \
  "  GROUP BY c.id)\n" \
  "SELECT payer.ref, payer.name, sum (n),\n" \
  "       candour_round_mul_div (sum (total_days), 10, sum (n)),\n" \
  "       candour_round_mul_div (sum (within_30), 1000, sum (n)),\n" \
  "       candour_round_mul_div (sum (within_60), 1000, sum (n)),\n" \
  "       candour_round_mul_div (sum (over_60), 1000, sum (n)),\n" \
  "       candour_round_mul_div (sum (late), 1000, sum (n))\n" \
  "FROM counted\n" \
  "JOIN organisation payer ON payer.id = counted.payer_id\n" \
  "WHERE n > 0\n" \
  "GROUP BY payer.id\n" \
  "ORDER BY payer.ref COLLATE \"C\""

static const char payment_times_sql[] = PAYMENT_TIMES_SQL ("1", "", "");
static const char payment_times_grouped_sql[] =
  PAYMENT_TIMES_SQL ("count (*)", "GROUP BY p.subcontract_id, days", "GROUP BY p.contract_id, days");

static const CandourReportColumn payment_times_columns[] = {
  { "payer_ref", CANDOUR_CELL_TEXT },
  { "payer_name", CANDOUR_CELL_TEXT },
  { "payments", CANDOUR_CELL_COUNT },
  { "average_days", CANDOUR_CELL_TENTHS },
  { "within_30_percent", CANDOUR_CELL_PERCENT_TENTHS },
  { "days_31_to_60_percent", CANDOUR_CELL_PERCENT_TENTHS },
  { "over_60_percent", CANDOUR_CELL_PERCENT_TENTHS },
  { "late_against_terms_percent", CANDOUR_CELL_PERCENT_TENTHS },
};

void
candour_reconcile_options_init (CandourReconcileOptions *options)
{
  g_return_if_fail (options != NULL);

  options->as_of = NULL;
  options->grace_days = CANDOUR_DEFAULT_GRACE_DAYS;
  options->tolerance = CANDOUR_DEFAULT_TOLERANCE;
  options->include_not_awarded = FALSE;
}

void
candour_reconcile_options_clear (CandourReconcileOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->as_of, g_free);
}

static CandourReport *
engine_report (CandourDatabase                *db,
               const char                     *sql,
               const CandourReportColumn      *columns,
               guint                           n_columns,
               const CandourReconcileOptions  *options,
               gboolean                        include_not_awarded,
               GError                        **error)
{
  g_autofree char *today = NULL;
  CandourReport *report;
  CandourQuery *query;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  report = candour_report_new (db, sql, columns, n_columns, error);
  if (report == NULL)
    return NULL;

  if (options->as_of == NULL)
    today = candour_date_today ();

  query = candour_report_get_query (report);
  candour_query_bind_text (query, ":as_of", options->as_of != NULL ? options->as_of : today);
  candour_query_bind_int64 (query, ":grace", options->grace_days);
  candour_query_bind_int64 (query, ":tolerance", options->tolerance);
  candour_query_bind_int64 (query, ":all", include_not_awarded);
  return report;
}

const CandourReportColumn *
candour_report_findings_columns (guint *n_columns)
{
  *n_columns = N_FINDINGS_COLUMNS;
  return finding_rows_columns;
}

CandourReport *
candour_report_findings (CandourDatabase                *db,
                         const CandourReconcileOptions  *options,
                         GError                        **error)
{
  return engine_report (db, findings_sql, finding_rows_columns, N_FINDINGS_COLUMNS,
                        options, options->include_not_awarded, error);
}

CandourReport *
candour_report_finding_rows (CandourDatabase                *db,
                             const CandourReconcileOptions  *options,
                             const CandourFindingScope      *scope,
                             GError                        **error)
{
  static const CandourFindingScope everything = { 0 };
  CandourReport *report;
  CandourQuery *query;
  Scope which;

  if (scope == NULL)
    scope = &everything;

  if (scope->lead_id != 0)
    {
      g_return_val_if_fail (scope->bid_id == 0 && scope->partner_id == 0, NULL);
      which = SCOPE_LEAD;
    }
  else if (scope->bid_id != 0)
    which = scope->partner_id != 0 ? SCOPE_BID_PARTNER : SCOPE_BID;
  else
    which = scope->partner_id != 0 ? SCOPE_PARTNER : SCOPE_ALL;

  report = engine_report (db, finding_rows_sql[which], finding_rows_columns,
                          G_N_ELEMENTS (finding_rows_columns), options, options->include_not_awarded, error);
  if (report == NULL)
    return NULL;

  query = candour_report_get_query (report);
  if (which == SCOPE_BID || which == SCOPE_BID_PARTNER)
    candour_query_bind_int64 (query, ":bid", scope->bid_id);
  if (which == SCOPE_PARTNER || which == SCOPE_BID_PARTNER)
    candour_query_bind_int64 (query, ":partner", scope->partner_id);
  if (which == SCOPE_LEAD)
    candour_query_bind_int64 (query, ":lead", scope->lead_id);
  return report;
}

CandourReport *
candour_report_scorecard (CandourDatabase                *db,
                          const CandourReconcileOptions  *options,
                          GError                        **error)
{
  return engine_report (db, scorecard_sql, scorecard_columns, G_N_ELEMENTS (scorecard_columns),
                        options, FALSE, error);
}

CandourReport *
candour_report_shares (CandourDatabase  *db,
                       GError          **error)
{
  return candour_report_new (db, shares_sql, shares_columns, G_N_ELEMENTS (shares_columns), error);
}

CandourReport *
candour_report_contract_shares (CandourDatabase  *db,
                                gint64            contract_id,
                                GError          **error)
{
  CandourReport *report = candour_report_new (db, contract_shares_sql, shares_columns,
                                              G_N_ELEMENTS (shares_columns), error);

  if (report != NULL)
    candour_query_bind_int64 (candour_report_get_query (report), ":contract", contract_id);
  return report;
}

CandourReport *
candour_report_payment_times (CandourDatabase                   *db,
                              const CandourPaymentTimesOptions  *options,
                              GError                           **error)
{
  CandourReport *report;
  CandourQuery *query;

  g_return_val_if_fail (options != NULL, NULL);

  report = candour_report_new (db,
                               candour_database_is_server (db) ? payment_times_grouped_sql : payment_times_sql,
                               payment_times_columns, G_N_ELEMENTS (payment_times_columns), error);
  if (report == NULL)
    return NULL;

  query = candour_report_get_query (report);
  candour_query_bind_text (query, ":from", options->from);
  candour_query_bind_text (query, ":to", options->to);
  return report;
}
