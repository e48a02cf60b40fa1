/* candour-reports.h: the promise-keeping engine and the reports built on it
 *
 * The rules are written out in docs/reconciliation.md; the SQL in candour-reports.c
 * follows that text line by line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-report.h"

G_BEGIN_DECLS

#define CANDOUR_DEFAULT_GRACE_DAYS 90
#define CANDOUR_DEFAULT_TOLERANCE  1000   /* basis points: 10 % */

typedef struct
{
  char *as_of;                  /* ISO date D; NULL means today */
  gint64 grace_days;            /* G */
  gint64 tolerance;             /* T, basis points */
  gboolean include_not_awarded; /* also rows for lost, withdrawn and pending bids */
} CandourReconcileOptions;

typedef struct
{
  char *from;                   /* ISO date, inclusive; NULL for no bound */
  char *to;                     /* ISO date, inclusive; NULL for no bound */
} CandourPaymentTimesOptions;

/* Defaults: as of today, grace 90 days, tolerance 10 %, won bids only. */
void           candour_reconcile_options_init (CandourReconcileOptions *options);
void           candour_reconcile_options_clear (CandourReconcileOptions *options);

/* One row per partner named in a won bid (or every bid, with include_not_awarded):
 * bid_ref, contract_ref, lead_ref, lead_name, partner_ref, partner_name, partner_size,
 * consent, promised, subcontracted, due, paid, status. */
CandourReport *candour_report_findings       (CandourDatabase                   *db,
                                              const CandourReconcileOptions     *options,
                                              GError                           **error);
/* The findings report's columns, for a report of findings already read. */
const CandourReportColumn *
               candour_report_findings_columns (guint *n_columns);
/* Which findings a question is about; 0 means any. Set bid, partner, both, or lead:
 * the partners a bid named, a partner's findings, one named partner of one bid, or every
 * finding of a lead provider. All zero is every finding. */
typedef struct
{
  gint64 bid_id;
  gint64 partner_id;
  gint64 lead_id;
} CandourFindingScope;

/* The findings report's columns, then the ids of what each row is about: bid_partner_id
 * (the named partner, a finding's key), bid_id, partner_id, lead_id and contract_id
 * (NULL before a contract). The same rules as candour_report_findings(), read for the
 * scope only (NULL for every finding): what an edit touched costs what it touched. */
CandourReport *candour_report_finding_rows   (CandourDatabase                   *db,
                                              const CandourReconcileOptions     *options,
                                              const CandourFindingScope         *scope,
                                              GError                           **error);
/* One row per lead provider of a won bid. include_not_awarded is ignored. */
CandourReport *candour_report_scorecard      (CandourDatabase                   *db,
                                              const CandourReconcileOptions     *options,
                                              GError                           **error);
/* One row per contract: what the lead kept and what went to smaller organisations. */
CandourReport *candour_report_shares         (CandourDatabase                   *db,
                                              GError                           **error);
/* The same row for one contract. */
CandourReport *candour_report_contract_shares (CandourDatabase                  *db,
                                              gint64                             contract_id,
                                              GError                           **error);
/* One row per payer: how quickly invoices were paid. */
CandourReport *candour_report_payment_times  (CandourDatabase                   *db,
                                              const CandourPaymentTimesOptions  *options,
                                              GError                           **error);

/* Column indexes of the findings report, for code that reads its cells. */
typedef enum
{
  CANDOUR_FINDING_BID_REF,
  CANDOUR_FINDING_CONTRACT_REF,
  CANDOUR_FINDING_LEAD_REF,
  CANDOUR_FINDING_LEAD_NAME,
  CANDOUR_FINDING_PARTNER_REF,
  CANDOUR_FINDING_PARTNER_NAME,
  CANDOUR_FINDING_PARTNER_SIZE,
  CANDOUR_FINDING_CONSENT,
  CANDOUR_FINDING_PROMISED,
  CANDOUR_FINDING_SUBCONTRACTED,
  CANDOUR_FINDING_DUE,
  CANDOUR_FINDING_PAID,
  CANDOUR_FINDING_STATUS,
  /* candour_report_finding_rows() only */
  CANDOUR_FINDING_BID_PARTNER_ID,
  CANDOUR_FINDING_BID_ID,
  CANDOUR_FINDING_PARTNER_ID,
  CANDOUR_FINDING_LEAD_ID,
  CANDOUR_FINDING_CONTRACT_ID,
} CandourFindingColumn;

G_END_DECLS
