/* candour-combo-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "candour-combo-row.h"

static GtkWidget *
find_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkListView *
candour_combo_row_get_list (AdwComboRow *row)
{
  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  /* The popover is the row's child from the start, shown or not. */
  return GTK_LIST_VIEW (find_list (GTK_WIDGET (row)));
}

/* After the row's own handler, which took the popover's selection. */
static void
on_activate (GtkListView *list,
             guint        position,
             AdwComboRow *row)
{
  adw_combo_row_set_selected (row, position);
}

void
candour_combo_row_take_activated (AdwComboRow *row)
{
  GtkListView *list = candour_combo_row_get_list (row);

  g_return_if_fail (list != NULL);

  g_signal_connect_object (list, "activate", G_CALLBACK (on_activate), row, G_CONNECT_AFTER);
}

GtkWidget *
candour_combo_row_new (void)
{
  GtkWidget *row = adw_combo_row_new ();

  candour_combo_row_take_activated (ADW_COMBO_ROW (row));
  return row;
}
