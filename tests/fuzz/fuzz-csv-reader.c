/* fuzz-csv-reader.c: any bytes through the CSV reader
 *
 * The reader must refuse a file with a located message or return records whose fields
 * are valid UTF-8, and never read or write outside its buffer. It reads the input twice:
 * in its usual 1 MiB chunks and in chunks of 1 to 8 bytes (chosen by the first byte), so
 * that chunk boundaries fall inside quotes, line ends and characters; both must give
 * exactly the same records and errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "fuzz-target.h"
#include "candour-csv-reader.h"
#include "candour-csv-reader-private.h"
#include "candour-error.h"

#define NAME "fuzz.csv"

/* Every record and the refusal or error, unambiguously, for comparing two readings. */
static char *
read_all (const uint8_t *data,
          size_t         size,
          gsize          chunk_size)
{
  g_autoptr(CandourCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  GString *out = g_string_new (NULL);
  guint last_line = 0;

  if (chunk_size == 0)
    reader = candour_csv_reader_new_for_data ((const char *) data, size, NAME, &error);
  else
    reader = candour_csv_reader_new_for_data_with_chunk_size ((const char *) data, size, NAME,
                                                              chunk_size, &error);
  if (reader == NULL)
    {
      g_assert (g_error_matches (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_ENCODING));
      g_assert (g_str_has_prefix (error->message, NAME ":"));
      g_string_append_printf (out, "refused: %s", error->message);
      return g_string_free (out, FALSE);
    }

  g_string_append_printf (out, "encoding %d\n", candour_csv_reader_get_encoding (reader));
  while (candour_csv_reader_next (reader, &error))
    {
      guint n_fields = candour_csv_reader_get_n_fields (reader);

      g_assert (n_fields >= 1);
      g_assert (candour_csv_reader_get_line (reader) > last_line);
      last_line = candour_csv_reader_get_line (reader);
      g_string_append_printf (out, "%u:", last_line);

      for (guint i = 0; i < n_fields; i++)
        {
          const char *field = candour_csv_reader_get_field (reader, i);

          g_assert (g_utf8_validate (field, -1, NULL));
          g_string_append_printf (out, "%zu:%s|", strlen (field), field);
        }
      g_string_append_c (out, '\n');
    }

  if (error != NULL)
    {
      g_assert (g_error_matches (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_SYNTAX));
      g_assert (g_str_has_prefix (error->message, NAME ":"));

      /* Asking again repeats the error rather than pretending the file ended. */
      g_assert (!candour_csv_reader_next (reader, &again));
      g_assert (again != NULL && g_str_equal (again->message, error->message));
      g_string_append_printf (out, "error: %s", error->message);
    }
  else
    g_assert (!candour_csv_reader_next (reader, NULL));

  g_assert (candour_csv_reader_get_progress (reader) == 1.0 || error != NULL);

  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *whole = NULL;
  g_autofree char *chunked = NULL;

  /* A failed g_return_if_fail() is a finding too. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  whole = read_all (data, size, 0);
  chunked = read_all (data, size, size > 0 ? 1 + data[0] % 8 : 1);
  g_assert_cmpstr (whole, ==, chunked);

  return 0;
}
