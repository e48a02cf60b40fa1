/* check-reliability.c: nothing lost, whatever is typed (the second reliability round)
 *
 * Keys never reused and an audit trail other programs reach; damaged headers refused;
 * outputs that never touch the database and appear whole or not at all; backups that
 * can be restored; totals that cannot overflow; characters that show as something else;
 * one file per table; the warnings an import gives about odd rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include <check.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "candour-database-sqlite.h"
#include "test-util.h"
#include "candour-backup.h"
#include "candour-error.h"
#include "candour-export.h"
#include "candour-history.h"
#include "candour-import.h"
#include "candour-integrity.h"
#include "candour-output.h"
#include "candour-record.h"
#include "candour-reports.h"

Suite *candour_reliability_suite (void);

#define AREA_ORGANISATIONS \
  "ref,name,kind,annual_income\n" \
  "LEAD,Lead Ltd,private_company,5000000\n" \
  "COMM,Council,local_authority,\n" \
  "P1,Small Charity,charity,45000\n"
#define AREA_BIDS \
  "ref,title,lead_ref,commissioner_ref,value,outcome\n" \
  "B1,Wellbeing,LEAD,COMM,100000,won\n"
#define AREA_CONTRACTS \
  "ref,bid_ref,value,start_on,end_on\n" \
  "C1,B1,90000,2024-01-01,2024-12-31\n"
#define AREA_SUBCONTRACTS \
  "ref,contract_ref,partner_ref,value\n" \
  "S1,C1,P1,20000\n"

static char *folder;

static void
set_up (void)
{
  folder = test_make_temp_dir ();
}

static void
tear_down (void)
{
  test_remove_tree (folder);
  g_clear_pointer (&folder, g_free);
}

static char *
in_folder (const char *name)
{
  return g_build_filename (folder, name, NULL);
}

/* "action by actor" for each history row of ref, oldest first, one per line. */
static char *
history_of (CandourDatabase *db,
            const char      *ref)
{
  g_autoptr(CandourReport) report = candour_report_history (db, ref, NULL);
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  ck_assert_ptr_nonnull (report);
  while (candour_report_next (report, &error))
    g_string_append_printf (text, "%s by %s\n", candour_report_get_text (report, 4),
                            candour_report_get_text (report, 1));
  ck_assert_ptr_null (error);
  return g_string_free (text, FALSE);
}

static CandourDatabase *
open_file (const char *name)
{
  g_autofree char *path = in_folder (name);
  g_autoptr(GError) error = NULL;
  CandourDatabase *db = candour_database_open (path, &error);

  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  return db;
}

/* Keys and the audit trail */

START_TEST (test_ids_never_reused)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *history = NULL;
  g_autofree char *expected = g_strdup_printf ("insert by %s\n", g_get_user_name ());

  test_assert_imports (db, "organisations.csv", "ref,name\nA1,First\nA2,Second\n", NULL);
  ck_assert (candour_record_delete (db, CANDOUR_TABLE_ORGANISATIONS, 2, &error));
  test_assert_imports (db, "organisations.csv", "ref,name\nA3,Third\n", NULL);

  /* A3 did not take A2's id, so it does not take A2's history either. */
  ck_assert_int_eq (test_query_int (db, "SELECT id FROM organisation WHERE ref = 'A3'"), 3);
  history = history_of (db, "A3");
  ck_assert_str_eq (history, expected);
}
END_TEST

