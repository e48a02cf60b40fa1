/* candour-database-sqlite.h: what the SQLite backend's own files share
 *
 * Only the backend's files include this (candour-database*.c, candour-query-sqlite.c,
 * candour-backup.c, candour-sql-functions.c); everything else reaches the database
 * through CandourQuery.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "candour-database-private.h"

G_BEGIN_DECLS

sqlite3      *candour_database_get_handle     (CandourDatabase  *self);

/* Fills error from the connection's last error, in words a person can act on that name
 * the file (CANDOUR_DATABASE_ERROR, or CANDOUR_DOMAIN_ERROR_BUSY). Always returns FALSE
 * for convenience. */
gboolean      candour_database_set_error      (CandourDatabase  *self,
                                               GError          **error,
                                               const char       *sql);

/* The one translation of SQLite's result codes into words (candour-database-error.c):
 * path is the file it was working on, system_errno the operating system's reason if
 * any, detail SQLite's own message, used only where it is ours (a trigger's RAISE) or
 * names what is missing. Always returns FALSE. */
gboolean      candour_database_error_from_sqlite (GError          **error,
                                                  const char       *path,
                                                  int               extended_code,
                                                  int               system_errno,
                                                  const char       *detail);

/* Registers the engine's SQL functions on a connection (candour-sql-functions.c):
 * candour_round_mul_div, candour_days, candour_size_band, candour_products_less,
 * candour_matches, the aggregate candour_total and the collation "C". Returns an SQLite
 * result code. */
int           candour_sql_functions_register  (sqlite3          *db);

G_END_DECLS
