/* candour-database.c: connection, migrations, statements and transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE             /* fallocate () */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "candour-core-resources.h"
#include "candour-database-private.h"
#include "candour-database-sqlite.h"
#include "candour-query-private.h"
#include "candour-server.h"
#include "candour-backup.h"
#include "candour-error.h"

/* A writer waits this long for another process to finish saving before giving up. */
#define BUSY_TIMEOUT_MS 5000

/* Schema migrations in order: migration N brings user_version from N - 1 to N.
 * Never edit a released file; add a new one. */
static const char * const migrations[] = {
  "/io/github/candour/Candour/sql/0001-initial.sql",
  "/io/github/candour/Candour/sql/0002-audit.sql",
  "/io/github/candour/Candour/sql/0003-never-reused-keys.sql",
  "/io/github/candour/Candour/sql/0004-scale-indexes.sql",
  "/io/github/candour/Candour/sql/0005-closed-periods.sql",
  "/io/github/candour/Candour/sql/0006-payment-search.sql",
};

/* From this version on, the audit triggers read who is saving from audit_writer. */
#define WRITER_TABLE_VERSION 3

/* An INSERT of one row made into an INSERT of many, for candour_database_insert_rows(). */
typedef struct
{
  const char *insert_sql;       /* the INSERT of one row it was made from, by address */
  sqlite3_stmt *stmt;
  guint n_rows;
  GPtrArray *names;             /* the one row's parameters (":a"), in the order they are numbered */
} BulkInsert;

static void
bulk_insert_free (BulkInsert *bulk)
{
  sqlite3_finalize (bulk->stmt);
  g_ptr_array_unref (bulk->names);
  g_free (bulk);
}

struct _CandourDatabase
{
  GObject parent_instance;

  char *path;                   /* a file's path; a server's address without its password */
  char *connect_location;       /* a server's address as given, to connect a reader with */
  char *files[5];               /* path, -wal, -shm, -journal, NULL */
  char *upgrade_backup;         /* where the file was copied before an upgrade, or NULL */
  gboolean on_network;          /* on a network file system: no WAL */
  gboolean created;             /* opening made the file */
  gboolean read_only;
  char *read_only_reason;       /* why it is read-only, when that is not the person's doing */
  gboolean has_writer_table;    /* audit_writer exists: name the writer in each transaction */
  int reserve_fd;               /* the file, to reserve room before a commit; -1 when not */
  sqlite3 *db;                  /* the file's connection, or NULL on a server */
  CandourServer *server;        /* the server's connection, or NULL for a file */
  GHashTable *queries;          /* const char *sql (by address) → CandourQuery */
  BulkInsert *bulk_insert;      /* the latest bulk load's INSERT of many rows, or NULL */
  guint transaction_depth;
  gboolean rollback_requested;
};

G_DEFINE_FINAL_TYPE (CandourDatabase, candour_database, G_TYPE_OBJECT)

static void
candour_database_finalize (GObject *object)
{
  CandourDatabase *self = (CandourDatabase *)object;

  g_clear_pointer (&self->queries, g_hash_table_unref);
  g_clear_pointer (&self->bulk_insert, bulk_insert_free);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->server, candour_server_free);
  if (self->reserve_fd >= 0)
    close (self->reserve_fd);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->connect_location, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->files); i++)
    g_clear_pointer (&self->files[i], g_free);
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
  self->queries = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)candour_query_free);
  self->reserve_fd = -1;
}

gboolean
candour_database_set_error (CandourDatabase  *self,
                            GError          **error,
                            const char       *sql)
{
  if (sql != NULL)
    g_debug ("SQL failed: %s\n%s", sqlite3_errmsg (self->db), sql);

  return candour_database_error_from_sqlite (error, self->path, sqlite3_extended_errcode (self->db),
                                             sqlite3_system_errno (self->db),
                                             sqlite3_errmsg (self->db));
}

static gboolean
register_functions (CandourDatabase  *self,
                    GError          **error)
{
  if (candour_sql_functions_register (self->db) != SQLITE_OK)
    return candour_database_set_error (self, error, NULL);
  return TRUE;
}

static gboolean
query_int (CandourDatabase  *self,
           const char       *sql,
           gint64           *out_value,
           GError          **error)
{
  CandourQuery *query = candour_database_query (self, sql, error);

  if (query == NULL || candour_query_step (query, error) != CANDOUR_QUERY_ROW)
    return FALSE;

  *out_value = candour_query_get_int64_at (query, 0);
  candour_query_reset (query);
  return TRUE;
}

gint64
candour_database_get_data_version (CandourDatabase *self)
{
  static const char sql[] = "PRAGMA data_version";
  /* Every change on a server is audited, and the audit's keys only grow. */
  static const char server_sql[] = "SELECT coalesce (max (id), 0) FROM audit";
  gint64 version = 0;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), 0);

  if (self->server != NULL)
    {
      query_int (self, server_sql, &version, NULL);
      return version;
    }

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

  if (self->server != NULL)
    return candour_server_read_version (self->server, &version, NULL) ? (int)version : -1;

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

  return candour_database_exec (self, script, error) && candour_database_exec (self, bump, error);
}

/* Every migration from the file's version on, in one transaction: a file killed while
 * it is made or upgraded is as it was before, never half of the way there. */
