/* candour-server.h: a Candour register on a PostgreSQL server
 *
 * The second backend behind CandourDatabase: a libpq connection. CandourDatabase calls
 * these where a file would be opened or a transaction begun; nothing above the
 * database sees which backend it has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"

G_BEGIN_DECLS

typedef struct _CandourServer CandourServer;

/* TRUE for "postgresql://…" and "postgres://…": a server, not a file. */
gboolean       candour_server_is_uri             (const char     *location);

/* candour_database_server_location_parts(), read by libpq. */
gboolean       candour_server_uri_parts          (const char     *uri,
                                                  char          **out_host,
                                                  char          **out_port,
                                                  char          **out_database,
                                                  char          **out_user,
                                                  char          **out_tls_mode);

/* Connects to the server at uri, reading only when read_only. A database with no
 * register yet is connected to: its version reads 0 (candour_server_set_up()). */
CandourServer *candour_server_connect            (const char     *uri,
                                                  gboolean        read_only,
                                                  GError        **error);
void           candour_server_free               (CandourServer  *self);
/* The address without any password, for messages and titles. */
const char    *candour_server_get_name           (CandourServer  *self);
/* What a refused write says instead of the roles (a register from a newer Candour). */
void           candour_server_set_read_only_reason (CandourServer *self,
                                                    const char    *reason);
/* The database's own name on the server ("harrowfield"). */
const char    *candour_server_get_database       (CandourServer  *self);
/* Runs SQL with no results (may hold several statements). */
gboolean       candour_server_exec               (CandourServer  *self,
                                                  const char     *sql,
                                                  GError        **error);
/* The register's schema version; 0 when the database has no Candour register yet. */
gboolean       candour_server_read_version       (CandourServer  *self,
                                                  gint64         *out_version,
                                                  GError        **error);
gboolean       candour_server_set_up             (CandourServer  *self,
                                                  GError        **error);
/* New rows of table get ids past the highest it holds. */
gboolean       candour_server_continue_keys      (CandourServer  *self,
                                                  const char     *table,
                                                  GError        **error);
/* candour_database_insert_rows() on a server. */
gboolean       candour_server_insert_rows        (CandourServer       *self,
                                                  const char          *insert_sql,
                                                  const char * const  *names,
                                                  guint                n_names,
                                                  const CandourValue  *values,
                                                  guint                n_rows,
                                                  GError             **error);
/* How many rows a bulk load should hand candour_server_insert_rows() at a time. */
guint          candour_server_get_bulk_rows      (CandourServer  *self);
/* TRUE while a transaction is open and has not failed. */
gboolean       candour_server_in_transaction     (CandourServer  *self);
void           candour_server_set_audit_source   (CandourServer  *self,
                                                  const char     *source);
/* Makes the server login a viewer, editor, finance user or admin of the register,
 * instead of any Candour role it had. */
gboolean       candour_server_grant              (CandourServer  *self,
                                                  const char     *login,
                                                  const char     *role,
                                                  GError        **error);
void           candour_server_set_cancellable    (CandourServer  *self,
                                                  GCancellable   *cancellable);
void           candour_server_set_wait_when_busy (CandourServer  *self,
                                                  gboolean        wait);

/* Other people's changes: after candour_server_listen(), the server notifies this
 * connection whenever a transaction that changed records commits (sql/pg/notify.sql);
 * its socket becomes readable. take_notifications() reads them without waiting and sets
 * out_changed when any came; it returns FALSE when the connection has been lost. */
gboolean       candour_server_listen             (CandourServer  *self,
                                                  GError        **error);
/* After listen(): FALSE for a register set up before servers notified (until `setup`
 * is run on it again), whose changes must be looked for instead. */
gboolean       candour_server_notifies           (CandourServer  *self);
int            candour_server_get_socket         (CandourServer  *self);
gboolean       candour_server_take_notifications (CandourServer  *self,
                                                  gboolean       *out_changed);
gboolean       candour_server_is_connected       (CandourServer  *self);
/* Connects again with the same address and settings (listening again if it was). */
gboolean       candour_server_reconnect          (CandourServer  *self,
                                                  GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourServer, candour_server_free)

G_END_DECLS
