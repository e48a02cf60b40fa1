/* candour-server.c: the connection to a PostgreSQL server, and its errors in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-core-resources.h"
#include "candour-database-private.h"
#include "candour-error.h"
#include "candour-query-private.h"
#include "candour-server-private.h"

#define NOTHING_CHANGED "Nothing was changed."

/* How long a write waits for a row another person is saving before saying so. */
#define LOCK_TIMEOUT "5s"

/* The server's schema in order: the first file brings an empty database to SQLite's
 * version 4 at once, each after it one version more, as SQLite's migrations from 0005
 * on; so a server's version means what a file's does. */
#define SCHEMA_FIRST_VERSION 4
static const char * const schema_files[] = {
  "/io/github/candour/Candour/sql/pg/0001-schema.sql",
  "/io/github/candour/Candour/sql/pg/0002-closed-periods.sql",
  "/io/github/candour/Candour/sql/pg/0003-payment-search.sql",
};

struct _CandourServer
{
  PGconn *connection;
  char *name;                   /* the address without a password, in words */
  char *database;               /* the database's own name on the server */
  guint statements;             /* prepared so far, for their names */
  GHashTable *unique_columns;   /* constraint name → "col,col" of each UNIQUE */
  GHashTable *unique_tables;    /* constraint name → table */
  GCancellable *cancellable;
  gulong cancelled_id;
  GHashTable *staging;          /* a bulk load's one-row INSERT (by address) → Staging */
  char *read_only_reason;       /* said instead of the roles when a write is refused */
  gboolean read_only;           /* every transaction read-only (a reader's connection) */
  gboolean listening;           /* LISTEN candour_changes, again after a reconnection */
  gboolean notifies;            /* the register has notify.sql's trigger */
};

gboolean
candour_server_is_uri (const char *location)
{
  return location != NULL &&
         (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"));
}

/* libpq's own parse of the address, with the password left out: "the database gui1 on
 * this computer", and the database's name alone into out_database. */
static char *
name_without_password (const char  *uri,
                       char       **out_database)
{
  PQconninfoOption *options = PQconninfoParse (uri, NULL);
  const char *host = NULL;
  const char *db = NULL;
  const char *user = NULL;
  const char *port = NULL;
  char *name;

  if (options == NULL)
    {
      *out_database = g_strdup ("candour");
      return g_strdup ("the server");
    }

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL)
        continue;
      if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        db = o->val;
      else if (g_str_equal (o->keyword, "user"))
        user = o->val;
      else if (g_str_equal (o->keyword, "port"))
        port = o->val;
    }

  /* libpq's default database is the user's name; a socket folder is no name for
   * people: "this computer". */
  *out_database = g_strdup (db != NULL ? db : user != NULL ? user : g_get_user_name ());
  name = g_strdup_printf ("the database %s on %s%s%s%s", *out_database,
                          host == NULL || host[0] == '/' ? "this computer" : host,
                          port != NULL ? " (port " : "", port != NULL ? port : "", port != NULL ? ")" : "");
  PQconninfoFree (options);
  return name;
}

static void
set_part (char       **out,
          const char  *value)
{
  if (out != NULL)
    *out = g_strdup (value != NULL ? value : "");
}

gboolean
candour_server_uri_parts (const char  *uri,
                          char       **out_host,
                          char       **out_port,
                          char       **out_database,
                          char       **out_user,
                          char       **out_tls_mode)
{
  PQconninfoOption *options = PQconninfoParse (uri, NULL);
  const char *host = NULL, *port = NULL, *db = NULL, *user = NULL, *sslmode = NULL;

  if (options == NULL)
    return FALSE;

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL)
        continue;
      if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "port"))
        port = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        db = o->val;
      else if (g_str_equal (o->keyword, "user"))
        user = o->val;
      else if (g_str_equal (o->keyword, "sslmode"))
        sslmode = o->val;
    }

  set_part (out_host, host);
  set_part (out_port, port);
  set_part (out_database, db);
  set_part (out_user, user);
  set_part (out_tls_mode, sslmode);
  PQconninfoFree (options);
  return TRUE;
}

