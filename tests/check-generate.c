/* check-generate.c: the dataset generator, its files, and what Candour makes of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "check-suites.h"
#include "test-util.h"
#include "candour-generate.h"
#include "candour-import.h"
#include "candour-percent.h"
#include "candour-reports.h"

static char *
file_path (const char   *folder,
           CandourTable  table)
{
  g_autofree char *name = g_strconcat (candour_table_get_name (table), ".csv", NULL);

  return g_build_filename (folder, name, NULL);
}

static GBytes *
read_table (const char   *folder,
            CandourTable  table)
{
  g_autofree char *path = file_path (folder, table);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  ck_assert_msg (g_file_get_contents (path, &contents, &length, &error), "%s", error ? error->message : "");
  return g_bytes_new_take (contents, length);
}

static char *
generate (const char *parent,
          const char *name,
          double      scale,
          guint64     seed,
          guint      *counts)
{
  char *folder = g_build_filename (parent, name, NULL);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (candour_generate (folder, scale, seed, counts, NULL, &error), "%s", error ? error->message : "");
  return folder;
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  ck_assert_ptr_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The same seed gives the same bytes, here and on any machine: the digests are the
 * files' as first written. A change of the generator that changes them changes every
 * dataset made with it, and should say so. */
START_TEST (test_same_seed_same_bytes)
{
  static const char * const digests[CANDOUR_N_TABLES] = {
    "8171f9d63e4421446d4b4a8799b7dea91cfb8cb6c49e2384e85cc1817b034afd",
    "9edac424174cea42871abbf31a38103abee8741f5c87ae30b11e9aa5c9ea4b92",
    "a71b0fc14f772035775ac20a8900357c244ff721021de3ad04d9257ff47a34bb",
    "5d65f18b878d235e5febd61877850506a62908b5ef14dc41021cb94933de94db",
    "39eb9c1c89fe75da1cabc3a329683b36447e7540094f03978d97ae50cf14b7fd",
    "79d63929a3e5c580bb20c484801e0e628cadd4e549efd186db7e0036b705d8a2",
    "140070d39e4150b5a7d37048db0cb2658aa7703712a8f3056765664d9e647183",
    "68a37f426e866cc1b74072e2abf22fd45a76bbb3e26e9d93ad7e634ef9480677",
  };
  g_autofree char *parent = test_make_temp_dir ();
  g_autofree char *first = generate (parent, "first", 0.01, 1, NULL);
  g_autofree char *again = generate (parent, "again", 0.01, 1, NULL);
  g_autofree char *other = generate (parent, "other", 0.01, 2, NULL);

  for (CandourTable t = 0; t < CANDOUR_N_TABLES; t++)
    {
      g_autoptr(GBytes) one = read_table (first, t);
      g_autoptr(GBytes) two = read_table (again, t);
      g_autoptr(GBytes) three = read_table (other, t);
      g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, one);

      ck_assert_msg (g_bytes_equal (one, two), "%s differs between two runs", candour_table_get_name (t));
      ck_assert_msg (!g_bytes_equal (one, three), "%s is the same for seeds 1 and 2", candour_table_get_name (t));
      ck_assert_str_eq (digest, digests[t]);
    }

  test_remove_tree (parent);
}
END_TEST

/* "status count, ..." over the findings, in the engine's order of statuses. */
static char *
status_counts (CandourDatabase *db)
{
  static const char * const statuses[] = {
    "honoured", "short_changed", "underpaid", "bid_candy", "awaiting_subcontract", "pending", "not_awarded",
  };
  CandourReconcileOptions options;
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint counts[G_N_ELEMENTS (statuses)] = { 0 };

  candour_reconcile_options_init (&options);
  options.as_of = g_strdup (CANDOUR_GENERATE_SNAPSHOT);
  options.include_not_awarded = TRUE;
  report = candour_report_findings (db, &options, &error);
  ck_assert_msg (report != NULL, "%s", error ? error->message : "");

  while (candour_report_next (report, &error))
    {
      const char *status = candour_report_get_text (report, CANDOUR_FINDING_STATUS);
      guint s = 0;

      while (s < G_N_ELEMENTS (statuses) && !g_str_equal (status, statuses[s]))
        s++;
      ck_assert_msg (s < G_N_ELEMENTS (statuses), "unknown status %s", status);
      counts[s]++;
    }
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  candour_reconcile_options_clear (&options);

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    g_string_append_printf (text, "%s%s %u", s > 0 ? ", " : "", statuses[s], counts[s]);
  return g_strdup (text->str);
}

