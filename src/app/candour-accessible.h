/* candour-accessible.h: names a screen reader speaks where GTK 4.8 gives none
 *
 * GTK 4.8 names a widget from its accessible label or the widgets it is labelled by,
 * and otherwise from its type: a table's row reads as "GtkListItemWidget", an icon
 * menu button as "GtkToggleButton". GtkListItem:accessible-label came only in 4.12.
 * These give such widgets the words the screen shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names the row that shows list_item (a list's row, or a table's whole row when
 * list_item is one of its cells) with n_parts strings, those not NULL or empty joined
 * by commas: "Kindred Pathways, Social enterprise, ORG-KINDRED". For a list item
 * factory's bind step (or a handler of list_item's notify::item in a
 * GtkBuilderListItemFactory's template), once list_item's child is in the row. */
void candour_accessible_name_row         (GtkListItem        *list_item,
                                          guint               n_parts,
                                          ...);
/* The same with the parts in an array. */
void candour_accessible_name_rowv        (GtkListItem        *list_item,
                                          guint               n_parts,
                                          const char * const *parts);

/* GtkMenuButton's button is labelled by the menu button itself, which has no label
 * of its own, even with one on screen ("_Export"); give it one (in .ui files,
 * <accessibility><property name="label">). */
void candour_accessible_name_menu_button (GtkMenuButton *button,
                                          const char    *name);

/* GtkDropDown's button, which takes the focus, has no name: it is labelled here by
 * the drop-down, whose label the caller gives. */
void candour_accessible_name_drop_down_button (GtkDropDown *drop_down);

/* A table's column headings (which sort it) are named by nothing but their type:
 * each is labelled here by its title. Again after columns are added. */
void candour_accessible_name_column_headings (GtkColumnView *view);

G_END_DECLS
