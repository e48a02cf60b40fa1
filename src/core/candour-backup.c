/* candour-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <glib/gstdio.h>

#include "candour-backup.h"
#include "candour-error.h"

static gboolean
set_copy_error (GError     **error,
                const char  *path,
                const char  *reason)
{
  g_set_error (error, CANDOUR_DATABASE_ERROR, SQLITE_ERROR,
               "Could not write the backup %s: %s. Nothing was written there.", path, reason);
  return FALSE;
}

static gboolean
copy_is_sound (sqlite3 *copy)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (sqlite3_prepare_v2 (copy, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  ok = sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0 &&
       sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
candour_backup_to_path (CandourDatabase  *db,
                        const char       *path,
                        GError          **error)
{
  g_autofree char *partial = NULL;
  sqlite3_backup *backup;
  sqlite3 *copy = NULL;
  gboolean sound;
  int fd;
  int rc;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  partial = g_strconcat (path, ".partial", NULL);
  g_unlink (partial);
  fd = g_open (partial, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    return set_copy_error (error, path, g_strerror (errno));
  g_close (fd, NULL);

  rc = sqlite3_open_v2 (partial, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close (copy);
      g_unlink (partial);
      return set_copy_error (error, path, sqlite3_errstr (rc));
    }

  backup = sqlite3_backup_init (copy, "main", candour_database_get_handle (db), "main");
  if (backup == NULL)
    {
      g_autofree char *reason = g_strdup (sqlite3_errmsg (copy));
      sqlite3_close (copy);
      g_unlink (partial);
      return set_copy_error (error, path, reason);
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

  sound = rc == SQLITE_DONE && copy_is_sound (copy);
  sqlite3_close (copy);

  if (!sound)
    {
      g_unlink (partial);
      return set_copy_error (error, path, rc == SQLITE_DONE ? "the copy failed its check"
                                                            : sqlite3_errstr (rc));
    }

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;
      g_unlink (partial);
      return set_copy_error (error, path, g_strerror (saved_errno));
    }

  return TRUE;
}