/* libpq quotes the whole address in some of its complaints (a stray character in it,
 * say): the message says it without the password. */
static char *
reason_without_password (const char *reason,
                         const char *uri)
{
  g_autofree char *shown = candour_database_location_without_password (uri);
  GString *text;

  if (g_str_equal (shown, uri))
    return g_strdup (reason);
  text = g_string_new (reason);
  g_string_replace (text, uri, shown, 0);
  return g_string_free (text, FALSE);
}

const char *
candour_server_get_name (CandourServer *self)
{
  return self->name;
}

void
candour_server_set_read_only_reason (CandourServer *self,
                                     const char    *reason)
{
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
}

const char *
candour_server_get_database (CandourServer *self)
{
  return self->database;
}

PGconn *
candour_server_get_connection (CandourServer *self)
{
  return self->connection;
}

char *
candour_server_next_statement (CandourServer *self)
{
  return g_strdup_printf ("candour_%u", ++self->statements);
}

void
candour_server_free (CandourServer *self)
{
  if (self == NULL)
    return;

  candour_server_set_cancellable (self, NULL);
  g_clear_pointer (&self->connection, PQfinish);
  g_clear_pointer (&self->unique_columns, g_hash_table_unref);
  g_clear_pointer (&self->unique_tables, g_hash_table_unref);
  g_clear_pointer (&self->staging, g_hash_table_unref);
  g_free (self->name);
  g_free (self->database);
  g_free (self->read_only_reason);
  g_free (self);
}

static CandourConstraintKind
constraint_kind (const char *sqlstate)
{
  if (g_str_equal (sqlstate, "23505"))
    return CANDOUR_CONSTRAINT_UNIQUE;
  if (g_str_equal (sqlstate, "23503"))
    return CANDOUR_CONSTRAINT_FOREIGN_KEY;
  if (g_str_equal (sqlstate, "23514"))
    return CANDOUR_CONSTRAINT_CHECK;
  if (g_str_equal (sqlstate, "23502"))
    return CANDOUR_CONSTRAINT_NOT_NULL;
  /* RAISE EXCEPTION in one of the schema's triggers. */
  if (g_str_equal (sqlstate, "P0001"))
    return CANDOUR_CONSTRAINT_RULE;
  return CANDOUR_CONSTRAINT_NONE;
}

static void
read_constraint (CandourServer     *self,
                 const PGresult    *result,
                 const char        *sqlstate,
                 CandourConstraint *constraint)
{
  const char *name = PQresultErrorField (result, PG_DIAG_CONSTRAINT_NAME);
  const char *table = PQresultErrorField (result, PG_DIAG_TABLE_NAME);
  const char *column = PQresultErrorField (result, PG_DIAG_COLUMN_NAME);

  g_free (constraint->table);
  g_free (constraint->columns);
  g_free (constraint->name);
  constraint->kind = constraint_kind (sqlstate);
  constraint->table = g_strdup (table);
  constraint->columns = NULL;
  constraint->name = NULL;

  switch (constraint->kind)
    {
    case CANDOUR_CONSTRAINT_UNIQUE:
      if (name != NULL && self->unique_columns != NULL)
        {
          constraint->columns = g_strdup (g_hash_table_lookup (self->unique_columns, name));
          if (constraint->table == NULL)
            constraint->table = g_strdup (g_hash_table_lookup (self->unique_tables, name));
        }
      break;
    case CANDOUR_CONSTRAINT_NOT_NULL:
      constraint->columns = g_strdup (column);
      break;
    case CANDOUR_CONSTRAINT_CHECK:
      constraint->name = g_strdup (name);
      break;
    case CANDOUR_CONSTRAINT_RULE:
      constraint->name = g_strdup (PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
      break;
    case CANDOUR_CONSTRAINT_FOREIGN_KEY:
    case CANDOUR_CONSTRAINT_NONE:
    default:
      break;
    }
}

/* The connection is gone (the server stopped, the network dropped): in words. */
static gboolean
set_connection_error (CandourServer  *self,
                      GError        **error)
{
  g_autofree char *reason = g_strstrip (g_strdup (PQerrorMessage (self->connection)));

  g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_IO,
               "Candour lost its connection to %s (%s). Nothing more was saved there. Check "
               "the network and that the server is running, then try again.", self->name, reason);
  return FALSE;
}