static gboolean
apply_migrations (CandourDatabase  *self,
                  int               from,
                  int               to,
                  GError          **error)
{
  gboolean ok;

  /* A migration may rebuild a table that others refer to (SQLite's way to change a
   * table's definition), which foreign keys forbid while they are on; the data is
   * copied unchanged, so what held before holds after. The pragma only takes effect
   * outside a transaction. */
  if (!candour_database_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  ok = candour_database_begin (self, error);
  for (int next = from + 1; ok && next <= to; next++)
    ok = apply_migration (self, next, error);
  if (ok)
    ok = candour_database_end (self, TRUE, error);
  else if (candour_database_in_transaction (self))
    candour_database_end (self, FALSE, NULL);

  candour_database_exec (self, "PRAGMA foreign_keys = ON", NULL);
  return ok;
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
set_damaged_header_error (CandourDatabase  *self,
                          GError          **error,
                          const char       *what)
{
  g_autofree char *name = g_filename_display_name (self->path);

  g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CORRUPT,
               "%s is damaged: %s. Nothing was changed. Restore it from a backup "
               "(candour-cli check lists the backups it knows of).", name, what);
  return FALSE;
}

/* Reads the schema version from the header and refuses, before anything is written
 * (switching to WAL writes the header), a file that is not Candour's, from a newer
 * Candour, or whose numbers cannot be right. */
static gboolean
read_schema_version (CandourDatabase  *self,
                     gint64           *out_version,
                     GError          **error)
{
  static const char app_id_sql[] = "PRAGMA application_id";
  static const char version_sql[] = "PRAGMA user_version";
  static const char tables_sql[] = "SELECT count(*) FROM sqlite_schema";
  gint64 application_id = 0;
  gint64 n_objects = 0;
  gint64 version = 0;
  int latest = candour_database_get_latest_version ();

  if (!query_int (self, app_id_sql, &application_id, error) ||
      !query_int (self, version_sql, &version, error) ||
      !query_int (self, tables_sql, &n_objects, error))
    return FALSE;

  if (application_id != CANDOUR_APPLICATION_ID && (application_id != 0 || n_objects > 0))
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NOT_CANDOUR,
                   "%s is not a Candour database; it was left as it was.", self->path);
      return FALSE;
    }

  /* The header's numbers index the list of migrations: never trust them blindly. */
  if (version < 0)
    {
      g_autofree char *what = g_strdup_printf ("its header gives a database version of %" G_GINT64_FORMAT
                                               ", which no Candour ever wrote", version);
      return set_damaged_header_error (self, error, what);
    }
  if (version == 0 && n_objects > 0)
    return set_damaged_header_error (self, error, "it holds tables, but its header says it "
                                     "holds none (database version 0)");

  /* A newer Candour adds one version at a time; thousands ahead is a flipped bit. */
  if (version > latest + 1000)
    {
      g_autofree char *what = g_strdup_printf ("its header gives a database version of %" G_GINT64_FORMAT
                                               ", which no Candour ever wrote", version);
      return set_damaged_header_error (self, error, what);
    }

  if (version > latest)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NEWER_SCHEMA,
                   "%s was saved by a newer Candour (database version %" G_GINT64_FORMAT "); this "
                   "Candour reads versions up to %d. Open it with the newer Candour; the file "
                   "was left as it was.", self->path, version, latest);
      return FALSE;
    }

  *out_version = version;
  return TRUE;
}

static gboolean
migrate (CandourDatabase  *self,
         gint64            version,
         GError          **error)
{
  int latest = candour_database_get_latest_version ();

  if (version < latest && self->read_only && !g_str_equal (self->path, ":memory:"))
    {
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_READ_ONLY,
                   "%s was saved by an older Candour (database version %" G_GINT64_FORMAT ") and "
                   "must be upgraded before this one can use it, but it is read-only. Nothing "
                   "was changed. Make a copy you can write to, and open that.",
                   self->path, version);
      return FALSE;
    }

  /* Keep the user's file as it was before changing its schema. */
  if (version >= 1 && version < latest && !g_str_equal (self->path, ":memory:"))
    {
      g_autofree char *backup = upgrade_backup_path (self->path, (int)version);

      if (!candour_backup_to_path (self, backup, error))
        return FALSE;
      self->upgrade_backup = g_steal_pointer (&backup);
    }

  if (version < latest && !apply_migrations (self, (int)version, latest, error))
    return FALSE;

  self->has_writer_table = latest >= WRITER_TABLE_VERSION;
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