START_TEST (test_version_2_upgrades)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("CANDOUR_TEST_DATA"), "schema", "v2.db", NULL);
  g_autofree char *expected_path = g_build_filename (g_getenv ("CANDOUR_TEST_DATA"), "schema",
                                                     "v2-reconcile.csv", NULL);
  g_autofree char *path = in_folder ("harrowfield.db");
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *findings = NULL;
  g_autofree char *history = NULL;
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CandourReconcileOptions options;
  gsize length;

  ck_assert (g_file_get_contents (fixture, &contents, &length, NULL));
  ck_assert (g_file_set_contents (path, contents, length, NULL));
  db = candour_database_open_full (path, CANDOUR_OPEN_EXISTING, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (candour_database_get_schema_version (db), 6);
  ck_assert_ptr_nonnull (candour_database_get_upgrade_backup (db));

  /* The findings are the ones version 2 printed. */
  candour_reconcile_options_init (&options);
  options.as_of = g_strdup ("2025-06-30");
  report = candour_report_findings (db, &options, &error);
  candour_reconcile_options_clear (&options);
  ck_assert_ptr_nonnull (report);
  findings = test_report_csv (report);
  ck_assert (g_file_get_contents (expected_path, &expected, &length, NULL));
  {
    g_autoptr(GString) normal = g_string_new_len (expected + 3, length - 3);
    g_string_replace (normal, "\r\n", "\n", 0);
    ck_assert_str_eq (findings, normal->str);
  }

  /* PAY-0198, the highest id, was deleted under version 2: its id stays unused. */
  test_assert_imports (db, "payments.csv", "ref,subcontract_ref,amount,paid_on\nPAY-NEW,SUB-01,10.00,2025-05-01\n", NULL);
  ck_assert_int_eq (test_query_int (db, "SELECT id FROM payment WHERE ref = 'PAY-NEW'"), 199);
  /* Its own creation (by whoever made the fixture) and deletion, nothing of PAY-NEW. */
  history = history_of (db, "PAY-0198");
  {
    g_autofree char *maker = test_query_text (db, "SELECT actor FROM audit WHERE id = 8");
    g_autofree char *want = g_strdup_printf ("insert by %s\ndelete by sam\n", maker);

    ck_assert_str_eq (history, want);
  }
  g_clear_pointer (&history, g_free);
  history = history_of (db, "PAY-NEW");
  {
    g_autofree char *want = g_strdup_printf ("insert by %s\n", g_get_user_name ());
    ck_assert_str_eq (history, want);
  }
}
END_TEST

/* The sqlite3 shell, or any program without Candour's functions, can write, and is
 * audited as "unknown"; Candour's own writes are audited as its user. */
