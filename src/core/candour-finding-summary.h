/* candour-finding-summary.h: what the Overview says about a list of findings
 *
 * How many won bids there are, what each lead provider's named partners were promised,
 * given and paid (the scorecard's sums, added up from findings already judged rather
 * than asked of the database again), and the most serious findings. One pass over the
 * list: at national scale, 120,000 findings, each pass is felt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-finding.h"

G_BEGIN_DECLS

typedef struct
{
  char *ref;
  char *name;
  gint64 promised;
  gint64 subcontracted;
  gint64 paid;
} CandourLeadSums;

typedef struct
{
  guint won_bids;               /* bids won that name a partner */
  GArray *leads;                /* CandourLeadSums of lead providers of won bids, by ref */
  GPtrArray *serious;           /* CandourFinding: the most serious, most serious first */
  guint n_serious;              /* bid candy, short-changed or underpaid, in all */
} CandourFindingSummary;

/* Sums up findings (a list of CandourFinding), keeping the max_serious most serious. */
CandourFindingSummary *candour_finding_summary_new   (GListModel                  *findings,
                                                      guint                        max_serious);
void                   candour_finding_summary_free  (CandourFindingSummary       *summary);

/* The order the Overview lists what needs attention in: bid candy, then short-changed,
 * then underpaid (the rank), and within each the largest promise first. */
int                    candour_finding_compare_seriousness (CandourFinding *a,
                                                            CandourFinding *b);
/* Most promised first, the ref breaking ties: the order the chart picks leads in. */
int                    candour_lead_sums_compare_promised   (const CandourLeadSums *a,
                                                             const CandourLeadSums *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourFindingSummary, candour_finding_summary_free)

G_END_DECLS