gboolean
candour_server_set_error (CandourServer     *self,
                          const PGresult    *result,
                          CandourConstraint *constraint,
                          GError           **error)
{
  const char *sqlstate = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;

  if (sqlstate == NULL || PQstatus (self->connection) != CONNECTION_OK)
    return set_connection_error (self, error);

  g_debug ("Server refused: %s %s", sqlstate, message != NULL ? message : "");

  if (constraint != NULL)
    read_constraint (self, result, sqlstate, constraint);

  /* Class 23 is a broken rule of the schema, and P0001 one of its triggers' refusals. */
  if (g_str_has_prefix (sqlstate, "23") || g_str_equal (sqlstate, "P0001"))
    return candour_query_set_constraint_error (error, constraint_kind (sqlstate), message);

  if (g_str_equal (sqlstate, "55P03") || g_str_equal (sqlstate, "40001") || g_str_equal (sqlstate, "40P01"))
    {
      g_set_error_literal (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_BUSY,
                           "The register is busy (someone else is saving the same records). "
                           "Nothing was changed; try again in a moment.");
      return FALSE;
    }

  if (g_str_equal (sqlstate, "57014"))
    {
      g_set_error_literal (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CANCELLED,
                           "Stopped before it finished. " NOTHING_CHANGED);
      return FALSE;
    }

  if (g_str_equal (sqlstate, "25006") && self->read_only_reason != NULL)
    {
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_READ_ONLY,
                   "%s " NOTHING_CHANGED, self->read_only_reason);
      return FALSE;
    }

  if (g_str_equal (sqlstate, "42501") || g_str_equal (sqlstate, "25006"))
    {
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_READ_ONLY,
                   "You can view %s but not change it. " NOTHING_CHANGED " Ask the register's "
                   "administrator for the role you need (candour-cli grant).", self->name);
      return FALSE;
    }

  if (g_str_equal (sqlstate, "53100"))
    {
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_DISK_FULL,
                   "The server's disk is full, so nothing was saved to %s. Ask its "
                   "administrator to free some space, then try again.", self->name);
      return FALSE;
    }

  if (g_str_has_prefix (sqlstate, "53"))
    {
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_NO_MEMORY,
                   "The server ran short of memory or connections working on %s. "
                   NOTHING_CHANGED " Try again in a moment.", self->name);
      return FALSE;
    }

  if (g_str_has_prefix (sqlstate, "XX"))
    {
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CORRUPT,
                   "The server reported damage in %s (%s). " NOTHING_CHANGED " Ask its "
                   "administrator to check the server and restore from a backup.",
                   self->name, message != NULL ? message : sqlstate);
      return FALSE;
    }

  if (g_str_has_prefix (sqlstate, "42"))
    {
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_SCHEMA,
                   "%s does not hold the tables this Candour expects (%s). " NOTHING_CHANGED,
                   self->name, message != NULL ? message : sqlstate);
      return FALSE;
    }

  /* A total past the ceiling explains itself (candour_total on the server). */
  if (g_str_equal (sqlstate, "22003") && message != NULL && g_str_has_prefix (message, "a total is beyond"))
    {
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_FAILED,
                   "Could not report on %s: %s.", self->name, message);
      return FALSE;
    }

  g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_FAILED,
               "Candour met an unexpected problem working on %s (%s, %s). " NOTHING_CHANGED
               " Please report it.", self->name, sqlstate, message != NULL ? message : "");
  return FALSE;
}

