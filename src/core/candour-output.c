/* candour-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE             /* renameat2 () */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "candour-output.h"
#include "candour-error.h"

#define NOTHING_WRITTEN "Nothing was written"

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path,
              const char  *what)
{
  g_autofree char *name = g_filename_display_name (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 "Could not %s %s: the disk is full. " NOTHING_WRITTEN " (an earlier file "
                 "there is as it was); free some space and try again.", what, name);
  else if (saved_errno == ENOENT)
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *folder_name = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "Could not %s %s: the folder %s does not exist. " NOTHING_WRITTEN "; "
                   "create the folder first, or choose another.", what, name, folder_name);
    }
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "Could not %s %s: %s. " NOTHING_WRITTEN " (an earlier file there is as it "
                 "was).", what, name, g_strerror (saved_errno));
  return FALSE;
}

/* The path with its folder's links and "..", so that two names of one place compare
 * equal; NULL when the folder does not exist. */
static char *
canonical_path (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *real_folder = realpath (folder, NULL);

  return real_folder != NULL ? g_build_filename (real_folder, base, NULL) : NULL;
}

/* Which of the database's files path reaches, or -1. */
static int
database_file_at (CandourDatabase  *db,
                  const char       *path,
                  const GStatBuf   *target)
{
  const char * const *files;
  g_autofree char *canonical = NULL;

  if (db == NULL || (files = candour_database_get_files (db))[0] == NULL)
    return -1;

  canonical = canonical_path (path);
  for (int i = 0; files[i] != NULL; i++)
    {
      g_autofree char *file_canonical = canonical_path (files[i]);
      GStatBuf st;

      /* The same inode: the file under another name, a hard link, a symbolic link. */
      if (target != NULL && g_stat (files[i], &st) == 0 &&
          st.st_dev == target->st_dev && st.st_ino == target->st_ino)
        return i;
      /* A side file that does not exist yet (-journal, or -wal before the first write). */
      if (canonical != NULL && g_strcmp0 (canonical, file_canonical) == 0)
        return i;
    }
  return -1;
}

gboolean
candour_output_check_path (CandourDatabase  *db,
                           const char       *path,
                           gboolean          folder,
                           GError          **error)
{
  static const char * const roles[] = {
    "the database Candour has open",
    "the write-ahead log (-wal) of the database Candour has open",
    "the shared-memory file (-shm) of the database Candour has open",
    "the rollback journal (-journal) of the database Candour has open",
  };
  g_autofree char *name = NULL;
  gboolean exists;
  GStatBuf st;
  int clash;

  g_return_val_if_fail (db == NULL || CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (path[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           "No file was named to write to.");
      return FALSE;
    }

  name = g_filename_display_name (path);
  /* stat, not lstat: a link is judged by what it points at. */
  exists = g_stat (path, &st) == 0;
  if (!exists && errno != ENOENT)
    return set_io_error (error, errno, path, "write to");

  clash = database_file_at (db, path, exists ? &st : NULL);
  if (clash >= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "%s is %s: writing over it would destroy it. " NOTHING_WRITTEN "; choose "
                   "another name.", name, roles[clash]);
      return FALSE;
    }

  if (!exists)
    return TRUE;

  if (folder && !S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   "%s is a file, not a folder. " NOTHING_WRITTEN "; name a new folder to "
                   "write into.", name);
      return FALSE;
    }
  if (!folder && S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   "%s is a folder. " NOTHING_WRITTEN "; name a file in it instead.", name);
      return FALSE;
    }
  if (!folder && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   "%s is %s, not a file, and Candour will not write over it. " NOTHING_WRITTEN
                   "; name a file instead.", name,
                   S_ISFIFO (st.st_mode) ? "a named pipe" : S_ISSOCK (st.st_mode) ? "a socket" : "a device");
      return FALSE;
    }

  return TRUE;
}

/* Temporary names: ".NAME.candour-PID-XXXXXX", hidden, beside the target so that the
 * rename stays within one file system. */

static char *
temp_template (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.candour-%d-XXXXXX", base, (int)getpid ());

  return g_build_filename (folder, name, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

/* Clears what writers of the same target left when they were killed: temporary names
 * whose process is gone. A live writer's are left alone. */
static void
sweep_abandoned (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf (".%s.candour-", base);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char *end = NULL;
      long pid;

      if (!g_str_has_prefix (name, prefix))
        continue;
      pid = strtol (name + strlen (prefix), &end, 10);
      if (end == NULL || *end != '-' || pid <= 0 || pid == getpid ())
        continue;
      if (kill ((pid_t)pid, 0) != 0 && errno == ESRCH)
        {
          g_autofree char *abandoned = g_build_filename (folder, name, NULL);
          remove_tree (abandoned);
        }
    }
}

static gboolean
sync_folder_of (const char  *path,
                GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0)
    return set_io_error (error, errno, path, "write");
  /* Some file systems cannot sync a folder; the rename is then as safe as they make it. */
  if (fsync (fd) != 0 && errno != EINVAL && errno != EROFS)
    {
      saved_errno = errno;
      close (fd);
      return set_io_error (error, saved_errno, path, "write");
    }
  close (fd);
  return TRUE;
}

