/* check-database.c: opening, migrating and refusing databases; transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "candour-database-sqlite.h"
#include "check-suites.h"
#include "test-util.h"
#include "candour-error.h"

static void
make_raw_database (const char *path,
                   const char *sql)
{
  sqlite3 *raw;

  ck_assert_int_eq (sqlite3_open (path, &raw), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (raw, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (raw);
}

START_TEST (test_fresh_database_is_migrated)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();

  ck_assert_int_eq (candour_database_get_schema_version (db), 6);
  ck_assert_int_eq (candour_database_get_latest_version (), 6);
  ck_assert_int_eq (test_query_int (db, "PRAGMA application_id"), CANDOUR_APPLICATION_ID);
  ck_assert_int_eq (test_query_int (db, "PRAGMA foreign_keys"), 1);
  /* Eight record tables, closed_period, audit, audit_writer, backup, and SQLite's sqlite_sequence. */
  ck_assert_int_eq (test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"), 13);
  ck_assert_ptr_null (candour_database_get_upgrade_backup (db));
}
END_TEST

START_TEST (test_file_database_uses_wal_and_reopens)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "books.db", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  {
    g_autoptr(CandourDatabase) db = candour_database_open (path, &error);
    ck_assert_ptr_nonnull (db);
    ck_assert_int_eq (test_query_int (db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
    test_assert_imports (db, "organisations.csv", "ref,name\nA,Alpha\n", NULL);
  }

  /* Owner only: the file holds who was paid what. */
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);

  {
    g_autoptr(CandourDatabase) db = candour_database_open (path, &error);
    ck_assert_ptr_nonnull (db);
    ck_assert_int_eq (candour_database_get_schema_version (db), 6);
    ck_assert_int_eq (test_query_int (db, "SELECT count(*) FROM organisation"), 1);
    ck_assert_ptr_null (candour_database_get_upgrade_backup (db));
  }

  test_remove_tree (dir);
}
END_TEST

START_TEST (test_newer_database_is_refused_untouched)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;

  make_raw_database (path, "PRAGMA application_id = 1130458724; PRAGMA user_version = 7;"
                           "CREATE TABLE future (x);");
  ck_assert (g_file_get_contents (path, &before, &length, NULL));

  db = candour_database_open (path, &error);
  ck_assert_ptr_null (db);
  ck_assert_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NEWER_SCHEMA);
  expected = g_strdup_printf ("%s was saved by a newer Candour (database version 7); this Candour "
                              "reads versions up to 6. Open it with the newer Candour; the file was "
                              "left as it was.", path);
  ck_assert_str_eq (error->message, expected);

  ck_assert (g_file_get_contents (path, &after, &length, NULL));
  ck_assert_str_eq (before, after);
  test_remove_tree (dir);
}
END_TEST

START_TEST (test_other_database_is_refused)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourDatabase) db = NULL;

  make_raw_database (path, "CREATE TABLE accounts (x);");
  db = candour_database_open (path, &error);
  ck_assert_ptr_null (db);
  ck_assert_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NOT_CANDOUR);
  expected = g_strdup_printf ("%s is not a Candour database; it was left as it was.", path);
  ck_assert_str_eq (error->message, expected);
  test_remove_tree (dir);
}
END_TEST

START_TEST (test_nested_transaction_rolls_back_whole)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GError) error = NULL;

  ck_assert (candour_database_begin (db, NULL));
  ck_assert (candour_database_exec (db, "INSERT INTO organisation (ref, name) VALUES ('A', 'Alpha')", NULL));
  ck_assert (candour_database_begin (db, NULL));
  ck_assert (candour_database_exec (db, "INSERT INTO organisation (ref, name) VALUES ('B', 'Beta')", NULL));
  ck_assert (candour_database_end (db, FALSE, NULL));
  ck_assert (candour_database_in_transaction (db));
  ck_assert (!candour_database_end (db, TRUE, &error));
  ck_assert_str_eq (error->message, "Part of the change failed, so none of it was saved.");
  ck_assert (!candour_database_in_transaction (db));
  ck_assert_int_eq (test_query_int (db, "SELECT count(*) FROM organisation"), 0);
}
END_TEST

START_TEST (test_busy_database_says_so)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourDatabase) first = candour_database_open (path, NULL);
  g_autoptr(CandourDatabase) second = candour_database_open (path, NULL);

  ck_assert (candour_database_begin (first, NULL));
  sqlite3_busy_timeout (candour_database_get_handle (second), 10);
  ck_assert (!candour_database_begin (second, &error));
  ck_assert_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_BUSY);
  ck_assert_str_eq (error->message, "The database is busy (someone else is saving). "
                                    "Nothing was changed; try again in a moment.");
  ck_assert (candour_database_end (first, TRUE, NULL));
  test_remove_tree (dir);
}
END_TEST