gboolean
candour_server_exec (CandourServer  *self,
                     const char     *sql,
                     GError        **error)
{
  PGresult *result = PQexec (self->connection, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    candour_server_set_error (self, result, NULL, error);
  PQclear (result);
  return ok;
}

/* Which columns each UNIQUE rule is about: a refusal names only the rule. */
static gboolean
read_unique_constraints (CandourServer  *self,
                         GError        **error)
{
  static const char sql[] =
    "SELECT c.conname, c.conrelid::regclass::text,\n"
    "       (SELECT string_agg (a.attname, ',' ORDER BY k.n)\n"
    "        FROM unnest (c.conkey) WITH ORDINALITY AS k (attnum, n)\n"
    "        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum)\n"
    "FROM pg_constraint c\n"
    "WHERE c.contype IN ('u', 'p') AND c.connamespace = current_schema ()::regnamespace";
  PGresult *result = PQexec (self->connection, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      candour_server_set_error (self, result, NULL, error);
      PQclear (result);
      return FALSE;
    }

  self->unique_columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->unique_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      g_hash_table_insert (self->unique_tables, g_strdup (PQgetvalue (result, i, 0)),
                           g_strdup (PQgetvalue (result, i, 1)));
      g_hash_table_insert (self->unique_columns, g_strdup (PQgetvalue (result, i, 0)),
                           g_strdup (PQgetvalue (result, i, 2)));
    }
  PQclear (result);
  return TRUE;
}

/* The one value the query gives, or NULL with error. */
static char *
query_value (CandourServer  *self,
             const char     *sql,
             GError        **error)
{
  PGresult *result = PQexec (self->connection, sql);
  char *value = NULL;

  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    candour_server_set_error (self, result, NULL, error);
  else
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return value;
}

gboolean
candour_server_read_version (CandourServer  *self,
                             gint64         *out_version,
                             GError        **error)
{
  /* Asked apart: a query naming a table that is not there fails as a whole. */
  static const char has_register_sql[] = "SELECT to_regclass ('schema_version') IS NOT NULL";
  /* 1130458724 is CANDOUR_APPLICATION_ID. */
  static const char version_sql[] =
    "SELECT coalesce ((SELECT version FROM schema_version WHERE application_id = 1130458724), 0)";
  g_autofree char *has_register = query_value (self, has_register_sql, error);
  g_autofree char *version = NULL;

  if (has_register == NULL)
    return FALSE;
  if (g_str_equal (has_register, "f"))
    {
      *out_version = 0;
      return TRUE;
    }
  if ((version = query_value (self, version_sql, error)) == NULL)
    return FALSE;
  *out_version = g_ascii_strtoll (version, NULL, 10);
  return TRUE;
}

/* The server's notices ("role … is not a member of role …") are for developers, not
 * for the person at the terminal: libpq would print them on stderr. */
static void
log_notice (void       *data,
            const char *message)
{
  g_debug ("Server notice: %s", message);
}

/* What every connection is set to, the first time and after a reconnection. */
static gboolean
configure_connection (CandourServer  *self,
                      GError        **error)
{
  PQsetNoticeProcessor (self->connection, log_notice, NULL);

  /* ISO dates and plain UTF-8 whatever the server's defaults; a write waits a while
   * for a row someone else is saving, then says so. */
  if (!candour_server_exec (self, "SET client_encoding = 'UTF8';"
                                  "SET datestyle = 'ISO';"
                                  "SET application_name = 'Candour';"
                                  "SET lock_timeout = '" LOCK_TIMEOUT "';", error))
    return FALSE;
  if (self->read_only && !candour_server_exec (self, "SET default_transaction_read_only = on", error))
    return FALSE;
  if (self->listening && !candour_server_exec (self, "LISTEN candour_changes", error))
    return FALSE;
  return TRUE;
}

