/* candour-csv-writer.c: RFC 4180 output that Excel opens safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-csv-writer.h"

#include <string.h>

#define FLUSH_THRESHOLD (64 * 1024)

struct _CandourCsvWriter
{
  GOutputStream *stream;
  GString *buffer;

  /* Where the current row starts in buffer, and how many cells it has so far. */
  gsize row_start;
  guint row_cells;

  gboolean closed;

  /* A failed write leaves a partial file; every later call reports the same failure. */
  GError *failure;
};

CandourCsvWriter *
candour_csv_writer_new (GOutputStream *stream)
{
  CandourCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_new0 (CandourCsvWriter, 1);
  self->stream = g_object_ref (stream);
  self->buffer = g_string_sized_new (FLUSH_THRESHOLD + 4096);

  /* The BOM is how Excel knows the file is UTF-8 and shows £ and accents. */
  g_string_append (self->buffer, "\xEF\xBB\xBF");
  self->row_start = self->buffer->len;

  return self;
}

void
candour_csv_writer_free (CandourCsvWriter *self)
{
  if (self == NULL)
    return;

  /* Unflushed rows are dropped: without _close() nobody could hear of a failure. */
  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);
  g_clear_error (&self->failure);
  g_free (self);
}

static void
add_cell (CandourCsvWriter *self,
          const char       *text,
          gboolean          guard_formula)
{
  GString *buffer = self->buffer;
  gboolean needs_quotes;
  gboolean needs_guard;

  if (self->row_cells++ > 0)
    g_string_append_c (buffer, ',');

  if (text == NULL || text[0] == '\0')
    return;

  /* A semicolon or a tab too: LibreOffice and European Excel split on them by default. */
  needs_quotes = strpbrk (text, ",;\t\"\r\n") != NULL;
  needs_guard = guard_formula && strchr ("=+-@\t\r\n", text[0]) != NULL;

  if (!needs_quotes)
    {
      if (needs_guard)
        g_string_append_c (buffer, '\'');
      g_string_append (buffer, text);
      return;
    }

  g_string_append_c (buffer, '"');
  if (needs_guard)
    g_string_append_c (buffer, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *quote = strchr (p, '"');

      if (quote == NULL)
        {
          g_string_append (buffer, p);
          break;
        }
      g_string_append_len (buffer, p, quote - p + 1);
      g_string_append_c (buffer, '"');
      p = quote;
    }
  g_string_append_c (buffer, '"');
}

void
candour_csv_writer_add_text (CandourCsvWriter *self,
                             const char       *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->closed);

  add_cell (self, text, TRUE);
}

void
candour_csv_writer_add_number (CandourCsvWriter *self,
                               const char       *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->closed);

  add_cell (self, text, FALSE);
}

static void
finish_row (CandourCsvWriter *self)
{
  /* A row of one empty cell would be a blank line, which readers skip. */
  if (self->row_cells == 1 && self->buffer->len == self->row_start)
    g_string_append (self->buffer, "\"\"");

  g_string_append (self->buffer, "\r\n");
  self->row_start = self->buffer->len;
  self->row_cells = 0;
}

static gboolean
report_failure (CandourCsvWriter  *self,
                GError           **error)
{
  if (error != NULL)
    *error = g_error_copy (self->failure);

  return FALSE;
}

static gboolean
flush (CandourCsvWriter  *self,
       GError           **error)
{
  if (self->buffer->len > 0 &&
      !g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  NULL, NULL, &self->failure))
    return report_failure (self, error);

  g_string_truncate (self->buffer, 0);
  self->row_start = 0;

  return TRUE;
}

gboolean
candour_csv_writer_end_row (CandourCsvWriter  *self,
                            GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->closed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failure != NULL)
    return report_failure (self, error);

  finish_row (self);

  if (self->buffer->len > FLUSH_THRESHOLD)
    return flush (self, error);

  return TRUE;
}

gboolean
candour_csv_writer_close (CandourCsvWriter  *self,
                          GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->closed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->closed = TRUE;

  if (self->failure != NULL)
    return report_failure (self, error);

  /* A row left open is finished rather than lost. */
  if (self->row_cells > 0)
    finish_row (self);

  if (!flush (self, error))
    return FALSE;

  /* The stream stays open: the caller decides whether to commit it, for instance by
   * closing a g_file_replace() stream or cancelling it after a later failure. */
  if (!g_output_stream_flush (self->stream, NULL, &self->failure))
    return report_failure (self, error);

  return TRUE;
}
