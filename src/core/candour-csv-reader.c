/* candour-csv-reader.c: an RFC 4180 reader for the files people save from Excel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-csv-reader.h"

#include <string.h>

#include "candour-error.h"

#define SAVE_AS_UTF8 "save it again as \"CSV UTF-8 (Comma delimited)\""

struct _CandourCsvReader
{
  char *name;

  /* The whole text as UTF-8, owned and NUL-terminated at data[length]. Records are
   * split in place: delimiters become NULs and quoted fields are unescaped over their
   * own bytes, so fields point into data and no field is ever allocated on its own. */
  char *data;
  gsize length;
  gsize pos;
  guint line;

  const char **fields;
  guint n_fields;
  guint fields_size;
  guint record_line;

  /* Kept so that calling _next() again after a quoting error repeats it, rather
   * than looking like a clean end of file. */
  GError *failure;
};

/* Bytes that end an unquoted field; NUL is data[length], as files with NULs are refused. */
static const guint8 ends_unquoted[256] = {
  ['\0'] = TRUE, [','] = TRUE, ['"'] = TRUE, ['\r'] = TRUE, ['\n'] = TRUE,
};

/* Bytes that need a look inside a quoted field. */
static const guint8 stops_quoted[256] = {
  ['\0'] = TRUE, ['"'] = TRUE, ['\r'] = TRUE, ['\n'] = TRUE,
};

/* Windows-1252 0x80..0x9F as Unicode; 0 marks the five bytes it leaves undefined. */
static const gunichar windows_1252_c1[32] = {
  0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* Finds the line and field number of a byte offset, for encoding errors found before
 * parsing. Tolerant of bad quoting: it only has to be right up to the offset. */
static void
locate_offset (const char *data,
               gsize       offset,
               guint      *out_line,
               guint      *out_column)
{
  guint line = 1;
  guint column = 1;
  gboolean in_quotes = FALSE;

  for (gsize i = 0; i < offset; i++)
    {
      switch (data[i])
        {
        case '"':
          in_quotes = !in_quotes;
          break;

        case ',':
          if (!in_quotes)
            column++;
          break;

        case '\r':
        case '\n':
          if (data[i] == '\r' && i + 1 < offset && data[i + 1] == '\n')
            i++;
          line++;
          if (!in_quotes)
            column = 1;
          break;

        default:
          break;
        }
    }

  *out_line = line;
  *out_column = column;
}

/* Excel's "Unicode Text" is UTF-16: ASCII there has a NUL in every other byte. */
static gboolean
looks_like_utf16 (const guchar *data,
                  gsize         length)
{
  gsize sample = MIN (length, 1024);
  gsize nuls[2] = { 0, 0 };

  if (length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                      (data[0] == 0xFE && data[1] == 0xFF)))
    return TRUE;

  if (sample < 2)
    return FALSE;

  for (gsize i = 0; i < sample; i++)
    {
      if (data[i] == 0)
        nuls[i % 2]++;
    }

  /* Half the even or half the odd bytes being NUL is no accident of a stray byte. */
  return nuls[0] * 2 > (sample + 1) / 2 || nuls[1] * 2 > sample / 2;
}

/* Each byte 0x80..0xFF as UTF-8; length 0 marks the bytes Windows-1252 leaves undefined. */
typedef struct
{
  guint8 length[128];
  char bytes[128][4];
} Windows1252Table;

static void
windows_1252_table_init (Windows1252Table *table)
{
  for (guint c = 0x80; c <= 0xFF; c++)
    {
      gunichar u = c < 0xA0 ? windows_1252_c1[c - 0x80] : c;
      guint i = c - 0x80;

      table->length[i] = u == 0 ? 0 : (guint8) g_unichar_to_utf8 (u, table->bytes[i]);
    }
}

