/* candour-database-error.c: what SQLite reports, in words a person can act on
 *
 * Every failure of the database reaches people through here, so none of them ever
 * reads "disk I/O error (code 4874)". Each message names the file, says whether
 * anything was changed, and says what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <sqlite3.h>
#include <string.h>

#include "candour-database-sqlite.h"
#include "candour-error.h"
#include "candour-query-private.h"

#define NOTHING_CHANGED "Nothing was changed."

/* The operating system's reason, such as "No space left on device", or NULL. */
static const char *
system_reason (int system_errno)
{
  return system_errno > 0 ? g_strerror (system_errno) : NULL;
}

static gboolean
set_io_error (GError     **error,
              const char  *name,
              int          extended_code,
              int          system_errno)
{
  const char *reason = system_reason (system_errno);

  if (system_errno == ENOSPC || system_errno == EDQUOT)
    {
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_DISK_FULL,
                   "The disk holding %s is full, so nothing was saved. Free some space on it, "
                   "or move the database to a disk with room, then try again.", name);
      return FALSE;
    }

  switch (extended_code)
    {
    case SQLITE_IOERR_SHMOPEN:
    case SQLITE_IOERR_SHMSIZE:
    case SQLITE_IOERR_SHMMAP:
    case SQLITE_IOERR_SHMLOCK:
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_IO,
                   "Candour could not set up %s-shm, the small file SQLite keeps beside the "
                   "database so that several programs can share it%s%s. " NOTHING_CHANGED " "
                   "Check that the disk has room and that you may write to the folder.",
                   name, reason != NULL ? ": " : "", reason != NULL ? reason : "");
      return FALSE;

    case SQLITE_IOERR_NOMEM:
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_NO_MEMORY,
                   "Candour ran out of memory working on %s. " NOTHING_CHANGED " Close other "
                   "programs and try again.", name);
      return FALSE;

    default:
      {
        g_autofree char *because = reason != NULL ? g_strdup_printf (" (%s)", reason) : g_strdup ("");

        g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_IO,
                     "Candour could not read or write %s: the disk reported a problem%s. "
                     "Nothing was saved. Check the disk (or the network connection, for a "
                     "shared drive) and try again; if it keeps happening, restore the file "
                     "from a backup onto another disk.", name, because);
      }
      return FALSE;
    }
}

static gboolean
set_constraint_error (GError     **error,
                      int          extended_code,
                      const char  *detail)
{
  switch (extended_code)
    {
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return candour_query_set_constraint_error (error, CANDOUR_CONSTRAINT_FOREIGN_KEY, NULL);
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return candour_query_set_constraint_error (error, CANDOUR_CONSTRAINT_UNIQUE, NULL);
    case SQLITE_CONSTRAINT_NOTNULL:
      return candour_query_set_constraint_error (error, CANDOUR_CONSTRAINT_NOT_NULL, NULL);
    case SQLITE_CONSTRAINT_CHECK:
      return candour_query_set_constraint_error (error, CANDOUR_CONSTRAINT_CHECK, NULL);
    case SQLITE_CONSTRAINT_TRIGGER:
      /* RAISE () in a trigger: its words are ours, written in sql/. */
      return candour_query_set_constraint_error (error, CANDOUR_CONSTRAINT_RULE, detail);
    default:
      return candour_query_set_constraint_error (error, CANDOUR_CONSTRAINT_NONE, NULL);
    }
}

gboolean
candour_database_error_from_sqlite (GError     **error,
                                    const char  *path,
                                    int          extended_code,
                                    int          system_errno,
                                    const char  *detail)
{
  g_autofree char *name = g_filename_display_name (path != NULL && path[0] != '\0' ? path : "the database");
  const char *reason = system_reason (system_errno);

  switch (extended_code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_BUSY,
                           "The database is busy (someone else is saving). "
                           "Nothing was changed; try again in a moment.");
      return FALSE;

    case SQLITE_CORRUPT:
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CORRUPT,
                   "%s is damaged: part of it can no longer be read as a database. "
                   NOTHING_CHANGED " Check it (candour-cli check, which lists the backups it "
                   "knows of), then restore the latest good backup.", name);
      return FALSE;

    case SQLITE_NOTADB:
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CORRUPT,
                   "%s is not a database, or its first page is damaged. " NOTHING_CHANGED " "
                   "If it is a Candour database, restore it from a backup.", name);
      return FALSE;

    case SQLITE_READONLY:
      if (extended_code == SQLITE_READONLY_DBMOVED)
        g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_MOVED,
                     "%s was moved, renamed or deleted while Candour had it open, so nothing "
                     "more was saved to it. Open it again from where it is now.", name);
      else
        g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_READ_ONLY,
                     "%s is read-only: Candour can show it but not change it (the file, its "
                     "folder or its disk does not allow writing). " NOTHING_CHANGED " Ask its "
                     "owner for permission to write, or make a copy you can write to.", name);
      return FALSE;

    case SQLITE_FULL:
      return set_io_error (error, name, extended_code, ENOSPC);

    case SQLITE_IOERR:
      return set_io_error (error, name, extended_code, system_errno);

    case SQLITE_CANTOPEN:
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CANT_OPEN,
                   "Could not open %s%s%s. Check its name and that you may read it.", name,
                   reason != NULL ? ": " : "", reason != NULL ? reason : "");
      return FALSE;

    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_READ_ONLY,
                   "You do not have permission to change %s. " NOTHING_CHANGED, name);
      return FALSE;

    case SQLITE_NOMEM:
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_NO_MEMORY,
                   "Candour ran out of memory working on %s. " NOTHING_CHANGED " Close other "
                   "programs and try again.", name);
      return FALSE;

    case SQLITE_INTERRUPT:
      g_set_error_literal (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CANCELLED,
                           "Stopped before it finished. " NOTHING_CHANGED);
      return FALSE;

    case SQLITE_CONSTRAINT:
      return set_constraint_error (error, extended_code, detail);

    case SQLITE_TOOBIG:
      /* candour_total () explains itself. */
      if (detail != NULL && g_str_has_prefix (detail, "a total is beyond"))
        g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_FAILED,
                     "Could not report on %s: %s.", name, detail);
      else
        g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_FAILED,
                     "A value is too large for %s to hold. " NOTHING_CHANGED, name);
      return FALSE;

    case SQLITE_ERROR:
    case SQLITE_SCHEMA:
      /* SQL that no longer fits the file: another program changed its tables. */
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_SCHEMA,
                   "%s does not hold the tables this Candour expects (%s). " NOTHING_CHANGED
                   " Check it (candour-cli check) to see what is wrong.", name,
                   detail != NULL ? detail : "unknown problem");
      return FALSE;

    default:
      g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_FAILED,
                   "Candour met an unexpected problem working on %s (SQLite result %d). "
                   NOTHING_CHANGED " Please report it.", name, extended_code);
      return FALSE;
    }
}
