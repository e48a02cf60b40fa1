/* candour-finding.h: one partner named in a bid, as the engine judged it
 *
 * A row of the findings report as an object with read-only properties, so lists,
 * sorters and filters in the GUI can bind to it without glue code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-reports.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_FINDING (candour_finding_get_type ())

G_DECLARE_FINAL_TYPE (CandourFinding, candour_finding, CANDOUR, FINDING, GObject)

/* Seriousness, most serious first: the order the Overview lists findings in. */
typedef enum
{
  CANDOUR_FINDING_RANK_BID_CANDY,
  CANDOUR_FINDING_RANK_SHORT_CHANGED,
  CANDOUR_FINDING_RANK_UNDERPAID,
  CANDOUR_FINDING_RANK_AWAITING_SUBCONTRACT,
  CANDOUR_FINDING_RANK_PENDING,
  CANDOUR_FINDING_RANK_HONOURED,
  CANDOUR_FINDING_RANK_NOT_AWARDED,
} CandourFindingRank;

/* The current row of a findings report (candour_report_findings()). */
CandourFinding *candour_finding_new_from_report   (CandourReport  *report);

const char     *candour_finding_get_bid_ref       (CandourFinding *self);
const char     *candour_finding_get_contract_ref  (CandourFinding *self);
const char     *candour_finding_get_lead_ref      (CandourFinding *self);
const char     *candour_finding_get_lead_name     (CandourFinding *self);
const char     *candour_finding_get_partner_ref   (CandourFinding *self);
const char     *candour_finding_get_partner_name  (CandourFinding *self);
const char     *candour_finding_get_partner_size  (CandourFinding *self);
const char     *candour_finding_get_consent       (CandourFinding *self);
const char     *candour_finding_get_status        (CandourFinding *self);
CandourFindingRank
                candour_finding_get_rank          (CandourFinding *self);
gboolean        candour_finding_has_promise       (CandourFinding *self);
/* Pence; 0 when the bid recorded no promise (see has_promise). */
gint64          candour_finding_get_promised      (CandourFinding *self);
gint64          candour_finding_get_subcontracted (CandourFinding *self);
gint64          candour_finding_get_due           (CandourFinding *self);
gint64          candour_finding_get_paid          (CandourFinding *self);
/* Paid as tenths of a percent of due, halves away from zero; -1 when nothing is due. */
gint64          candour_finding_get_paid_of_due   (CandourFinding *self);

/* What the finding is about, when it was read with candour_report_finding_rows() (as
 * every list loaded here is); 0 otherwise. The bid_partner id is a finding's key. */
gint64          candour_finding_get_bid_partner_id (CandourFinding *self);
gint64          candour_finding_get_bid_id        (CandourFinding *self);
gint64          candour_finding_get_partner_id    (CandourFinding *self);
gint64          candour_finding_get_lead_id       (CandourFinding *self);
/* 0 before the bid has a contract. */
gint64          candour_finding_get_contract_id   (CandourFinding *self);
/* Whether the finding is among those scope names. */
gboolean        candour_finding_in_scope          (CandourFinding            *self,
                                                   const CandourFindingScope *scope);

/* The rank of a status keyword ("bid_candy"…); unknown words rank last. */
CandourFindingRank
                candour_finding_rank_for_status   (const char     *status);

/* Every row of the findings report as CandourFinding items, in the report's order. */
GListModel     *candour_finding_list_load         (CandourDatabase                *db,
                                                   const CandourReconcileOptions  *options,
                                                   GError                        **error);
/* The findings in scope (NULL: all) as a GPtrArray of CandourFinding, in the report's
 * order; stops with G_IO_ERROR_CANCELLED when cancellable is (for a worker thread). */
GPtrArray      *candour_finding_array_load        (CandourDatabase                *db,
                                                   const CandourReconcileOptions  *options,
                                                   const CandourFindingScope      *scope,
                                                   GCancellable                   *cancellable,
                                                   GError                        **error);

/* Headline figures over a list of findings. Sums of money count rows of won bids only;
 * promised sums only the rows that have a promise. */
typedef struct
{
  guint named;                  /* partners named in won bids */
  guint honoured;
  guint bid_candy;
  guint short_changed;
  guint underpaid;
  guint awaiting_subcontract;
  guint pending;
  guint not_awarded;
  gint64 promised;
  gint64 subcontracted;
  gint64 due;
  gint64 paid;
} CandourFindingTotals;

void            candour_finding_totals_compute    (GListModel            *findings,
                                                   CandourFindingTotals  *totals);
/* Adds one finding's part to the totals (sign 1), or takes it away (sign -1): an edit
 * moves the headline figures by the difference, not by counting again. */
void            candour_finding_totals_add        (CandourFindingTotals  *totals,
                                                   CandourFinding        *finding,
                                                   int                    sign);

G_END_DECLS
