/* candour-database.c: connection, migrations, statements and transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>

#include "candour-core-resources.h"
#include "candour-database-private.h"
#include "candour-backup.h"
#include "candour-date.h"
#include "candour-error.h"
#include "candour-money.h"
#include "candour-size-band.h"

/* A writer waits this long for another process to finish saving before giving up. */
#define BUSY_TIMEOUT_MS 5000

/* Schema migrations in order: migration N brings user_version from N - 1 to N.
 * Never edit a released file; add a new one. */
static const char * const migrations[] = {
  "/io/github/candour/Candour/sql/0001-initial.sql",
  "/io/github/candour/Candour/sql/0002-audit.sql",
};

struct _CandourDatabase
{
  GObject parent_instance;

  char *path;
  char *upgrade_backup;         /* where the file was copied before an upgrade, or NULL */
  gboolean on_network;          /* on a network file system: no WAL */
  sqlite3 *db;
  GHashTable *statements;       /* const char *sql (by address) → sqlite3_stmt */
  guint transaction_depth;
  gboolean rollback_requested;
};

G_DEFINE_FINAL_TYPE (CandourDatabase, candour_database, G_TYPE_OBJECT)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
candour_database_finalize (GObject *object)
{
  CandourDatabase *self = (CandourDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->upgrade_backup, g_free);

  G_OBJECT_CLASS (candour_database_parent_class)->finalize (object);
}

static void
candour_database_class_init (CandourDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = candour_database_finalize;
}

