/* check-csv-reader.c: RFC 4180 records, encodings and the errors people will see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* mkfifo(), symlink() and sockets: the build is strict C17. */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "candour-csv-reader.h"
#include "candour-csv-reader-private.h"
#include "candour-error.h"
#include "test-util.h"

Suite *candour_csv_reader_suite (void);

#define SAVE_AS_UTF8 "save it again as \"CSV UTF-8 (Comma delimited)\""
#define SAVE_AS_FILE "save the data as a CSV file and import that"
#define UTF16_MESSAGE \
  "test.csv:1:1: this file is saved as UTF-16 (Excel \"Unicode Text\"); " SAVE_AS_UTF8
#define BARE_QUOTE \
  "a double quote inside an unquoted field; put the whole field in double quotes and " \
  "double the quote inside it"
#define TEXT_AFTER_QUOTE \
  "there is text after the closing double quote of this field; put the whole field in " \
  "double quotes and double the quote inside it"
#define UNTERMINATED "a quoted field starts here but its closing quote is missing"
#define TOO_LONG \
  "this row is longer than 64 MB, more than Candour reads as one row (a cell holds at " \
  "most 1 MB); check for a double quote that never closes"
#define CHANGED \
  "test.csv: changed while Candour was reading it; import it again once nothing else is " \
  "writing to it"
#define MAX_RECORD (64 * 1024 * 1024)

/* 0 is the reader's own (1 MiB); the tiny ones put a chunk boundary at every position:
 * inside quotes, a CRLF, a UTF-8 character and the byte-order mark. */
static const gsize chunk_sizes[] = { 0, 1, 2, 3, 7 };

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

/* The reader's records or its refusal as "refused CODE: MESSAGE"; a NULL reader is a
 * refusal with error set. */
static char *
dump_opened (CandourCsvReader *reader,
             GError           *error)
{
  if (reader == NULL)
    {
      ck_assert_ptr_nonnull (error);
      return g_strdup_printf ("refused %d: %s", error->code, error->message);
    }
  ck_assert_ptr_null (error);
  ck_assert_str_eq (candour_csv_reader_get_name (reader), "test.csv");

  return dump_reader (reader);
}

static CandourCsvReader *
open_data (const char  *data,
           gsize        length,
           gsize        chunk_size,
           GError     **error)
{
  if (chunk_size == 0)
    return candour_csv_reader_new_for_data (data, length, "test.csv", error);
  return candour_csv_reader_new_for_data_with_chunk_size (data, length, "test.csv", chunk_size,
                                                          error);
}

static char *
dump_data_chunked (const char *data,
                   gssize      length,
                   gsize       chunk_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourCsvReader) reader = NULL;

  reader = open_data (data, length < 0 ? strlen (data) : (gsize) length, chunk_size, &error);

  return dump_opened (reader, error);
}

/* A new file holding data, in a new folder; remove it with test_remove_tree (folder). */
static char *
write_temp_file (const char  *name,
                 const char  *data,
                 gssize       length,
                 char       **out_folder)
{
  g_autoptr(GError) error = NULL;
  char *folder = test_make_temp_dir ();
  char *path = g_build_filename (folder, name, NULL);

  ck_assert_msg (g_file_set_contents (path, data, length, &error), "%s",
                 error ? error->message : "");
  *out_folder = folder;

  return path;
}

static char *
dump_path_chunked (const char *data,
                   gssize      length,
                   gsize       chunk_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourCsvReader) reader = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = write_temp_file ("data.csv", data, length, &folder);
  char *dump;

  if (chunk_size == 0)
    reader = candour_csv_reader_new_for_path (path, "test.csv", &error);
  else
    reader = candour_csv_reader_new_for_path_with_chunk_size (path, "test.csv", chunk_size,
                                                              &error);
  dump = dump_opened (reader, error);
  test_remove_tree (folder);

  return dump;
}

/* The same records, or the same refusal, from memory and from a file, whatever the
 * chunk size. */
