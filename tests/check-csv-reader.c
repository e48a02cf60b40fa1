/* check-csv-reader.c: RFC 4180 records, encodings and the errors people will see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "candour-csv-reader.h"
#include "candour-error.h"

Suite *candour_csv_reader_suite (void);

#define SAVE_AS_UTF8 "save it again as \"CSV UTF-8 (Comma delimited)\""
#define UTF16_MESSAGE \
  "test.csv:1:1: this file is saved as UTF-16 (Excel \"Unicode Text\"); " SAVE_AS_UTF8
#define BARE_QUOTE \
  "a double quote inside an unquoted field; put the whole field in double quotes and " \
  "double the quote inside it"
#define TEXT_AFTER_QUOTE \
  "there is text after the closing double quote of this field; put the whole field in " \
  "double quotes and double the quote inside it"
#define UNTERMINATED "a quoted field starts here but its closing quote is missing"

static void
append_escaped (GString    *out,
                const char *field)
{
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else
        g_string_append_c (out, *p);
    }
}

/* Every record as "LINE:field|field\n", then "error: MESSAGE" if reading failed. */
static char *
dump_reader (CandourCsvReader *reader)
{
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  while (candour_csv_reader_next (reader, &error))
    {
      g_string_append_printf (out, "%u:", candour_csv_reader_get_line (reader));
      for (guint i = 0; i < candour_csv_reader_get_n_fields (reader); i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          append_escaped (out, candour_csv_reader_get_field (reader, i));
        }
      g_string_append_c (out, '\n');
    }

  if (error != NULL)
    {
      ck_assert (g_error_matches (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_SYNTAX));
      g_string_append_printf (out, "error: %s", error->message);
    }

  return g_string_free (out, FALSE);
}

static char *
dump_data (const char *data,
           gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourCsvReader) reader = NULL;

  reader = candour_csv_reader_new_for_data (data, length < 0 ? strlen (data) : (gsize) length,
                                            "test.csv", &error);
  if (reader == NULL)
    {
      ck_assert_ptr_nonnull (error);
      return g_strdup_printf ("refused %d: %s", error->code, error->message);
    }
  ck_assert_ptr_null (error);
  ck_assert_str_eq (candour_csv_reader_get_name (reader), "test.csv");

  return dump_reader (reader);
}

static void
assert_reads (const char *data,
              gssize      length,
              const char *expected)
{
  g_autofree char *dump = dump_data (data, length);

  ck_assert_str_eq (dump, expected);
}

START_TEST (test_simple_records)
{
  assert_reads ("ref,amount,paid_on\r\nB1,1234.50,2025-04-01\r\n", -1,
                "1:ref|amount|paid_on\n2:B1|1234.50|2025-04-01\n");
  assert_reads ("a,b\nc,d\n", -1, "1:a|b\n2:c|d\n");
  /* A lone CR (old Mac Excel) ends a line too. */
  assert_reads ("a\rb\r\nc\nd", -1, "1:a\n2:b\n3:c\n4:d\n");
  assert_reads ("last,line", -1, "1:last|line\n");
  assert_reads ("x", -1, "1:x\n");
}
END_TEST

START_TEST (test_empty_fields_and_spaces)
{
  assert_reads (",,\n", -1, "1:||\n");
  assert_reads ("a,\n,b\n", -1, "1:a|\n2:|b\n");
  assert_reads (" a , b \n", -1, "1: a | b \n");
  assert_reads ("  \n", -1, "1:  \n");
  assert_reads ("a,\"\"\n", -1, "1:a|\n");
}
END_TEST

START_TEST (test_blank_lines_skipped)
{
  assert_reads ("a\n\n\r\nb\r\r\nc\n\n", -1, "1:a\n4:b\n6:c\n");
  assert_reads ("\n\na", -1, "3:a\n");
  assert_reads ("", -1, "");
  assert_reads ("\r\n\r\n", -1, "");
  assert_reads ("\xEF\xBB\xBF", -1, "");
}
END_TEST

START_TEST (test_quoted_fields)
{
  assert_reads ("\"a,b\",\"say \"\"hi\"\"\",\"\"\"\",\"\"\r\n", -1, "1:a,b|say \"hi\"|\"|\n");
  assert_reads ("\"x\"", -1, "1:x\n");
  assert_reads ("\"\"\"\"\"\"", -1, "1:\"\"\n");
  assert_reads ("1,\"£1,234.50\"\n", -1, "1:1|£1,234.50\n");
}
END_TEST