static gboolean
set_cant_open (GError     **error,
               int          code,
               const char  *format,
               ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_cant_open (GError     **error,
               int          code,
               const char  *format,
               ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CANDOUR_DATABASE_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

/* What SQLite would only call "unable to open database file", in words, before it is
 * asked: sets *out_exists, and refuses what Candour must not open as a database. */
static gboolean
check_database_path (const char        *path,
                     CandourOpenFlags   flags,
                     gboolean          *out_exists,
                     GError           **error)
{
  g_autofree char *name = g_filename_display_name (path);
  GStatBuf st;

  *out_exists = FALSE;

  if (path[0] == '\0')
    return set_cant_open (error, CANDOUR_DATABASE_ERROR_CANT_OPEN,
                          "No database was named; give the path of a Candour database file.");

  if (g_lstat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *folder_name = g_filename_display_name (folder);

      if (saved_errno != ENOENT)
        return set_cant_open (error, CANDOUR_DATABASE_ERROR_CANT_OPEN,
                              "Could not open %s: %s.", name, g_strerror (saved_errno));
      if (!(flags & CANDOUR_OPEN_CREATE))
        return set_cant_open (error, CANDOUR_DATABASE_ERROR_NOT_FOUND,
                              "There is no database at %s; check its name.", name);
      if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
        return set_cant_open (error, CANDOUR_DATABASE_ERROR_CANT_OPEN,
                              "Could not make %s: the folder %s does not exist. Create it "
                              "first, or choose another place for the database.",
                              name, folder_name);
      return TRUE;
    }

  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *target = g_file_read_link (path, NULL);
      g_autofree char *target_name = target != NULL ? g_filename_display_name (target) : g_strdup ("another file");

      /* SQLite keeps its journal beside the name it opens: through a link, a second
       * program opening the real name would not see it. */
      return set_cant_open (error, CANDOUR_DATABASE_ERROR_CANT_OPEN,
                            "%s is a symbolic link to %s. Open the database by its own name "
                            "instead, so that its journal stays beside it.", name, target_name);
    }
  if (S_ISDIR (st.st_mode))
    return set_cant_open (error, CANDOUR_DATABASE_ERROR_CANT_OPEN,
                          "%s is a folder, not a database file.", name);
  if (!S_ISREG (st.st_mode))
    return set_cant_open (error, CANDOUR_DATABASE_ERROR_CANT_OPEN,
                          "%s is %s, not a file, so it cannot be a database.", name,
                          S_ISFIFO (st.st_mode) ? "a named pipe" : S_ISSOCK (st.st_mode) ? "a socket" : "a device");

  *out_exists = TRUE;
  return TRUE;
}

/* A write-ahead-log file on a disk nobody may write to (a CD, a read-only share, a
 * locked USB stick) cannot be read the usual way: SQLite would need to make its -shm
 * file beside it. With no -wal file there, the file itself is the whole database and
 * nothing can change it, so SQLite may read it as immutable. */
static gboolean
reopen_on_read_only_disk (CandourDatabase  *self,
                          GError          **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  guint8 header[20] = { 0 };
  int fd;
  int rc;

  fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      if (read (fd, header, sizeof header) != sizeof header)
        header[18] = 0;
      close (fd);
    }
  if (header[18] != 2 || g_access (folder, W_OK) == 0 || g_file_test (self->files[1], G_FILE_TEST_EXISTS))
    return TRUE;

  absolute = g_canonicalize_filename (self->path, NULL);
  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri == NULL)
    return TRUE;
  {
    g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

    sqlite3_close_v2 (self->db);
    self->db = NULL;
    rc = sqlite3_open_v2 (immutable, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  }
  if (rc != SQLITE_OK)
    return candour_database_error_from_sqlite (error, self->path,
                                               self->db != NULL ? sqlite3_extended_errcode (self->db) : rc,
                                               self->db != NULL ? sqlite3_system_errno (self->db) : 0, NULL);
  sqlite3_extended_result_codes (self->db, TRUE);
  return TRUE;
}

static void
set_files (CandourDatabase *self)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    self->files[i] = g_strconcat (self->path, suffixes[i], NULL);
}

static void
append_query (GString    *location,
              const char *key,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_printf (location, "%c%s=%s", strchr (location->str, '?') ? '&' : '?', key, escaped);
}

char *
candour_database_server_location (const char *host,
                                  const char *port,
                                  const char *database,
                                  const char *user,
                                  const char *password,
                                  const char *tls_mode)
{
  GString *location = g_string_new ("postgresql://");
  g_autofree char *escaped_database = NULL;

  g_return_val_if_fail (database != NULL && database[0] != '\0', NULL);

  if (user != NULL && user[0] != '\0')
    {
      g_autofree char *escaped_user = g_uri_escape_string (user, NULL, FALSE);

      g_string_append (location, escaped_user);
      if (password != NULL && password[0] != '\0')
        {
          g_autofree char *escaped_password = g_uri_escape_string (password, NULL, FALSE);

          g_string_append_printf (location, ":%s", escaped_password);
        }
      g_string_append_c (location, '@');
    }
  /* A socket folder is no host name: it goes in the query, where libpq reads it too. */
  if (host != NULL && host[0] != '\0' && host[0] != '/')
    {
      g_autofree char *escaped_host = g_uri_escape_string (host, NULL, FALSE);

      g_string_append (location, escaped_host);
      if (port != NULL && port[0] != '\0')
        g_string_append_printf (location, ":%s", port);
    }
  escaped_database = g_uri_escape_string (database, NULL, FALSE);
  g_string_append_printf (location, "/%s", escaped_database);
  if (host != NULL && host[0] == '/')
    {
      append_query (location, "host", host);
      if (port != NULL && port[0] != '\0')
        append_query (location, "port", port);
    }
  if (tls_mode != NULL && tls_mode[0] != '\0')
    append_query (location, "sslmode", tls_mode);
  /* A server that does not answer is said to be so in ten seconds, not two minutes. */
  append_query (location, "connect_timeout", "10");
  return g_string_free (location, FALSE);
}

