/* candour-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "candour-backup.h"
#include "candour-database-sqlite.h"
#include "candour-error.h"
#include "candour-output.h"

static gboolean
set_copy_error (GError     **error,
                const char  *path,
                const char  *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_FAILED,
               "Could not write the backup %s: %s. Nothing was written there.", name, reason);
  return FALSE;
}

/* NULL when the file at path is a sound Candour database, else why not. */
static char *
why_not_sound (sqlite3 *copy)
{
  sqlite3_stmt *stmt;
  char *why = NULL;

  if (sqlite3_prepare_v2 (copy, "SELECT (SELECT application_id FROM pragma_application_id), "
                                "(SELECT user_version FROM pragma_user_version)",
                          -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    why = g_strdup ("it is not a database");
  else if (sqlite3_column_int64 (stmt, 0) != CANDOUR_APPLICATION_ID)
    why = g_strdup ("it is not a Candour database");
  else if (sqlite3_column_int64 (stmt, 1) < 1 ||
           sqlite3_column_int64 (stmt, 1) > candour_database_get_latest_version ())
    why = g_strdup ("its header gives a database version this Candour cannot read");
  sqlite3_finalize (stmt);
  if (why != NULL)
    return why;

  if (sqlite3_prepare_v2 (copy, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0 ||
      sqlite3_step (stmt) != SQLITE_DONE)
    why = g_strdup ("it failed SQLite's check: part of it cannot be read");
  sqlite3_finalize (stmt);
  return why;
}

/* Where the copy went, so that a damaged file can be pointed at it. A copy made while
 * the schema is being upgraded, or of a file that cannot be written, is found by its
 * name instead. */
static void
remember_backup (CandourDatabase *db,
                 const char      *path)
{
  static const char sql[] = "INSERT INTO backup (actor, path) VALUES (:actor, :path)";
  g_autoptr(GError) error = NULL;
  g_autofree char *absolute = NULL;
  CandourQuery *query;

  if (candour_database_is_read_only (db) || candour_database_in_transaction (db) ||
      candour_database_get_schema_version (db) < 3)
    return;

  absolute = g_canonicalize_filename (path, NULL);
  if (!candour_database_begin (db, &error))
    {
      g_debug ("Backup not recorded: %s", error->message);
      return;
    }
  query = candour_database_query (db, sql, &error);
  if (query != NULL)
    {
      candour_query_bind_text (query, ":actor", g_get_user_name ());
      candour_query_bind_text (query, ":path", absolute);
      candour_query_run (query, &error);
    }
  candour_database_end (db, error == NULL, NULL);
  if (error != NULL)
    g_debug ("Backup not recorded: %s", error->message);
}

gboolean
candour_backup_to_path (CandourDatabase  *db,
                        const char       *path,
                        GError          **error)
{
  g_autoptr(CandourOutputFile) output = NULL;
  g_autofree char *why = NULL;
  sqlite3_backup *backup;
  sqlite3 *copy = NULL;
  int rc;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  output = candour_output_file_new (db, path, error);
  if (output == NULL)
    return FALSE;

  rc = sqlite3_open_v2 (candour_output_file_get_temp_path (output), &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close (copy);
      return candour_database_error_from_sqlite (error, path, rc, 0, NULL);
    }

  backup = sqlite3_backup_init (copy, "main", candour_database_get_handle (db), "main");
  if (backup == NULL)
    {
      rc = sqlite3_extended_errcode (copy);
      sqlite3_close (copy);
      return candour_database_error_from_sqlite (error, path, rc, 0, NULL);
    }

  /* A writer in another process restarts the copy; give up after a bounded wait. */
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      int system_errno = sqlite3_system_errno (copy);

      sqlite3_close (copy);
      /* The words name the copy, where the failure was. */
      return candour_database_error_from_sqlite (error, path, rc, system_errno, NULL);
    }

  why = why_not_sound (copy);
  /* A copy stands alone: one file, in the rollback-journal format, that can be mailed
   * or archived and opened read-only without SQLite making files beside it. */
  rc = why == NULL ? sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) : SQLITE_OK;
  if (rc != SQLITE_OK)
    {
      int system_errno = sqlite3_system_errno (copy);

      sqlite3_close (copy);
      return candour_database_error_from_sqlite (error, path, rc, system_errno, NULL);
    }
  sqlite3_close (copy);
  if (why != NULL)
    return set_copy_error (error, path, why);

  if (!candour_output_file_commit (output, error))
    return FALSE;

  remember_backup (db, path);
  return TRUE;
}

void
candour_known_backup_free (CandourKnownBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->path);
  g_free (backup->made_at);
  g_free (backup);
}

static void
add_known (GPtrArray  *known,
           const char *path,
           const char *made_at)
{
  CandourKnownBackup *backup;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  for (guint i = 0; i < known->len; i++)
    if (g_str_equal (((CandourKnownBackup *)known->pdata[i])->path, path))
      return;

  backup = g_new0 (CandourKnownBackup, 1);
  backup->path = g_strdup (path);
  if (made_at != NULL)
    backup->made_at = g_strdup (made_at);
  else
    {
      GStatBuf st;
      g_autoptr(GDateTime) time = NULL;

      if (g_stat (path, &st) == 0 && (time = g_date_time_new_from_unix_utc (st.st_mtime)) != NULL)
        backup->made_at = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
    }
  g_ptr_array_add (known, backup);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const CandourKnownBackup *first = *(CandourKnownBackup * const *)a;
  const CandourKnownBackup *second = *(CandourKnownBackup * const *)b;

  return -g_strcmp0 (first->made_at, second->made_at);
}

