/* candour-server-private.h: what the PostgreSQL backend's own files share
 *
 * Only candour-server.c and candour-query-pg.c include this (and so libpq-fe.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>

#include "candour-server.h"

G_BEGIN_DECLS

PGconn   *candour_server_get_connection     (CandourServer     *self);
/* A new name for a prepared statement on this connection. */
char     *candour_server_next_statement     (CandourServer     *self);
/* Fills error from a failed result (or the connection's state when result is NULL),
 * in words that name the server and say what to do; and constraint, when given, with
 * the rule broken. Always returns FALSE. */
gboolean  candour_server_set_error          (CandourServer     *self,
                                             const PGresult    *result,
                                             CandourConstraint *constraint,
                                             GError           **error);

/* Around one statement inside a transaction, so that its failure undoes only itself,
 * as a failed statement does on SQLite, and not the whole transaction. */
gboolean  candour_server_savepoint          (CandourServer     *self,
                                             GError           **error);
void      candour_server_end_savepoint      (CandourServer     *self,
                                             gboolean           keep);

G_END_DECLS