START_TEST (test_other_programs_are_audited)
{
  g_autofree char *path = in_folder ("area.db");
  g_autoptr(CandourDatabase) db = open_file ("area.db");
  g_autofree char *actors = NULL;
  g_autofree char *writer = NULL;
  sqlite3 *other;

  test_assert_imports (db, "organisations.csv", AREA_ORGANISATIONS, NULL);
  writer = test_query_text (db, "SELECT coalesce (name, 'NULL') FROM audit_writer");
  ck_assert_str_eq (writer, "NULL");

  ck_assert_int_eq (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (other, "PRAGMA foreign_keys = ON;"
                                         "INSERT INTO organisation (ref, name) VALUES ('SHELL', 'From the shell');"
                                         "UPDATE organisation SET name = 'Renamed' WHERE ref = 'P1';"
                                         "DELETE FROM organisation WHERE ref = 'SHELL';",
                                  NULL, NULL, NULL), SQLITE_OK);
  /* Nor can it change the trail itself. */
  ck_assert_int_eq (sqlite3_exec (other, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_CONSTRAINT);
  sqlite3_close (other);

  actors = test_query_text (db,
                       "SELECT group_concat (action || ' ' || coalesce (record_ref, '-') || ' ' || actor, '; ') "
                       "FROM (SELECT * FROM audit WHERE actor = 'unknown' ORDER BY id)");
  ck_assert_str_eq (actors, "insert SHELL unknown; update P1 unknown; delete SHELL unknown");
  ck_assert_int_eq (test_query_int (db, "SELECT count(*) FROM audit WHERE actor = 'unknown'"), 3);
}
END_TEST

/* check names a missing or foreign trigger, and --repair puts it right, touching no record. */
START_TEST (test_check_finds_and_repairs_schema)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) repairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CandourIntegrityFindings findings;

  test_assert_imports (db, "organisations.csv", AREA_ORGANISATIONS, "bids.csv", AREA_BIDS, NULL);
  before = test_dump_content (db);
  ck_assert (candour_database_exec (db, "DROP TRIGGER payment_audit_delete;"
                                        "DROP INDEX bid_by_lead;"
                                        "CREATE TRIGGER quietly AFTER INSERT ON payment "
                                        "BEGIN UPDATE payment SET amount = 0 WHERE id = NEW.id; END;", NULL));

  ck_assert (candour_integrity_check (db, problems, &findings, &error));
  ck_assert_uint_eq (problems->len, 3);
  ck_assert_str_eq (problems->pdata[0], "The index bid_by_lead is missing.");
  ck_assert_str_eq (problems->pdata[1], "The audit trigger payment_audit_delete is missing: the audit "
                                        "trail no longer records every change.");
  ck_assert_str_eq (problems->pdata[2], "An extra trigger, quietly, on payment is not Candour's: another "
                                        "program added it, and it could change records unseen.");
  ck_assert_int_eq (findings, CANDOUR_INTEGRITY_SCHEMA_REPAIRABLE);

  ck_assert (candour_integrity_repair (db, repairs, &error));
  ck_assert_uint_eq (repairs->len, 3);
  ck_assert_str_eq (repairs->pdata[0], "Put back Candour's index bid_by_lead.");
  ck_assert_str_eq (repairs->pdata[1], "Put back Candour's trigger payment_audit_delete.");
  ck_assert_str_eq (repairs->pdata[2], "Removed the trigger quietly, which was not Candour's.");

  g_ptr_array_set_size (problems, 0);
  ck_assert (candour_integrity_check (db, problems, &findings, &error));
  ck_assert_uint_eq (problems->len, 0);
  ck_assert_int_eq (findings, CANDOUR_INTEGRITY_OK);
  after = test_dump_content (db);
  ck_assert_str_eq (before, after);
}
END_TEST

/* The header */