static void
candour_database_init (CandourDatabase *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

gboolean
candour_database_set_error (CandourDatabase  *self,
                            GError          **error,
                            const char       *sql)
{
  int code = sqlite3_errcode (self->db);
  int primary = code & 0xff;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    {
      g_set_error_literal (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_BUSY,
                           "The database is busy (someone else is saving). "
                           "Nothing was changed; try again in a moment.");
      return FALSE;
    }

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    {
      g_set_error (error, CANDOUR_DATABASE_ERROR, primary,
                   "%s is damaged or is not a database (%s). "
                   "Restore it from a backup copy.",
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }

  if (sql != NULL)
    g_debug ("SQL failed: %s\n%s", sqlite3_errmsg (self->db), sql);

  g_set_error (error, CANDOUR_DATABASE_ERROR, primary,
               "The database reported a problem: %s (code %d)",
               sqlite3_errmsg (self->db), sqlite3_extended_errcode (self->db));
  return FALSE;
}

/* SQL functions the reports use, so rounding and day counts follow one rule everywhere. */

static void
sql_round_mul_div (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  for (int i = 0; i < 3; i++)
    if (sqlite3_value_type (argv[i]) == SQLITE_NULL)
      {
        sqlite3_result_null (context);
        return;
      }

  if (sqlite3_value_int64 (argv[2]) == 0)
    {
      sqlite3_result_null (context);
      return;
    }

  sqlite3_result_int64 (context,
                        candour_round_mul_div (sqlite3_value_int64 (argv[0]),
                                               sqlite3_value_int64 (argv[1]),
                                               sqlite3_value_int64 (argv[2])));
}

static void
sql_days (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *iso = (const char *)sqlite3_value_text (argv[0]);
  gint64 days = iso != NULL ? candour_date_to_days (iso) : 0;

  if (days == 0)
    sqlite3_result_null (context);
  else
    sqlite3_result_int64 (context, days);
}

static void
sql_size_band (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  gboolean known = sqlite3_value_type (argv[0]) != SQLITE_NULL;

  sqlite3_result_text (context,
                       candour_size_band (known, known ? sqlite3_value_int64 (argv[0]) : 0),
                       -1, SQLITE_STATIC);
}

/* Who made a change, for the audit trail: the operating-system user. */
static void
sql_actor (sqlite3_context  *context,
           int               argc,
           sqlite3_value   **argv)
{
  sqlite3_result_text (context, g_get_user_name (), -1, SQLITE_STATIC);
}

static gboolean
register_functions (CandourDatabase  *self,
                    GError          **error)
{
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  if (sqlite3_create_function (self->db, "candour_round_mul_div", 3, flags, NULL,
                               sql_round_mul_div, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (self->db, "candour_days", 1, flags, NULL,
                               sql_days, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (self->db, "candour_size_band", 1, flags, NULL,
                               sql_size_band, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (self->db, "candour_actor", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
                               sql_actor, NULL, NULL) != SQLITE_OK)
    return candour_database_set_error (self, error, NULL);

  return TRUE;
}

static gboolean
query_int (CandourDatabase  *self,
           const char       *sql,
           gint64           *out_value,
           GError          **error)
{
  sqlite3_stmt *stmt = candour_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      candour_database_set_error (self, error, sql);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *out_value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gint64
candour_database_get_data_version (CandourDatabase *self)
{
  static const char sql[] = "PRAGMA data_version";
  gint64 version = 0;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), 0);

  query_int (self, sql, &version, NULL);
  return version;
}

int
candour_database_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

int
candour_database_get_schema_version (CandourDatabase *self)
{
  static const char sql[] = "PRAGMA user_version";
  gint64 version = -1;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), -1);

  if (!query_int (self, sql, &version, NULL))
    return -1;
  return (int)version;
}

static gboolean
apply_migration (CandourDatabase  *self,
                 int               version,
                 GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *script = NULL;
  g_autofree char *bump = NULL;
  gsize length;
  const char *data;

  bytes = g_resources_lookup_data (migrations[version - 1], 0, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  script = g_strndup (data, length);
  bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                          version, CANDOUR_APPLICATION_ID);

  if (!candour_database_begin (self, error))
    return FALSE;

  if (!candour_database_exec (self, script, error) ||
      !candour_database_exec (self, bump, error))
    {
      candour_database_end (self, FALSE, NULL);
      return FALSE;
    }

  return candour_database_end (self, TRUE, error);
}

/* "area.db" → "area.db.v1-backup-20261122-071500": beside the file, never clashing. */
static char *
upgrade_backup_path (const char *path,
                     int         version)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("%s.v%d-backup-%s", path, version, stamp);
}

static gboolean
migrate (CandourDatabase  *self,
         GError          **error)
{
  static const char app_id_sql[] = "PRAGMA application_id";
  static const char tables_sql[] = "SELECT count(*) FROM sqlite_schema";
  gint64 application_id = 0;
  gint64 n_objects = 0;
  int version;
  int latest = candour_database_get_latest_version ();

  if (!query_int (self, app_id_sql, &application_id, error) ||
      !query_int (self, tables_sql, &n_objects, error))
    return FALSE;

  version = candour_database_get_schema_version (self);

  if (application_id != CANDOUR_APPLICATION_ID && (application_id != 0 || n_objects > 0))
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NOT_CANDOUR,
                   "%s is not a Candour database; it was left as it was.", self->path);
      return FALSE;
    }

  if (version > latest)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NEWER_SCHEMA,
                   "%s was saved by a newer Candour (database version %d); this Candour "
                   "reads versions up to %d. Open it with the newer Candour; the file was "
                   "left as it was.", self->path, version, latest);
      return FALSE;
    }

  /* Keep the user's file as it was before changing its schema. */
  if (version >= 1 && version < latest && !g_str_equal (self->path, ":memory:"))
    {
      g_autofree char *backup = upgrade_backup_path (self->path, version);

      if (!candour_backup_to_path (self, backup, error))
        return FALSE;
      self->upgrade_backup = g_steal_pointer (&backup);
    }

  for (int next = version + 1; next <= latest; next++)
    if (!apply_migration (self, next, error))
      return FALSE;

  return TRUE;
}

