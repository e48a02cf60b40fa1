/* candour-column-memory.h: a table's column widths and order, kept across restarts
 *
 * What a person set by dragging a heading's edge or clicking a heading is saved in
 * GSettings (column-widths and column-sorts, keyed by the list's name and the columns'
 * titles) and given back when the list is built again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives view the widths and order last saved for list (a name of its own, such as
 * "organisations"), and saves them again as they change. With nothing saved, view
 * sorts by default_column (NULL for the order the rows come in) in default_order.
 * Once, after view's columns and their sorters are all set: giving a column its
 * sorter takes it out of the view's order (GTK 4.8), so the order is set here. */
void     candour_column_memory_attach     (GtkColumnView       *view,
                                           const char          *list,
                                           GtkColumnViewColumn *default_column,
                                           GtkSortType          default_order);

/* The column view sorts by first (NULL when unsorted), descending or not: what GTK 4.8
 * gives no call for. For a view given candour_column_memory_attach(). */
GtkColumnViewColumn *
         candour_column_memory_sorted_by  (GtkColumnView       *view,
                                           gboolean            *descending);

G_END_DECLS