char *
candour_database_location_without_password (const char *location)
{
  g_autoptr(GRegex) in_user = g_regex_new ("^(postgres(?:ql)?://[^:@/?]*):[^@/?]*@", 0, 0, NULL);
  g_autoptr(GRegex) in_query = g_regex_new ("([?&])password=[^&]*&?", 0, 0, NULL);
  g_autofree char *without_user = g_regex_replace (in_user, location, -1, 0, "\\1@", 0, NULL);
  char *without = g_regex_replace (in_query, without_user, -1, 0, "\\1", 0, NULL);
  gsize length = strlen (without);

  if (length > 0 && (without[length - 1] == '&' || without[length - 1] == '?'))
    without[length - 1] = '\0';
  return without;
}

char *
candour_database_location_with_password (const char *location,
                                         const char *password)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (candour_database_is_server_location (location), NULL);

  if (password == NULL || password[0] == '\0')
    return g_strdup (location);
  /* In the query, where libpq reads it too: the address's user part stays as it was. */
  escaped = g_uri_escape_string (password, NULL, FALSE);
  return g_strdup_printf ("%s%cpassword=%s", location, strchr (location, '?') ? '&' : '?', escaped);
}

gboolean
candour_database_server_location_parts (const char  *location,
                                        char       **out_host,
                                        char       **out_port,
                                        char       **out_database,
                                        char       **out_user,
                                        char       **out_tls_mode)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return candour_database_is_server_location (location) &&
         candour_server_uri_parts (location, out_host, out_port, out_database, out_user, out_tls_mode);
}

/* A register on a server is set up on purpose: by candour_database_set_up_server(), or
 * by the work that makes a file where there is none (an import, the demo: create), in
 * an empty database only. Reading never sets one up. */
static CandourDatabase *
open_server (const char  *uri,
             gboolean     read_only,
             gboolean     create,
             GError     **error)
{
  g_autoptr(CandourDatabase) self = g_object_new (CANDOUR_TYPE_DATABASE, NULL);
  gint64 version = 0;

  self->path = candour_database_location_without_password (uri);
  self->connect_location = g_strdup (uri);
  self->read_only = read_only;
  self->server = candour_server_connect (uri, read_only, error);
  if (self->server == NULL || !candour_server_read_version (self->server, &version, error))
    return NULL;

  if (version == 0 && create && !read_only &&
      (!candour_server_set_up (self->server, error) ||
       !candour_server_read_version (self->server, &version, error)))
    return NULL;
  if (version == 0)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NOT_CANDOUR,
                   "%s has no Candour register yet. Nothing was changed. Set one up with: "
                   "candour-cli --db URI setup", candour_server_get_name (self->server));
      return NULL;
    }
  /* Its colleagues may have a newer Candour: this one reads what it understands and
   * changes nothing, rather than write what the newer schema would refuse or misread. */
  if (version > candour_database_get_latest_version ())
    {
      self->read_only_reason =
        g_strdup_printf ("%s was set up by a newer Candour (schema %d; this one knows up to %d), so "
                         "this one shows it but changes nothing. Install the newer Candour to "
                         "change it.", candour_server_get_name (self->server), (int)version,
                         candour_database_get_latest_version ());
      self->read_only = TRUE;
      if (!candour_server_exec (self->server, "SET default_transaction_read_only = on", error))
        return NULL;
      candour_server_set_read_only_reason (self->server, self->read_only_reason);
    }
  /* An older register is brought up to date first, under the server's lock, if this
   * login may change its tables; if not, whoever may must do it. */
  else if (version < candour_database_get_latest_version () && !read_only)
    {
      g_autoptr(GError) local_error = NULL;

      if (!candour_server_set_up (self->server, &local_error))
        {
          g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NEWER_SCHEMA,
                       "%s was set up by an earlier Candour (schema %d) and needs bringing up to "
                       "date (schema %d), which your login may not do (%s). Nothing was changed. "
                       "Ask its administrator to run: candour-cli --db URI setup",
                       candour_server_get_name (self->server), (int)version,
                       candour_database_get_latest_version (), local_error->message);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

gboolean
candour_database_set_up_server (const char  *uri,
                                GError     **error)
{
  g_autoptr(CandourServer) server = NULL;

  g_return_val_if_fail (candour_server_is_uri (uri), FALSE);

  server = candour_server_connect (uri, FALSE, error);
  return server != NULL && candour_server_set_up (server, error);
}

char *
candour_database_dup_title (CandourDatabase *self)
{
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), NULL);

  if (self->server != NULL)
    return g_strdup (candour_server_get_database (self->server));

  base = g_path_get_basename (self->path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

gboolean
candour_database_grant (CandourDatabase  *self,
                        const char       *login,
                        const char       *role,
                        GError          **error)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (login != NULL && role != NULL, FALSE);

  if (self->server == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, CANDOUR_NO_PEOPLE_IN_A_FILE);
      return FALSE;
    }
  return candour_server_grant (self->server, login, role, error);
}

char **
candour_database_dup_others (CandourDatabase *self)
{
  /* Candour names itself on connecting (application_name): psql and backups are not
   * people at work. Other sessions' logins are visible to everyone. */
  static const char sql[] =
    "SELECT DISTINCT usename AS login FROM pg_stat_activity\n"
    "WHERE datname = current_database () AND application_name = 'Candour'\n"
    "  AND pid <> pg_backend_pid () AND usename IS NOT NULL AND usename <> current_user\n"
    "ORDER BY 1";
  g_autoptr(GStrvBuilder) others = g_strv_builder_new ();
  CandourQuery *query;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), NULL);

  if (self->server == NULL)
    return g_strv_builder_end (others);

  if ((query = candour_database_query (self, sql, NULL)) != NULL)
    while (candour_query_step (query, NULL) == CANDOUR_QUERY_ROW)
      g_strv_builder_add (others, candour_query_get_text (query, "login"));
  return g_strv_builder_end (others);
}

