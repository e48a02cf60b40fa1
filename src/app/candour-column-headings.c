/* candour-column-headings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "candour-column-headings.h"

static GtkWidget *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = first_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

void
candour_column_headings_foreach (GtkColumnView            *view,
                                 CandourColumnHeadingFunc  func,
                                 gpointer                  user_data)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (func != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!g_str_equal (gtk_widget_get_css_name (child), "header"))
        continue;
      for (GtkWidget *heading = gtk_widget_get_first_child (child); heading != NULL;
           heading = gtk_widget_get_next_sibling (heading))
        {
          GtkWidget *title = first_label (heading);

          if (title != NULL)
            func (heading, GTK_LABEL (title), user_data);
        }
    }
}