/* Asks GIO whether the folder holding path is on a remote file system (NFS, SMB...).
 * CANDOUR_ASSUME_NETWORK_FS=1 makes every file count as remote, so the tests can take
 * this path without a file server. */
static gboolean
is_on_network (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GFileInfo) info = NULL;

  if (g_strcmp0 (g_getenv ("CANDOUR_ASSUME_NETWORK_FS"), "1") == 0)
    return TRUE;

  info = g_file_query_filesystem_info (folder != NULL ? folder : file,
                                       G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE, NULL, NULL);
  return info != NULL && g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE);
}

CandourDatabase *
candour_database_open (const char  *path,
                       GError     **error)
{
  g_autoptr(CandourDatabase) self = NULL;
  g_autofree char *pragmas = NULL;
  gboolean in_memory;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Referencing the bundled resources links them in from the static library, and
   * their constructor registers them. */
  g_assert (candour_core_get_resource () != NULL);

  in_memory = g_str_equal (path, ":memory:");
  self = g_object_new (CANDOUR_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  /* Owner only: the file says who was paid what. SQLite gives its -wal and -shm files
   * the same permissions. */
  if (!in_memory && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
      if (fd >= 0)
        g_close (fd, NULL);
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CANDOUR_DATABASE_ERROR, rc,
                   "Could not open %s: %s", path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* WAL lets the GUI and the CLI read while one of them writes; NORMAL is durable
   * across application crashes in WAL mode. */
  self->on_network = !in_memory && is_on_network (path);

  pragmas = g_strdup_printf ("PRAGMA foreign_keys = ON;"
                             "%s"
                             "PRAGMA synchronous = NORMAL;"
                             /* 64 MiB of page cache keeps a million-row import and the
                              * reports' sorting in memory instead of spilling to disk. */
                             "PRAGMA cache_size = -65536;"
                             "PRAGMA temp_store = MEMORY;",
                             /* WAL needs shared memory, which network file systems
                              * do not give: use the rollback journal there. */
                             in_memory ? "" : self->on_network ? "PRAGMA journal_mode = DELETE;"
                                                               : "PRAGMA journal_mode = WAL;");

  if (!candour_database_exec (self, pragmas, error) ||
      !register_functions (self, error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

CandourDatabase *
candour_database_open_reader (CandourDatabase  *self,
                              GError          **error)
{
  g_autoptr(CandourDatabase) reader = NULL;
  int rc;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_str_equal (self->path, ":memory:"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "An in-memory database cannot be opened twice");
      return NULL;
    }

  reader = g_object_new (CANDOUR_TYPE_DATABASE, NULL);
  reader->path = g_strdup (self->path);
  reader->on_network = self->on_network;

  /* No migration and no journal mode: the first connection did both, and a reader
   * never writes. */
  rc = sqlite3_open_v2 (self->path, &reader->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CANDOUR_DATABASE_ERROR, rc, "Could not open %s: %s", self->path,
                   reader->db != NULL ? sqlite3_errmsg (reader->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (reader->db, TRUE);
  sqlite3_busy_timeout (reader->db, BUSY_TIMEOUT_MS);

  /* SQLite's own small page cache and temporary files, not the writer's 64 MiB in
   * memory: a million payments sort in 0.45 s so, 1.4 s all in memory (the sorter
   * merges small sorted runs faster than it sorts one large one). */
  if (!candour_database_exec (reader, "PRAGMA foreign_keys = ON;", error) ||
      !register_functions (reader, error))
    return NULL;

  return g_steal_pointer (&reader);
}

const char *
candour_database_get_path (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), NULL);

  return self->path;
}

const char *
candour_database_get_upgrade_backup (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), NULL);

  return self->upgrade_backup;
}

gboolean
candour_database_is_on_network (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  return self->on_network;
}

sqlite3 *
candour_database_get_handle (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), NULL);

  return self->db;
}

