/* candour-database.h: one open Candour database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-query.h"

G_BEGIN_DECLS

/* "Cand" in ASCII: PRAGMA application_id of every Candour database. */
#define CANDOUR_APPLICATION_ID 0x43616E64

#define CANDOUR_TYPE_DATABASE (candour_database_get_type ())

G_DECLARE_FINAL_TYPE (CandourDatabase, candour_database, CANDOUR, DATABASE, GObject)

typedef enum
{
  CANDOUR_OPEN_EXISTING = 0,            /* the file must already be there */
  CANDOUR_OPEN_CREATE = 1 << 0,         /* make an empty database where there is no file */
} CandourOpenFlags;

/* Opens and migrates the database at path; ":memory:" for a private in-memory database;
 * a "postgresql://…" address for a register on a server, where CANDOUR_OPEN_CREATE
 * sets up a register in an empty database.
 * Refused, with a message that names the path and says what to do, and nothing
 * touched: an empty path, a folder, a symbolic link, a device or pipe, a file that is
 * not there (unless flags has CANDOUR_OPEN_CREATE), a file from a newer Candour, a file
 * that is not a Candour database (CANDOUR_DOMAIN_ERROR), and a damaged header. A file
 * the user may not write is opened read-only; writes then fail with
 * CANDOUR_DATABASE_ERROR_READ_ONLY. A server that asks for a password when the address
 * gives none (nor libpq's own ways: PGPASSWORD, ~/.pgpass) is
 * CANDOUR_DATABASE_ERROR_NEEDS_PASSWORD. No message ever holds the password. */
CandourDatabase *candour_database_open_full          (const char       *path,
                                                      CandourOpenFlags  flags,
                                                      GError          **error);
/* candour_database_open_full() with CANDOUR_OPEN_CREATE. */
CandourDatabase *candour_database_open               (const char       *path,
                                                      GError          **error);
/* Gives the empty database at uri ("postgresql://…") a Candour register, or brings an
 * older one up to date; two people doing so at once are taken in turn. Opening a server
 * never does this by itself: a register on a server is set up on purpose. */
gboolean         candour_database_set_up_server      (const char       *uri,
                                                      GError          **error);
/* After rows were written into table with ids of their own (a copy), new rows' ids
 * continue past the highest. */
gboolean         candour_database_continue_keys      (CandourDatabase  *self,
                                                      const char       *table,
                                                      GError          **error);
/* On a server: makes login (a login role of the server) a "viewer", "editor",
 * "finance" user or "admin" of the register, instead of the role it had. A file has no
 * people of its own: G_IO_ERROR_NOT_SUPPORTED. */
gboolean         candour_database_grant              (CandourDatabase  *self,
                                                      const char       *login,
                                                      const char       *role,
                                                      GError          **error);
/* A server's address from its parts, each as a person types it: host a name, an
 * address or a socket folder ("/run/postgresql"); port, user and password may be NULL
 * or empty for libpq's defaults; tls_mode one of libpq's sslmodes ("verify-full"…). */
char            *candour_database_server_location    (const char       *host,
                                                      const char       *port,
                                                      const char       *database,
                                                      const char       *user,
                                                      const char       *password,
                                                      const char       *tls_mode);
/* The address as it may be shown and remembered, with any password taken out. */
char            *candour_database_location_without_password (const char *location);
/* A server's address (without a password) with password added, for connecting: never
 * for keeping or showing. */
char            *candour_database_location_with_password (const char *location,
                                                          const char *password);
/* The parts of a server's address, as candour_database_server_location() takes them:
 * each as the address gives it, or "" where it gives none (libpq's default then
 * applies); never the password. FALSE when libpq cannot read location as an address.
 * Any out may be NULL. */
gboolean         candour_database_server_location_parts (const char  *location,
                                                         char       **out_host,
                                                         char       **out_port,
                                                         char       **out_database,
                                                         char       **out_user,
                                                         char       **out_tls_mode);
