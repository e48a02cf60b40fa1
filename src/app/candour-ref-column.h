/* candour-ref-column.h: a column of references as wide as its longest
 *
 * A reference cut short ("BID-2024-0") reads as another one. GTK 4.8 sizes a column
 * from the cells it has made, the rows in view, so a longer reference further down is
 * clipped; a column of references is given the width of the longest in the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* An item's reference, owned by the item; NULL for none. */
typedef const char *(*CandourRefGetter) (gpointer item);

/* Widens column (in a view) to show its heading and the longest of items' references
 * whole; a column wider already (set by the person) stays as it is. Again for each
 * new list of items. */
void candour_ref_column_fit       (GtkColumnViewColumn *column,
                                   GListModel          *items,
                                   CandourRefGetter     get_ref);

/* The same for references given as n_texts strings (NULLs skipped). */
void candour_ref_column_fit_texts (GtkColumnViewColumn *column,
                                   const char * const  *texts,
                                   guint                n_texts);

/* The width column needs to show text whole in its cells. */
int  candour_ref_column_width_for (GtkColumnViewColumn *column,
                                   const char          *text);

G_END_DECLS
