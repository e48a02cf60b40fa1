/* candour-output.h: every file and folder Candour writes appears whole or not at all
 *
 * One place checks where Candour may write (never over the open database or the files
 * SQLite keeps beside it, never over a device, a pipe or a folder) and writes there
 * safely: into a hidden temporary name beside the target, synced to the disk, renamed
 * over the target in one step, and the folder synced too. A kill or a power cut leaves
 * the old file or the new one, never a part. Temporary names carry the writer's process
 * id, so what a killed writer left is cleared away by the next write to that target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"

G_BEGIN_DECLS

/* Refuses, in words naming the path and what to do, a target that is one of db's own
 * files (the file, its -wal, -shm or -journal, under any name that reaches them: a
 * link, a relative path), or that exists and is not a regular file (for a file) or
 * not a folder (for a folder). db may be NULL. */
gboolean           candour_output_check_path        (CandourDatabase  *db,
                                                     const char       *path,
                                                     gboolean          folder,
                                                     GError          **error);

typedef struct _CandourOutputFile CandourOutputFile;

/* Starts writing the file path (checked as above against db, which may be NULL): a
 * hidden temporary file beside it, readable by its owner only, takes the writing. */
CandourOutputFile *candour_output_file_new          (CandourDatabase  *db,
                                                     const char       *path,
                                                     GError          **error);
GOutputStream     *candour_output_file_get_stream   (CandourOutputFile *self);
/* For writers that need a path rather than a stream (SQLite's backup): the temporary
 * file's path. Close nothing: commit or free does. */
const char        *candour_output_file_get_temp_path (CandourOutputFile *self);
/* For writers that write the temporary path themselves: fails with error in the words
 * of every output failure, naming the file as it will be. With saved_errno (an errno)
 * the system's reason; with 0, reason, which says what went wrong and what to do. */
gboolean           candour_output_file_set_error    (CandourOutputFile  *self,
                                                     int                 saved_errno,
                                                     const char         *reason,
                                                     GError            **error);
/* Flushes, syncs, renames the temporary file over path and syncs the folder. On
 * failure the temporary file is removed and path is as it was. */
gboolean           candour_output_file_commit       (CandourOutputFile  *self,
                                                     GError            **error);
/* Abandons the file unless it was committed: path is as it was. */
void               candour_output_file_free         (CandourOutputFile  *self);

typedef struct _CandourOutputFolder CandourOutputFolder;

/* Starts writing the folder path as a whole: a hidden temporary folder beside it. A
 * folder already at path may be empty or hold only files Candour's own export wrote
 * (names given in own_names); anything else there is refused, never deleted. */
CandourOutputFolder *candour_output_folder_new      (CandourDatabase     *db,
                                                     const char          *path,
                                                     const char * const  *own_names,
                                                     GError             **error);
/* Starts writing the file name into the folder; messages name it as it will be, in
 * the folder at path. */
CandourOutputFile  *candour_output_folder_new_file  (CandourOutputFolder  *self,
                                                     const char           *name,
                                                     GError              **error);
/* Syncs the folder and puts it in place of path in one step (an earlier export there
 * is swapped out and removed). On failure path is as it was. */
gboolean            candour_output_folder_commit    (CandourOutputFolder  *self,
                                                     GError              **error);
/* Abandons the folder unless it was committed, removing what was written. */
void                candour_output_folder_free      (CandourOutputFolder  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourOutputFile, candour_output_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourOutputFolder, candour_output_folder_free)

G_END_DECLS