START_TEST (test_embedded_line_ends)
{
  /* The record after a multi-line field must still report its own line. */
  assert_reads ("ref,note\n"
                "1,\"line one\nline two\r\nline three\"\n"
                "2,\"cr\ronly\"\r\n"
                "3,x\n"
                "\n"
                "4,\"\n\"\n"
                "5,y",
                -1,
                "1:ref|note\n"
                "2:1|line one\\nline two\\r\\nline three\n"
                "5:2|cr\\ronly\n"
                "7:3|x\n"
                "9:4|\\n\n"
                "11:5|y\n");
}
END_TEST

START_TEST (test_bom_stripped)
{
  assert_reads ("\xEF\xBB\xBFref,amount\r\nA,1\r\n", -1, "1:ref|amount\n2:A|1\n");
  assert_reads ("\xEF\xBB\xBF\"ref\"\n", -1, "1:ref\n");
}
END_TEST

START_TEST (test_windows_1252_converted)
{
  assert_reads ("caf\xE9,\xA3" "5\r\n\x80" "3,\x93quoted\x94\n", -1,
                "1:café|£5\n2:€3|\xE2\x80\x9Cquoted\xE2\x80\x9D\n");
  /* UTF-8 stays as it is, including characters Windows-1252 has not got. */
  assert_reads ("café,£5,€3,日本\n", -1, "1:café|£5|€3|日本\n");
}
END_TEST

START_TEST (test_windows_1252_every_byte)
{
  /* Every byte Windows-1252 defines above ASCII, checked against Python's cp1252 codec. */
  static const char windows_1252[] =
    "\x80\x82\x83\x84\x85\x86\x87\x88\x89\x8A\x8B\x8C\x8E\x91\x92\x93"
    "\x94\x95\x96\x97\x98\x99\x9A\x9B\x9C\x9E\x9F\xA0\xA1\xA2\xA3\xA4"
    "\xA5\xA6\xA7\xA8\xA9\xAA\xAB\xAC\xAD\xAE\xAF\xB0\xB1\xB2\xB3\xB4"
    "\xB5\xB6\xB7\xB8\xB9\xBA\xBB\xBC\xBD\xBE\xBF\xC0\xC1\xC2\xC3\xC4"
    "\xC5\xC6\xC7\xC8\xC9\xCA\xCB\xCC\xCD\xCE\xCF\xD0\xD1\xD2\xD3\xD4"
    "\xD5\xD6\xD7\xD8\xD9\xDA\xDB\xDC\xDD\xDE\xDF\xE0\xE1\xE2\xE3\xE4"
    "\xE5\xE6\xE7\xE8\xE9\xEA\xEB\xEC\xED\xEE\xEF\xF0\xF1\xF2\xF3\xF4"
    "\xF5\xF6\xF7\xF8\xF9\xFA\xFB\xFC\xFD\xFE\xFF";
  static const char utf8[] =
    "\xE2\x82\xAC\xE2\x80\x9A\xC6\x92\xE2\x80\x9E\xE2\x80\xA6\xE2\x80\xA0\xE2\x80\xA1"
    "\xCB\x86\xE2\x80\xB0\xC5\xA0\xE2\x80\xB9\xC5\x92\xC5\xBD\xE2\x80\x98\xE2\x80\x99"
    "\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\xA2\xE2\x80\x93\xE2\x80\x94\xCB\x9C\xE2\x84\xA2"
    "\xC5\xA1\xE2\x80\xBA\xC5\x93\xC5\xBE\xC5\xB8\xC2\xA0\xC2\xA1\xC2\xA2\xC2\xA3\xC2"
    "\xA4\xC2\xA5\xC2\xA6\xC2\xA7\xC2\xA8\xC2\xA9\xC2\xAA\xC2\xAB\xC2\xAC\xC2\xAD\xC2"
    "\xAE\xC2\xAF\xC2\xB0\xC2\xB1\xC2\xB2\xC2\xB3\xC2\xB4\xC2\xB5\xC2\xB6\xC2\xB7\xC2"
    "\xB8\xC2\xB9\xC2\xBA\xC2\xBB\xC2\xBC\xC2\xBD\xC2\xBE\xC2\xBF\xC3\x80\xC3\x81\xC3"
    "\x82\xC3\x83\xC3\x84\xC3\x85\xC3\x86\xC3\x87\xC3\x88\xC3\x89\xC3\x8A\xC3\x8B\xC3"
    "\x8C\xC3\x8D\xC3\x8E\xC3\x8F\xC3\x90\xC3\x91\xC3\x92\xC3\x93\xC3\x94\xC3\x95\xC3"
    "\x96\xC3\x97\xC3\x98\xC3\x99\xC3\x9A\xC3\x9B\xC3\x9C\xC3\x9D\xC3\x9E\xC3\x9F\xC3"
    "\xA0\xC3\xA1\xC3\xA2\xC3\xA3\xC3\xA4\xC3\xA5\xC3\xA6\xC3\xA7\xC3\xA8\xC3\xA9\xC3"
    "\xAA\xC3\xAB\xC3\xAC\xC3\xAD\xC3\xAE\xC3\xAF\xC3\xB0\xC3\xB1\xC3\xB2\xC3\xB3\xC3"
    "\xB4\xC3\xB5\xC3\xB6\xC3\xB7\xC3\xB8\xC3\xB9\xC3\xBA\xC3\xBB\xC3\xBC\xC3\xBD\xC3"
    "\xBE\xC3\xBF";
  g_autoptr(CandourCsvReader) reader = NULL;

  reader = candour_csv_reader_new_for_data (windows_1252, sizeof windows_1252 - 1,
                                            "test.csv", NULL);
  ck_assert (candour_csv_reader_next (reader, NULL));
  ck_assert_int_eq (candour_csv_reader_get_n_fields (reader), 1);
  ck_assert_str_eq (candour_csv_reader_get_field (reader, 0), utf8);
}
END_TEST