CandourServer *
candour_server_connect (const char  *uri,
                        gboolean     read_only,
                        GError     **error)
{
  g_autoptr(CandourServer) self = g_new0 (CandourServer, 1);
  gint64 version = 0;

  g_return_val_if_fail (candour_server_is_uri (uri), NULL);

  self->name = name_without_password (uri, &self->database);
  self->connection = PQconnectdb (uri);
  if (PQstatus (self->connection) != CONNECTION_OK)
    {
      g_autofree char *reason = g_strstrip (reason_without_password (PQerrorMessage (self->connection), uri));

      if (PQconnectionNeedsPassword (self->connection))
        g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_NEEDS_PASSWORD,
                     "Could not connect to %s: it asks for a password, and none was given.",
                     self->name);
      else
        g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CANT_OPEN,
                     "Could not connect to %s: %s. Check the address, your user name and "
                     "password, and that the server is running.", self->name, reason);
      return NULL;
    }

  self->read_only = read_only;
  if (!configure_connection (self, error))
    return NULL;

  if (!candour_server_read_version (self, &version, error))
    return NULL;
  if (version > 0 && !read_unique_constraints (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
exec_resource (CandourServer  *self,
               const char     *resource,
               GError        **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *sql = NULL;

  g_assert (bytes != NULL);
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return candour_server_exec (self, sql, error);
}

gboolean
candour_server_set_up (CandourServer  *self,
                       GError        **error)
{
  gint64 version = 0;

  g_assert (candour_core_get_resource () != NULL);
  g_assert (SCHEMA_FIRST_VERSION + G_N_ELEMENTS (schema_files) - 1 == (gsize)candour_database_get_latest_version ());

  /* Two people setting up at once: the second waits, then finds it done. */
  if (!candour_server_exec (self, "BEGIN; SELECT pg_advisory_xact_lock (1129201252)", error))
    return FALSE;
  if (!candour_server_read_version (self, &version, error))
    goto fail;
  /* A newer Candour's register is left exactly as it is. */
  if (version > candour_database_get_latest_version ())
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NEWER_SCHEMA,
                   "%s was set up by a newer Candour (schema %d; this one knows up to %d). "
                   NOTHING_CHANGED " Set it up with the newer Candour.", self->name, (int)version,
                   candour_database_get_latest_version ());
      goto fail;
    }

  /* Version 0 (nothing yet) starts at the first file; version 4 at the second... */
  for (gsize i = version == 0 ? 0 : (gsize)(version - SCHEMA_FIRST_VERSION + 1); i < G_N_ELEMENTS (schema_files); i++)
    if (!exec_resource (self, schema_files[i], error))
      goto fail;
  /* After every migration: what each role may do, in this database's tables as they
   * are now. */
  if (!exec_resource (self, "/io/github/candour/Candour/sql/pg/roles.sql", error) ||
      !exec_resource (self, "/io/github/candour/Candour/sql/pg/notify.sql", error))
    goto fail;

  if (!candour_server_exec (self, "COMMIT", error))
    goto fail;
  g_clear_pointer (&self->unique_columns, g_hash_table_unref);
  g_clear_pointer (&self->unique_tables, g_hash_table_unref);
  return read_unique_constraints (self, error);

fail:
  candour_server_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

gboolean
candour_server_continue_keys (CandourServer  *self,
                              const char     *table,
                              GError        **error)
{
  g_autofree char *sql = NULL;

  /* One of Candour's own table names, never a person's words. */
  for (const char *c = table; *c != '\0'; c++)
    g_return_val_if_fail (g_ascii_islower (*c) || *c == '_', FALSE);

  sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', 'id'), "
                         "coalesce (max (id), 0) + 1, false) FROM %s", table, table);
  return candour_server_exec (self, sql, error);
}

/* Other people's changes */

gboolean
candour_server_listen (CandourServer  *self,
                       GError        **error)
{
  static const char notifies_sql[] =
    "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_notifies' "
    "AND tgrelid = to_regclass ('audit'))";
  g_autofree char *notifies = NULL;

  if (self->listening)
    return TRUE;
  if (!candour_server_exec (self, "LISTEN candour_changes", error) ||
      (notifies = query_value (self, notifies_sql, error)) == NULL)
    return FALSE;
  self->notifies = g_str_equal (notifies, "t");
  self->listening = TRUE;
  return TRUE;
}

gboolean
candour_server_notifies (CandourServer *self)
{
  return self->notifies;
}

int
candour_server_get_socket (CandourServer *self)
{
  return PQsocket (self->connection);
}

gboolean
candour_server_take_notifications (CandourServer *self,
                                   gboolean      *out_changed)
{
  PGnotify *notification;

  *out_changed = FALSE;
  /* Reads what has come, without waiting: fails only when the connection has gone. */
  if (!PQconsumeInput (self->connection) || PQstatus (self->connection) != CONNECTION_OK)
    return FALSE;
  while ((notification = PQnotifies (self->connection)) != NULL)
    {
      *out_changed = TRUE;
      PQfreemem (notification);
    }
  return TRUE;
}