sqlite3_stmt *
candour_database_prepare (CandourDatabase  *self,
                          const char       *sql,
                          GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      candour_database_set_error (self, error, sql);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

gboolean
candour_database_exec (CandourDatabase  *self,
                       const char       *sql,
                       GError          **error)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return candour_database_set_error (self, error, sql);

  return TRUE;
}

gboolean
candour_database_begin (CandourDatabase  *self,
                        GError          **error)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  if (self->transaction_depth == 0)
    {
      if (!candour_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->rollback_requested = FALSE;
    }

  self->transaction_depth++;
  return TRUE;
}

gboolean
candour_database_end (CandourDatabase  *self,
                      gboolean          commit,
                      GError          **error)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (!commit)
    self->rollback_requested = TRUE;

  if (--self->transaction_depth > 0)
    return TRUE;

  if (self->rollback_requested)
    {
      /* Statements still stepping would keep the rollback from completing. */
      GHashTableIter iter;
      gpointer stmt;

      g_hash_table_iter_init (&iter, self->statements);
      while (g_hash_table_iter_next (&iter, NULL, &stmt))
        sqlite3_reset (stmt);

      candour_database_exec (self, "ROLLBACK", NULL);
      if (commit)
        {
          g_set_error_literal (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                               "Part of the change failed, so none of it was saved.");
          return FALSE;
        }
      return TRUE;
    }

  if (!candour_database_exec (self, "COMMIT", error))
    {
      /* COMMIT can fail with SQLITE_BUSY and leave the transaction open: end it. */
      if (!sqlite3_get_autocommit (self->db))
        candour_database_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

void
candour_database_set_wait_when_busy (CandourDatabase *self,
                                     gboolean         wait)
{
  g_return_if_fail (CANDOUR_IS_DATABASE (self));

  sqlite3_busy_timeout (self->db, wait ? BUSY_TIMEOUT_MS : 0);
}

gboolean
candour_database_in_transaction (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  return self->transaction_depth > 0;
}

static int
parameter_index (sqlite3_stmt *stmt,
                 const char   *name)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index == 0)
    g_critical ("SQL has no parameter %s: %s", name, sqlite3_sql (stmt));
  return index;
}

void
candour_bind_text (sqlite3_stmt *stmt,
                   const char   *name,
                   const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, parameter_index (stmt, name));
  else
    sqlite3_bind_text (stmt, parameter_index (stmt, name), value, -1, SQLITE_TRANSIENT);
}

void
candour_bind_int64 (sqlite3_stmt *stmt,
                    const char   *name,
                    gint64        value)
{
  sqlite3_bind_int64 (stmt, parameter_index (stmt, name), value);
}

void
candour_bind_null (sqlite3_stmt *stmt,
                   const char   *name)
{
  sqlite3_bind_null (stmt, parameter_index (stmt, name));
}

gboolean
candour_database_audit_batch (CandourDatabase  *self,
                              const char       *table,
                              gint64            first_id,
                              gint64            last_id,
                              const char       *source,
                              guint             rows,
                              GError          **error)
{
  static const char sql[] =
    "INSERT INTO audit (actor, table_name, record_id, last_record_id, action, new_values) "
    "VALUES (candour_actor (), :table, :first, :last, 'insert', "
    "json_object ('file', :source, 'rows', :rows))";
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  stmt = candour_database_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  candour_bind_text (stmt, ":table", table);
  candour_bind_int64 (stmt, ":first", first_id);
  candour_bind_int64 (stmt, ":last", last_id);
  candour_bind_text (stmt, ":source", source);
  candour_bind_int64 (stmt, ":rows", rows);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return candour_database_set_error (self, error, sql);
  return TRUE;
}

char *
candour_database_name_file (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_has_suffix (path, ".candour") || g_str_has_suffix (path, ".db"))
    return g_strdup (path);
  return g_strconcat (path, ".candour", NULL);
}

void
candour_database_remove_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_return_if_fail (path != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}