START_TEST (test_utf16_refused)
{
  g_autofree char *expected = g_strdup_printf ("refused %d: %s", CANDOUR_CSV_ERROR_ENCODING,
                                               UTF16_MESSAGE);

  assert_reads ("\xFF\xFEr\0e\0f\0\r\0\n\0", 12, expected);
  assert_reads ("\xFE\xFF\0r\0e\0f\0\r\0\n", 12, expected);
  /* Without a BOM, half the bytes being NUL gives it away. */
  assert_reads ("r\0e\0f\0,\0a\0\r\0\n\0", 14, expected);
  assert_reads ("\0r\0e\0f\0,\0a\0\r\0\n", 14, expected);
}
END_TEST

START_TEST (test_nul_refused)
{
  static const char data[] = "ref,note\n1,\"two\nlines\",x\n2,ab\0c,d\n";
  g_autofree char *expected = g_strdup_printf (
    "refused %d: test.csv:4:2: contains a NUL byte, which never belongs in a CSV file; "
    SAVE_AS_UTF8, CANDOUR_CSV_ERROR_ENCODING);

  assert_reads (data, sizeof data - 1, expected);
}
END_TEST

START_TEST (test_undefined_byte_refused)
{
  g_autofree char *expected = g_strdup_printf (
    "refused %d: test.csv:3:3: this file is neither UTF-8 nor Windows-1252 (byte 0x81 means "
    "nothing in either); " SAVE_AS_UTF8, CANDOUR_CSV_ERROR_ENCODING);
  g_autofree char *expected_9d = g_strdup_printf (
    "refused %d: test.csv:1:1: this file is neither UTF-8 nor Windows-1252 (byte 0x9D means "
    "nothing in either); " SAVE_AS_UTF8, CANDOUR_CSV_ERROR_ENCODING);

  assert_reads ("a,b\n\"x\ny\",caf\xE9,\x81\n", -1, expected);
  assert_reads ("\x9D\n", -1, expected_9d);

  for (const char *p = "\x81\x8D\x8F\x90\x9D"; *p != '\0'; p++)
    {
      g_autofree char *data = g_strdup_printf ("ok,caf\xE9\r\nx,%c\r\n", *p);
      g_autofree char *dump = dump_data (data, -1);
      g_autofree char *expected_byte = g_strdup_printf (
        "refused %d: test.csv:2:2: this file is neither UTF-8 nor Windows-1252 (byte 0x%02X "
        "means nothing in either); " SAVE_AS_UTF8, CANDOUR_CSV_ERROR_ENCODING, (guchar) *p);

      ck_assert_str_eq (dump, expected_byte);
    }
}
END_TEST