static void
make_database_with_header (const char *path,
                           const char *pragma)
{
  g_autoptr(CandourDatabase) db = candour_database_open (path, NULL);
  sqlite3 *raw;

  ck_assert_ptr_nonnull (db);
  test_assert_imports (db, "organisations.csv", AREA_ORGANISATIONS, NULL);
  g_clear_object (&db);
  ck_assert_int_eq (sqlite3_open (path, &raw), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (raw, pragma, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (raw);
}

static void
assert_refused_untouched (const char *name,
                          const char *pragma,
                          int         code,
                          const char *reason)
{
  g_autofree char *path = in_folder (name);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourDatabase) db = NULL;
  gsize length;

  make_database_with_header (path, pragma);
  ck_assert (g_file_get_contents (path, &before, &length, NULL));
  db = candour_database_open_full (path, CANDOUR_OPEN_EXISTING, &error);
  ck_assert_ptr_null (db);
  ck_assert_error_matches (error, CANDOUR_DATABASE_ERROR, code);
  expected = g_strdup_printf ("%s is damaged: %s. Nothing was changed. Restore it from a backup "
                              "(candour-cli check lists the backups it knows of).", path, reason);
  ck_assert_str_eq (error->message, expected);
  ck_assert (g_file_get_contents (path, &after, &length, NULL));
  ck_assert (memcmp (before, after, length) == 0);
}

START_TEST (test_damaged_headers_refused)
{
  assert_refused_untouched ("negative.db", "PRAGMA journal_mode = DELETE; PRAGMA user_version = -5",
                            CANDOUR_DATABASE_ERROR_CORRUPT,
                            "its header gives a database version of -5, which no Candour ever wrote");
  assert_refused_untouched ("far.db", "PRAGMA journal_mode = DELETE; PRAGMA user_version = 268435459",
                            CANDOUR_DATABASE_ERROR_CORRUPT,
                            "its header gives a database version of 268435459, which no Candour ever wrote");
  assert_refused_untouched ("zero.db", "PRAGMA journal_mode = DELETE; PRAGMA user_version = 0",
                            CANDOUR_DATABASE_ERROR_CORRUPT,
                            "it holds tables, but its header says it holds none (database version 0)");
}
END_TEST

/* A file just made holds only SQLite's bare first page until the log is copied into
 * it; while another connection keeps the log, that header is no damage. */
START_TEST (test_check_reads_the_header_in_use)
{
  g_autoptr(CandourDatabase) maker = open_file ("new.db");
  g_autoptr(CandourDatabase) checker = open_file ("new.db");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = in_folder ("new.db");
  g_autofree char *header = NULL;
  CandourIntegrityFindings findings;
  gsize length;

  ck_assert (g_file_get_contents (path, &header, &length, NULL));
  ck_assert_uint_ge (length, 100);
  ck_assert_int_eq (header[47], 0);   /* schema format: none yet in the file itself */

  ck_assert (candour_integrity_check (checker, problems, &findings, NULL));
  ck_assert_uint_eq (problems->len, 0);
  ck_assert_int_eq (findings, CANDOUR_INTEGRITY_OK);

  g_clear_pointer (&header, g_free);
  ck_assert (g_file_get_contents (path, &header, &length, NULL));
  ck_assert_int_eq (header[47], 4);
}
END_TEST

/* Outputs */

START_TEST (test_output_refuses_database_files)
{
  static const char * const names[] = { "area.db", "area.db-wal", "area.db-shm", "area.db-journal" };
  g_autoptr(CandourDatabase) db = open_file ("area.db");
  g_autofree char *hard = in_folder ("hard.csv");
  g_autofree char *soft = in_folder ("soft.csv");
  g_autofree char *sub = in_folder ("sub");
  g_autofree char *around = in_folder ("sub/../area.db");
  g_autofree char *database = in_folder ("area.db");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = in_folder (names[i]);
      g_autoptr(GError) error = NULL;

      ck_assert (!candour_output_check_path (db, path, FALSE, &error));
      ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      g_clear_error (&error);
      ck_assert (!candour_output_check_path (db, path, TRUE, &error));
    }

  ck_assert_int_eq (link (database, hard), 0);
  ck_assert_int_eq (symlink ("area.db", soft), 0);
  ck_assert_int_eq (g_mkdir (sub, 0700), 0);
  ck_assert (!candour_output_check_path (db, hard, FALSE, NULL));
  ck_assert (!candour_output_check_path (db, soft, FALSE, NULL));
  ck_assert (!candour_output_check_path (db, around, FALSE, NULL));

  {
    g_autoptr(GError) error = NULL;
    ck_assert (!candour_output_check_path (db, "/dev/null", FALSE, &error));
    ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    ck_assert_str_eq (error->message, "/dev/null is a device, not a file, and Candour will not write "
                                      "over it. Nothing was written; name a file instead.");
  }
  ck_assert (!candour_output_check_path (db, sub, FALSE, NULL));
  ck_assert (candour_output_check_path (db, sub, TRUE, NULL));
  ck_assert (!candour_output_check_path (db, "", FALSE, NULL));
}
END_TEST

static guint
count_hidden (void)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.')
      n++;
  return n;
}

