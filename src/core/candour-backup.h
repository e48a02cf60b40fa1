/* candour-backup.h: verified copies of a database, and going back to one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-database.h"

G_BEGIN_DECLS

/* Copies db to path with SQLite's online backup (readers and writers may carry on),
 * checks the copy with quick_check, and only then moves it into place, synced: a
 * failed or killed backup never leaves a half-written file at path. The copy is
 * readable by its owner only. path may not be the database itself or one of SQLite's
 * files beside it, nor anything but a regular file. The database remembers where each
 * copy went (candour_backup_list_known()). */
gboolean   candour_backup_to_path      (CandourDatabase  *db,
                                        const char       *path,
                                        GError          **error);

typedef struct
{
  char *path;
  char *made_at;                /* ISO 8601, UTC, or NULL when only the file's time is known */
} CandourKnownBackup;

void       candour_known_backup_free   (CandourKnownBackup *backup);

/* The copies of the database at db_path that Candour knows of and that are still
 * there, newest first: those candour_backup_to_path() recorded (read from db when it
 * can be opened; pass NULL when it cannot) and the copies kept before upgrades, beside
 * the file. */
GPtrArray *candour_backup_list_known   (const char       *db_path,
                                        CandourDatabase  *db);

/* Puts the backup at backup_path in place of the database at db_path, after checking
 * that it is a sound Candour database. The file it replaces, if any, is never deleted:
 * it is renamed to db_path.replaced-YYYYMMDD-HHMMSS (with its -wal beside it), and
 * *out_kept_as says where. Nothing may have the database open meanwhile. */
gboolean   candour_backup_restore      (const char       *db_path,
                                        const char       *backup_path,
                                        char            **out_kept_as,
                                        GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourKnownBackup, candour_known_backup_free)

G_END_DECLS