/* Skips ASCII eight bytes at a time; returns the offset of the next byte >= 0x80. */
static gsize
skip_ascii (const guchar *bytes,
            gsize         pos,
            gsize         length)
{
  while (pos + 8 <= length)
    {
      guint64 word;

      memcpy (&word, bytes + pos, 8);
      if (word & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
      pos += 8;
    }
  while (pos < length && bytes[pos] < 0x80)
    pos++;

  return pos;
}

/* NUL bytes pass here; they are reported separately with a better message. Only runs of
 * bytes with the high bit set need a look, and a valid multibyte sequence is made of such
 * bytes only, so each run can be validated on its own. Most files are nearly all ASCII. */
static gboolean
is_utf8 (const char *data,
         gsize       length)
{
  const guchar *bytes = (const guchar *) data;
  gsize pos = 0;

  while (pos < length)
    {
      gsize run_end;

      pos = skip_ascii (bytes, pos, length);
      if (pos == length)
        break;

      for (run_end = pos; run_end < length && bytes[run_end] >= 0x80; run_end++)
        ;
      if (!g_utf8_validate_len (data + pos, run_end - pos, NULL))
        return FALSE;
      pos = run_end;
    }

  return TRUE;
}

/* Returns the offset of the first undefined byte, or length if there is none, in which
 * case *out_size is the length of the text in UTF-8. */
static gsize
measure_windows_1252 (const Windows1252Table *table,
                      const char             *data,
                      gsize                   length,
                      gsize                  *out_size)
{
  const guchar *bytes = (const guchar *) data;
  gsize size = length;

  for (gsize pos = skip_ascii (bytes, 0, length); pos < length;
       pos = skip_ascii (bytes, pos + 1, length))
    {
      guint8 n = table->length[bytes[pos] - 0x80];

      if (n == 0)
        return pos;
      size += n - 1;
    }

  *out_size = size;

  return length;
}

/* Returns a NUL-terminated copy in UTF-8 of text measure_windows_1252() accepted. */
static char *
convert_windows_1252 (const Windows1252Table *table,
                      const char             *data,
                      gsize                   length,
                      gsize                   size)
{
  const guchar *bytes = (const guchar *) data;
  char *out = g_malloc (size + 1);
  gsize n = 0;
  gsize pos = 0;

  while (pos < length)
    {
      gsize next = skip_ascii (bytes, pos, length);
      guint8 c;

      memcpy (out + n, data + pos, next - pos);
      n += next - pos;
      if (next == length)
        break;

      c = bytes[next] - 0x80;
      memcpy (out + n, table->bytes[c], table->length[c]);
      n += table->length[c];
      pos = next + 1;
    }

  g_assert (n == size);
  out[n] = '\0';

  return out;
}

static void
set_error_at (GError         **error,
              CandourCsvError  code,
              const char      *name,
              guint            line,
              guint            column,
              const char      *reason)
{
  g_set_error (error, CANDOUR_CSV_ERROR, code, "%s:%u:%u: %s", name, line, column, reason);
}

/* Takes ownership of data, which has a NUL at data[length] beyond the text. */
static CandourCsvReader *
reader_new_take (char        *data,
                 gsize        length,
                 const char  *display_name,
                 GError     **error)
{
  g_autofree char *owned = data;
  const char *text = data;
  gsize text_length = length;
  const char *nul;
  gsize bad_offset = G_MAXSIZE;
  gboolean utf8;
  Windows1252Table table;
  gsize converted_size = 0;
  CandourCsvReader *self;

  if (looks_like_utf16 ((const guchar *) data, length))
    {
      set_error_at (error, CANDOUR_CSV_ERROR_ENCODING, display_name, 1, 1,
                    "this file is saved as UTF-16 (Excel \"Unicode Text\"); " SAVE_AS_UTF8);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      text_length -= 3;
    }

  nul = memchr (text, '\0', text_length);
  if (nul != NULL)
    bad_offset = (gsize) (nul - text);

  utf8 = is_utf8 (text, text_length);
  if (!utf8)
    {
      windows_1252_table_init (&table);
      bad_offset = MIN (bad_offset,
                        measure_windows_1252 (&table, text, text_length, &converted_size));
    }

  if (bad_offset < text_length)
    {
      guint line, column;

      locate_offset (text, bad_offset, &line, &column);
      if (text[bad_offset] == '\0')
        set_error_at (error, CANDOUR_CSV_ERROR_ENCODING, display_name, line, column,
                      "contains a NUL byte, which never belongs in a CSV file; " SAVE_AS_UTF8);
      else
        {
          g_autofree char *reason =
            g_strdup_printf ("this file is neither UTF-8 nor Windows-1252 (byte 0x%02X means "
                             "nothing in either); " SAVE_AS_UTF8,
                             (guchar) text[bad_offset]);

          set_error_at (error, CANDOUR_CSV_ERROR_ENCODING, display_name, line, column, reason);
        }
      return NULL;
    }

  self = g_new0 (CandourCsvReader, 1);
  self->name = g_strdup (display_name);
  self->line = 1;

  if (utf8)
    {
      /* Skip the BOM in place rather than copy fifty megabytes to lose three bytes. */
      self->data = g_steal_pointer (&owned);
      self->pos = (gsize) (text - data);
      self->length = length;
    }
  else
    {
      self->data = convert_windows_1252 (&table, text, text_length, converted_size);
      self->length = converted_size;
    }

  self->fields_size = 16;
  self->fields = g_new (const char *, self->fields_size);

  return self;
}

CandourCsvReader *
candour_csv_reader_new_for_path (const char   *path,
                                 const char   *display_name,
                                 GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = basename = g_filename_display_basename (path);

  /* g_file_get_contents() NUL-terminates, which the splitter relies on. */
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_IO,
                   "%s: could not be read: %s", display_name, local_error->message);
      return NULL;
    }

  return reader_new_take (contents, length, display_name, error);
}

