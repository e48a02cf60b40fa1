/* check-safety.c: upgrades, backups, the audit trail and network drives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "candour-database-sqlite.h"
#include "check-suites.h"
#include "test-util.h"
#include "candour-backup.h"
#include "candour-error.h"
#include "candour-history.h"
#include "candour-record.h"
#include "candour-reports.h"

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("CANDOUR_TEST_DATA"), "schema", name, NULL);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  ck_assert (g_file_get_contents (from, &contents, &length, NULL));
  ck_assert (g_file_set_contents (to, contents, length, NULL));
}

static char *
findings_as_of (CandourDatabase *db,
                const char      *as_of)
{
  CandourReconcileOptions options;
  g_autoptr(CandourReport) report = NULL;
  char *csv;

  candour_reconcile_options_init (&options);
  options.as_of = g_strdup (as_of);
  report = candour_report_findings (db, &options, NULL);
  ck_assert_ptr_nonnull (report);
  csv = test_report_csv (report);
  candour_reconcile_options_clear (&options);
  return csv;
}

/* Every released schema version upgrades with its data and its findings intact, and
 * the file as it was is kept beside it first. */
START_TEST (test_version_1_upgrades)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "harrowfield.db", NULL);
  g_autofree char *fixture = fixture_path ("v1.db");
  g_autofree char *expected_csv_path = fixture_path ("v1-reconcile.csv");
  g_autofree char *expected = NULL;
  g_autofree char *findings = NULL;
  g_autofree char *version = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourDatabase) db = NULL;
  gsize length;

  copy_file (fixture, path);
  db = candour_database_open (path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (candour_database_get_schema_version (db), candour_database_get_latest_version ());

  /* The copy beside it is the version 1 file, checked and complete. */
  ck_assert_ptr_nonnull (candour_database_get_upgrade_backup (db));
  ck_assert (g_str_has_prefix (candour_database_get_upgrade_backup (db), path));
  {
    sqlite3 *old;
    sqlite3_stmt *stmt;

    ck_assert_int_eq (sqlite3_open_v2 (candour_database_get_upgrade_backup (db), &old, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    ck_assert_int_eq (sqlite3_prepare_v2 (old, "SELECT (SELECT user_version FROM pragma_user_version) || '/' || "
                                               "(SELECT count(*) FROM payment)", -1, &stmt, NULL), SQLITE_OK);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
    version = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (old);
  }
  ck_assert_str_eq (version, "1/198");

  /* Version 1 printed these findings; version 2 must print the same. */
  ck_assert (g_file_get_contents (expected_csv_path, &expected, &length, NULL));
  findings = findings_as_of (db, "2025-06-30");
  {
    g_autoptr(GString) normal = g_string_new_len (expected + 3, length - 3);
    g_string_replace (normal, "\r\n", "\n", 0);
    ck_assert_str_eq (findings, normal->str);
  }

  g_clear_object (&db);
  test_remove_tree (dir);
}
END_TEST

START_TEST (test_audit_trail)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *history = NULL;

  test_assert_imports (db, "organisations.csv", "ref,name,annual_income\nA,Alpha,100\nB,Beta,\n", NULL);
  ck_assert (candour_database_exec (db, "UPDATE organisation SET name = 'Alpha Trust', annual_income = 250 "
                                        "WHERE ref = 'A'", NULL));
  ck_assert (candour_database_exec (db, "INSERT INTO organisation (ref, name) VALUES ('C', 'Gamma')", NULL));
  ck_assert (candour_database_exec (db, "DELETE FROM organisation WHERE ref = 'B'", NULL));

  rows = test_query_text (db, "SELECT group_concat (table_name || ' ' || record_id || '-' || coalesce (last_record_id, '') || ' ' "
                         "|| coalesce (record_ref, '') || ' ' || action || ' ' || (actor <> ''), '; ') FROM audit");
  ck_assert_str_eq (rows, "organisation 1-2  insert 1; organisation 1- A update 1; organisation 3- C insert 1; "
                          "organisation 2- B delete 1");

  {
    g_autoptr(CandourReport) report = candour_report_history (db, "A", &error);
    GString *text = g_string_new (NULL);

    while (candour_report_next (report, NULL))
      g_string_append_printf (text, "%s|%s|%s|%s\n", candour_report_get_text (report, 3),
                              candour_report_get_text (report, 4), candour_report_get_text (report, 5),
                              candour_report_get_text (report, 6) ? candour_report_get_text (report, 6) : "");
    history = g_string_free (text, FALSE);
  }
  ck_assert_str_eq (history,
    "A|insert|imported from organisations.csv|\n"
    "A|update|name: Alpha → Alpha Trust; annual_income: 10000 → 250|"
    "{\"ref\":\"A\",\"name\":\"Alpha\",\"org_id\":null,\"kind\":\"other\",\"annual_income\":10000,"
    "\"locality\":null,\"led_by\":null,\"notes\":null}\n");

  /* A deleted record keeps its story: how it came, and what it held when it went. */
  {
    g_autoptr(CandourReport) report = candour_report_history (db, "B", &error);
    ck_assert (candour_report_next (report, NULL));
    ck_assert_str_eq (candour_report_get_text (report, 5), "imported from organisations.csv");
    ck_assert (candour_report_next (report, NULL));
    ck_assert_str_eq (candour_report_get_text (report, 5), "deleted");
    ck_assert_str_eq (candour_report_get_text (report, 6),
                      "{\"ref\":\"B\",\"name\":\"Beta\",\"org_id\":null,\"kind\":\"other\",\"annual_income\":null,"
                      "\"locality\":null,\"led_by\":null,\"notes\":null}");
    ck_assert (!candour_report_next (report, NULL));
  }

  /* Append-only, whoever asks. */
  ck_assert (!candour_database_exec (db, "UPDATE audit SET actor = 'someone else'", &error));
  ck_assert_ptr_nonnull (strstr (error->message, "the audit trail cannot be changed"));
  g_clear_error (&error);
  ck_assert (!candour_database_exec (db, "DELETE FROM audit", &error));
  ck_assert_ptr_nonnull (strstr (error->message, "the audit trail cannot be changed"));
}
END_TEST

START_TEST (test_failed_import_leaves_no_audit)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *count = NULL;
  g_autofree char *triggers = NULL;
  g_autofree char *problems = test_import (db, "organisations.csv", "ref,name\nA,Alpha\nA,Again\n", NULL);

  ck_assert_str_eq (problems, "organisations.csv:3:1: ref 'A' is already used by another record in "
                              "organisations; each ref must be unique");
  count = test_query_text (db, "SELECT count(*) FROM audit");
  ck_assert_str_eq (count, "0");
  /* The triggers an import suspends come back with the rollback. */
  triggers = test_query_text (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'");
  ck_assert_str_eq (triggers, "32");
}
END_TEST

START_TEST (test_backup_is_verified_and_private)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "books.db", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "copy.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourDatabase) db = candour_database_open (path, NULL);
  GStatBuf st;

  test_assert_imports (db, "organisations.csv", "ref,name\nA,Alpha\n", NULL);
  ck_assert_msg (candour_backup_to_path (db, copy_path, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (g_stat (copy_path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);

  {
    g_autoptr(CandourDatabase) copy = candour_database_open (copy_path, NULL);
    before = test_dump_content (db);
    after = test_dump_content (copy);
    ck_assert_str_eq (before, after);
  }

  ck_assert (!candour_backup_to_path (db, missing, &error));
  ck_assert (!g_file_test (missing, G_FILE_TEST_EXISTS));
  test_remove_tree (dir);
}
END_TEST

START_TEST (test_network_drive_uses_rollback_journal)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.db", NULL);
  g_autofree char *mode = NULL;
  g_autoptr(CandourDatabase) db = NULL;

  g_setenv ("CANDOUR_ASSUME_NETWORK_FS", "1", TRUE);
  db = candour_database_open (path, NULL);
  g_unsetenv ("CANDOUR_ASSUME_NETWORK_FS");

  ck_assert_ptr_nonnull (db);
  ck_assert (candour_database_is_on_network (db));
  mode = test_query_text (db, "PRAGMA journal_mode");
  ck_assert_str_eq (mode, "delete");
  g_clear_object (&db);
  test_remove_tree (dir);
}
END_TEST

/* Two people, one file: a reader is never held up by a writer, a second writer is told
 * plainly that the file is busy, and each sees when the other has saved. */
START_TEST (test_two_people_one_file)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.db", NULL);
  g_autoptr(CandourDatabase) alice = candour_database_open (path, NULL);
  g_autoptr(CandourDatabase) bob = candour_database_open (path, NULL);
  g_autofree char *seen_by_bob = NULL;
  gint64 bob_version;

  test_assert_imports (alice, "organisations.csv", "ref,name\nA,Alpha\n", NULL);
  bob_version = candour_database_get_data_version (bob);

  /* Alice is in the middle of saving. */
  ck_assert (candour_database_begin (alice, NULL));
  ck_assert (candour_database_exec (alice, "INSERT INTO organisation (ref, name) VALUES ('B', 'Beta')", NULL));

  /* Bob still reads, and sees what was saved before. */
  seen_by_bob = test_query_text (bob, "SELECT group_concat (ref) FROM organisation");
  ck_assert_str_eq (seen_by_bob, "A");

  /* Bob's form cannot check what he types while Alice saves: it is told so at once,
   * rather than wait, and no field is blamed. */
  {
    const char *typed[] = { "C", "Gamma", NULL, NULL, NULL, NULL, NULL, NULL, NULL };
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GError) error = NULL;

    ck_assert (!candour_record_check (bob, CANDOUR_TABLE_ORGANISATIONS, typed, 0, problems, NULL, &error));
    ck_assert_uint_eq (problems->len, 0);
    ck_assert_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_BUSY);
  }

  /* Bob cannot save at the same time, and is told so in words. */
  sqlite3_busy_timeout (candour_database_get_handle (bob), 50);
  {
    g_autofree char *problems = test_import (bob, "organisations.csv", "ref,name\nC,Gamma\n", NULL);
    ck_assert_str_eq (problems, "The database is busy (someone else is saving). Nothing was changed; "
                                "try again in a moment.");
  }

  ck_assert (candour_database_end (alice, TRUE, NULL));
  ck_assert_int_ne (candour_database_get_data_version (bob), bob_version);
  g_free (seen_by_bob);
  seen_by_bob = test_query_text (bob, "SELECT group_concat (ref) FROM organisation");
  ck_assert_str_eq (seen_by_bob, "A,B");

  g_clear_object (&alice);
  g_clear_object (&bob);
  test_remove_tree (dir);
}
END_TEST

Suite *
candour_safety_suite (void)
{
  Suite *suite = suite_create ("safety");
  TCase *tc = tcase_create ("safety");

  tcase_add_test (tc, test_version_1_upgrades);
  tcase_add_test (tc, test_audit_trail);
  tcase_add_test (tc, test_failed_import_leaves_no_audit);
  tcase_add_test (tc, test_backup_is_verified_and_private);
  tcase_add_test (tc, test_network_drive_uses_rollback_journal);
  tcase_add_test (tc, test_two_people_one_file);
  suite_add_tcase (suite, tc);
  return suite;
}