START_TEST (test_output_file_whole_or_nothing)
{
  g_autofree char *path = in_folder ("findings.csv");
  g_autofree char *text = NULL;
  GStatBuf st;

  ck_assert (g_file_set_contents (path, "the earlier file", -1, NULL));

  /* Abandoned half way: the earlier file stays, and nothing is left beside it. */
  {
    g_autoptr(CandourOutputFile) output = candour_output_file_new (NULL, path, NULL);

    ck_assert_ptr_nonnull (output);
    ck_assert (g_output_stream_write_all (candour_output_file_get_stream (output), "half", 4, NULL, NULL, NULL));
  }
  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  ck_assert_str_eq (text, "the earlier file");
  ck_assert_uint_eq (count_hidden (), 0);

  /* Committed: the new one, whole, for its owner only. */
  {
    g_autoptr(CandourOutputFile) output = candour_output_file_new (NULL, path, NULL);

    ck_assert (g_output_stream_write_all (candour_output_file_get_stream (output), "the new file", 12, NULL, NULL, NULL));
    ck_assert (candour_output_file_commit (output, NULL));
  }
  g_clear_pointer (&text, g_free);
  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  ck_assert_str_eq (text, "the new file");
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert_uint_eq (count_hidden (), 0);
}
END_TEST

