/* candour-copy.h: a whole register from a file to a server, or back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-database.h"

G_BEGIN_DECLS

/* Copies every record of source into the register at target (a file, made if it is not
 * there, or a server's address, set up if it is not yet), keeping each record's id, in
 * one transaction. A target that holds any record is refused, so that nothing is mixed.
 * Before the copy is committed, each table is counted on both sides and every report
 * (findings, scorecard, shares, payment times) is compared byte for byte; any
 * difference undoes the whole copy. out_rows (may be NULL) counts the rows copied. */
gboolean candour_copy_database (CandourDatabase  *source,
                                const char       *target,
                                guint64          *out_rows,
                                GError          **error);

G_END_DECLS
