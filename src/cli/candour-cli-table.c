/* candour-cli-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-cli-table.h"
#include "candour-text.h"

static gboolean
is_figure (CandourCellKind kind)
{
  return kind == CANDOUR_CELL_MONEY || kind == CANDOUR_CELL_PERCENT_TENTHS ||
         kind == CANDOUR_CELL_PERCENT_EXACT || kind == CANDOUR_CELL_TENTHS ||
         kind == CANDOUR_CELL_COUNT;
}

static void
append_cell (GString    *line,
             const char *text,
             guint       width,
             gboolean    right_align)
{
  guint length = g_utf8_strlen (text, -1);
  guint padding = width > length ? width - length : 0;

  if (right_align)
    for (guint i = 0; i < padding; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text);
  if (!right_align)
    for (guint i = 0; i < padding; i++)
      g_string_append_c (line, ' ');
}

gboolean
candour_cli_write_table (CandourReport  *report,
                         GOutputStream  *stream,
                         GError        **error)
{
  guint n_columns = candour_report_get_n_columns (report);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autofree guint *widths = g_new0 (guint, n_columns);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  char **header = g_new0 (char *, n_columns + 1);

  for (guint i = 0; i < n_columns; i++)
    header[i] = g_strdup (candour_report_get_column (report, i)->name);
  g_ptr_array_add (rows, header);

  while (candour_report_next (report, &local_error))
    {
      char **row = g_new0 (char *, n_columns + 1);

      for (guint i = 0; i < n_columns; i++)
        {
          g_autofree char *cell = candour_report_format_cell (report, i, CANDOUR_CELL_FORMAT_DISPLAY);

          /* One line per row: a note with a line break would tear the table, and an
           * escape sequence another program stored must never act on the terminal. */
          row[i] = candour_text_printable (cell);
        }
      g_ptr_array_add (rows, row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint r = 0; r < rows->len; r++)
    for (guint i = 0; i < n_columns; i++)
      widths[i] = MAX (widths[i], (guint)g_utf8_strlen (((char **)rows->pdata[r])[i], -1));

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];

      for (guint i = 0; i < n_columns; i++)
        {
          gboolean last = i + 1 == n_columns;
          gboolean right = r > 0 && is_figure (candour_report_get_column (report, i)->kind);

          append_cell (text, row[i], last && !right ? 0 : widths[i], right);
          if (!last)
            g_string_append (text, "  ");
        }
      g_string_append_c (text, '\n');
    }

  if (rows->len == 1)
    g_string_append (text, "(no rows)\n");

  return g_output_stream_write_all (stream, text->str, text->len, NULL, NULL, error);
}