gboolean
candour_server_is_connected (CandourServer *self)
{
  return PQstatus (self->connection) == CONNECTION_OK;
}

gboolean
candour_server_reconnect (CandourServer  *self,
                          GError        **error)
{
  PQreset (self->connection);
  if (PQstatus (self->connection) != CONNECTION_OK)
    {
      g_autofree char *reason = g_strstrip (g_strdup (PQerrorMessage (self->connection)));

      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CANT_OPEN,
                   "Could not connect to %s again: %s.", self->name, reason);
      return FALSE;
    }
  /* A new session: its prepared statements and staging tables went with the old one. */
  g_clear_pointer (&self->staging, g_hash_table_unref);
  return configure_connection (self, error);
}

gboolean
candour_server_in_transaction (CandourServer *self)
{
  return PQtransactionStatus (self->connection) == PQTRANS_INTRANS;
}

void
candour_server_set_audit_source (CandourServer *self,
                                 const char    *source)
{
  const char *values[] = { source != NULL ? source : "" };
  PGresult *result;

  /* For this transaction only: the audit triggers read it (candour_audit_inserts). */
  result = PQexecParams (self->connection, "SELECT set_config ('candour.import_file', $1, true)",
                         1, NULL, values, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_debug ("The audit will not name the file: %s", PQerrorMessage (self->connection));
  PQclear (result);
}

gboolean
candour_server_savepoint (CandourServer  *self,
                          GError        **error)
{
  return candour_server_exec (self, "SAVEPOINT candour_step", error);
}

void
candour_server_end_savepoint (CandourServer *self,
                              gboolean       keep)
{
  candour_server_exec (self, keep ? "RELEASE SAVEPOINT candour_step"
                                  : "ROLLBACK TO SAVEPOINT candour_step", NULL);
}

/* How a bulk load's one-row INSERT becomes a COPY: "INSERT INTO t (c1, c2) VALUES
 * (:a, coalesce (:b, 0))" loads rows (a, b) into a private staging table typed like
 * c1 and c2, then "INSERT INTO t (c1, c2) SELECT a, coalesce (b, 0) FROM staging". */
typedef struct
{
  char *create;                 /* the staging table, if not there yet */
  char *copy;                   /* COPY staging (…) FROM STDIN */
  char *insert;                 /* INSERT INTO t … SELECT … FROM staging */
  GPtrArray *names;             /* the parameters in staging's column order */
} Staging;

static void
staging_free (Staging *staging)
{
  g_free (staging->create);
  g_free (staging->copy);
  g_free (staging->insert);
  g_clear_pointer (&staging->names, g_ptr_array_unref);
  g_free (staging);
}

static Staging *
staging_new (const char  *insert_sql,
             GError     **error)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) shape = g_regex_new ("^INSERT INTO (\\w+) \\(([^)]*)\\) VALUES \\((.*)\\)$",
                                         G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) parameter = g_regex_new (":(\\w+)", 0, 0, NULL);
  g_autofree char *table = NULL;
  g_autofree char *column_list = NULL;
  g_auto(GStrv) columns = NULL;
  g_autofree char *values = NULL;
  g_autofree char *selected = NULL;
  g_autoptr(GString) typed = g_string_new (NULL);
  g_autoptr(GString) copied = g_string_new (NULL);
  Staging *staging;

  if (!g_regex_match (shape, insert_sql, 0, &match))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Cannot load rows in bulk with: %s", insert_sql);
      return NULL;
    }
  table = g_match_info_fetch (match, 1);
  column_list = g_match_info_fetch (match, 2);
  columns = g_strsplit (column_list, ",", -1);
  values = g_match_info_fetch (match, 3);

  staging = g_new0 (Staging, 1);
  staging->names = g_ptr_array_new_with_free_func (g_free);

  /* Each value names one parameter, for the column in its place: the staging column
   * takes the parameter's name and that column's type. */
  {
    g_autoptr(GMatchInfo) names = NULL;
    guint i = 0;

    g_regex_match (parameter, values, 0, &names);
    for (; g_match_info_matches (names) && columns[i] != NULL; g_match_info_next (names, NULL), i++)
      {
        g_autofree char *name = g_match_info_fetch (names, 1);

        g_string_append_printf (typed, ", %s AS %s", g_strstrip (columns[i]), name);
        g_string_append_printf (copied, ", %s", name);
        g_ptr_array_add (staging->names, g_strconcat (":", name, NULL));
      }
  }

  selected = g_regex_replace (parameter, values, -1, 0, "\\1", 0, NULL);
  staging->create = g_strdup_printf ("CREATE TEMPORARY TABLE IF NOT EXISTS candour_staging_%s AS "
                                     "SELECT 0::bigint AS candour_row%s FROM %s WITH NO DATA",
                                     table, typed->str, table);
  staging->copy = g_strdup_printf ("COPY candour_staging_%s (candour_row%s) FROM STDIN",
                                   table, copied->str);
  staging->insert = g_strdup_printf ("INSERT INTO %s (%s) SELECT %s FROM candour_staging_%s "
                                     "ORDER BY candour_row; TRUNCATE candour_staging_%s",
                                     table, column_list, selected, table, table);
  return staging;
}

