/* candour-import-private.h: the import's rules, for one record typed in a form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-import.h"

G_BEGIN_DECLS

/* texts[i] is the text of field i (candour_table_get_field_name()), as typed; NULL or ""
 * for empty. Inserts when *inout_id is 0 (and sets it), else updates that record. Every
 * problem is added to problems as "field: reason", and then nothing is written. What is
 * plausible but odd is added to warnings (if not NULL) in the same words, and written all
 * the same. With keep FALSE the write is rolled back even when it succeeds: a check. */
gboolean candour_import_write_record (CandourDatabase     *db,
                                      CandourTable         table,
                                      const char * const  *texts,
                                      gint64              *inout_id,
                                      gboolean             keep,
                                      GPtrArray           *problems,
                                      GPtrArray           *warnings,
                                      GError             **error);

/* The database table a CandourTable's records live in: "organisation", "bid_partner"… */
const char *candour_import_sql_table (CandourTable table);

G_END_DECLS
