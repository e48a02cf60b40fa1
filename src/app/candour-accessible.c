/* candour-accessible.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>

#include "candour-accessible.h"
#include "candour-column-headings.h"

/* The widget GTK made for list_item's row: the child's parent in a list, the cell's
 * parent in a table (GtkColumnView's rows hold one cell per column). */
static GtkWidget *
row_of (GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *parent = child != NULL ? gtk_widget_get_parent (child) : NULL;

  if (parent != NULL &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (parent)) == GTK_ACCESSIBLE_ROLE_GRID_CELL)
    parent = gtk_widget_get_parent (parent);
  return parent;
}

void
candour_accessible_name_rowv (GtkListItem        *list_item,
                              guint               n_parts,
                              const char * const *parts)
{
  g_autoptr(GString) name = g_string_new (NULL);
  GtkWidget *row;

  g_return_if_fail (GTK_IS_LIST_ITEM (list_item));

  row = row_of (list_item);
  if (row == NULL)
    return;

  for (guint i = 0; i < n_parts; i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      g_string_append_printf (name, "%s%s", name->len > 0 ? ", " : "", parts[i]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
}

void
candour_accessible_name_row (GtkListItem *list_item,
                             guint        n_parts,
                             ...)
{
  const char *parts[8];
  va_list args;

  g_return_if_fail (n_parts <= G_N_ELEMENTS (parts));

  va_start (args, n_parts);
  for (guint i = 0; i < n_parts; i++)
    parts[i] = va_arg (args, const char *);
  va_end (args);
  candour_accessible_name_rowv (list_item, n_parts, parts);
}

void
candour_accessible_name_menu_button (GtkMenuButton *button,
                                     const char    *name)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
candour_accessible_name_drop_down_button (GtkDropDown *drop_down)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL, -1);
}

static void
name_heading (GtkWidget *heading,
              GtkLabel  *title,
              gpointer   user_data)
{
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (heading)) == GTK_ACCESSIBLE_ROLE_COLUMN_HEADER)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
}

void
candour_accessible_name_column_headings (GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  candour_column_headings_foreach (view, name_heading, NULL);
}
