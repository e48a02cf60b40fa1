/* candour-detail-window.h: one organisation, bid, contract or consortium in full
 *
 * Its details, what hangs off it (a bid's named partners; a contract's subcontracts,
 * payments, money flow and share for smaller organisations; an organisation's every
 * bid that named it, with what was promised and what came; a consortium's members),
 * and its history from the audit trail. Edit… opens its form; the records that hang
 * off it are added, changed and removed here. It reads everything again whenever the
 * database changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "candour-flow-chart.h"
#include "candour-history-group.h"
#include "candour-import.h"
#include "candour-findings-export.h"
#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_DETAIL_WINDOW (candour_detail_window_get_type ())

G_DECLARE_FINAL_TYPE (CandourDetailWindow, candour_detail_window, CANDOUR, DETAIL_WINDOW, AdwWindow)

/* table is organisations, bids, contracts or consortia. */
GtkWindow           *candour_detail_window_new         (CandourSession      *session,
                                                        CandourTable         table,
                                                        gint64               id);
CandourTable         candour_detail_window_get_table   (CandourDetailWindow *self);
gint64               candour_detail_window_get_id      (CandourDetailWindow *self);
/* The sentence at the top, or "" when there is none. */
const char          *candour_detail_window_get_summary (CandourDetailWindow *self);

/* The rows of a list in the window ("partners", "subcontracts", "payments", "members",
 * "named-in", "facts"), as "title — subtitle" strings, in the order shown. */
GStrv                candour_detail_window_dup_rows    (CandourDetailWindow *self,
                                                        const char          *list);
/* The ids of the records a list shows, in the same order. */
GArray              *candour_detail_window_get_ids     (CandourDetailWindow *self,
                                                        const char          *list);
CandourFlowChart    *candour_detail_window_get_flow_chart (CandourDetailWindow *self);
CandourHistoryGroup *candour_detail_window_get_history (CandourDetailWindow *self);
AdwToastOverlay     *candour_detail_window_get_toast_overlay (CandourDetailWindow *self);

/* Opens the form for a new record of table that hangs off this one: a named partner
 * of the bid, a subcontract or payment of the contract, a member of the consortium.
 * The field that points here is filled in and locked. */
GtkWindow           *candour_detail_window_add_child   (CandourDetailWindow *self,
                                                        CandourTable         table);

/* The findings the window lists (an organisation's answer to "what were we promised,
 * and what have we had?", a contract's promises to partners) as a file (Export ▾ does
 * this once a file is chosen; a toast says when it is saved) or printed (with
 * export_path, into a PDF there, no dialog). */
void                 candour_detail_window_export_findings (CandourDetailWindow         *self,
                                                            CandourFindingsExportFormat  format,
                                                            const char                  *path);
void                 candour_detail_window_print_findings  (CandourDetailWindow         *self,
                                                            const char                  *export_path);

G_END_DECLS
