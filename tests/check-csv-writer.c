/* check-csv-writer.c: bytes that Excel opens safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <string.h>

#include "candour-csv-reader.h"
#include "candour-csv-writer.h"

Suite *candour_csv_writer_suite (void);

#define BOM "\xEF\xBB\xBF"

/* Everything written to a memory stream, as a NUL-terminated string. */
static char *
stream_contents (GOutputStream *stream)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  return g_strndup (g_memory_output_stream_get_data (memory),
                    g_memory_output_stream_get_data_size (memory));
}

typedef struct
{
  gboolean number;
  const char *text;
} Cell;

/* Writes one row and returns the whole file. */
static char *
write_row (const Cell *cells,
           gsize       n_cells)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(CandourCsvWriter) writer = candour_csv_writer_new (stream);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < n_cells; i++)
    {
      if (cells[i].number)
        candour_csv_writer_add_number (writer, cells[i].text);
      else
        candour_csv_writer_add_text (writer, cells[i].text);
    }
  ck_assert (candour_csv_writer_end_row (writer, &error));
  ck_assert (candour_csv_writer_close (writer, &error));
  ck_assert_ptr_null (error);

  return stream_contents (stream);
}

static void
assert_text_cell (const char *text,
                  const char *expected)
{
  Cell cell = { FALSE, text };
  g_autofree char *contents = write_row (&cell, 1);
  g_autofree char *full = g_strconcat (BOM, expected, "\r\n", NULL);

  ck_assert_str_eq (contents, full);
}

static void
assert_number_cell (const char *text,
                    const char *expected)
{
  Cell cell = { TRUE, text };
  g_autofree char *contents = write_row (&cell, 1);
  g_autofree char *full = g_strconcat (BOM, expected, "\r\n", NULL);

  ck_assert_str_eq (contents, full);
}

START_TEST (test_bom_and_crlf)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(CandourCsvWriter) writer = candour_csv_writer_new (stream);
  g_autofree char *contents = NULL;

  candour_csv_writer_add_text (writer, "ref");
  candour_csv_writer_add_text (writer, "amount");
  ck_assert (candour_csv_writer_end_row (writer, NULL));
  candour_csv_writer_add_text (writer, "B1");
  candour_csv_writer_add_number (writer, "1234.50");
  ck_assert (candour_csv_writer_end_row (writer, NULL));
  candour_csv_writer_add_text (writer, "café £");
  candour_csv_writer_add_number (writer, NULL);
  ck_assert (candour_csv_writer_end_row (writer, NULL));

  /* Nothing reaches the stream before the buffer fills or the writer closes. */
  ck_assert_int_eq (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), 0);

  ck_assert (candour_csv_writer_close (writer, NULL));
  /* Closing the stream is the caller's decision: it may still want to cancel. */
  ck_assert (!g_output_stream_is_closed (stream));
  contents = stream_contents (stream);
  ck_assert_str_eq (contents, BOM "ref,amount\r\nB1,1234.50\r\ncafé £,\r\n");
}
END_TEST

START_TEST (test_empty_file)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(CandourCsvWriter) writer = candour_csv_writer_new (stream);
  g_autofree char *contents = NULL;

  ck_assert (candour_csv_writer_close (writer, NULL));
  contents = stream_contents (stream);
  ck_assert_str_eq (contents, BOM);
}
END_TEST

START_TEST (test_quoting)
{
  assert_text_cell ("plain text", "plain text");
  assert_text_cell ("a,b", "\"a,b\"");
  assert_text_cell ("say \"hi\"", "\"say \"\"hi\"\"\"");
  assert_text_cell ("\"", "\"\"\"\"");
  assert_text_cell ("line\nbreak", "\"line\nbreak\"");
  assert_text_cell ("cr\r", "\"cr\r\"");
  assert_text_cell ("it's", "it's");
  /* The separators LibreOffice and European Excel guess by default. */
  assert_text_cell ("Smith; Jones", "\"Smith; Jones\"");
  assert_text_cell ("tab\there", "\"tab\there\"");
  assert_number_cell ("1,234.50", "\"1,234.50\"");
}
END_TEST

START_TEST (test_empty_cells)
{
  const Cell two_empty[] = { { FALSE, NULL }, { FALSE, "" } };
  const Cell middle_empty[] = { { FALSE, "a" }, { TRUE, NULL }, { FALSE, "c" } };
  g_autofree char *contents = NULL;
  g_autofree char *contents2 = NULL;

  /* A lone empty cell is quoted so the row is not a blank line, which readers skip. */
  assert_text_cell (NULL, "\"\"");
  assert_text_cell ("", "\"\"");
  assert_number_cell (NULL, "\"\"");

  contents = write_row (two_empty, G_N_ELEMENTS (two_empty));
  ck_assert_str_eq (contents, BOM ",\r\n");
  contents2 = write_row (middle_empty, G_N_ELEMENTS (middle_empty));
  ck_assert_str_eq (contents2, BOM "a,,c\r\n");
}
END_TEST