/* A value in COPY's text form: NULL as \N, and backslash, tab and line breaks escaped. */
static void
append_copy_value (GString    *line,
                   const char *text)
{
  if (text == NULL)
    {
      g_string_append (line, "\\N");
      return;
    }
  for (const char *c = text; *c != '\0'; c++)
    switch (*c)
      {
      case '\\': g_string_append (line, "\\\\"); break;
      case '\t': g_string_append (line, "\\t"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\r': g_string_append (line, "\\r"); break;
      default: g_string_append_c (line, *c); break;
      }
}

static gboolean
copy_rows (CandourServer       *self,
           Staging             *staging,
           const char * const  *names,
           guint                n_names,
           const CandourValue  *values,
           guint                n_rows,
           GError             **error)
{
  g_autoptr(GString) data = g_string_sized_new (n_rows * 64);
  g_autofree guint *order = g_new (guint, n_names);
  PGresult *result;
  gboolean ok;

  /* Which of the caller's values goes in each of the staging table's columns. */
  for (guint i = 0; i < n_names; i++)
    {
      guint k;

      if (!g_ptr_array_find_with_equal_func (staging->names, names[i], g_str_equal, &k))
        g_return_val_if_reached (FALSE);
      order[k] = i;
    }

  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append_printf (data, "%u", r);
      for (guint k = 0; k < n_names; k++)
        {
          const CandourValue *value = &values[r * n_names + order[k]];

          g_string_append_c (data, '\t');
          if (value->type == CANDOUR_VALUE_INT64)
            g_string_append_printf (data, "%" G_GINT64_FORMAT, value->number);
          else
            append_copy_value (data, value->type == CANDOUR_VALUE_TEXT ? value->text : NULL);
        }
      g_string_append_c (data, '\n');
    }

  result = PQexec (self->connection, staging->copy);
  ok = PQresultStatus (result) == PGRES_COPY_IN;
  if (!ok)
    candour_server_set_error (self, result, NULL, error);
  PQclear (result);
  if (!ok)
    return FALSE;

  ok = PQputCopyData (self->connection, data->str, (int)data->len) == 1 &&
       PQputCopyEnd (self->connection, NULL) == 1;
  while ((result = PQgetResult (self->connection)) != NULL)
    {
      if (ok && PQresultStatus (result) != PGRES_COMMAND_OK)
        ok = candour_server_set_error (self, result, NULL, error);
      PQclear (result);
    }
  if (!ok && error != NULL && *error == NULL)
    candour_server_set_error (self, NULL, NULL, error);
  return ok;
}

/* The rows go by COPY, the quickest way into a server, into a staging table of this
 * connection's own (no other session sees it, and no shared table changes shape); one
 * INSERT … SELECT then checks and writes them all, and the audit triggers record them
 * as one run. */