/* Who else has the register open now (their logins, each once, sorted), as a
 * NULL-terminated list: on a server, the other Candour connections to its database;
 * a file says nothing of who has it open, so none. */
char           **candour_database_dup_others         (CandourDatabase  *self);
/* TRUE for a server's address ("postgresql://…", "postgres://…"), FALSE for a file. */
gboolean         candour_database_is_server_location (const char       *location);
/* TRUE for a register on a server, FALSE for a file. */
gboolean         candour_database_is_server          (CandourDatabase  *self);
/* TRUE when opening made the file: a front end whose first work then fails removes it
 * again (candour_database_remove_files()) rather than leave an empty database behind. */
gboolean         candour_database_was_created        (CandourDatabase  *self);
gboolean         candour_database_is_read_only       (CandourDatabase  *self);
/* Why the register opened read-only when it is not for want of permission (a server set
 * up by a newer Candour), in words to show; NULL otherwise. */
const char      *candour_database_get_read_only_reason (CandourDatabase *self);
const char      *candour_database_get_path           (CandourDatabase  *self);
/* The name people know the register by: the file's name without .candour or .db
 * ("Harrowfield demo"), or the database's name on its server. */
char            *candour_database_dup_title          (CandourDatabase  *self);
/* A second, read-only connection to the same file, for one worker thread at a time
 * (SQLite connections and their statements belong to one thread). In WAL mode it reads
 * while the first connection writes, never waiting for it. An in-memory database has
 * no second connection: G_IO_ERROR_NOT_SUPPORTED. */
CandourDatabase *candour_database_open_reader        (CandourDatabase  *self,
                                                      GError          **error);

/* The name a path chosen for a new database gets: ".candour" added, unless it ends in
 * ".candour" or ".db" already. */
char            *candour_database_name_file          (const char       *path);
/* Removes a database file and those SQLite keeps beside it (-wal, -shm, -journal): for
 * a database made for work that failed, which must not be left behind. */
void             candour_database_remove_files       (const char       *path);
/* When opening upgraded the file's schema: the verified copy of the file as it was,
 * written beside it first. NULL when no upgrade was needed. */
const char      *candour_database_get_upgrade_backup (CandourDatabase  *self);
/* TRUE when the file is on a network file system (NFS, SMB...). Candour then uses a
 * rollback journal instead of WAL, and front ends should warn that two people saving at
 * once over the network is less safe than on a local disk. */
gboolean         candour_database_is_on_network      (CandourDatabase  *self);
int              candour_database_get_schema_version (CandourDatabase  *self);
/* The newest schema version this build knows. */
int              candour_database_get_latest_version (void);

/* A number that changes whenever another connection (another window, the CLI, another
 * person) commits a change to the file. A front end polls it to know when to refresh
 * what it shows. */
gint64           candour_database_get_data_version   (CandourDatabase  *self);

/* Runs SQL with no results (may hold several statements). */
gboolean         candour_database_exec               (CandourDatabase  *self,
                                                      const char       *sql,
                                                      GError          **error);

/* Transactions nest: only the outermost begin and end touch SQLite, and any inner
 * end with commit = FALSE makes the whole transaction roll back. Writes take the lock
 * at once (BEGIN IMMEDIATE), so a busy database is reported before any work is done. */
gboolean         candour_database_begin              (CandourDatabase  *self,
                                                      GError          **error);
gboolean         candour_database_end                (CandourDatabase  *self,
                                                      gboolean          commit,
                                                      GError          **error);
gboolean         candour_database_in_transaction     (CandourDatabase  *self);
/* TRUE when the database itself ended the transaction begun with
 * candour_database_begin(), as a full disk or a lost lock can with the statement that
 * met it: whatever is written after that would be saved on its own. */
gboolean         candour_database_transaction_lost   (CandourDatabase  *self);
/* A write waits up to five seconds for another process's write to finish before it
 * says the database is busy; without waiting it says so at once (for checks made as
 * someone types, which must never hold up the window). */