gboolean
candour_database_is_server_location (const char *location)
{
  return candour_server_is_uri (location);
}

gboolean
candour_database_is_server (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  return self->server != NULL;
}

gboolean
candour_database_continue_keys (CandourDatabase  *self,
                                const char       *table,
                                GError          **error)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  /* AUTOINCREMENT already counts from the highest id a file has held. */
  if (self->server == NULL)
    return TRUE;
  return candour_server_continue_keys (self->server, table, error);
}

CandourServer *
candour_database_get_server (CandourDatabase *self)
{
  return self->server;
}

CandourDatabase *
candour_database_open_full (const char        *path,
                            CandourOpenFlags   flags,
                            GError           **error)
{
  g_autoptr(CandourDatabase) self = NULL;
  gboolean in_memory;
  gboolean exists = FALSE;
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Referencing the bundled resources links them in from the static library, and
   * their constructor registers them. */
  g_assert (candour_core_get_resource () != NULL);

  if (candour_server_is_uri (path))
    return open_server (path, FALSE, (flags & CANDOUR_OPEN_CREATE) != 0, error);

  in_memory = g_str_equal (path, ":memory:");
  if (!in_memory && !check_database_path (path, flags, &exists, error))
    return NULL;

  self = g_object_new (CANDOUR_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  if (!in_memory)
    set_files (self);

  if (exists)
    {
      g_autofree char *problem = candour_database_header_problem (path, FALSE);

      if (problem != NULL)
        {
          set_damaged_header_error (self, error, problem);
          return NULL;
        }
    }

  /* Owner only: the file says who was paid what. SQLite gives its -wal and -shm files
   * the same permissions. */
  if (!in_memory && !exists)
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          int saved_errno = errno;
          g_autofree char *name = g_filename_display_name (path);

          set_cant_open (error, CANDOUR_DATABASE_ERROR_CANT_OPEN, "Could not make %s: %s.",
                         name, g_strerror (saved_errno));
          return NULL;
        }
      g_close (fd, NULL);
      self->created = TRUE;
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                        NULL);
  if (rc != SQLITE_OK)
    {
      candour_database_error_from_sqlite (error, path, self->db != NULL ? sqlite3_extended_errcode (self->db) : rc,
                                          self->db != NULL ? sqlite3_system_errno (self->db) : 0, NULL);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* SQLite falls back to reading a file it may not write. */
  self->read_only = sqlite3_db_readonly (self->db, "main") == 1;
  if (self->read_only && !in_memory && !reopen_on_read_only_disk (self, error))
    return NULL;

  self->on_network = !in_memory && is_on_network (path);

  if (!candour_database_exec (self, "PRAGMA foreign_keys = ON;"
                                     /* FULL: each commit is on the disk before Candour says
                                      * "Imported" or "Saved", also across a power cut. */
                                     "PRAGMA synchronous = FULL;"
                                     /* 64 MiB of page cache keeps a million-row import and
                                      * the reports' sorting in memory, not on the disk. */
                                     "PRAGMA cache_size = -65536;"
                                     "PRAGMA temp_store = MEMORY;", error) ||
      !register_functions (self, error) ||
      !read_schema_version (self, &version, error))
    return NULL;

  /* WAL lets the GUI and the CLI read while one of them writes; it needs shared memory,
   * which network file systems do not give: the rollback journal there. A file that
   * cannot be written keeps the mode it has. */
  if (!in_memory && !self->read_only &&
      !candour_database_exec (self, self->on_network ? "PRAGMA journal_mode = DELETE"
                                                     : "PRAGMA journal_mode = WAL", error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  /* Room for a commit's pages is reserved in the file before the commit: with the
   * write-ahead log, the file itself only grows later, when nobody is left to hear
   * that the disk is full. */
  if (!in_memory && !self->read_only && !self->on_network)
    self->reserve_fd = g_open (path, O_RDWR | O_CLOEXEC, 0);

  return g_steal_pointer (&self);
}

CandourDatabase *
candour_database_open (const char  *path,
                       GError     **error)
{
  return candour_database_open_full (path, CANDOUR_OPEN_CREATE, error);
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
  if (self->server != NULL)
    return open_server (self->connect_location, TRUE, FALSE, error);

  reader = g_object_new (CANDOUR_TYPE_DATABASE, NULL);
  reader->path = g_strdup (self->path);
  set_files (reader);
  reader->on_network = self->on_network;
  reader->read_only = TRUE;

  /* No migration and no journal mode: the first connection did both, and a reader
   * never writes. */
  rc = sqlite3_open_v2 (self->path, &reader->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      candour_database_error_from_sqlite (error, self->path,
                                          reader->db != NULL ? sqlite3_extended_errcode (reader->db) : rc,
                                          reader->db != NULL ? sqlite3_system_errno (reader->db) : 0, NULL);
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

gboolean
candour_database_was_created (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  return self->created;
}

const char *
candour_database_get_read_only_reason (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), NULL);

  return self->read_only_reason;
}

gboolean
candour_database_is_read_only (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  return self->read_only;
}

const char * const *
candour_database_get_files (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), NULL);

  return (const char * const *)self->files;
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

gboolean
candour_database_reconnect (CandourDatabase  *self,
                            GError          **error)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->server != NULL, FALSE);

  /* The queries prepared on the server went with the old connection. */
  g_hash_table_remove_all (self->queries);
  return candour_server_reconnect (self->server, error);
}

