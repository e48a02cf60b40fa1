/* candour-column-memory.c
 *
 * GTK 4.8's column view sorter says neither which column it sorts by nor which way.
 * Each column's sorter is wrapped with a probe in front: idle, it calls every pair
 * equal and leaves the column's own sorter to decide; asked, it answers "smaller" and
 * says which column it is. The view's sorter asks its first column first and stops at
 * the first answer that is not equal, turned round when that column sorts descending.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "candour-column-memory.h"

typedef struct
{
  GWeakRef view;
  char *list;
  GSettings *settings;
  gboolean probing;             /* the probes answer */
  GtkColumnViewColumn *probed;  /* the column whose probe answered */
  gboolean restoring;           /* widths and order being given back, not set */
  guint save_source;
} Memory;

typedef struct
{
  Memory *memory;
  GtkColumnViewColumn *column;  /* unowned: the column owns the probe */
} Probe;

/* Dragging a heading's edge changes the width many times a second: saved once it rests. */
#define SAVE_DELAY_MS 400

static void
memory_free (Memory *memory)
{
  g_weak_ref_clear (&memory->view);
  g_free (memory->list);
  g_clear_object (&memory->settings);
}

static Memory *
memory_ref (Memory *memory)
{
  return g_rc_box_acquire (memory);
}

static void
memory_unref (Memory *memory)
{
  g_rc_box_release_full (memory, (GDestroyNotify)memory_free);
}

static void
probe_free (Probe *probe)
{
  memory_unref (probe->memory);
  g_free (probe);
}

static GtkOrdering
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Probe *probe = user_data;

  if (!probe->memory->probing)
    return GTK_ORDERING_EQUAL;
  probe->memory->probed = probe->column;
  return GTK_ORDERING_SMALLER;
}

static Memory *
memory_of (GtkColumnView *view)
{
  return g_object_get_data (G_OBJECT (view), "candour-column-memory");
}

GtkColumnViewColumn *
candour_column_memory_sorted_by (GtkColumnView *view,
                                 gboolean      *descending)
{
  Memory *memory;
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  memory = memory_of (view);
  g_return_val_if_fail (memory != NULL, NULL);

  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  memory->probed = NULL;
  memory->probing = TRUE;
  order = gtk_sorter_compare (gtk_column_view_get_sorter (view), a, b);
  memory->probing = FALSE;
  if (descending != NULL)
    *descending = order == GTK_ORDERING_LARGER;
  return memory->probed;
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  return NULL;
}

/* Replaces list's entry in the a{s*} dictionary of key with entry (NULL: none). */
static void
save_entry (GSettings  *settings,
            const char *key,
            const char *list,
            GVariant   *entry)
{
  g_autoptr(GVariant) old = g_settings_get_value (settings, key);
  g_autoptr(GVariant) sunk = entry != NULL ? g_variant_ref_sink (entry) : NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *name;
  GVariant *value;

  g_variant_builder_init (&builder, g_variant_get_type (old));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@*}", &name, &value))
    {
      if (!g_str_equal (name, list))
        g_variant_builder_add (&builder, "{s@*}", name, value);
      g_variant_unref (value);
    }
  if (sunk != NULL)
    g_variant_builder_add (&builder, "{s@*}", list, sunk);
  g_settings_set_value (settings, key, g_variant_builder_end (&builder));
}

static void
save_now (Memory *memory)
{
  g_autoptr(GObject) object = g_weak_ref_get (&memory->view);
  GtkColumnView *view = (GtkColumnView *)object;
  GListModel *columns;
  GVariantBuilder widths;
  GtkColumnViewColumn *sorted;
  gboolean descending;

  if (view == NULL)
    return;

  columns = gtk_column_view_get_columns (view);
  g_variant_builder_init (&widths, G_VARIANT_TYPE ("a{si}"));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      int width = gtk_column_view_column_get_fixed_width (column);

      if (width > 0 && gtk_column_view_column_get_title (column) != NULL)
        g_variant_builder_add (&widths, "{si}", gtk_column_view_column_get_title (column), width);
    }
  save_entry (memory->settings, "column-widths", memory->list, g_variant_builder_end (&widths));

  sorted = candour_column_memory_sorted_by (view, &descending);
  save_entry (memory->settings, "column-sorts", memory->list,
              sorted != NULL ? g_variant_new ("(sb)", gtk_column_view_column_get_title (sorted), descending) : NULL);
}

static gboolean
save_later_cb (gpointer user_data)
{
  Memory *memory = user_data;

  memory->save_source = 0;
  save_now (memory);
  return G_SOURCE_REMOVE;
}