/* A writer killed half way leaves its temporary file; the next write clears it. */
START_TEST (test_output_clears_what_killed_writers_left)
{
  g_autofree char *path = in_folder ("findings.csv");
  g_autofree char *abandoned = NULL;
  g_autofree char *live = NULL;
  int dead = 4194000;

  while (kill (dead, 0) == 0 || errno != ESRCH)
    dead--;
  abandoned = g_strdup_printf ("%s/.findings.csv.candour-%d-ABCDEF", folder, dead);
  live = g_strdup_printf ("%s/.findings.csv.candour-%d-GHIJKL", folder, (int)getppid ());
  ck_assert (g_file_set_contents (abandoned, "half a file", -1, NULL));
  ck_assert (g_file_set_contents (live, "someone else is writing", -1, NULL));

  {
    g_autoptr(CandourOutputFile) output = candour_output_file_new (NULL, path, NULL);
    ck_assert (candour_output_file_commit (output, NULL));
  }
  ck_assert (!g_file_test (abandoned, G_FILE_TEST_EXISTS));
  ck_assert (g_file_test (live, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_export_all_whole_or_nothing)
{
  g_autoptr(CandourDatabase) db = open_file ("area.db");
  g_autofree char *export = in_folder ("export");
  g_autofree char *notes = in_folder ("export/notes.txt");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n = 0;

  test_assert_imports (db, "organisations.csv", AREA_ORGANISATIONS, NULL);
  ck_assert_msg (candour_export_all (db, export, &error), "%s", error ? error->message : "");
  /* Again, over the earlier export: swapped in whole. */
  ck_assert_msg (candour_export_all (db, export, &error), "%s", error ? error->message : "");
  dir = g_dir_open (export, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n++;
  ck_assert_uint_eq (n, 9);
  ck_assert_uint_eq (count_hidden (), 0);

  /* A folder that holds something else is never written into, nor emptied. */
  ck_assert (g_file_set_contents (notes, "my notes", -1, NULL));
  ck_assert (!candour_export_all (db, export, &error));
  {
    g_autofree char *expected = g_strdup_printf ("%s already holds other things, such as “notes.txt”. "
                                                 "Nothing was written; write into a new or empty folder, "
                                                 "or one that holds only an earlier export from Candour.",
                                                 export);
    ck_assert_str_eq (error->message, expected);
  }
  ck_assert (g_file_get_contents (notes, &text, NULL, NULL));
  ck_assert_str_eq (text, "my notes");
  ck_assert_uint_eq (count_hidden (), 0);
}
END_TEST

/* Backups */

START_TEST (test_backup_and_restore)
{
  g_autofree char *path = in_folder ("area.db");
  g_autofree char *copy = in_folder ("copy.db");
  g_autofree char *kept_as = NULL;
  g_autoptr(CandourDatabase) db = open_file ("area.db");
  g_autoptr(GPtrArray) known = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *header = NULL;
  gsize length;

  test_assert_imports (db, "organisations.csv", AREA_ORGANISATIONS, NULL);
  ck_assert_msg (candour_backup_to_path (db, copy, &error), "%s", error ? error->message : "");

  /* One file that stands alone, and remembered. */
  ck_assert (g_file_get_contents (copy, &header, &length, NULL));
  ck_assert_int_eq (header[18], 1);
  ck_assert_int_eq (header[19], 1);
  known = candour_backup_list_known (path, db);
  ck_assert_uint_eq (known->len, 1);
  ck_assert_str_eq (((CandourKnownBackup *)known->pdata[0])->path, copy);

  test_assert_imports (db, "organisations.csv", "ref,name\nLATER,Added after the backup\n", NULL);
  g_clear_object (&db);

  ck_assert_msg (candour_backup_restore (path, copy, &kept_as, &error), "%s", error ? error->message : "");
  ck_assert (g_str_has_prefix (kept_as, path));
  ck_assert (g_file_test (kept_as, G_FILE_TEST_IS_REGULAR));

  db = candour_database_open_full (path, CANDOUR_OPEN_EXISTING, &error);
  ck_assert_ptr_nonnull (db);
  ck_assert_int_eq (test_query_int (db, "SELECT count(*) FROM organisation"), 3);
  g_clear_object (&db);

  /* The replaced file is all there, beside it. */
  db = candour_database_open_full (kept_as, CANDOUR_OPEN_EXISTING, &error);
  ck_assert_ptr_nonnull (db);
  ck_assert_int_eq (test_query_int (db, "SELECT count(*) FROM organisation"), 4);
}
END_TEST

/* Totals */

/* Figures over the ceiling can only come from another program; the reports then say
 * so in words instead of "integer overflow", and products compare exactly. */
START_TEST (test_totals_cannot_overflow)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CandourReconcileOptions options;

  test_assert_imports (db, "organisations.csv", AREA_ORGANISATIONS, "bids.csv", AREA_BIDS,
                       "bid_partners.csv", "bid_ref,partner_ref\nB1,P1\n",
                       "contracts.csv", AREA_CONTRACTS, "subcontracts.csv", AREA_SUBCONTRACTS, NULL);
  ck_assert (candour_database_exec (db, "INSERT INTO payment (subcontract_id, amount, paid_on) VALUES "
                                        "(1, 9000000000000000000, '2024-02-01'), (1, 9000000000000000000, '2024-03-01')",
                                    NULL));

  ck_assert_int_eq (test_query_int (db, "SELECT candour_products_less (9000000000000000000, 10000, "
                                   "9000000000000000001, 10000)"), 1);
  ck_assert_int_eq (test_query_int (db, "SELECT candour_products_less (9223372036854775807, 9223372036854775807, "
                                   "9223372036854775807, 9223372036854775806)"), 0);

  candour_reconcile_options_init (&options);
  options.as_of = g_strdup ("2024-06-30");
  report = candour_report_findings (db, &options, &error);
  candour_reconcile_options_clear (&options);
  ck_assert_ptr_nonnull (report);
  ck_assert (!candour_report_next (report, &error));
  ck_assert_error_matches (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_FAILED);
  ck_assert_str_eq (error->message, "Could not report on :memory:: a total is beyond what Candour can add up "
                                    "(over £92,000,000,000,000,000); some figures must be mistyped: check the "
                                    "database (candour-cli check lists figures over the ceiling).");

  /* An import adding to such a total says so in the same words, and imports nothing. */
  {
    g_autoptr(CandourImport) import = candour_import_new (db);
    g_autoptr(GBytes) bytes = g_bytes_new_static ("subcontract_ref,amount,paid_on\nS1,1.00,2024-04-01\n", 50);

    g_clear_error (&error);
    candour_import_add_data (import, "payments.csv", bytes);
    ck_assert (!candour_import_run (import, NULL, &error));
    ck_assert_str_eq (error->message, "Could not report on :memory:: a total is beyond what Candour can add up "
                                      "(over £92,000,000,000,000,000); some figures must be mistyped: check the "
                                      "database (candour-cli check lists figures over the ceiling).");
    ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM payment"), 2);
  }

  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    ck_assert (candour_integrity_check (db, problems, NULL, NULL));
    ck_assert_uint_eq (problems->len, 2);
    ck_assert_str_eq (problems->pdata[0], "Payment #1: amount (9000000000000000000 pence) is over Candour's "
                                          "ceiling of £1,000,000,000,000 for one figure");
  }
}
END_TEST

/* Imports */

START_TEST (test_one_file_per_table)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *problems = NULL;

  test_assert_imports (db, "organisations.csv", AREA_ORGANISATIONS, NULL);
  problems = test_import (db,
                          "payments.csv", "subcontract_ref,amount,paid_on\n",
                          "Payments.CSV", "subcontract_ref,amount,paid_on\n",
                          "organisations.csv", "ref,name\nX,Y\n",
                          "organisations.csv", "ref,name\nX,Y\n",
                          NULL);
  ck_assert_str_eq (problems,
                    "Payments.CSV:1:1: payments.csv holds payments too; import one file per table at a time "
                    "(one import after the other, if both are meant)\n"
                    "organisations.csv:1:1: this file is named twice; name it once");
}
END_TEST

