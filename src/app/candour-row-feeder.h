/* candour-row-feeder.h: a list view's rows made a few at a time
 *
 * Given a list, a GTK 4.8 list view makes up to 200 rows at once, each cell built by
 * its factory: some 2 ms a row for these tables, 400 ms in one go for a national
 * register, with the window frozen. A feeder is the list model the view is given, in
 * front of the models it shows: when the view of a page on screen has no rows and the
 * list fills, or when most of the rows it has made are replaced (a list sorted or
 * filtered anew), it passes on a few more items each frame until the view has made its
 * rows, then the whole list. Smaller changes go straight through: the view reuses
 * the rows it has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CANDOUR_TYPE_ROW_FEEDER (candour_row_feeder_get_type ())

G_DECLARE_FINAL_TYPE (CandourRowFeeder, candour_row_feeder, CANDOUR, ROW_FEEDER, GObject)

/* Feeds source to the view on page, counting page's frames (the view itself may be
 * hidden behind a "loading" placeholder when the list arrives). The page is not
 * referenced: the feeder stops when it goes. The feeder is a GListModel of source's
 * items. */
CandourRowFeeder *candour_row_feeder_new             (GtkWidget        *page,
                                                      GListModel       *source);
/* TRUE while the view has been given only the first items. */
gboolean          candour_row_feeder_get_feeding     (CandourRowFeeder *self);

/* Feeders feeding a view on screen, in this process: tests wait for none. */
guint             candour_row_feeder_get_n_feeding   (void);

G_END_DECLS