START_TEST (test_formula_guard)
{
  assert_text_cell ("=SUM(A1)", "'=SUM(A1)");
  assert_text_cell ("-250", "'-250");
  assert_number_cell ("-250", "-250");
  assert_number_cell ("-250.00", "-250.00");
  assert_text_cell ("+44 20 7946 0000", "'+44 20 7946 0000");
  assert_text_cell ("@x", "'@x");
  assert_text_cell ("\tx", "\"'\tx\"");
  /* The guard goes inside the quotes when the cell needs both. */
  assert_text_cell ("=A1,B1", "\"'=A1,B1\"");
  assert_text_cell ("\rx", "\"'\rx\"");
  assert_text_cell ("\nx", "\"'\nx\"");
  assert_text_cell ("=\"x\"", "\"'=\"\"x\"\"\"");
  /* Only the first character counts. */
  assert_text_cell ("a=b", "a=b");
  assert_text_cell (" =x", " =x");
}
END_TEST

START_TEST (test_large_output_flushes)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(CandourCsvWriter) writer = candour_csv_writer_new (stream);
  g_autoptr(GString) expected = g_string_new (BOM);
  g_autofree char *contents = NULL;
  gboolean flushed_early = FALSE;

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *ref = g_strdup_printf ("SUB-%05u", i);
      g_autofree char *note = g_strdup_printf ("note \"%u\", part", i);

      candour_csv_writer_add_text (writer, ref);
      candour_csv_writer_add_text (writer, note);
      candour_csv_writer_add_number (writer, "-1.50");
      ck_assert (candour_csv_writer_end_row (writer, NULL));
      g_string_append_printf (expected, "%s,\"note \"\"%u\"\", part\",-1.50\r\n", ref, i);

      if (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)) > 0)
        flushed_early = TRUE;
    }

  ck_assert (flushed_early);
  ck_assert (candour_csv_writer_close (writer, NULL));
  contents = stream_contents (stream);
  ck_assert_int_eq (strlen (contents), expected->len);
  ck_assert_str_eq (contents, expected->str);
}
END_TEST

START_TEST (test_stream_errors_propagate)
{
  g_autoptr(GOutputStream) closed = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) small = g_memory_output_stream_new (g_malloc (1024), 1024, NULL, g_free);
  g_autoptr(CandourCsvWriter) writer = NULL;
  g_autoptr(CandourCsvWriter) writer2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(GError) error3 = NULL;
  g_autofree char *long_text = g_strnfill (70000, 'x');

  ck_assert (g_output_stream_close (closed, NULL, NULL));
  writer = candour_csv_writer_new (closed);
  candour_csv_writer_add_text (writer, "a");
  ck_assert (candour_csv_writer_end_row (writer, NULL));
  ck_assert (!candour_csv_writer_close (writer, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED));

  /* A full stream fails the row that fills the buffer, and every call after it. */
  writer2 = candour_csv_writer_new (small);
  candour_csv_writer_add_text (writer2, long_text);
  ck_assert (!candour_csv_writer_end_row (writer2, &error2));
  ck_assert (g_error_matches (error2, G_IO_ERROR, G_IO_ERROR_NO_SPACE));
  candour_csv_writer_add_text (writer2, "b");
  ck_assert (!candour_csv_writer_close (writer2, &error3));
  ck_assert (g_error_matches (error3, G_IO_ERROR, G_IO_ERROR_NO_SPACE));
}
END_TEST

START_TEST (test_round_trip_through_reader)
{
  static const char * const cells[] = {
    "=SUM(A1)", "a,b", "say \"hi\"", "two\r\nlines", "£1,234.50", "", "plain",
  };
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(CandourCsvWriter) writer = candour_csv_writer_new (stream);
  g_autoptr(CandourCsvReader) reader = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  for (gsize i = 0; i < G_N_ELEMENTS (cells); i++)
    candour_csv_writer_add_text (writer, cells[i]);
  ck_assert (candour_csv_writer_end_row (writer, NULL));
  candour_csv_writer_add_text (writer, NULL);
  ck_assert (candour_csv_writer_close (writer, NULL));

  reader = candour_csv_reader_new_for_data (g_memory_output_stream_get_data (memory),
                                            g_memory_output_stream_get_data_size (memory),
                                            "out.csv", NULL);
  ck_assert (candour_csv_reader_next (reader, NULL));
  ck_assert_int_eq (candour_csv_reader_get_n_fields (reader), G_N_ELEMENTS (cells));
  ck_assert_str_eq (candour_csv_reader_get_field (reader, 0), "'=SUM(A1)");
  for (gsize i = 1; i < G_N_ELEMENTS (cells); i++)
    ck_assert_str_eq (candour_csv_reader_get_field (reader, i), cells[i]);
  ck_assert (candour_csv_reader_next (reader, NULL));
  ck_assert_int_eq (candour_csv_reader_get_line (reader), 3);
  ck_assert_int_eq (candour_csv_reader_get_n_fields (reader), 1);
  ck_assert_str_eq (candour_csv_reader_get_field (reader, 0), "");
  ck_assert (!candour_csv_reader_next (reader, NULL));
}
END_TEST

Suite *
candour_csv_writer_suite (void)
{
  Suite *suite = suite_create ("csv-writer");
  TCase *tc = tcase_create ("csv-writer");

  tcase_add_test (tc, test_bom_and_crlf);
  tcase_add_test (tc, test_empty_file);
  tcase_add_test (tc, test_quoting);
  tcase_add_test (tc, test_empty_cells);
  tcase_add_test (tc, test_formula_guard);
  tcase_add_test (tc, test_large_output_flushes);
  tcase_add_test (tc, test_stream_errors_propagate);
  tcase_add_test (tc, test_round_trip_through_reader);
  suite_add_tcase (suite, tc);

  return suite;
}
