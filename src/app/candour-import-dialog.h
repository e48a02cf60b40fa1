/* candour-import-dialog.h: Import CSV…, with a preview of what will come in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "candour-window.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_IMPORT_DIALOG (candour_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CandourImportDialog, candour_import_dialog, CANDOUR, IMPORT_DIALOG, AdwWindow)

/* The dialog over window (modal), importing into the window's database or, when none
 * is open, into a new database saved where the person says. Shown by the caller. */
CandourImportDialog *candour_import_dialog_new          (CandourWindow       *window);

/* What choosing files or a folder in the dialog does: a dry run of importing paths (CSV
 * files, or folders of them) on a thread of its own, after which the dialog shows what
 * each file would bring in, or every problem. Does nothing while the dialog is busy. */
void                 candour_import_dialog_check        (CandourImportDialog *self,
                                                         const char * const  *paths);

/* What the chooser of the new database's name does after Import… with no database
 * open: imports what was checked into a new database at path, then opens it. A file
 * already at path is never written over: the dialog says so and stays open. */
void                 candour_import_dialog_import_as_new (CandourImportDialog *self,
                                                          const char          *path);

/* The page shown: "choose", "checking", "preview", "problems" or "importing". */
const char          *candour_import_dialog_get_state    (CandourImportDialog *self);
/* TRUE while a check or an import runs. */
gboolean             candour_import_dialog_get_busy     (CandourImportDialog *self);
/* The heading of the preview or of the problems, and the sentence under it. */
const char          *candour_import_dialog_get_heading  (CandourImportDialog *self);
const char          *candour_import_dialog_get_summary  (CandourImportDialog *self);
/* The problems as listed, one a line, "payments.csv:2:3: reason"; "" when none. */
const char          *candour_import_dialog_get_problems (CandourImportDialog *self);
/* The rows worth a second look the preview lists, one a line; "" when there are none. */
const char          *candour_import_dialog_get_warnings (CandourImportDialog *self);
/* The preview as it reads, one line a file: "Organisations · organisations.csv · 41 rows". */
char                *candour_import_dialog_dup_preview  (CandourImportDialog *self);
GtkWidget           *candour_import_dialog_get_import_button (CandourImportDialog *self);

G_END_DECLS
