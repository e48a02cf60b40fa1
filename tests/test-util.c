/* test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "candour-database-sqlite.h"
#include "test-util.h"
#include "candour-import.h"

CandourDatabase *
test_open_memory_database (void)
{
  g_autoptr(GError) error = NULL;
  CandourDatabase *db = candour_database_open (":memory:", &error);

  ck_assert_msg (db != NULL, "could not open: %s", error ? error->message : "?");
  return db;
}

char *
test_import (CandourDatabase *db,
             ...)
{
  g_autoptr(CandourImport) import = candour_import_new (db);
  g_autoptr(GError) error = NULL;
  const char *name;
  va_list args;

  va_start (args, db);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      candour_import_add_data (import, name, bytes);
    }
  va_end (args);

  if (candour_import_run (import, NULL, &error))
    return g_strdup ("");

  {
    GPtrArray *problems = candour_import_get_problems (import);
    GString *text = g_string_new (NULL);

    for (guint i = 0; i < problems->len; i++)
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (char *)problems->pdata[i]);
    if (problems->len == 0)
      g_string_append (text, error->message);
    return g_string_free (text, FALSE);
  }
}

char *
test_report_csv (CandourReport *report)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GString) text = NULL;
  gsize size;

  ck_assert_msg (candour_report_write_csv (report, stream, &error), "%s", error ? error->message : "");
  ck_assert (g_output_stream_close (stream, NULL, NULL));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  data = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));

  ck_assert_uint_ge (size, 3);
  ck_assert_int_eq (memcmp (data, "\xEF\xBB\xBF", 3), 0);
  text = g_string_new_len (data + 3, size - 3);
  g_string_replace (text, "\r\n", "\n", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gint64
test_query_int (CandourDatabase *db,
                const char      *sql)
{
  sqlite3_stmt *stmt;
  gint64 value;

  ck_assert_int_eq (sqlite3_prepare_v2 (candour_database_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
test_query_text (CandourDatabase *db,
                 const char      *sql)
{
  sqlite3_stmt *stmt;
  char *text = NULL;

  ck_assert_int_eq (sqlite3_prepare_v2 (candour_database_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

char *
test_dump_content (CandourDatabase *db)
{
  static const char * const tables[] = {
    "organisation", "consortium", "consortium_member", "bid", "bid_partner",
    "contract", "subcontract", "payment",
  };
  GString *dump = g_string_new (NULL);
  sqlite3 *handle = candour_database_get_handle (db);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[t]);
      sqlite3_stmt *stmt;

      ck_assert_int_eq (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              const char *value = (const char *)sqlite3_column_text (stmt, i);
              g_string_append_printf (dump, "%s%s", i > 0 ? "|" : "", value ? value : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (dump, FALSE);
}

char *
test_dump_everything (CandourDatabase *db)
{
  static const char * const queries[] = {
    "SELECT * FROM audit ORDER BY id",
    "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name",
  };
  g_autofree char *content = test_dump_content (db);
  GString *dump = g_string_new (content);
  sqlite3 *handle = candour_database_get_handle (db);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt;

      ck_assert_int_eq (sqlite3_prepare_v2 (handle, queries[q], -1, &stmt, NULL), SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", queries[q]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              const char *value = (const char *)sqlite3_column_text (stmt, i);
              g_string_append_printf (dump, "%s%s", i > 0 ? "|" : "", value ? value : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (dump, FALSE);
}

char *
test_spawn_output (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  ck_assert_msg (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                               &error), "cannot run %s: %s", argv[0], error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "%s %s: %s", argv[0], argv[1] ? argv[1] : "", err);
  return g_steal_pointer (&out);
}

char *
test_read_zip_part (const char *zip,
                    const char *part)
{
  return test_spawn_output ((const char *[]) { "unzip", "-p", zip, part, NULL });
}

char *
test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("candour-test-XXXXXX", &error);

  ck_assert_msg (path != NULL, "%s", error ? error->message : "");
  return path;
}

void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

char *
test_make_server_database (const char *server,
                           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourDatabase) shared = NULL;
  g_autoptr(GRegex) database = g_regex_new ("/[^/?]*\\?", 0, 0, NULL);
  g_autofree char *unique = g_strdup_printf ("%s_%d", name, (int)getpid ());
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", unique);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", unique);
  g_autofree char *path = g_strdup_printf ("/%s?", unique);
  char *location;

  /* Whichever test comes first on a new cluster finds the shared database empty. */
  ck_assert_msg (candour_database_set_up_server (server, &error), "%s", error ? error->message : "");
  shared = test_open_server_database (server);
  ck_assert (candour_database_exec (shared, drop, NULL));
  ck_assert_msg (candour_database_exec (shared, create, &error), "%s", error ? error->message : "");
  location = g_regex_replace_literal (database, server, -1, 0, path, 0, NULL);
  ck_assert_msg (candour_database_set_up_server (location, &error), "%s", error ? error->message : "");
  return location;
}

CandourDatabase *
test_open_server_database (const char *location)
{
  g_autoptr(GError) error = NULL;
  CandourDatabase *db = candour_database_open_full (location, CANDOUR_OPEN_EXISTING, &error);

  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  return db;
}

void
test_drop_server_database (const char *server,
                           const char *location)
{
  g_autoptr(CandourDatabase) shared = candour_database_open_full (server, CANDOUR_OPEN_EXISTING, NULL);
  g_autofree char *before_query = g_strndup (location, strcspn (location, "?"));
  const char *name = strrchr (before_query, '/') + 1;
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);

  ck_assert (candour_database_exec (shared, drop, NULL));
}
