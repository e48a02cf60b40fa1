/* candour-column-meanings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-column-meanings.h"

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

/* GTK 4.8 makes a heading for each shown column inside the view's heading row, beside
 * the list of rows, and writes the column's title in its label (as
 * candour_accessible_name_column_headings finds them). */
static GtkWidget *
heading_of (GtkColumnViewColumn *column)
{
  GtkColumnView *view = gtk_column_view_column_get_column_view (column);
  const char *title = gtk_column_view_column_get_title (column);

  if (view == NULL || title == NULL)
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!g_str_equal (gtk_widget_get_css_name (child), "header"))
        continue;
      for (GtkWidget *heading = gtk_widget_get_first_child (child); heading != NULL;
           heading = gtk_widget_get_next_sibling (heading))
        {
          GtkWidget *label = first_label (heading);

          if (label != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), title) == 0)
            return heading;
        }
    }
  return NULL;
}

static void
explain_now (GtkColumnViewColumn *column)
{
  GtkWidget *heading = heading_of (column);

  if (heading != NULL)
    gtk_widget_set_tooltip_text (heading, g_object_get_data (G_OBJECT (column), "candour-meaning"));
}

void
candour_column_explain (GtkColumnViewColumn *column,
                        const char          *meaning)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (meaning != NULL);

  if (g_object_get_data (G_OBJECT (column), "candour-meaning") == NULL)
    {
      /* A heading is made again when its column is hidden and shown, or moved. */
      g_signal_connect (column, "notify::title", G_CALLBACK (explain_now), NULL);
      g_signal_connect (column, "notify::visible", G_CALLBACK (explain_now), NULL);
      g_signal_connect (column, "notify::column-view", G_CALLBACK (explain_now), NULL);
    }
  g_object_set_data_full (G_OBJECT (column), "candour-meaning", g_strdup (meaning), g_free);
  explain_now (column);
}

void
candour_column_explain_headings (GtkColumnView              *view,
                                 const CandourColumnMeaning *meanings,
                                 gsize                       n_meanings)
{
  GListModel *columns;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (meanings != NULL || n_meanings == 0);

  columns = gtk_column_view_get_columns (view);
  for (gsize i = 0; i < n_meanings; i++)
    {
      const char *title = _(meanings[i].title);
      gboolean found = FALSE;

      for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

          if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
            {
              candour_column_explain (column, _(meanings[i].meaning));
              found = TRUE;
            }
        }
      if (!found)
        g_critical ("No column \"%s\" to explain", meanings[i].title);
    }
}