static void
assert_reads (const char *data,
              gssize      length,
              const char *expected)
{
  for (guint i = 0; i < G_N_ELEMENTS (chunk_sizes); i++)
    {
      g_autofree char *dump = dump_data_chunked (data, length, chunk_sizes[i]);

      ck_assert_msg (g_str_equal (dump, expected),
                     "from memory in chunks of %zu:\n%s\nexpected:\n%s", chunk_sizes[i], dump,
                     expected);
    }
  for (gsize chunk_size = 0; chunk_size <= 2; chunk_size += 2)
    {
      g_autofree char *dump = dump_path_chunked (data, length, chunk_size);

      ck_assert_msg (g_str_equal (dump, expected),
                     "from a file in chunks of %zu:\n%s\nexpected:\n%s", chunk_size, dump,
                     expected);
    }
}

/* An encoding refusal: code CANDOUR_CSV_ERROR_ENCODING and the message. */
static void
assert_refuses (const char *data,
                gssize      length,
                const char *message)
{
  g_autofree char *expected = g_strdup_printf ("refused %d: %s", CANDOUR_CSV_ERROR_ENCODING,
                                               message);

  assert_reads (data, length, expected);
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

/* European Excel and LibreOffice save with semicolons, "Text" with tabs: the header
 * says which, and the rest of the file is read by it. */
START_TEST (test_separator_from_the_header)
{
  assert_reads ("ref;amount;paid_on\r\nB1;1234,50;01/04/2025\r\n", -1,
                "1:ref|amount|paid_on\n2:B1|1234,50|01/04/2025\n");
  assert_reads ("ref\tname\nORG-1\tAlpha, Beta & Co\n", -1, "1:ref|name\n2:ORG-1|Alpha, Beta & Co\n");
  assert_reads ("\xEF\xBB\xBFref;notes\nA;\"one; two\"\n", -1, "1:ref|notes\n2:A|one; two\n");
  /* A header with a comma is read by commas, whatever its fields hold. */
  assert_reads ("ref,notes\nA,one; two\tthree\n", -1, "1:ref|notes\n2:A|one; two\tthree\n");
  /* A separator inside a quoted header name does not count. */
  assert_reads ("\"a;b\",c\n1,2\n", -1, "1:a;b|c\n2:1|2\n");
  /* More semicolons than tabs: semicolons. */
  assert_reads ("a;b;c\td\n1;2;3\t4\n", -1, "1:a|b|c\td\n2:1|2|3\t4\n");
  /* Problems are placed by the file's own separator. */
  assert_reads ("a;b\n1;x\"y\n", -1, "1:a|b\nerror: test.csv:2:2: " BARE_QUOTE);
  {
    g_autoptr(CandourCsvReader) comma = candour_csv_reader_new_for_data ("a,b\n", 4, "c.csv", NULL);
    g_autoptr(CandourCsvReader) semicolon = candour_csv_reader_new_for_data ("a;b\n", 4, "s.csv", NULL);
    g_autoptr(CandourCsvReader) tab = candour_csv_reader_new_for_data ("a\tb\n", 4, "t.csv", NULL);

    ck_assert_int_eq (candour_csv_reader_get_separator (comma), ',');
    ck_assert_int_eq (candour_csv_reader_get_separator (semicolon), ';');
    ck_assert_int_eq (candour_csv_reader_get_separator (tab), '\t');
  }
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
  g_autofree char *expected = g_strconcat ("1:", utf8, "\n", NULL);

  assert_reads (windows_1252, sizeof windows_1252 - 1, expected);
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
      g_autofree char *expected_byte = g_strdup_printf (
        "refused %d: test.csv:2:2: this file is neither UTF-8 nor Windows-1252 (byte 0x%02X "
        "means nothing in either); " SAVE_AS_UTF8, CANDOUR_CSV_ERROR_ENCODING, (guchar) *p);

      assert_reads (data, -1, expected_byte);
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

START_TEST (test_chunk_boundaries)
{
  /* A byte-order mark, CRLF inside and outside quotes, doubled quotes, a blank line, two-,
   * three- and four-byte characters and a lone CR: every split of them must read alike. */
  static const char utf8[] =
    "\xEF\xBB\xBFref,note,amount\r\n"
    "A1,\"Zoë said \"\"hi\"\"\r\nthen left\",£5\r\n"
    "\r\n"
    "A2,日本,😀\n"
    "A3,\"\",\"a,b\"\r"
    "A4,x,y";
  static const char expected_utf8[] =
    "1:ref|note|amount\n"
    "2:A1|Zoë said \"hi\"\\r\\nthen left|£5\n"
    "5:A2|日本|😀\n"
    "6:A3||a,b\n"
    "7:A4|x|y\n";
  static const char windows_1252[] =
    "caf\xE9,\"\x93quoted\x94\r\n\x80\"\r\n\r\n\xA3,\xFF\r";
  static const char expected_windows_1252[] =
    "1:café|“quoted”\\r\\n€\n"
    "4:£|ÿ\n";

  for (gsize chunk_size = 1; chunk_size <= sizeof utf8; chunk_size++)
    {
      g_autofree char *dump = dump_data_chunked (utf8, sizeof utf8 - 1, chunk_size);

      ck_assert_msg (g_str_equal (dump, expected_utf8), "chunks of %zu:\n%s", chunk_size, dump);
    }
  for (gsize chunk_size = 1; chunk_size <= sizeof windows_1252; chunk_size++)
    {
      g_autofree char *dump = dump_data_chunked (windows_1252, sizeof windows_1252 - 1,
                                                 chunk_size);

      ck_assert_msg (g_str_equal (dump, expected_windows_1252), "chunks of %zu:\n%s",
                     chunk_size, dump);
    }
  assert_reads (utf8, -1, expected_utf8);
  assert_reads (windows_1252, -1, expected_windows_1252);
}
END_TEST

START_TEST (test_chunk_sizes_agree)
{
  /* Random text made of the bytes that matter, read whole and in tiny chunks. */
  static const char *const pieces[] = {
    "a", "bc", ",", "\"", "\"\"", "\r", "\n", "\r\n", "é", "€", "😀", "\xE9", "\x81",
    "\xC3", "\xA9", "\xEF\xBB\xBF",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250601);

  for (guint run = 0; run < 3000; run++)
    {
      g_autoptr(GString) data = g_string_new (NULL);
      g_autofree char *whole = NULL;
      guint n_pieces = g_rand_int_range (rand, 0, 40);

      for (guint i = 0; i < n_pieces; i++)
        g_string_append (data, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      whole = dump_data_chunked (data->str, data->len, 0);
      for (guint i = 1; i < G_N_ELEMENTS (chunk_sizes); i++)
        {
          g_autofree char *chunked = dump_data_chunked (data->str, data->len, chunk_sizes[i]);

          ck_assert_msg (g_str_equal (whole, chunked),
                         "run %u, chunks of %zu:\n%s\nwhole:\n%s", run, chunk_sizes[i], chunked,
                         whole);
        }
    }
}
END_TEST

START_TEST (test_progress)
{
  static const char data[] = "ab\ncd\r\n\r\nefgh\n";  /* 14 bytes */
  static const double after[] = { 3.0 / 14, 7.0 / 14, 1.0 };

  for (guint c = 0; c < G_N_ELEMENTS (chunk_sizes); c++)
    {
      g_autoptr(CandourCsvReader) reader = open_data (data, sizeof data - 1, chunk_sizes[c],
                                                      NULL);

      ck_assert (candour_csv_reader_get_progress (reader) == 0.0);
      for (guint i = 0; i < G_N_ELEMENTS (after); i++)
        {
          ck_assert (candour_csv_reader_next (reader, NULL));
          ck_assert_msg (candour_csv_reader_get_progress (reader) == after[i],
                         "chunks of %zu, record %u: %g", chunk_sizes[c], i,
                         candour_csv_reader_get_progress (reader));
        }
      ck_assert (!candour_csv_reader_next (reader, NULL));
      ck_assert (candour_csv_reader_get_progress (reader) == 1.0);
    }

  {
    g_autoptr(CandourCsvReader) empty = open_data ("", 0, 0, NULL);

    ck_assert (candour_csv_reader_get_progress (empty) == 1.0);
  }
}
END_TEST

/* The refusal of new_for_path (path, NULL), which names the file by its basename. */
static char *
refusal_for_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourCsvReader) reader = candour_csv_reader_new_for_path (path, NULL, &error);

  ck_assert_ptr_null (reader);
  ck_assert_error_matches (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_IO);

  return g_strdup (error->message);
}

START_TEST (test_only_regular_files)
{
  g_autofree char *folder = test_make_temp_dir ();
  g_autofree char *fifo = g_build_filename (folder, "organisations.csv", NULL);
  g_autofree char *sub = g_build_filename (folder, "bids.csv", NULL);
  g_autofree char *socket_path = g_build_filename (folder, "contracts.csv", NULL);
  g_autofree char *zero = g_build_filename (folder, "payments.csv", NULL);
  g_autofree char *missing = g_build_filename (folder, "members.csv", NULL);
  g_autofree char *message = NULL;
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int fd;

  /* Opening a FIFO for reading blocks until someone writes; the test would time out. */
  ck_assert_int_eq (mkfifo (fifo, 0600), 0);
  g_free (message);
  message = refusal_for_path (fifo);
  ck_assert_str_eq (message, "organisations.csv: is a named pipe, not a file; " SAVE_AS_FILE);

  ck_assert_int_eq (g_mkdir (sub, 0700), 0);
  g_free (message);
  message = refusal_for_path (sub);
  ck_assert_str_eq (message,
                    "bids.csv: is a folder, not a file; import the CSV files inside it instead");

  g_free (message);
  message = refusal_for_path ("/dev/null");
  ck_assert_str_eq (message, "null: is a device, not a file; " SAVE_AS_FILE);

  /* It must not read for ever, nor fill memory. */
  ck_assert_int_eq (symlink ("/dev/zero", zero), 0);
  g_free (message);
  message = refusal_for_path (zero);
  ck_assert_str_eq (message, "payments.csv: is a link to a device, not a file; " SAVE_AS_FILE);

  /* A socket cannot even be opened; it is still named for what it is. */
  fd = socket (AF_UNIX, SOCK_STREAM, 0);
  ck_assert_int_ge (fd, 0);
  ck_assert_uint_lt (strlen (socket_path), sizeof address.sun_path);
  strcpy (address.sun_path, socket_path);
  ck_assert_int_eq (bind (fd, (struct sockaddr *) &address, sizeof address), 0);
  g_free (message);
  message = refusal_for_path (socket_path);
  ck_assert_str_eq (message, "contracts.csv: is a socket, not a file; " SAVE_AS_FILE);
  close (fd);

  g_free (message);
  message = refusal_for_path (missing);
  ck_assert_str_eq (message, "members.csv: could not be read: No such file or directory");

  test_remove_tree (folder);
}
END_TEST

START_TEST (test_symlink_to_file)
{
  g_autofree char *folder = NULL;
  g_autofree char *target = write_temp_file ("real.csv", "ref\r\nA1\r\n", -1, &folder);
  g_autofree char *link = g_build_filename (folder, "organisations.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourCsvReader) reader = NULL;
  g_autofree char *dump = NULL;

  ck_assert_int_eq (symlink ("real.csv", link), 0);
  reader = candour_csv_reader_new_for_path (link, NULL, &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (candour_csv_reader_get_name (reader), "organisations.csv");
  dump = dump_reader (reader);
  ck_assert_str_eq (dump, "1:ref\n2:A1\n");

  test_remove_tree (folder);
}
END_TEST

START_TEST (test_bom_means_utf8)
{
  /* The file: a BOM, then one name saved in Windows-1252. */
  assert_refuses ("\xEF\xBB\xBFref,name\r\nA1,Café\r\nA2,Zo\xEB\r\n", -1,
                  "test.csv:3:2: byte 0xEB is not UTF-8, though the file starts with UTF-8's "
                  "byte-order mark; " SAVE_AS_UTF8);
  /* Not UTF-8 however it goes wrong: an overlong form, a surrogate, past U+10FFFF, a byte
   * UTF-8 never uses, a lone continuation byte, a sequence cut short, at the end too. */
  assert_refuses ("\xEF\xBB\xBF" "a,\xC0\x80", -1,
                  "test.csv:1:2: byte 0xC0 is not UTF-8, though the file starts with UTF-8's "
                  "byte-order mark; " SAVE_AS_UTF8);
  assert_refuses ("\xEF\xBB\xBF\xED\xA0\x80", -1,
                  "test.csv:1:1: byte 0xED is not UTF-8, though the file starts with UTF-8's "
                  "byte-order mark; " SAVE_AS_UTF8);
  assert_refuses ("\xEF\xBB\xBF" "a\nb,c,\xF4\x90\x80\x80", -1,
                  "test.csv:2:3: byte 0xF4 is not UTF-8, though the file starts with UTF-8's "
                  "byte-order mark; " SAVE_AS_UTF8);
  assert_refuses ("\xEF\xBB\xBF\xF5\x80\x80\x80", -1,
                  "test.csv:1:1: byte 0xF5 is not UTF-8, though the file starts with UTF-8's "
                  "byte-order mark; " SAVE_AS_UTF8);
  assert_refuses ("\xEF\xBB\xBF" "£,\x81", -1,
                  "test.csv:1:2: byte 0x81 is not UTF-8, though the file starts with UTF-8's "
                  "byte-order mark; " SAVE_AS_UTF8);
  assert_refuses ("\xEF\xBB\xBF" "a,b\n\"x\ny\",\xE2\x82,z\n", -1,
                  "test.csv:3:2: byte 0xE2 is not UTF-8, though the file starts with UTF-8's "
                  "byte-order mark; " SAVE_AS_UTF8);
  assert_refuses ("\xEF\xBB\xBF" "a,\xF0\x9F\x98", -1,
                  "test.csv:1:2: byte 0xF0 is not UTF-8, though the file starts with UTF-8's "
                  "byte-order mark; " SAVE_AS_UTF8);
  /* The first problem is the one reported, a NUL or not. */
  assert_refuses ("\xEF\xBB\xBF" "a\n\xE9,\0\n", 7,
                  "test.csv:2:1: byte 0xE9 is not UTF-8, though the file starts with UTF-8's "
                  "byte-order mark; " SAVE_AS_UTF8);
  assert_refuses ("\xEF\xBB\xBF" "a\n\0,\xE9\n", 7,
                  "test.csv:2:1: contains a NUL byte, which never belongs in a CSV file; "
                  SAVE_AS_UTF8);
}
END_TEST

START_TEST (test_mixed_encodings_refused)
{
  /* The case: UTF-8 names and one byte of Windows-1252. */
  assert_refuses ("ref,name\nA1,Zoë\nA2,x\nA3,y\nA4,Caf\xE9\n", -1,
                  "test.csv:5:2: byte 0xE9 is not UTF-8, but line 2 is UTF-8 ('Zoë'): the file "
                  "mixes two encodings; " SAVE_AS_UTF8);
  /* The UTF-8 may come after the byte. */
  assert_refuses ("ref,name\nA1,Caf\xE9\nA2,£5\n", -1,
                  "test.csv:2:2: byte 0xE9 is not UTF-8, but line 3 is UTF-8 ('£5'): the file "
                  "mixes two encodings; " SAVE_AS_UTF8);
  assert_refuses ("A1,Zoë,Caf\xE9\n", -1,
                  "test.csv:1:3: byte 0xE9 is not UTF-8, though this line holds UTF-8 too "
                  "('Zoë'): the file mixes two encodings; " SAVE_AS_UTF8);
  /* Three and four bytes are evidence whatever they start with. */
  assert_refuses ("x,\x93q\x94\n€5\n", -1,
                  "test.csv:1:2: byte 0x93 is not UTF-8, but line 2 is UTF-8 ('€5'): the file "
                  "mixes two encodings; " SAVE_AS_UTF8);
  assert_refuses ("\x96,a\nb,c\n\"😀\"\n", -1,
                  "test.csv:1:1: byte 0x96 is not UTF-8, but line 3 is UTF-8 ('😀'): the file "
                  "mixes two encodings; " SAVE_AS_UTF8);
  /* The quote shows the field as text: quotes undoubled, line ends and tabs as spaces. */
  assert_refuses ("\"Zoë \"\"Z\"\"\r\nSmith\tJr\",x\n\xE9\n", -1,
                  "test.csv:3:1: byte 0xE9 is not UTF-8, but line 1 is UTF-8 ('Zoë \"Z\"  "
                  "Smith Jr'): the file mixes two encodings; " SAVE_AS_UTF8);
  /* At most 20 characters: the start of a long field, or a little before the UTF-8. */
  assert_refuses ("A1,Zoë Abcdefghijklmnopqrstuvwxyz\nCaf\xE9\n", -1,
                  "test.csv:2:1: byte 0xE9 is not UTF-8, but line 1 is UTF-8 ('Zoë "
                  "Abcdefghijklmnop…'): the file mixes two encodings; " SAVE_AS_UTF8);
  assert_refuses ("A1,Long text before the name Zoë and after,x\nCaf\xE9\n", -1,
                  "test.csv:2:1: byte 0xE9 is not UTF-8, but line 1 is UTF-8 ('… name Zoë and "
                  "after'): the file mixes two encodings; " SAVE_AS_UTF8);
  assert_refuses ("A1,\"Long text, before Zoë\"\"s house and garden\"\nCaf\xE9\n", -1,
                  "test.csv:2:1: byte 0xE9 is not UTF-8, but line 1 is UTF-8 ('…efore Zoë\"s "
                  "house an…'): the file mixes two encodings; " SAVE_AS_UTF8);
  /* A NUL first is reported as such. */
  assert_refuses ("a,\xE9,b\0\n€\n", 10,
                  "test.csv:1:2: byte 0xE9 is not UTF-8, but line 2 is UTF-8 ('€'): the file "
                  "mixes two encodings; " SAVE_AS_UTF8);
  assert_refuses ("a,\0,\xE9\n€\n", 10,
                  "test.csv:1:2: contains a NUL byte, which never belongs in a CSV file; "
                  SAVE_AS_UTF8);
}
END_TEST

static CandourCsvEncoding
encoding_of (const char *data)
{
  g_autoptr(CandourCsvReader) reader = open_data (data, strlen (data), 0, NULL);

  ck_assert_ptr_nonnull (reader);

  return candour_csv_reader_get_encoding (reader);
}

START_TEST (test_encoding_chosen)
{
  ck_assert_int_eq (encoding_of (""), CANDOUR_CSV_ENCODING_UTF8);
  ck_assert_int_eq (encoding_of ("ref\nA1\n"), CANDOUR_CSV_ENCODING_UTF8);
  ck_assert_int_eq (encoding_of ("\xEF\xBB\xBFref\n"), CANDOUR_CSV_ENCODING_UTF8);
  ck_assert_int_eq (encoding_of ("Zoë,日本\n"), CANDOUR_CSV_ENCODING_UTF8);
  ck_assert_int_eq (encoding_of ("caf\xE9\n"), CANDOUR_CSV_ENCODING_WINDOWS_1252);

  /* A pair that decodes as UTF-8 but starts 0xC4..0xDF is no evidence: Windows-1252
   * puts letters such as Å before symbols such as a non-breaking space. */
  ck_assert_int_eq (encoding_of ("caf\xE9,\xC5\xA0\n"), CANDOUR_CSV_ENCODING_WINDOWS_1252);
  assert_reads ("caf\xE9,\xC5\xA0\n", -1, "1:café|Å\xC2\xA0\n");
}
END_TEST

/* A row of MAX_RECORD + extra bytes of x between prefix and suffix. */
static char *
dump_long_row (const char *prefix,
               gsize       extra,
               const char *suffix)
{
  gsize prefix_length = strlen (prefix);
  gsize suffix_length = strlen (suffix);
  gsize length = prefix_length + MAX_RECORD + extra + suffix_length;
  g_autofree char *data = g_malloc (length);
  g_autoptr(CandourCsvReader) reader = NULL;
  GString *out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  memcpy (data, prefix, prefix_length);
  memset (data + prefix_length, 'x', MAX_RECORD + extra);
  memcpy (data + length - suffix_length, suffix, suffix_length);
  reader = open_data (data, length, 0, NULL);
  g_clear_pointer (&data, g_free);

  /* Fields are summed up: their length and first byte. */
  while (candour_csv_reader_next (reader, &error))
    {
      g_string_append_printf (out, "%u:", candour_csv_reader_get_line (reader));
      for (guint i = 0; i < candour_csv_reader_get_n_fields (reader); i++)
        {
          const char *field = candour_csv_reader_get_field (reader, i);

          g_string_append_printf (out, "%s%zu %c", i > 0 ? "|" : "", strlen (field), field[0]);
        }
      g_string_append_c (out, '\n');
    }
  if (error != NULL)
    g_string_append_printf (out, "error %d: %s", error->code, error->message);

  return g_string_free (out, FALSE);
}

START_TEST (test_row_limit)
{
  g_autofree char *exact = dump_long_row ("a\r\n", 0, "\r\nb\r\n");
  g_autofree char *over = NULL;
  g_autofree char *quote_open = NULL;
  g_autofree char *bare_quote = NULL;
  g_autofree char *last_row = NULL;

  /* 64 MiB in one row is read, and so is what follows. */
  ck_assert_str_eq (exact, "1:1 a\n2:67108864 x\n3:1 b\n");
  g_clear_pointer (&exact, g_free);

  /* One byte more is not, at the line where the row starts. */
  over = dump_long_row ("a\n\nb,", 0, "\nc\n");
  ck_assert_str_eq (over, "1:1 a\nerror 1: test.csv:3:1: " TOO_LONG);
  g_clear_pointer (&over, g_free);

  /* A quote that never closes is the usual cause. */
  quote_open = dump_long_row ("ref\n\"", 1, "\n");
  ck_assert_str_eq (quote_open, "1:3 r\nerror 1: test.csv:2:1: " TOO_LONG);
  g_clear_pointer (&quote_open, g_free);

  /* A quoting error that can be seen comes first. */
  bare_quote = dump_long_row ("ref\na\"", 1, "\n");
  ck_assert_str_eq (bare_quote, "1:3 r\nerror 1: test.csv:2:1: " BARE_QUOTE);
  g_clear_pointer (&bare_quote, g_free);

  /* The last row, without a line end, has the same limit. */
  last_row = dump_long_row ("ref\n", 1, "");
  ck_assert_str_eq (last_row, "1:3 r\nerror 1: test.csv:2:1: " TOO_LONG);
}
END_TEST

/* Opens a file of before in chunks of 2, reads its first record, then changes the file
 * in place with mode ("wb" rewrites, "ab" appends, "r+b" overwrites the start) and
 * after, and returns the error of reading on. */
static char *
read_while_changed (const char *before,
                    const char *mode,
                    const char *after,
                    gsize       after_length)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = write_temp_file ("data.csv", before, -1, &folder);
  g_autoptr(CandourCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  FILE *file;

  reader = candour_csv_reader_new_for_path_with_chunk_size (path, "test.csv", 2, &error);
  ck_assert_ptr_null (error);
  ck_assert (candour_csv_reader_next (reader, NULL));

  file = fopen (path, mode);
  ck_assert_ptr_nonnull (file);
  ck_assert_uint_eq (fwrite (after, 1, after_length, file), after_length);
  ck_assert_int_eq (fclose (file), 0);

  while (candour_csv_reader_next (reader, &error))
    ;
  ck_assert_msg (error != NULL, "%s then %s: no error", before, after);
  ck_assert_error_matches (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_IO);
  ck_assert (!candour_csv_reader_next (reader, &again));
  ck_assert_str_eq (again->message, error->message);

  test_remove_tree (folder);

  return g_strdup (error->message);
}

START_TEST (test_file_changed)
{
  static const struct
  {
    const char *before;
    const char *mode;
    const char *after;
    gsize after_length;
  } changes[] = {
    { "ref\nA1\nA2\n", "wb", "ref\n", 4 },                  /* shorter */
    { "ref\nA1\nA2\n", "ab", "A3\n", 3 },                   /* longer */
    { "ref\nA1\nA2\n", "r+b", "ref\nA1\nA\0", 9 },          /* a NUL, in place */
    { "ref\nA1\nA2\n", "r+b", "ref\nA1\n\xE9", 8 },         /* not UTF-8 */
    { "caf\xE9\nA1\nA2\n", "r+b", "caf\xE9\nA1\n\x81", 9 }, /* not Windows-1252 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *message = read_while_changed (changes[i].before, changes[i].mode,
                                                     changes[i].after,
                                                     changes[i].after_length);

      ck_assert_msg (g_str_equal (message, CHANGED), "change %u: %s", i, message);
    }
}
END_TEST

Suite *
candour_csv_reader_suite (void)
{
  Suite *suite = suite_create ("csv-reader");
  TCase *tc = tcase_create ("csv-reader");

  tcase_add_test (tc, test_simple_records);
  tcase_add_test (tc, test_separator_from_the_header);
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
  tcase_add_test (tc, test_chunk_boundaries);
  tcase_add_test (tc, test_chunk_sizes_agree);
  tcase_add_test (tc, test_progress);
  tcase_add_test (tc, test_only_regular_files);
  tcase_add_test (tc, test_symlink_to_file);
  tcase_add_test (tc, test_bom_means_utf8);
  tcase_add_test (tc, test_mixed_encodings_refused);
  tcase_add_test (tc, test_encoding_chosen);
  tcase_add_test (tc, test_row_limit);
  tcase_add_test (tc, test_file_changed);
  /* test_row_limit reads rows of 64 MB, and more under the sanitizers. */
  tcase_set_timeout (tc, 60);
  suite_add_tcase (suite, tc);

  return suite;
}
