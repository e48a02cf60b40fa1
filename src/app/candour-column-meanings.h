/* candour-column-meanings.h: what each column of a table means, shown over its heading
 *
 * A figure's heading ("Due") is too short to say how it is worked out; the words go in
 * a tooltip on the heading. GTK 4.8 gives a GtkColumnViewColumn no tooltip of its own,
 * so these reach the heading GTK makes for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One column of a table: its title as written in the .ui (untranslated) and what it
 * means, both marked with N_(). Each table keeps its list of these in one array. */
typedef struct
{
  const char *title;
  const char *meaning;
} CandourColumnMeaning;

/* Puts meaning (translated already) over the heading of column, which is in a view.
 * Again if the column's title changes. */
void candour_column_explain          (GtkColumnViewColumn        *column,
                                      const char                 *meaning);

/* Puts each meaning over the heading of view's column of that title; a title that
 * names no column is a mistake in the table (a critical warning). */
void candour_column_explain_headings (GtkColumnView              *view,
                                      const CandourColumnMeaning *meanings,
                                      gsize                       n_meanings);

G_END_DECLS