GPtrArray *
candour_backup_list_known (const char      *db_path,
                           CandourDatabase *db)
{
  static const char sql[] = "SELECT path, at FROM backup ORDER BY id DESC";
  GPtrArray *known = g_ptr_array_new_with_free_func ((GDestroyNotify)candour_known_backup_free);
  g_autofree char *folder = g_path_get_dirname (db_path);
  g_autofree char *upgrade_prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (db_path != NULL, known);

  if (db != NULL && candour_database_get_schema_version (db) >= 3)
    {
      CandourQuery *query = candour_database_query (db, sql, NULL);

      while (query != NULL && candour_query_step (query, NULL) == CANDOUR_QUERY_ROW)
        add_known (known, candour_query_get_text (query, "path"), candour_query_get_text (query, "at"));
    }

  /* "area.db.v1-backup-20261122-071500", written before an upgrade. */
  {
    g_autofree char *base = g_path_get_basename (db_path);
    upgrade_prefix = g_strconcat (base, ".v", NULL);
  }
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, upgrade_prefix) && strstr (name, "-backup-") != NULL)
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);
        add_known (known, path, NULL);
      }

  g_ptr_array_sort (known, newest_first);
  return known;
}

/* Why the backup cannot be restored, or NULL; reading it leaves nothing beside it that
 * was not there (SQLite makes -wal and -shm files to read a write-ahead-log file). */
static char *
check_backup (const char *backup_path)
{
  static const char * const suffixes[] = { "-wal", "-shm" };
  gboolean existed[G_N_ELEMENTS (suffixes)];
  sqlite3 *backup = NULL;
  char *why;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (backup_path, suffixes[i], NULL);
      existed[i] = g_file_test (side, G_FILE_TEST_EXISTS);
    }

  rc = sqlite3_open_v2 (backup_path, &backup, SQLITE_OPEN_READONLY, NULL);
  why = rc == SQLITE_OK ? why_not_sound (backup) : g_strdup ("it cannot be opened");
  sqlite3_close (backup);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (!existed[i])
      {
        g_autofree char *side = g_strconcat (backup_path, suffixes[i], NULL);
        g_unlink (side);
      }
  return why;
}

/* Refuses while another program has the database open: it would go on writing into
 * the file that is being put aside. A file too damaged to lock is not in use. */
static gboolean
check_not_in_use (const char  *db_path,
                  GError     **error)
{
  sqlite3 *current = NULL;
  int rc;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return TRUE;

  rc = sqlite3_open_v2 (db_path, &current, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (current, 0);
      rc = sqlite3_exec (current, "BEGIN EXCLUSIVE; ROLLBACK;", NULL, NULL, NULL);
    }
  sqlite3_close (current);

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      g_autofree char *name = g_filename_display_name (db_path);

      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_BUSY,
                   "%s is open in another program (another Candour window, perhaps). Close "
                   "it there first; nothing was changed.", name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
put_aside (const char  *db_path,
           char       **out_kept_as,
           GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.replaced-%s", db_path, stamp);

  *out_kept_as = NULL;
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return TRUE;

  /* The -wal goes with its file: together they are the database as it was. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved_errno = errno;
          g_autofree char *name = g_filename_display_name (from);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "Could not move %s aside: %s. Nothing was restored.", name,
                       g_strerror (saved_errno));
          return FALSE;
        }
    }

  *out_kept_as = g_steal_pointer (&aside);
  return TRUE;
}

static gboolean
copy_file (const char         *from,
           CandourOutputFile  *output,
           GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (from);
  g_autoptr(GFileInputStream) input = g_file_read (file, NULL, error);

  return input != NULL &&
         g_output_stream_splice (candour_output_file_get_stream (output), G_INPUT_STREAM (input),
                                 G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, error) >= 0;
}

gboolean
candour_backup_restore (const char  *db_path,
                        const char  *backup_path,
                        char       **out_kept_as,
                        GError     **error)
{
  g_autoptr(CandourOutputFile) output = NULL;
  g_autoptr(CandourDatabase) restored = NULL;
  g_autofree char *why = NULL;
  g_autofree char *kept_as = NULL;
  g_autofree char *backup_name = NULL;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  backup_name = g_filename_display_name (backup_path);
  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "There is no backup file at %s. Nothing was changed.", backup_name);
      return FALSE;
    }

  why = check_backup (backup_path);
  if (why != NULL)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s cannot be restored: %s. Nothing was changed; try an older backup.",
                   backup_name, why);
      return FALSE;
    }

  if (!check_not_in_use (db_path, error))
    return FALSE;

  /* The copy is made first, beside the file, so that a failure changes nothing. */
  output = candour_output_file_new (NULL, db_path, error);
  if (output == NULL || !copy_file (backup_path, output, error) ||
      !put_aside (db_path, &kept_as, error))
    return FALSE;

  if (!candour_output_file_commit (output, error))
    {
      /* Put the replaced file back where it was. */
      if (kept_as != NULL)
        g_rename (kept_as, db_path);
      return FALSE;
    }

  /* Opening upgrades an older backup and checks it once more. */
  restored = candour_database_open_full (db_path, CANDOUR_OPEN_EXISTING, error);
  if (restored == NULL)
    return FALSE;

  if (out_kept_as != NULL)
    *out_kept_as = g_steal_pointer (&kept_as);
  return TRUE;
}