CandourQuery *
candour_database_make_query (CandourDatabase  *self,
                             const char       *sql,
                             gboolean          cached,
                             GError          **error)
{
  if (self->server != NULL)
    return candour_pg_query_new (self, sql, cached, error);
  return candour_sqlite_query_new (self, sql, cached, error);
}

CandourQuery *
candour_database_lookup_query (CandourDatabase *self,
                               const char      *sql)
{
  return g_hash_table_lookup (self->queries, sql);
}

void
candour_database_keep_query (CandourDatabase *self,
                             const char      *sql,
                             CandourQuery    *query)
{
  g_hash_table_insert (self->queries, (gpointer)sql, query);
}

gboolean
candour_database_exec (CandourDatabase  *self,
                       const char       *sql,
                       GError          **error)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  if (self->server != NULL)
    return candour_server_exec (self->server, sql, error);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return candour_database_set_error (self, error, sql);

  return TRUE;
}

/* The audit triggers read who is saving from audit_writer. Candour names its user at
 * the start of each of its write transactions and clears the name before committing,
 * so the committed file always says NULL there: a change by any other program (the
 * sqlite3 shell, a script) is recorded as made by "unknown", never as Candour's user. */
static gboolean
name_writer (CandourDatabase  *self,
             const char       *name,
             GError          **error)
{
  static const char sql[] = "UPDATE audit_writer SET name = :name WHERE id = 1";
  CandourQuery *query;

  /* A server's triggers name the login themselves. */
  if (!self->has_writer_table || self->server != NULL)
    return TRUE;

  query = candour_database_query (self, sql, error);
  if (query == NULL)
    return FALSE;
  candour_query_bind_text (query, ":name", name);
  return candour_query_run (query, error);
}

/* With the write-ahead log a commit only appends to the -wal file; the database file
 * itself grows later, at a checkpoint, when nobody is left to hear that the disk is
 * full. So the room the file will need is reserved now, while the transaction can
 * still be rolled back and the disk-full reported. */
static gboolean
reserve_room (CandourDatabase  *self,
              GError          **error)
{
  gint64 pages = 0;
  gint64 page_size = 0;

  if (self->reserve_fd < 0)
    return TRUE;

  if (!query_int (self, "PRAGMA page_count", &pages, error) ||
      !query_int (self, "PRAGMA page_size", &page_size, error))
    return FALSE;

  if (fallocate (self->reserve_fd, FALLOC_FL_KEEP_SIZE, 0, (off_t)(pages * page_size)) != 0 &&
      (errno == ENOSPC || errno == EDQUOT))
    return candour_database_error_from_sqlite (error, self->path, SQLITE_FULL, ENOSPC, NULL);

  /* Other failures (a file system without fallocate) leave it to the checkpoint. */
  return TRUE;
}