/* The stream a writer writes into: the temporary file, with failures in words that
 * name the target rather than "Error writing to file descriptor". */

#define CANDOUR_TYPE_OUTPUT_STREAM (candour_output_stream_get_type ())
G_DECLARE_FINAL_TYPE (CandourOutputStream, candour_output_stream, CANDOUR, OUTPUT_STREAM, GOutputStream)

struct _CandourOutputStream
{
  GOutputStream parent_instance;
  int fd;
  char *target;
};

G_DEFINE_FINAL_TYPE (CandourOutputStream, candour_output_stream, G_TYPE_OUTPUT_STREAM)

static gssize
candour_output_stream_write (GOutputStream  *stream,
                             const void     *buffer,
                             gsize           count,
                             GCancellable   *cancellable,
                             GError        **error)
{
  CandourOutputStream *self = CANDOUR_OUTPUT_STREAM (stream);
  gssize written;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  do
    written = write (self->fd, buffer, count);
  while (written < 0 && errno == EINTR);

  if (written < 0)
    {
      set_io_error (error, errno, self->target, "write");
      return -1;
    }
  return written;
}

static void
candour_output_stream_finalize (GObject *object)
{
  CandourOutputStream *self = CANDOUR_OUTPUT_STREAM (object);

  g_free (self->target);
  G_OBJECT_CLASS (candour_output_stream_parent_class)->finalize (object);
}

static void
candour_output_stream_class_init (CandourOutputStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = candour_output_stream_finalize;
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = candour_output_stream_write;
}

static void
candour_output_stream_init (CandourOutputStream *self)
{
  self->fd = -1;
}

/* Files */

struct _CandourOutputFile
{
  char *path;
  char *shown;                  /* what messages call it */
  char *temp_path;
  int fd;
  GOutputStream *stream;
  gboolean committed;
};

/* shown is what messages call the file: path itself, or the name it will have once
 * its folder is in place. */
static CandourOutputFile *
output_file_new (CandourDatabase  *db,
                 const char       *path,
                 const char       *shown,
                 GError          **error)
{
  g_autofree char *target = NULL;
  CandourOutputFile *self;
  int fd;

  if (!candour_output_check_path (db, path, FALSE, error))
    return NULL;

  /* Through a link, the file it points at is replaced, and the link stays. */
  target = g_file_test (path, G_FILE_TEST_IS_SYMLINK) ? realpath (path, NULL) : NULL;
  if (target == NULL)
    target = g_strdup (path);

  sweep_abandoned (target);

  self = g_new0 (CandourOutputFile, 1);
  self->fd = -1;
  self->path = g_steal_pointer (&target);
  self->temp_path = temp_template (self->path);
  fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, shown, "write");
      g_clear_pointer (&self->temp_path, g_free);
      candour_output_file_free (self);
      return NULL;
    }
  self->fd = fd;
  self->shown = g_strdup (shown);
  self->stream = g_object_new (CANDOUR_TYPE_OUTPUT_STREAM, NULL);
  CANDOUR_OUTPUT_STREAM (self->stream)->fd = fd;
  CANDOUR_OUTPUT_STREAM (self->stream)->target = g_strdup (shown);
  return self;
}

CandourOutputFile *
candour_output_file_new (CandourDatabase  *db,
                         const char       *path,
                         GError          **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return output_file_new (db, path, path, error);
}

GOutputStream *
candour_output_file_get_stream (CandourOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

const char *
candour_output_file_get_temp_path (CandourOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

gboolean
candour_output_file_set_error (CandourOutputFile  *self,
                               int                 saved_errno,
                               const char         *reason,
                               GError            **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (saved_errno != 0 || reason != NULL, FALSE);

  if (saved_errno != 0)
    return set_io_error (error, saved_errno, self->shown, "write");

  name = g_filename_display_name (self->shown);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "Could not write %s: %s. " NOTHING_WRITTEN " (an earlier file there is as it was).",
               name, reason);
  return FALSE;
}

gboolean
candour_output_file_commit (CandourOutputFile  *self,
                            GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  /* On the disk before it takes the name, so that a power cut leaves the old file or
   * the new one, never an empty one. */
  if (fsync (self->fd) != 0)
    return set_io_error (error, errno, self->shown, "write");
  if (g_rename (self->temp_path, self->path) != 0)
    return set_io_error (error, errno, self->shown, "write");

  self->committed = TRUE;
  return sync_folder_of (self->path, error);
}

void
candour_output_file_free (CandourOutputFile *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed && self->temp_path != NULL)
    {
      g_autofree char *journal = g_strconcat (self->temp_path, "-journal", NULL);

      g_unlink (self->temp_path);
      g_unlink (journal);
    }
  g_free (self->path);
  g_free (self->shown);
  g_free (self->temp_path);
  g_free (self);
}

