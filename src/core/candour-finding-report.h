/* candour-finding-report.h: the findings a list shows, as a findings report
 *
 * The Findings page exports what it shows (its filter, its order) through the same
 * writers as every other report, with the same columns as `candour-cli reconcile`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-finding.h"

G_BEGIN_DECLS

/* A findings report over findings (CandourFinding items), read from db, in their
 * order. The items are read as the report is: it holds its own reference to each, so
 * the list may change afterwards, and it may be read on another thread. */
CandourReport *candour_finding_report_new (CandourDatabase *db,
                                           GListModel      *findings);

G_END_DECLS