START_TEST (test_sql_functions)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();

  ck_assert_int_eq (test_query_int (db, "SELECT candour_round_mul_div (5, 1, 2)"), 3);
  ck_assert_int_eq (test_query_int (db, "SELECT candour_round_mul_div (-5, 1, 2)"), -3);
  ck_assert_int_eq (test_query_int (db, "SELECT candour_round_mul_div (1234564, 1250, 10000)"), 154321);
  ck_assert_int_eq (test_query_int (db, "SELECT candour_round_mul_div (1, 1, 0) IS NULL"), 1);
  ck_assert_int_eq (test_query_int (db, "SELECT candour_days ('2025-03-01') - candour_days ('2024-03-01')"), 365);
  ck_assert_int_eq (test_query_int (db, "SELECT candour_days ('2025-02-30') IS NULL"), 1);
  ck_assert_int_eq (test_query_int (db, "SELECT candour_size_band (999999) = 'micro'"), 1);
  ck_assert_int_eq (test_query_int (db, "SELECT candour_size_band (1000000) = 'small'"), 1);
  ck_assert_int_eq (test_query_int (db, "SELECT candour_size_band (9999999999) = 'major'"), 1);
  ck_assert_int_eq (test_query_int (db, "SELECT candour_size_band (10000000000) = 'super_major'"), 1);
  ck_assert_int_eq (test_query_int (db, "SELECT candour_size_band (NULL) = 'unknown'"), 1);
}
END_TEST

/* A new database's file name, and the files a failed one leaves to remove. */
START_TEST (test_database_files)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "Area.candour", NULL);
  g_autofree char *named = candour_database_name_file ("/home/sam/Area");
  g_autofree char *kept = candour_database_name_file ("/home/sam/area.db");
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  ck_assert_str_eq (named, "/home/sam/Area.candour");
  ck_assert_str_eq (kept, "/home/sam/area.db");

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      ck_assert (g_file_set_contents (file, "x", 1, NULL));
    }
  candour_database_remove_files (path);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      ck_assert_msg (!g_file_test (file, G_FILE_TEST_EXISTS), "%s is still there", file);
    }
  test_remove_tree (dir);
}
END_TEST

START_TEST (test_server_locations)
{
  g_autofree char *remote = candour_database_server_location ("db.example.org", "5433", "harrowfield",
                                                              "alice", "p@ss:w/rd", "verify-full");
  g_autofree char *local = candour_database_server_location ("/run/postgresql", "", "area team", "",
                                                             NULL, "disable");
  g_autofree char *shown = candour_database_location_without_password (remote);
  g_autofree char *shown_query = candour_database_location_without_password (
    "postgresql:///t1?host=/tmp/x&password=secret&port=5432");
  g_autofree char *shown_last = candour_database_location_without_password (
    "postgres://bob@h/db?sslmode=require&password=secret");

  /* Each part escaped, so a password's @ or / cannot be read as the address's. */
  ck_assert_str_eq (remote, "postgresql://alice:p%40ss%3Aw%2Frd@db.example.org:5433/harrowfield"
                            "?sslmode=verify-full&connect_timeout=10");
  ck_assert_str_eq (local, "postgresql:///area%20team?host=%2Frun%2Fpostgresql&sslmode=disable"
                           "&connect_timeout=10");
  ck_assert (candour_database_is_server_location (remote));
  ck_assert (candour_database_is_server_location ("postgres://h/db"));
  ck_assert (!candour_database_is_server_location ("/home/alice/area.candour"));

  /* What is shown and remembered never holds the password. */
  ck_assert_str_eq (shown, "postgresql://alice@db.example.org:5433/harrowfield?sslmode=verify-full"
                           "&connect_timeout=10");
  ck_assert_str_eq (shown_query, "postgresql:///t1?host=/tmp/x&port=5432");
  ck_assert_str_eq (shown_last, "postgres://bob@h/db?sslmode=require");
}
END_TEST

/* What the keyring is asked by (app/candour-keyring.c) and the password put back for
 * connecting only. */
