/* candour-database-private.h: what the core's own writers need from the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-database.h"
#include "candour-server.h"

G_BEGIN_DECLS

/* A bulk writer (the import) that suspends a table's insert triggers records its
 * inserts with this instead, one audit row per batch. Records that records first_id to last_id of table were inserted from source (a file
 * name), rows of them, by the current user. */
gboolean candour_database_audit_batch           (CandourDatabase  *self,
                                                 const char       *table,
                                                 gint64            first_id,
                                                 gint64            last_id,
                                                 const char       *source,
                                                 guint             rows,
                                                 GError          **error);

/* What is wrong with the header of the database file at path, in words ("its header
 * gives ..."), or NULL when nothing is (or the file is empty or no SQLite file, which
 * SQLite reports itself). Only the fields SQLite cannot read past unless all_fields. */
char    *candour_database_header_problem        (const char       *path,
                                                 gboolean          all_fields);

/* Whether the header in the file is the one SQLite reads. With the write-ahead log a
 * newer first page can wait in the log (a file just made has only SQLite's bare header
 * in it): copies what it can from the log first, without waiting for readers. */
gboolean candour_database_header_is_current     (CandourDatabase  *self);

/* "INSERT INTO t (a, b) VALUES (:a, coalesce (:b, 0))" for n_rows rows, each with
 * numbered parameters of its own: "... VALUES (?1, coalesce (?2, 0)), (?3, …)" with
 * marker '?' ('$' for a server), and the one row's names in order into names. */
char          *candour_database_many_rows_sql   (const char       *insert_sql,
                                                 guint             n_rows,
                                                 char              marker,
                                                 GPtrArray        *names);
/* The file the rows written next come from, for the audit trail: a server's triggers
 * record it with each run of rows; a file's import audits its batches itself
 * (candour_database_audit_batch()). NULL when done. */
void           candour_database_set_audit_source (CandourDatabase *self,
                                                  const char      *source);

/* Said when roles are asked of a file. */
#define CANDOUR_NO_PEOPLE_IN_A_FILE \
  "A file has no people of its own: whoever may open it may change it. Roles are for a register on a server."

/* The server's connection, or NULL for a file. */
CandourServer *candour_database_get_server      (CandourDatabase  *self);
/* Connects to the server again after the connection was lost. */
gboolean       candour_database_reconnect       (CandourDatabase  *self,
                                                 GError          **error);

/* A new query on this database's backend (cached: kept for the database's life). */
CandourQuery *candour_database_make_query       (CandourDatabase  *self,
                                                 const char       *sql,
                                                 gboolean          cached,
                                                 GError          **error);
/* The database keeps one query per SQL text (by address) for its whole life. */
CandourQuery *candour_database_lookup_query     (CandourDatabase  *self,
                                                 const char       *sql);
void          candour_database_keep_query       (CandourDatabase  *self,
                                                 const char       *sql,
                                                 CandourQuery     *query);

G_END_DECLS