START_TEST (test_characters_that_show_as_something_else)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *problems = NULL;

  /* A no-break space and a byte-order mark around a heading are trimmed. */
  test_assert_imports (db, "organisations.csv", "\xC2\xA0ref\xEF\xBB\xBF,name \xE2\x80\x8B\nA1,\xC2\xA0Trust\xC2\xA0\n", NULL);
  ck_assert_int_eq (test_query_int (db, "SELECT length (name) FROM organisation WHERE ref = 'A1'"), 5);

  problems = test_import (db, "organisations.csv",
                          "ref,name,notes\n"
                          "A2,Esc \x1B[31mape,\n"
                          "A3,\xE2\x80\xAEtsurT,\n"
                          "A\xE2\x80\x8B" "4,Zero width in the ref,\n"
                          "A\xC2\xA0" "5,No-break space in the ref,\n"
                          "A6,Notes may hold lines,\"one\nand two\tand a tab\"\n",
                          NULL);
  ck_assert_str_eq (problems,
                    "organisations.csv:2:2: name holds U+001B (escape) at character 5: a control character, "
                    "which never belongs in a name or a ref; remove it\n"
                    "organisations.csv:3:2: name holds U+202E (right-to-left override) at character 1: a "
                    "direction control, which can make text show differently from what it says; remove it\n"
                    "organisations.csv:4:1: ref holds U+200B (zero-width space) at character 2: a character "
                    "that cannot be told from a space, or cannot be seen at all, so two refs that look the "
                    "same would differ; remove it\n"
                    "organisations.csv:5:1: ref holds U+00A0 (no-break space) at character 2: a character "
                    "that cannot be told from a space, or cannot be seen at all, so two refs that look the "
                    "same would differ; remove it");
}
END_TEST

static char *
import_warnings (CandourDatabase *db,
                 const char      *name,
                 const char      *text)
{
  g_autoptr(CandourImport) import = candour_import_new (db);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings;
  GString *out = g_string_new (NULL);

  candour_import_add_data (import, name, bytes);
  ck_assert_msg (candour_import_run (import, NULL, &error), "%s", error ? error->message : "");
  warnings = candour_import_get_warnings (import);
  ck_assert_uint_eq (warnings->len, candour_import_get_n_warnings (import));
  for (guint i = 0; i < warnings->len; i++)
    g_string_append_printf (out, "%s\n", (const char *)warnings->pdata[i]);
  return g_string_free (out, FALSE);
}

