/* candour-integrity.h: is the database sound, and does it keep the domain's rules?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-database.h"

G_BEGIN_DECLS

/* What kinds of problem a check found, so that a front end can say what to do. */
typedef enum
{
  CANDOUR_INTEGRITY_OK = 0,
  CANDOUR_INTEGRITY_DAMAGED = 1 << 0,           /* SQLite cannot read all of the file: restore a backup */
  CANDOUR_INTEGRITY_SCHEMA_REPAIRABLE = 1 << 1, /* a trigger or index missing or changed: candour_integrity_repair() */
  CANDOUR_INTEGRITY_SCHEMA_DAMAGED = 1 << 2,    /* a table missing or changed: restore a backup */
  CANDOUR_INTEGRITY_RECORDS = 1 << 3,           /* records that break the domain's rules: correct them */
} CandourIntegrityFindings;

/* Runs SQLite's integrity_check and foreign_key_check, compares the schema with the one
 * this Candour makes (every table, index and trigger, the audit triggers above all),
 * then the domain's own rules (real dates, ends after starts, contracts that agree
 * with their bids, figures within Candour's ceiling...). Adds one sentence per problem
 * found to problems and sets *out_findings. Returns FALSE only when the checks could
 * not run (error set); an empty problems array means all is well. */
gboolean candour_integrity_check  (CandourDatabase           *db,
                                   GPtrArray                 *problems,
                                   CandourIntegrityFindings  *out_findings,
                                   GError                   **error);

/* Puts Candour's own triggers and indexes back where they are missing or were
 * changed, and removes triggers another program added to Candour's tables (they could
 * change records unseen). Never touches a record. Adds one sentence per repair to
 * repairs. */
gboolean candour_integrity_repair (CandourDatabase           *db,
                                   GPtrArray                 *repairs,
                                   GError                   **error);

G_END_DECLS
