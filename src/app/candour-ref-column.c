/* candour-ref-column.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "candour-ref-column.h"

/* A cell of a .data-table has 10px of padding each side (style.css) and a 1px
 * separator; a little over, for the font's rounding. */
#define CELL_CHROME 24
#define SORT_ARROW 16

/* Measuring every reference of 50,000 takes too long: the longest in characters are
 * measured, up to this many of them (references of a kind have one pattern). */
#define MAX_MEASURED 256

int
candour_ref_column_width_for (GtkColumnViewColumn *column,
                              const char          *text)
{
  GtkColumnView *view;
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column), 0);
  view = gtk_column_view_column_get_column_view (column);
  g_return_val_if_fail (view != NULL, 0);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width + CELL_CHROME;
}

void
candour_ref_column_fit_texts (GtkColumnViewColumn *column,
                              const char * const  *texts,
                              guint                n_texts)
{
  g_autoptr(GPtrArray) longest = g_ptr_array_new ();
  glong longest_length = 0;
  int width;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (texts != NULL || n_texts == 0);

  for (guint i = 0; i < n_texts; i++)
    {
      glong length;

      if (texts[i] == NULL)
        continue;
      length = g_utf8_strlen (texts[i], -1);
      if (length > longest_length)
        {
          longest_length = length;
          g_ptr_array_set_size (longest, 0);
        }
      if (length == longest_length && longest->len < MAX_MEASURED)
        g_ptr_array_add (longest, (gpointer)texts[i]);
    }

  /* The heading has the same padding, and room for the arrow when sorted by it. */
  width = candour_ref_column_width_for (column, gtk_column_view_column_get_title (column)) + SORT_ARROW;
  for (guint i = 0; i < longest->len; i++)
    width = MAX (width, candour_ref_column_width_for (column, g_ptr_array_index (longest, i)));
  if (width > gtk_column_view_column_get_fixed_width (column))
    gtk_column_view_column_set_fixed_width (column, width);
}

void
candour_ref_column_fit (GtkColumnViewColumn *column,
                        GListModel          *items,
                        CandourRefGetter     get_ref)
{
  guint n;
  g_autoptr(GPtrArray) texts = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (G_IS_LIST_MODEL (items));
  g_return_if_fail (get_ref != NULL);

  /* The references stay the items' own while the items are held here. */
  n = g_list_model_get_n_items (items);
  texts = g_ptr_array_new_full (n, NULL);
  {
    g_autoptr(GPtrArray) held = g_ptr_array_new_full (n, g_object_unref);

    for (guint i = 0; i < n; i++)
      {
        gpointer item = g_list_model_get_item (items, i);

        g_ptr_array_add (held, item);
        g_ptr_array_add (texts, (gpointer)get_ref (item));
      }
    candour_ref_column_fit_texts (column, (const char * const *)texts->pdata, texts->len);
  }
}
