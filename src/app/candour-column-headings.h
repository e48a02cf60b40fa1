/* candour-column-headings.h: the headings GTK 4.8 draws for a column view's columns
 *
 * GtkColumnViewColumn has no widget of its own on 4.8: the heading the person sees and
 * clicks is made inside the view's heading row (CSS name "header"), beside the list of
 * rows, with the column's title in its label. Naming headings for screen readers and
 * putting tooltips on them both reach them here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* heading, and the label that shows its column's title. */
typedef void (*CandourColumnHeadingFunc) (GtkWidget *heading,
                                          GtkLabel  *title,
                                          gpointer   user_data);

/* Calls func for each heading view shows now (those with a title label). */
void candour_column_headings_foreach (GtkColumnView            *view,
                                      CandourColumnHeadingFunc  func,
                                      gpointer                  user_data);

G_END_DECLS