void             candour_database_set_wait_when_busy (CandourDatabase  *self,
                                                      gboolean          wait);

/* Folds what the write-ahead log holds into the database file itself, without waiting
 * for readers. After a large import this is where a full disk would show: it is
 * reported, in words, rather than left to the moment the program exits. */
gboolean         candour_database_checkpoint         (CandourDatabase  *self,
                                                      GError          **error);

/* The files SQLite keeps for this database: the file itself and its -wal, -shm and
 * -journal, whether or not they exist now. NULL-terminated; none for ":memory:". */
const char * const *
                 candour_database_get_files          (CandourDatabase  *self);

/* While set, a long query on this connection checks cancellable every so often and
 * stops with CANDOUR_DATABASE_ERROR_CANCELLED once it is cancelled. NULL unsets it. */
void             candour_database_set_cancellable    (CandourDatabase  *self,
                                                      GCancellable     *cancellable);

/* Looks the file over for damage, quickly (not every index against its table): FALSE
 * with CANDOUR_DATABASE_ERROR_CORRUPT, in the words used for damage found anywhere,
 * when it is damaged. For before a large write, which would report success over it. */
gboolean         candour_database_quick_check        (CandourDatabase  *self,
                                                      GError          **error);

/* Bulk loading, which each backend does its own way */

typedef enum
{
  CANDOUR_VALUE_NULL,
  CANDOUR_VALUE_INT64,
  CANDOUR_VALUE_TEXT,
} CandourValueType;

/* One parameter's value in one row of candour_database_insert_rows(). */
typedef struct
{
  CandourValueType type;
  gint64 number;
  const char *text;             /* borrowed for the call */
} CandourValue;

/* Inserts n_rows rows at once, as that many runs of insert_sql would, but far faster.
 * insert_sql inserts one row and returns nothing, "INSERT INTO t (a, b) VALUES (:a,
 * coalesce (:b, 0))", naming each parameter once; it is compared by address (pass a
 * static string), and its form for n_rows rows is kept until the next bulk load's.
 * values[r * n_names + i] is row r's value of names[i] (":a"); every parameter needs
 * one. All the rows are written or none: FALSE with error, as from
 * candour_query_step(), when the database refuses any of them. */
gboolean         candour_database_insert_rows        (CandourDatabase     *self,
                                                      const char          *insert_sql,
                                                      const char * const  *names,
                                                      guint                n_names,
                                                      const CandourValue  *values,
                                                      guint                n_rows,
                                                      GError             **error);
/* After a bulk load has committed: a server's planner learns the tables' new sizes now
 * (a million payments unknown to it made the findings take 84 s instead of 3.5 s);
 * SQLite plans without. Failure only costs speed, so it is not reported. */
void             candour_database_update_statistics  (CandourDatabase     *self);
/* Within a transaction: keeps others from changing the record (table, one of Candour's
 * own table names, and id) until it ends. A file's writer holds the whole file already;
 * a server locks the row. */
gboolean         candour_database_hold_record        (CandourDatabase     *self,
                                                      const char          *table,
                                                      gint64               id,
                                                      GError             **error);
/* How many rows candour_database_insert_rows() is best given at once. */
guint            candour_database_get_bulk_rows      (CandourDatabase     *self);
/* Drops table's schema objects of a kind ("index", "trigger") whose names match
 * pattern (a LIKE pattern), which a bulk load would otherwise keep up to date row by
 * row, and returns the SQL that makes them again (for candour_database_exec()), or
 * NULL with error. Indexes behind UNIQUE constraints have no SQL of their own and are
 * never dropped. Within a transaction, a rollback brings them back too. */
GPtrArray       *candour_database_drop_schema_objects (CandourDatabase *self,
                                                       const char      *type,
                                                       const char      *table,
                                                       const char      *pattern,
                                                       GError         **error);

G_END_DECLS