static void
save_later (Memory *memory)
{
  if (memory->restoring)
    return;
  g_clear_handle_id (&memory->save_source, g_source_remove);
  memory->save_source = g_timeout_add_full (G_PRIORITY_DEFAULT, SAVE_DELAY_MS, save_later_cb,
                                            memory_ref (memory), (GDestroyNotify)memory_unref);
}

/* The window closing: what waited to be saved is saved now, while the columns are
 * still there. */
static void
on_unrealize (GtkWidget *view,
              Memory    *memory)
{
  if (memory->save_source != 0)
    {
      g_clear_handle_id (&memory->save_source, g_source_remove);
      save_now (memory);
    }
}

static void
on_width_changed (GtkColumnViewColumn *column,
                  GParamSpec          *pspec,
                  Memory              *memory)
{
  save_later (memory);
}

static void
on_sorter_changed (GtkSorter *sorter,
                   int        change,
                   Memory    *memory)
{
  save_later (memory);
}

static void
wrap_sorter (Memory              *memory,
             GtkColumnViewColumn *column)
{
  GtkSorter *own = gtk_column_view_column_get_sorter (column);
  g_autoptr(GtkMultiSorter) wrapped = NULL;
  Probe *probe;

  if (own == NULL)
    return;
  probe = g_new0 (Probe, 1);
  probe->memory = memory_ref (memory);
  probe->column = column;
  wrapped = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (wrapped, GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe,
                                                                       (GDestroyNotify)probe_free)));
  gtk_multi_sorter_append (wrapped, g_object_ref (own));
  gtk_column_view_column_set_sorter (column, GTK_SORTER (wrapped));
}

static void
restore (Memory              *memory,
         GtkColumnView       *view,
         GtkColumnViewColumn *default_column,
         GtkSortType          default_order)
{
  g_autoptr(GVariant) widths = g_settings_get_value (memory->settings, "column-widths");
  g_autoptr(GVariant) sorts = g_settings_get_value (memory->settings, "column-sorts");
  g_autoptr(GVariant) list_widths = g_variant_lookup_value (widths, memory->list, G_VARIANT_TYPE ("a{si}"));
  const char *title;
  gboolean descending;

  memory->restoring = TRUE;
  if (list_widths != NULL)
    {
      GVariantIter iter;
      int width;

      g_variant_iter_init (&iter, list_widths);
      while (g_variant_iter_next (&iter, "{&si}", &title, &width))
        {
          GtkColumnViewColumn *column = column_titled (view, title);

          if (column != NULL && width > 0 && gtk_column_view_column_get_resizable (column))
            gtk_column_view_column_set_fixed_width (column, width);
        }
    }
  if (g_variant_lookup (sorts, memory->list, "(&sb)", &title, &descending))
    {
      GtkColumnViewColumn *column = column_titled (view, title);

      if (column != NULL && gtk_column_view_column_get_sorter (column) != NULL)
        {
          default_column = column;
          default_order = descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING;
        }
    }
  if (default_column != NULL)
    gtk_column_view_sort_by_column (view, default_column, default_order);
  memory->restoring = FALSE;
}

void
candour_column_memory_attach (GtkColumnView       *view,
                              const char          *list,
                              GtkColumnViewColumn *default_column,
                              GtkSortType          default_order)
{
  Memory *memory;
  GListModel *columns;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (list != NULL);
  g_return_if_fail (memory_of (view) == NULL);
  g_return_if_fail (default_column == NULL || GTK_IS_COLUMN_VIEW_COLUMN (default_column));

  memory = g_rc_box_new0 (Memory);
  g_weak_ref_init (&memory->view, view);
  memory->list = g_strdup (list);
  memory->settings = g_settings_new (APPLICATION_ID);
  g_object_set_data_full (G_OBJECT (view), "candour-column-memory", memory, (GDestroyNotify)memory_unref);
  g_signal_connect (view, "unrealize", G_CALLBACK (on_unrealize), memory);

  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      wrap_sorter (memory, column);
      g_signal_connect_data (column, "notify::fixed-width", G_CALLBACK (on_width_changed),
                             memory_ref (memory), (GClosureNotify)(void (*)(void))memory_unref, 0);
    }
  restore (memory, view, default_column, default_order);
  g_signal_connect_data (gtk_column_view_get_sorter (view), "changed", G_CALLBACK (on_sorter_changed),
                         memory_ref (memory), (GClosureNotify)(void (*)(void))memory_unref, 0);
}
