/* candour-history.h: what happened to a record, from the audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-report.h"

G_BEGIN_DECLS

/* Every audit row about the record(s) with this ref, in any table, oldest first:
 * at, actor, table, ref, action, changes, old_values, new_values. "changes" says in
 * words what an update changed, or which file an import came from. */
CandourReport *candour_report_history (CandourDatabase  *db,
                                       const char       *ref,
                                       GError          **error);

/* The whole audit trail, for `export all`. */
CandourReport *candour_report_audit   (CandourDatabase  *db,
                                       GError          **error);

G_END_DECLS