gboolean
candour_database_begin (CandourDatabase  *self,
                        GError          **error)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  if (self->transaction_depth == 0)
    {
      if (!candour_database_exec (self, self->server != NULL ? "BEGIN" : "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!name_writer (self, g_get_user_name (), error))
        {
          candour_database_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      self->rollback_requested = FALSE;
    }

  self->transaction_depth++;
  return TRUE;
}

static void
roll_back (CandourDatabase *self)
{
  /* Statements still stepping would keep the rollback from completing. */
  GHashTableIter iter;
  gpointer query;

  g_hash_table_iter_init (&iter, self->queries);
  while (g_hash_table_iter_next (&iter, NULL, &query))
    candour_query_reset (query);

  if (self->server != NULL || !sqlite3_get_autocommit (self->db))
    candour_database_exec (self, "ROLLBACK", NULL);
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
      roll_back (self);
      if (commit)
        {
          g_set_error_literal (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                               "Part of the change failed, so none of it was saved.");
          return FALSE;
        }
      return TRUE;
    }

  if (!name_writer (self, NULL, error) ||
      !reserve_room (self, error) ||
      !candour_database_exec (self, "COMMIT", error))
    {
      /* COMMIT can fail with SQLITE_BUSY or a full disk and leave the transaction
       * open: end it, so that nothing of it is kept. */
      roll_back (self);
      return FALSE;
    }

  return TRUE;
}

gboolean
candour_database_checkpoint (CandourDatabase  *self,
                             GError          **error)
{
  int rc;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  if (self->server != NULL || self->read_only || self->on_network || g_str_equal (self->path, ":memory:"))
    return TRUE;

  /* PASSIVE: a reader in another window only means the rest waits for later. */
  rc = sqlite3_wal_checkpoint_v2 (self->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
    return candour_database_set_error (self, error, NULL);
  return TRUE;
}

gboolean
candour_database_header_is_current (CandourDatabase *self)
{
  int n_frames = -1;
  int n_copied = -1;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  if (self->server != NULL || g_str_equal (self->path, ":memory:"))
    return FALSE;

  /* Without the log both counts are -1; a file that may not be written gives an error. */
  return sqlite3_wal_checkpoint_v2 (self->db, "main", SQLITE_CHECKPOINT_PASSIVE,
                                    &n_frames, &n_copied) == SQLITE_OK && n_frames == n_copied;
}

void
candour_database_set_wait_when_busy (CandourDatabase *self,
                                     gboolean         wait)
{
  g_return_if_fail (CANDOUR_IS_DATABASE (self));

  if (self->server != NULL)
    candour_server_set_wait_when_busy (self->server, wait);
  else
    sqlite3_busy_timeout (self->db, wait ? BUSY_TIMEOUT_MS : 0);
}

gboolean
candour_database_in_transaction (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  return self->transaction_depth > 0;
}

gboolean
candour_database_transaction_lost (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  if (self->server != NULL)
    return self->transaction_depth > 0 && !candour_server_in_transaction (self->server);
  return self->transaction_depth > 0 && sqlite3_get_autocommit (self->db);
}

gboolean
candour_database_quick_check (CandourDatabase  *self,
                              GError          **error)
{
  /* main: the temporary database too would be opened, and then temp_store could not
   * change within the transaction (a bulk load's index rebuild changes it). */
  static const char sql[] = "PRAGMA main.quick_check (1)";
  CandourQuery *query;
  gboolean sound;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  /* A server looks after its own disks. */
  if (self->server != NULL)
    return TRUE;

  query = candour_database_query (self, sql, error);
  if (query == NULL || candour_query_step (query, error) != CANDOUR_QUERY_ROW)
    return FALSE;
  sound = g_strcmp0 (candour_query_get_text (query, "quick_check"), "ok") == 0;
  candour_query_reset (query);

  if (!sound)
    return candour_database_error_from_sqlite (error, self->path, SQLITE_CORRUPT, 0, NULL);
  return TRUE;
}

/* Bulk loading */

/* SQLite finds a parameter's name by looking through all the names before it: for
 * every one of a thousand names, at each bind, that took longer than the inserts. So
 * the many rows' parameters are numbered. */
char *
candour_database_many_rows_sql (const char *insert_sql,
                                guint       n_rows,
                                char        marker,
                                GPtrArray  *names)
{
  const char *values = strstr (insert_sql, " VALUES ");
  guint n = 0;
  GString *sql;

  g_assert (values != NULL);
  values += strlen (" VALUES ");
  sql = g_string_new_len (insert_sql, values - insert_sql);

  for (guint r = 0; r < n_rows; r++)
    {
      if (r > 0)
        g_string_append (sql, ", ");
      for (const char *p = values; *p != '\0'; p++)
        {
          const char *name = p;

          if (*p != ':')
            {
              g_string_append_c (sql, *p);
              continue;
            }
          while (g_ascii_isalnum (p[1]) || p[1] == '_')
            p++;
          if (r == 0)
            g_ptr_array_add (names, g_strndup (name, p + 1 - name));
          g_string_append_printf (sql, "%c%u", marker, ++n);
        }
    }

  return g_string_free (sql, FALSE);
}

static BulkInsert *
bulk_insert_new (CandourDatabase  *self,
                 const char       *insert_sql,
                 guint             n_rows,
                 GError          **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = candour_database_many_rows_sql (insert_sql, n_rows, '?', names);
  sqlite3_stmt *stmt = NULL;
  BulkInsert *bulk;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      candour_database_set_error (self, error, sql);
      sqlite3_finalize (stmt);
      return NULL;
    }

  bulk = g_new0 (BulkInsert, 1);
  bulk->insert_sql = insert_sql;
  bulk->stmt = stmt;
  bulk->n_rows = n_rows;
  bulk->names = g_steal_pointer (&names);
  return bulk;
}

/* SQLite's work for each run of a statement (opening the table, its indexes and its
 * foreign keys' parents, AUTOINCREMENT's counter, the statement journal) comes once per
 * n_rows rows here, not per row: a million payments' inserts take half the time so. */
gboolean
candour_database_insert_rows (CandourDatabase     *self,
                              const char          *insert_sql,
                              const char * const  *names,
                              guint                n_names,
                              const CandourValue  *values,
                              guint                n_rows,
                              GError             **error)
{
  BulkInsert *bulk;
  int *first;
  int rc;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (insert_sql != NULL, FALSE);
  g_return_val_if_fail (names != NULL, FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (n_rows > 0, FALSE);

  if (self->server != NULL)
    return candour_server_insert_rows (self->server, insert_sql, names, n_names, values, n_rows, error);

  /* A bulk load fills one table after another: only the latest statement is kept, a
   * large one (its program repeats the one row's n_rows times). */
  bulk = self->bulk_insert;
  if (bulk == NULL || bulk->insert_sql != insert_sql || bulk->n_rows != n_rows)
    {
      g_clear_pointer (&self->bulk_insert, bulk_insert_free);
      bulk = self->bulk_insert = bulk_insert_new (self, insert_sql, n_rows, error);
      if (bulk == NULL)
        return FALSE;
    }
  g_return_val_if_fail (n_names == bulk->names->len, FALSE);

  /* Each name's number in the first row; row r's come r * n_names after. */
  first = g_newa (int, n_names);
  for (guint i = 0; i < n_names; i++)
    {
      guint k;

      if (!g_ptr_array_find_with_equal_func (bulk->names, names[i], g_str_equal, &k))
        g_return_val_if_reached (FALSE);
      first[i] = (int)k + 1;
    }

  for (guint r = 0; r < n_rows; r++)
    for (guint i = 0; i < n_names; i++)
      {
        const CandourValue *value = &values[r * n_names + i];
        int index = (int)(r * n_names) + first[i];

        switch (value->type)
          {
          case CANDOUR_VALUE_INT64:
            sqlite3_bind_int64 (bulk->stmt, index, value->number);
            break;
          case CANDOUR_VALUE_TEXT:
            sqlite3_bind_text (bulk->stmt, index, value->text, -1, SQLITE_STATIC);
            break;
          case CANDOUR_VALUE_NULL:
          default:
            sqlite3_bind_null (bulk->stmt, index);
            break;
          }
      }

  rc = sqlite3_step (bulk->stmt);
  if (rc != SQLITE_DONE)
    candour_database_set_error (self, error, NULL);
  sqlite3_reset (bulk->stmt);
  /* The texts were bound without copies: unbind them before they are freed. */
  sqlite3_clear_bindings (bulk->stmt);
  return rc == SQLITE_DONE;
}

gboolean
candour_database_hold_record (CandourDatabase  *self,
                              const char       *table,
                              gint64            id,
                              GError          **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(CandourQuery) query = NULL;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  /* BEGIN IMMEDIATE took the file's write lock. */
  if (self->server == NULL)
    return TRUE;

  for (const char *c = table; *c != '\0'; c++)
    g_return_val_if_fail (g_ascii_islower (*c) || *c == '_', FALSE);
  sql = g_strdup_printf ("SELECT id FROM %s WHERE id = :id FOR UPDATE", table);
  if ((query = candour_query_new (self, sql, error)) == NULL)
    return FALSE;
  candour_query_bind_int64 (query, ":id", id);
  return candour_query_run (query, error);
}

void
candour_database_update_statistics (CandourDatabase *self)
{
  g_return_if_fail (CANDOUR_IS_DATABASE (self));

  if (self->server != NULL)
    candour_server_exec (self->server, "ANALYZE", NULL);
}

guint
candour_database_get_bulk_rows (CandourDatabase *self)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), 1);

  if (self->server != NULL)
    return candour_server_get_bulk_rows (self->server);
  /* SQLite's work for each run of a statement comes once per this many rows: a
   * million payments' inserts took half the time so. */
  return 128;
}