/* Folders */

struct _CandourOutputFolder
{
  char *path;
  char *temp_path;
  gboolean committed;
};

/* Whether the folder at path is empty or holds only the names Candour writes there;
 * sets *out_empty. */
static gboolean
holds_only_own_files (const char          *path,
                      const char * const  *own_names,
                      gboolean            *out_empty,
                      GError             **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  *out_empty = TRUE;
  dir = g_dir_open (path, 0, &local_error);
  if (dir == NULL)
    return set_io_error (error, EACCES, path, "write into");

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      *out_empty = FALSE;
      if (own_names == NULL || !g_strv_contains (own_names, name) ||
          !g_file_test (child, G_FILE_TEST_IS_REGULAR) || g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          g_autofree char *folder_name = g_filename_display_name (path);
          g_autofree char *file_name = g_filename_display_name (name);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       "%s already holds other things, such as “%s”. " NOTHING_WRITTEN "; "
                       "write into a new or empty folder, or one that holds only an earlier "
                       "export from Candour.", folder_name, file_name);
          return FALSE;
        }
    }
  return TRUE;
}

CandourOutputFolder *
candour_output_folder_new (CandourDatabase     *db,
                           const char          *path,
                           const char * const  *own_names,
                           GError             **error)
{
  CandourOutputFolder *self;
  gboolean empty;

  g_return_val_if_fail (path != NULL, NULL);

  if (!candour_output_check_path (db, path, TRUE, error))
    return NULL;
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !holds_only_own_files (path, own_names, &empty, error))
    return NULL;

  sweep_abandoned (path);

  self = g_new0 (CandourOutputFolder, 1);
  self->path = g_strdup (path);
  self->temp_path = temp_template (path);
  if (g_mkdtemp_full (self->temp_path, 0700) == NULL)
    {
      set_io_error (error, errno, path, "write");
      g_clear_pointer (&self->temp_path, g_free);
      candour_output_folder_free (self);
      return NULL;
    }
  return self;
}

CandourOutputFile *
candour_output_folder_new_file (CandourOutputFolder  *self,
                                const char           *name,
                                GError              **error)
{
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  path = g_build_filename (self->temp_path, name, NULL);
  shown = g_build_filename (self->path, name, NULL);
  return output_file_new (NULL, path, shown, error);
}

static gboolean
folder_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir == NULL || g_dir_read_name (dir) == NULL;
}

gboolean
candour_output_folder_commit (CandourOutputFolder  *self,
                              GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  {
    g_autofree char *inside = g_build_filename (self->temp_path, ".", NULL);
    if (!sync_folder_of (inside, error))
      return FALSE;
  }

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR) && !folder_is_empty (self->path))
    {
      /* An earlier export: swap the two in one step, then remove the old one, which
       * now has the temporary name. */
      if (renameat2 (AT_FDCWD, self->temp_path, AT_FDCWD, self->path, RENAME_EXCHANGE) != 0)
        {
          g_autofree char *aside = temp_template (self->path);

          /* A file system without the exchange: move the old one aside first. */
          if (g_mkdtemp_full (aside, 0700) == NULL || g_rmdir (aside) != 0 ||
              g_rename (self->path, aside) != 0)
            return set_io_error (error, errno, self->path, "write");
          if (g_rename (self->temp_path, self->path) != 0)
            {
              int saved_errno = errno;
              g_rename (aside, self->path);
              return set_io_error (error, saved_errno, self->path, "write");
            }
          g_free (self->temp_path);
          self->temp_path = g_steal_pointer (&aside);
        }
      self->committed = TRUE;
      remove_tree (self->temp_path);
    }
  else
    {
      /* No folder there, or an empty one, which rename replaces. */
      if (g_rename (self->temp_path, self->path) != 0)
        return set_io_error (error, errno, self->path, "write");
      self->committed = TRUE;
    }

  return sync_folder_of (self->path, error);
}

void
candour_output_folder_free (CandourOutputFolder *self)
{
  if (self == NULL)
    return;

  if (!self->committed && self->temp_path != NULL)
    remove_tree (self->temp_path);
  g_free (self->path);
  g_free (self->temp_path);
  g_free (self);
}
