/* candour-column-meanings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-column-headings.h"
#include "candour-column-meanings.h"

typedef struct
{
  const char *title;
  GtkWidget *heading;
} Finding;

static void
match_title (GtkWidget *heading,
             GtkLabel  *title,
             gpointer   user_data)
{
  Finding *finding = user_data;

  if (finding->heading == NULL && g_strcmp0 (gtk_label_get_label (title), finding->title) == 0)
    finding->heading = heading;
}

/* The heading GTK 4.8 made for column, found by its title (candour-column-headings.h). */
static GtkWidget *
heading_of (GtkColumnViewColumn *column)
{
  GtkColumnView *view = gtk_column_view_column_get_column_view (column);
  Finding finding = { gtk_column_view_column_get_title (column), NULL };

  if (view == NULL || finding.title == NULL)
    return NULL;
  candour_column_headings_foreach (view, match_title, &finding);
  return finding.heading;
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