GPtrArray *
candour_database_drop_schema_objects (CandourDatabase  *self,
                                      const char       *type,
                                      const char       *table,
                                      const char       *pattern,
                                      GError          **error)
{
  static const char sql[] =
    "SELECT name, sql FROM sqlite_schema "
    "WHERE type = :type AND tbl_name = :table AND name LIKE :pattern AND sql IS NOT NULL";
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) create = g_ptr_array_new_with_free_func (g_free);
  CandourQuery *query;
  CandourQueryStep step;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (pattern != NULL, NULL);

  /* Never on a server, where others are reading the same tables meanwhile: its
   * triggers audit a run of rows at once, and its indexes stay. */
  if (self->server != NULL)
    return g_steal_pointer (&create);

  query = candour_database_query (self, sql, error);
  if (query == NULL)
    return NULL;

  candour_query_bind_text (query, ":type", type);
  candour_query_bind_text (query, ":table", table);
  candour_query_bind_text (query, ":pattern", pattern);
  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    {
      g_ptr_array_add (names, candour_query_dup_text (query, "name"));
      g_ptr_array_add (create, candour_query_dup_text (query, "sql"));
    }
  if (step == CANDOUR_QUERY_ERROR)
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP %s \"%s\"", type, (char *)names->pdata[i]);

      if (!candour_database_exec (self, drop, error))
        return NULL;
    }

  return g_steal_pointer (&create);
}

void
candour_database_set_audit_source (CandourDatabase *self,
                                   const char      *source)
{
  g_return_if_fail (CANDOUR_IS_DATABASE (self));

  if (self->server != NULL)
    candour_server_set_audit_source (self->server, source);
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
    "VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), :table, :first, :last, 'insert', "
    "json_object ('file', :source, 'rows', :rows))";
  CandourQuery *query;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (self), FALSE);

  /* A server's triggers audit each run of rows themselves, naming the file
   * (candour_database_set_audit_source()). */
  if (self->server != NULL)
    return TRUE;

  query = candour_database_query (self, sql, error);
  if (query == NULL)
    return FALSE;

  candour_query_bind_text (query, ":table", table);
  candour_query_bind_int64 (query, ":first", first_id);
  candour_query_bind_int64 (query, ":last", last_id);
  candour_query_bind_text (query, ":source", source);
  candour_query_bind_int64 (query, ":rows", rows);
  return candour_query_run (query, error);
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

/* SQLite virtual-machine steps between looks at the cancellable. */
#define CANCEL_CHECK_STEPS 1000

static int
stop_if_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

void
candour_database_set_cancellable (CandourDatabase *self,
                                  GCancellable    *cancellable)
{
  g_return_if_fail (CANDOUR_IS_DATABASE (self));

  if (self->server != NULL)
    candour_server_set_cancellable (self->server, cancellable);
  else if (cancellable != NULL)
    sqlite3_progress_handler (self->db, CANCEL_CHECK_STEPS, stop_if_cancelled, cancellable);
  else
    sqlite3_progress_handler (self->db, 0, NULL, NULL);
}