START_TEST (test_odd_rows_are_imported_with_a_warning)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *future = NULL;
  g_autofree char *future_shown = NULL;
  g_autofree char *payments = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_years (now, 1);

  test_assert_imports (db, "organisations.csv", AREA_ORGANISATIONS "P2,Other Charity,charity,1000\n",
                       "bids.csv", AREA_BIDS, "contracts.csv", AREA_CONTRACTS,
                       "subcontracts.csv", AREA_SUBCONTRACTS, NULL);

  warnings = import_warnings (db, "bid_partners.csv",
                              "bid_ref,partner_ref,promised_share\nB1,P1,60\nB1,P2,55.5\n");
  ck_assert_str_eq (warnings, "bid_partners.csv: bid 'B1' promises its partners 115.5% of the contract "
                              "between them, more than all of it\n");
  g_clear_pointer (&warnings, g_free);

  future = g_date_time_format (later, "%Y-%m-%d");
  future_shown = g_date_time_format (later, "%d/%m/%Y");
  payments = g_strdup_printf ("subcontract_ref,amount,paid_on,invoiced_on\n"
                              "S1,100.00,1999-12-31,\n"
                              "S1,100.00,%s,\n"
                              "S1,100.00,2024-05-01,2024-05-20\n"
                              "S1,100.00,2025-02-15,\n"
                              "S1,100.00,2025-01-30,\n"
                              "S1,20000.00,2024-06-01,\n", future);
  warnings = import_warnings (db, "payments.csv", payments);
  expected = g_strdup_printf ("payments.csv:2:3: paid_on (31/12/1999) is before 2000; check the year\n"
                              "payments.csv:3:3: paid_on (%s) is in the future\n"
                              "payments.csv:3:3: paid_on (%s) is more than the payment terms (30 days) after "
                              "subcontract 'S1' ended (31/12/2024)\n"
                              "payments.csv:4:4: invoiced_on (20/05/2024) is after paid_on (01/05/2024): the "
                              "payment counts as made in advance, within 30 days\n"
                              "payments.csv:5:3: paid_on (15/02/2025) is more than the payment terms (30 days) "
                              "after subcontract 'S1' ended (31/12/2024)\n"
                              "payments.csv: subcontract 'S1' has now been paid £20,500.00 in all, more than "
                              "its value (£20,000.00)\n", future_shown, future_shown);
  ck_assert_str_eq (warnings, expected);
  g_clear_pointer (&warnings, g_free);

  /* The payments of earlier imports count too, with no subcontracts file in the run. */
  warnings = import_warnings (db, "payments.csv", "subcontract_ref,amount,paid_on\nS1,300.00,2024-06-02\n");
  ck_assert_str_eq (warnings, "payments.csv: subcontract 'S1' has now been paid £20,800.00 in all, more than "
                              "its value (£20,000.00)\n");
}
END_TEST

Suite *
candour_reliability_suite (void)
{
  Suite *suite = suite_create ("reliability");
  TCase *tc = tcase_create ("reliability");

  tcase_add_checked_fixture (tc, set_up, tear_down);
  tcase_add_test (tc, test_ids_never_reused);
  tcase_add_test (tc, test_version_2_upgrades);
  tcase_add_test (tc, test_other_programs_are_audited);
  tcase_add_test (tc, test_check_finds_and_repairs_schema);
  tcase_add_test (tc, test_damaged_headers_refused);
  tcase_add_test (tc, test_check_reads_the_header_in_use);
  tcase_add_test (tc, test_output_refuses_database_files);
  tcase_add_test (tc, test_output_file_whole_or_nothing);
  tcase_add_test (tc, test_output_clears_what_killed_writers_left);
  tcase_add_test (tc, test_export_all_whole_or_nothing);
  tcase_add_test (tc, test_backup_and_restore);
  tcase_add_test (tc, test_totals_cannot_overflow);
  tcase_add_test (tc, test_one_file_per_table);
  tcase_add_test (tc, test_characters_that_show_as_something_else);
  tcase_add_test (tc, test_odd_rows_are_imported_with_a_warning);
  suite_add_tcase (suite, tc);
  return suite;
}