gboolean
candour_server_insert_rows (CandourServer       *self,
                            const char          *insert_sql,
                            const char * const  *names,
                            guint                n_names,
                            const CandourValue  *values,
                            guint                n_rows,
                            GError             **error)
{
  gboolean in_transaction = candour_server_in_transaction (self);
  Staging *staging;
  gboolean ok;

  if (self->staging == NULL)
    self->staging = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)staging_free);
  staging = g_hash_table_lookup (self->staging, insert_sql);
  if (staging == NULL)
    {
      if ((staging = staging_new (insert_sql, error)) == NULL)
        return FALSE;
      g_hash_table_insert (self->staging, (gpointer)insert_sql, staging);
    }
  g_return_val_if_fail (n_names == staging->names->len, FALSE);

  /* Made outside the savepoint below, so that a refusal does not take it away. */
  if (!candour_server_exec (self, staging->create, error))
    return FALSE;
  /* A refused row must not end the whole transaction: the import then looks for it
   * row by row, as it does on SQLite. Rolling back to the savepoint also empties the
   * staging table again. */
  if (in_transaction && !candour_server_savepoint (self, error))
    return FALSE;
  ok = copy_rows (self, staging, names, n_names, values, n_rows, error) &&
       candour_server_exec (self, staging->insert, error);
  if (in_transaction)
    candour_server_end_savepoint (self, ok);
  /* Outside a transaction the rows copied stay: emptied for the next rows. */
  if (!ok && !in_transaction)
    {
      g_autofree char *empty = g_strdup_printf ("TRUNCATE %s", strstr (staging->create, "candour_staging_"));

      *strchr (empty + strlen ("TRUNCATE "), ' ') = '\0';
      candour_server_exec (self, empty, NULL);
    }
  return ok;
}

guint
candour_server_get_bulk_rows (CandourServer *self)
{
  /* Each load is a few round trips whatever its size: many rows to each. */
  return 4096;
}

/* The group roles sql/pg/roles.sql makes, by the names people use. */
static const char * const roles[] = { "viewer", "editor", "finance", "admin" };

gboolean
candour_server_grant (CandourServer  *self,
                      const char     *login,
                      const char     *role,
                      GError        **error)
{
  g_autofree char *quoted = NULL;
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  char *escaped;
  gboolean known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    known = known || g_str_equal (role, roles[i]);
  if (!known)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "“%s” is not one of Candour's roles: give viewer (reads), editor (records), "
                   "finance (payments) or admin (people, and all of these).", role);
      return FALSE;
    }

  escaped = PQescapeIdentifier (self->connection, login, strlen (login));
  if (escaped == NULL)
    return candour_server_set_error (self, NULL, NULL, error);
  quoted = g_strdup (escaped);
  PQfreemem (escaped);

  /* One role each: the new one replaces whatever Candour role the login had. */
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (!g_str_equal (role, roles[i]))
      g_string_append_printf (sql, "REVOKE candour_%s FROM %s;", roles[i], quoted);
  g_string_append_printf (sql, "GRANT candour_%s TO %s; COMMIT;", role, quoted);

  if (!candour_server_exec (self, sql->str, error))
    {
      candour_server_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

static void
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  CandourServer *self = user_data;
  PGcancel *cancel = PQgetCancel (self->connection);
  char reason[256];

  /* From whichever thread cancelled: PQcancel is made for that. */
  if (cancel != NULL)
    {
      PQcancel (cancel, reason, sizeof reason);
      PQfreeCancel (cancel);
    }
}

void
candour_server_set_cancellable (CandourServer *self,
                                GCancellable  *cancellable)
{
  if (self->cancellable != NULL)
    {
      g_cancellable_disconnect (self->cancellable, self->cancelled_id);
      g_clear_object (&self->cancellable);
      self->cancelled_id = 0;
    }

  if (cancellable != NULL)
    {
      self->cancellable = g_object_ref (cancellable);
      self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), self, NULL);
    }
}

void
candour_server_set_wait_when_busy (CandourServer *self,
                                   gboolean       wait)
{
  candour_server_exec (self, wait ? "SET lock_timeout = '" LOCK_TIMEOUT "'" : "SET lock_timeout = '1ms'", NULL);
}
