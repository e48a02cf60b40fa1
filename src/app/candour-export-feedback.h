/* candour-export-feedback.h: what the window says when an export is over
 *
 * Every window that exports says it the same way: a toast naming the file, with Open
 * and Show in Folder, or a dialog saying why the file could not be written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* "Saved findings.pdf", with Open, in the toast overlay widget is in (its window
 * needs the open-file action, below). */
void candour_export_feedback_saved  (GtkWidget    *widget,
                                     const char   *path);
/* "Could Not Export" and the error's message, over widget's window. */
void candour_export_feedback_failed (GtkWidget    *widget,
                                     const GError *error);
/* Installs win.open-file and win.show-in-folder (a path each): opens a file Candour
 * saved with the program the desktop opens it with, or its folder with the file picked
 * out, or says in a toast why it could not. */
void candour_export_feedback_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