START_TEST (test_small_country_imports_and_shows_every_status)
{
  static const guint expected[CANDOUR_N_TABLES] = { 500, 3, 36, 200, 909, 150, 452, 10000 };
  g_autofree char *parent = test_make_temp_dir ();
  guint counts[CANDOUR_N_TABLES];
  g_autofree char *folder = generate (parent, "country", 0.01, 1, counts);
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(CandourImport) import = candour_import_new (db);
  g_autoptr(GError) error = NULL;
  g_autofree char *statuses = NULL;

  /* The counts said are the rows written, one a line after the header. */
  for (CandourTable t = 0; t < CANDOUR_N_TABLES; t++)
    {
      g_autoptr(GBytes) bytes = read_table (folder, t);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      guint lines = 0;

      for (gsize i = 0; i < size; i++)
        lines += data[i] == '\n';
      ck_assert_uint_eq (counts[t], expected[t]);
      ck_assert_uint_eq (lines, expected[t] + 1);
    }

  ck_assert (candour_import_add_path (import, folder, &error));
  ck_assert_msg (candour_import_run (import, NULL, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (candour_import_get_problems (import)->len, 0);
  for (CandourTable t = 0; t < CANDOUR_N_TABLES; t++)
    ck_assert_uint_eq (candour_import_get_count (import, t), expected[t]);

  statuses = status_counts (db);
  ck_assert_str_eq (statuses, "honoured 211, short_changed 135, underpaid 37, bid_candy 267, "
                              "awaiting_subcontract 11, pending 21, not_awarded 227");

  /* A bid never promises its partners more than all of it. */
  ck_assert_int_le (test_query_int (db, "SELECT max (total) FROM (SELECT sum (promised_share) AS total "
                                   "FROM bid_partner GROUP BY bid_id)"), CANDOUR_PERCENT_WHOLE);
  ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM bid_partner WHERE promised_share IS NOT NULL"), 296);

  /* Three in four bids won; one payment in twenty from a commissioner; refunds. */
  ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM bid WHERE outcome = 'won'"), 150);
  ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM payment WHERE contract_id IS NOT NULL"), 500);
  ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM payment WHERE amount < 0"), 90);
  ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM contract WHERE bid_id IS NULL"), 1);
  ck_assert_int_eq (test_query_int (db, "SELECT max (paid_on) = '" CANDOUR_GENERATE_SNAPSHOT "' FROM payment"), 1);

  test_remove_tree (parent);
}
END_TEST

START_TEST (test_refuses_a_folder_with_files)
{
  g_autofree char *parent = test_make_temp_dir ();
  g_autofree char *full = g_build_filename (parent, "full", NULL);
  g_autofree char *kept = g_build_filename (full, "notes.txt", NULL);
  g_autofree char *plain = g_build_filename (parent, "plain.txt", NULL);
  g_autofree char *empty = g_build_filename (parent, "empty", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (g_mkdir (full, 0700), 0);
  ck_assert (g_file_set_contents (kept, "mine", -1, NULL));
  ck_assert (!candour_generate (full, 0.01, 1, NULL, NULL, &error));
  ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  message = g_strdup_printf ("%s already holds files; name a new folder", full);
  ck_assert_str_eq (error->message, message);
  ck_assert_uint_eq (count_entries (full), 1);
  g_clear_error (&error);
  g_free (message);

  ck_assert (g_file_set_contents (plain, "mine", -1, NULL));
  ck_assert (!candour_generate (plain, 0.01, 1, NULL, NULL, &error));
  ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  message = g_strdup_printf ("%s already exists and is not a folder; name a new folder", plain);
  ck_assert_str_eq (error->message, message);
  g_clear_error (&error);

  /* An empty folder is as good as a new one; nothing is left beside it. */
  ck_assert_int_eq (g_mkdir (empty, 0700), 0);
  ck_assert (candour_generate (empty, 0.01, 1, NULL, NULL, &error));
  ck_assert_uint_eq (count_entries (empty), CANDOUR_N_TABLES);
  ck_assert_uint_eq (count_entries (parent), 3);

  test_remove_tree (parent);
}
END_TEST

START_TEST (test_cancelled_leaves_nothing)
{
  g_autofree char *parent = test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (parent, "country", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ck_assert (!candour_generate (folder, 0.01, 1, NULL, cancellable, &error));
  ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  ck_assert_uint_eq (count_entries (parent), 0);

  test_remove_tree (parent);
}
END_TEST

Suite *
candour_generate_suite (void)
{
  Suite *suite = suite_create ("generate");
  TCase *tc = tcase_create ("generate");

  /* Each test writes and imports a small country: a second, ten under the sanitizers. */
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_same_seed_same_bytes);
  tcase_add_test (tc, test_small_country_imports_and_shows_every_status);
  tcase_add_test (tc, test_refuses_a_folder_with_files);
  tcase_add_test (tc, test_cancelled_leaves_nothing);
  suite_add_tcase (suite, tc);
  return suite;
}