START_TEST (test_unterminated_quote)
{
  g_autoptr(CandourCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  const char *data = "a,b\nc,\"open\nmore\n";

  assert_reads (data, -1, "1:a|b\nerror: test.csv:2:2: " UNTERMINATED);
  assert_reads ("\"", -1, "error: test.csv:1:1: " UNTERMINATED);

  /* Asking again repeats the error rather than pretending the file ended. */
  reader = candour_csv_reader_new_for_data (data, strlen (data), "test.csv", NULL);
  ck_assert (candour_csv_reader_next (reader, NULL));
  ck_assert (!candour_csv_reader_next (reader, &error));
  ck_assert (!candour_csv_reader_next (reader, &again));
  ck_assert_str_eq (again->message, error->message);
  ck_assert_int_eq (candour_csv_reader_get_n_fields (reader), 0);
}
END_TEST

START_TEST (test_bare_quote)
{
  assert_reads ("ab\"c,d\n", -1, "error: test.csv:1:1: " BARE_QUOTE);
  assert_reads ("x\n\"a\nb\",c\"d\n", -1, "1:x\nerror: test.csv:3:2: " BARE_QUOTE);
  assert_reads ("a, \"b\"\n", -1, "error: test.csv:1:2: " BARE_QUOTE);
}
END_TEST

START_TEST (test_text_after_closing_quote)
{
  assert_reads ("\"ab\"c,d\n", -1, "error: test.csv:1:1: " TEXT_AFTER_QUOTE);
  assert_reads ("1,\"a\nb\"x\n", -1, "error: test.csv:2:2: " TEXT_AFTER_QUOTE);
  assert_reads ("\"a\" ,b\n", -1, "error: test.csv:1:1: " TEXT_AFTER_QUOTE);
}
END_TEST

START_TEST (test_wide_and_long)
{
  g_autoptr(CandourCsvReader) reader = NULL;
  g_autoptr(GString) data = g_string_new (NULL);
  g_autofree char *long_field = g_strnfill (2 * 1024 * 1024, 'x');

  /* A million columns must stay linear, and a long field must not be cut. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append (data, "1,");
  g_string_append (data, "end\n\"");
  g_string_append (data, long_field);
  g_string_append (data, "\"\"\",z\n");

  reader = candour_csv_reader_new_for_data (data->str, data->len, "wide.csv", NULL);
  ck_assert (candour_csv_reader_next (reader, NULL));
  ck_assert_int_eq (candour_csv_reader_get_n_fields (reader), 1000001);
  ck_assert_str_eq (candour_csv_reader_get_field (reader, 999999), "1");
  ck_assert_str_eq (candour_csv_reader_get_field (reader, 1000000), "end");
  ck_assert (candour_csv_reader_next (reader, NULL));
  ck_assert_int_eq (candour_csv_reader_get_line (reader), 2);
  ck_assert_int_eq (candour_csv_reader_get_n_fields (reader), 2);
  ck_assert_int_eq (strlen (candour_csv_reader_get_field (reader, 0)), 2 * 1024 * 1024 + 1);
  ck_assert (g_str_has_prefix (candour_csv_reader_get_field (reader, 0), long_field));
  ck_assert_str_eq (candour_csv_reader_get_field (reader, 1), "z");
  ck_assert (!candour_csv_reader_next (reader, NULL));
}
END_TEST

START_TEST (test_read_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourCsvReader) reader = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dump = NULL;
  int fd;

  fd = g_file_open_tmp ("candour-XXXXXX.csv", &path, &error);
  ck_assert_int_ge (fd, 0);
  ck_assert (g_close (fd, NULL));
  ck_assert (g_file_set_contents (path, "\xEF\xBB\xBFref\r\n\xC2\xA3" "1\r\n", -1, &error));

  reader = candour_csv_reader_new_for_path (path, "payments.csv", &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (candour_csv_reader_get_name (reader), "payments.csv");
  dump = dump_reader (reader);
  ck_assert_str_eq (dump, "1:ref\n2:£1\n");

  g_unlink (path);
  g_clear_pointer (&reader, candour_csv_reader_free);
  reader = candour_csv_reader_new_for_path (path, "payments.csv", &error);
  ck_assert_ptr_null (reader);
  ck_assert (g_error_matches (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_IO));
  ck_assert (g_str_has_prefix (error->message, "payments.csv: could not be read: "));
}
END_TEST

Suite *
candour_csv_reader_suite (void)
{
  Suite *suite = suite_create ("csv-reader");
  TCase *tc = tcase_create ("csv-reader");

  tcase_add_test (tc, test_simple_records);
  tcase_add_test (tc, test_empty_fields_and_spaces);
  tcase_add_test (tc, test_blank_lines_skipped);
  tcase_add_test (tc, test_quoted_fields);
  tcase_add_test (tc, test_embedded_line_ends);
  tcase_add_test (tc, test_bom_stripped);
  tcase_add_test (tc, test_windows_1252_converted);
  tcase_add_test (tc, test_windows_1252_every_byte);
  tcase_add_test (tc, test_utf16_refused);
  tcase_add_test (tc, test_nul_refused);
  tcase_add_test (tc, test_undefined_byte_refused);
  tcase_add_test (tc, test_unterminated_quote);
  tcase_add_test (tc, test_bare_quote);
  tcase_add_test (tc, test_text_after_closing_quote);
  tcase_add_test (tc, test_wide_and_long);
  tcase_add_test (tc, test_read_path);
  suite_add_tcase (suite, tc);

  return suite;
}
