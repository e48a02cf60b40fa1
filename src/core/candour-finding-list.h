/* candour-finding-list.h: keeping a list of findings right after an edit
 *
 * Judging every named partner again after one payment is saved costs seconds at
 * national scale. An edit can only change the findings of the records it touched: the
 * partners of one bid, one partner's place in one bid, every finding of one partner or
 * one lead provider. These functions say which, read just those again with the
 * engine's own SQL (candour_report_finding_rows() with a scope), and patch the list and
 * its headline figures by the difference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-change-log.h"
#include "candour-finding.h"
#include "candour-import.h"

G_BEGIN_DECLS

/* Adds to scopes (a GArray of CandourFindingScope) the findings a change to the record
 * (table, id) can alter, as the record is now: call it before a change, for the record's
 * old place, and after, for its new one (a subcontract moved to another partner touches
 * both). A record that is not there adds nothing; nor do consortia, and payments from
 * a commissioner to a lead provider, which no finding reads. */
gboolean candour_finding_scopes_for_record (CandourDatabase                *db,
                                            CandourTable                    table,
                                            gint64                          id,
                                            GArray                         *scopes,
                                            GError                        **error);

/* The same for a change someone else made, read from the audit trail: where the record
 * is now, and where it was before (from the values the audit row kept of it). */
gboolean candour_finding_scopes_for_change (CandourDatabase                *db,
                                            const CandourChange            *change,
                                            GArray                         *scopes,
                                            GError                        **error);

/* Replaces the findings of findings (a GListStore of CandourFinding in the report's
 * order, bid then partner reference) that fall in any of scopes with those the engine
 * gives for them now, in their places, and moves totals (if not NULL) by the
 * difference. Changes only what changed: one removal and one insertion a finding. */
gboolean candour_finding_list_patch        (GListStore                     *findings,
                                            CandourDatabase                *db,
                                            const CandourReconcileOptions  *options,
                                            const GArray                   *scopes,
                                            CandourFindingTotals           *totals,
                                            GError                        **error);

G_END_DECLS
