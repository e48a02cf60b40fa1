/* fuzz-csv-reader.c: any bytes through the CSV reader
 *
 * The reader must refuse a file with a located message or return records whose fields
 * are valid UTF-8, and never read or write outside its buffer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "fuzz-target.h"
#include "candour-csv-reader.h"
#include "candour-error.h"

#define NAME "fuzz.csv"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CandourCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  guint last_line = 0;

  /* A failed g_return_if_fail() is a finding too. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  reader = candour_csv_reader_new_for_data ((const char *) data, size, NAME, &error);
  if (reader == NULL)
    {
      g_assert (g_error_matches (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_ENCODING));
      g_assert (g_str_has_prefix (error->message, NAME ":"));
      return 0;
    }

  while (candour_csv_reader_next (reader, &error))
    {
      guint n_fields = candour_csv_reader_get_n_fields (reader);

      g_assert (n_fields >= 1);
      g_assert (candour_csv_reader_get_line (reader) > last_line);
      last_line = candour_csv_reader_get_line (reader);

      for (guint i = 0; i < n_fields; i++)
        g_assert (g_utf8_validate (candour_csv_reader_get_field (reader, i), -1, NULL));
    }

  if (error != NULL)
    {
      g_assert (g_error_matches (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_SYNTAX));
      g_assert (g_str_has_prefix (error->message, NAME ":"));

      /* Asking again repeats the error rather than pretending the file ended. */
      g_assert (!candour_csv_reader_next (reader, &again));
      g_assert (again != NULL && g_str_equal (again->message, error->message));
    }
  else
    g_assert (!candour_csv_reader_next (reader, NULL));

  return 0;
}