START_TEST (test_server_location_parts)
{
  g_autofree char *remote = candour_database_server_location ("db.example.org", "5433", "harrowfield",
                                                              "alice", NULL, "verify-full");
  g_autofree char *with = candour_database_location_with_password (remote, "p@ss&w rd");
  g_autofree char *without = candour_database_location_without_password (with);
  g_autofree char *host = NULL, *port = NULL, *database = NULL, *user = NULL, *tls = NULL;

  ck_assert_str_eq (with, "postgresql://alice@db.example.org:5433/harrowfield?sslmode=verify-full"
                          "&connect_timeout=10&password=p%40ss%26w%20rd");
  ck_assert_str_eq (without, remote);

  ck_assert (candour_database_server_location_parts (remote, &host, &port, &database, &user, &tls));
  ck_assert_str_eq (host, "db.example.org");
  ck_assert_str_eq (port, "5433");
  ck_assert_str_eq (database, "harrowfield");
  ck_assert_str_eq (user, "alice");
  ck_assert_str_eq (tls, "verify-full");
  g_clear_pointer (&host, g_free);
  g_clear_pointer (&port, g_free);
  g_clear_pointer (&database, g_free);
  g_clear_pointer (&user, g_free);

  /* A socket folder, and what the address leaves to libpq's defaults. */
  ck_assert (candour_database_server_location_parts ("postgresql:///area%20team?host=%2Frun%2Fpostgresql",
                                                     &host, &port, &database, &user, NULL));
  ck_assert_str_eq (host, "/run/postgresql");
  ck_assert_str_eq (port, "");
  ck_assert_str_eq (database, "area team");
  ck_assert_str_eq (user, "");

  ck_assert (!candour_database_server_location_parts ("/home/alice/area.candour", NULL, NULL, NULL, NULL, NULL));
  ck_assert (!candour_database_server_location_parts ("postgresql://h/db?nonsense=1", NULL, NULL, NULL, NULL,
                                                      NULL));
}
END_TEST

/* libpq quotes a malformed address whole: the message leaves its password out. */
START_TEST (test_server_error_holds_no_password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourDatabase) db = NULL;

  db = candour_database_open_full ("postgresql://alice:s3cret@[::1/candour", CANDOUR_OPEN_EXISTING, &error);
  ck_assert_ptr_null (db);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, "s3cret") == NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "\"postgresql://alice@[::1/candour\"") != NULL, "%s", error->message);
}
END_TEST

/* The audit triggers are written out column by column in sql/0002-audit.sql: every
 * column a record table has (its id aside) is in each of them, old and new, so that no
 * change goes unrecorded when a column is added. */
START_TEST (test_audit_triggers_cover_every_column)
{
  static const char * const tables[] = {
    "organisation", "consortium", "consortium_member", "bid", "bid_partner", "contract", "subcontract", "payment",
  };
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  guint checked = 0;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *columns_sql = g_strdup_printf ("SELECT group_concat (name, ' ') FROM pragma_table_info ('%s') "
                                                      "WHERE name <> 'id'", tables[t]);
      g_autofree char *columns = test_query_text (db, columns_sql);
      g_auto(GStrv) names = g_strsplit (columns, " ", -1);
      static const struct {
        const char *trigger;
        const char *rows[2];
      } triggers[] = {
        /* An insert's values are the record's own. */
        { "update", { "OLD", "NEW" } },
        { "delete", { "OLD", NULL } },
      };

      for (guint g = 0; g < G_N_ELEMENTS (triggers); g++)
        {
          g_autofree char *trigger_sql = g_strdup_printf ("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                                          "AND name = '%s_audit_%s'", tables[t], triggers[g].trigger);
          g_autofree char *sql = test_query_text (db, trigger_sql);

          ck_assert_msg (sql != NULL, "no trigger %s_audit_%s", tables[t], triggers[g].trigger);
          for (guint r = 0; r < 2 && triggers[g].rows[r] != NULL; r++)
            for (guint c = 0; names[c] != NULL; c++)
              {
                g_autofree char *pair = g_strdup_printf ("'%s', %s.%s", names[c], triggers[g].rows[r], names[c]);

                ck_assert_msg (strstr (sql, pair) != NULL, "%s_audit_%s does not record %s", tables[t],
                               triggers[g].trigger, pair);
                checked++;
              }
        }
    }
  /* The tables' 58 columns, three times each (old and new on update, old on delete). */
  ck_assert_uint_eq (checked, 3 * (8 + 8 + 4 + 8 + 6 + 11 + 7 + 6));
}
END_TEST

Suite *
candour_database_suite (void)
{
  Suite *suite = suite_create ("database");
  TCase *tc = tcase_create ("database");

  tcase_add_test (tc, test_fresh_database_is_migrated);
  tcase_add_test (tc, test_audit_triggers_cover_every_column);
  tcase_add_test (tc, test_server_locations);
  tcase_add_test (tc, test_server_location_parts);
  tcase_add_test (tc, test_server_error_holds_no_password);
  tcase_add_test (tc, test_file_database_uses_wal_and_reopens);
  tcase_add_test (tc, test_newer_database_is_refused_untouched);
  tcase_add_test (tc, test_other_database_is_refused);
  tcase_add_test (tc, test_nested_transaction_rolls_back_whole);
  tcase_add_test (tc, test_busy_database_says_so);
  tcase_add_test (tc, test_database_files);
  tcase_add_test (tc, test_sql_functions);
  suite_add_tcase (suite, tc);
  return suite;
}
