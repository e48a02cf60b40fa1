/* candour-export-chooser.h: where an export goes
 *
 * Every Export ▾ asks for the file the same way: a modal save chooser over the
 * window, its name suggested, and the answer back to the widget that asked, only if
 * it is still there. One chooser per widget: asking again replaces the open one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* owner, the path chosen, and the format it was asked for. */
typedef void (*CandourExportChosenFunc) (GtkWidget  *owner,
                                         const char *path,
                                         int         format);

void             candour_export_chooser_show (GtkWidget               *owner,
                                              const char              *title,
                                              const char              *file_name,
                                              int                      format,
                                              CandourExportChosenFunc  chosen);
/* The chooser open for owner, or NULL: for closing it early, and for tests. */
GtkNativeDialog *candour_export_chooser_get  (GtkWidget               *owner);
void             candour_export_chooser_close (GtkWidget              *owner);

G_END_DECLS
