/* candour-integrity.h: is the database sound, and does it keep the domain's rules?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-database.h"

G_BEGIN_DECLS

/* Runs SQLite's integrity_check and foreign_key_check, then the domain's own rules
 * (real dates, ends after starts, contracts that agree with their bids...). Adds one
 * sentence per problem found to problems. Returns FALSE only when the checks could not
 * run (error set); an empty problems array means all is well. */
gboolean candour_integrity_check (CandourDatabase  *db,
                                  GPtrArray        *problems,
                                  GError          **error);

G_END_DECLS
