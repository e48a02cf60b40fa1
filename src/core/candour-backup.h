/* candour-backup.h: a verified copy of a database, taken while it is in use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-database.h"

G_BEGIN_DECLS

/* Copies db to path with SQLite's online backup (readers and writers may carry on),
 * checks the copy with quick_check, and only then moves it into place: a failed backup
 * never leaves a half-written file at path. The copy is readable by its owner only. */
gboolean candour_backup_to_path (CandourDatabase  *db,
                                 const char       *path,
                                 GError          **error);

G_END_DECLS
