/* check-export.c: exports in the import format round-trip exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <glib/gstdio.h>

#include "check-suites.h"
#include "test-util.h"
#include "candour-demo.h"
#include "candour-export.h"
#include "candour-import.h"

static char *
read_file (const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  char *contents = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, NULL, NULL), "cannot read %s", path);
  return contents;
}

START_TEST (test_export_import_round_trips)
{
  g_autoptr(CandourDatabase) original = test_open_memory_database ();
  g_autoptr(CandourDatabase) copy = test_open_memory_database ();
  g_autoptr(CandourImport) import = candour_import_new (copy);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = test_make_temp_dir ();
  g_autofree char *second = test_make_temp_dir ();

  ck_assert (candour_demo_load (original, "2025-06-30", &error));
  /* Text that only survives if quoting and the formula guard are undone on the way in. */
  test_assert_imports (original, "organisations.csv",
                       "ref,name,notes\n"
                       "ODD-1,\"=Equals, \"\"quoted\"\" Trust\",\"two\nlines\"\n"
                       "ODD-2,-Dash Group,@mention\n", NULL);

  ck_assert_msg (candour_export_all (original, first, &error), "%s", error ? error->message : "");
  ck_assert_msg (candour_import_add_path (import, first, &error), "%s", error ? error->message : "");
  ck_assert_msg (candour_import_run (import, NULL, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_ORGANISATIONS), 43);
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_PAYMENTS), 198);
  ck_assert (candour_export_all (copy, second, &error));

  for (guint t = 0; t < CANDOUR_N_TABLES; t++)
    {
      g_autofree char *name = g_strconcat (candour_table_get_name (t), ".csv", NULL);
      g_autofree char *a = read_file (first, name);
      g_autofree char *b = read_file (second, name);
      ck_assert_str_eq (a, b);
    }

  test_remove_tree (first);
  test_remove_tree (second);
}
END_TEST

START_TEST (test_export_format)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *folder = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (folder, "orgs.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  test_assert_imports (db, "organisations.csv",
                       "ref,name,annual_income,kind\nA,\"Alpha, Beta\",\"£1,234.5\",CIC\n"
                       "B,=SUM(A1),,\n", NULL);
  ck_assert (candour_export_to_path (db, CANDOUR_TABLE_ORGANISATIONS, path, &error));

  text = read_file (folder, "orgs.csv");
  ck_assert_str_eq (text, "\xEF\xBB\xBFref,name,org_id,kind,annual_income,locality,led_by,notes\r\n"
                          "A,\"Alpha, Beta\",,cic,1234.50,,,\r\n"
                          "B,'=SUM(A1),,other,,,,\r\n");

  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  test_remove_tree (folder);
}
END_TEST

Suite *
candour_export_suite (void)
{
  Suite *suite = suite_create ("export");
  TCase *tc = tcase_create ("export");

  tcase_add_test (tc, test_export_import_round_trips);
  tcase_add_test (tc, test_export_format);
  suite_add_tcase (suite, tc);
  return suite;
}