CandourCsvReader *
candour_csv_reader_new_for_data (const char   *data,
                                 gsize         length,
                                 const char   *display_name,
                                 GError      **error)
{
  char *copy;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = g_malloc (length + 1);
  if (length > 0)
    memcpy (copy, data, length);
  copy[length] = '\0';

  return reader_new_take (copy, length, display_name, error);
}

void
candour_csv_reader_free (CandourCsvReader *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->data);
  g_free (self->fields);
  g_clear_error (&self->failure);
  g_free (self);
}

static void
add_field (CandourCsvReader *self,
           const char       *field)
{
  if (self->n_fields == self->fields_size)
    {
      self->fields_size *= 2;
      self->fields = g_renew (const char *, self->fields, self->fields_size);
    }
  self->fields[self->n_fields++] = field;
}

static gboolean
fail (CandourCsvReader  *self,
      GError           **error,
      guint              line,
      guint              column,
      const char        *reason)
{
  self->n_fields = 0;
  set_error_at (&self->failure, CANDOUR_CSV_ERROR_SYNTAX, self->name, line, column, reason);
  if (error != NULL)
    *error = g_error_copy (self->failure);

  return FALSE;
}

gboolean
candour_csv_reader_next (CandourCsvReader  *self,
                         GError           **error)
{
  char *data;
  gsize pos;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failure != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->failure);
      return FALSE;
    }

  data = self->data;
  pos = self->pos;
  self->n_fields = 0;

  /* Blank lines are not records. */
  for (;;)
    {
      if (pos >= self->length)
        {
          self->pos = pos;
          return FALSE;
        }
      if (data[pos] == '\n')
        pos++;
      else if (data[pos] == '\r')
        pos += data[pos + 1] == '\n' ? 2 : 1;
      else
        break;
      self->line++;
    }

  self->record_line = self->line;

  for (;;)
    {
      guint column = self->n_fields + 1;
      char c;

      if (data[pos] == '"')
        {
          guint quote_line = self->line;
          gsize out;

          pos++;
          out = pos;
          add_field (self, data + out);

          for (;;)
            {
              /* Copy runs of ordinary bytes; the unescaped text never overtakes them. */
              while (!stops_quoted[(guchar) data[pos]])
                data[out++] = data[pos++];

              c = data[pos];
              if (c == '"')
                {
                  if (data[pos + 1] != '"')
                    {
                      pos++;
                      break;
                    }
                  data[out++] = '"';
                  pos += 2;
                }
              else if (c == '\0')
                {
                  self->pos = pos;
                  return fail (self, error, quote_line, column,
                               "a quoted field starts here but its closing quote is missing");
                }
              else
                {
                  /* A line end inside quotes belongs to the field, but lines still count. */
                  if (c == '\n' || data[pos + 1] != '\n')
                    self->line++;
                  data[out++] = data[pos++];
                }
            }

          data[out] = '\0';
          c = data[pos];
          if (c != ',' && c != '\r' && c != '\n' && c != '\0')
            {
              self->pos = pos;
              return fail (self, error, self->line, column,
                           "there is text after the closing double quote of this field; "
                           "put the whole field in double quotes and double the quote "
                           "inside it");
            }
        }
      else
        {
          add_field (self, data + pos);
          while (!ends_unquoted[(guchar) data[pos]])
            pos++;

          c = data[pos];
          if (c == '"')
            {
              self->pos = pos;
              return fail (self, error, self->line, column,
                           "a double quote inside an unquoted field; put the whole field "
                           "in double quotes and double the quote inside it");
            }
        }

      /* data[pos] is now a delimiter, a line end or the terminating NUL. */
      data[pos] = '\0';
      if (c == ',')
        {
          pos++;
          continue;
        }
      if (c == '\r')
        {
          pos += data[pos + 1] == '\n' ? 2 : 1;
          self->line++;
        }
      else if (c == '\n')
        {
          pos++;
          self->line++;
        }
      break;
    }

  self->pos = pos;

  return TRUE;
}

guint
candour_csv_reader_get_n_fields (CandourCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_fields;
}

const char *
candour_csv_reader_get_field (CandourCsvReader *self,
                              guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_fields, NULL);

  return self->fields[index];
}

double
candour_csv_reader_get_progress (CandourCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->length > 0 ? MIN ((double)self->pos / self->length, 1.0) : 1.0;
}

guint
candour_csv_reader_get_line (CandourCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

const char *
candour_csv_reader_get_name (CandourCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}
