/* check-xlsx.c: spreadsheets read back cell by cell
 *
 * Each workbook is unzipped (unzip -p) and its XML checked exactly: money, dates and
 * percentages are numbers in their styles, text is text whatever it looks like, the
 * header is frozen and filtered, every row is there, and a failed write leaves the
 * file that was there before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "check-suites.h"
#include "test-util.h"
#include "candour-demo.h"
#include "candour-export.h"
#include "candour-generate.h"
#include "candour-import.h"
#include "candour-reports.h"
#include "candour-xlsx-writer.h"

#define TODAY "2025-06-30"

/* The styles the writer registers, in order (candour-xlsx-writer.c). */
#define HEADER "1"
#define MONEY "2"
#define DATE "3"
#define PERCENT_TENTHS "4"
#define PERCENT_EXACT "5"
#define COUNT "7"

static char *
read_sheet (const char *xlsx,
            guint       number)
{
  g_autofree char *part = g_strdup_printf ("xl/worksheets/sheet%u.xml", number);

  return test_read_zip_part (xlsx, part);
}

/* The XML of the cell at ref ("B2"), or "" when the cell was left empty. */
static char *
cell (const char *sheet,
      const char *ref)
{
  g_autofree char *open = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *start = strstr (sheet, open);
  const char *next;
  const char *row_end;

  if (start == NULL)
    return g_strdup ("");
  next = strstr (start + 1, "<c ");
  row_end = strstr (start, "</row>");
  ck_assert_ptr_nonnull (row_end);
  if (next == NULL || row_end < next)
    next = row_end;
  return g_strndup (start, next - start);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The value of attribute name in the element that starts at element. */
static char *
attribute (const char *element,
           const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *end = strchr (element, '>');
  const char *start = strstr (element, key);

  if (start == NULL || start > end)
    return NULL;
  start += strlen (key);
  return g_strndup (start, strchr (start, '"') - start);
}

/* The number format of style s (a cell's s="…"): its formatCode, or "bold" for the
 * header's bold font with the general format. */
static char *
style (const char *styles,
       guint       s)
{
  const char *xf = strstr (styles, "<cellXfs");
  g_autofree char *format_id = NULL;
  g_autofree char *font_id = NULL;
  g_autofree char *wanted = NULL;
  const char *format;

  ck_assert_ptr_nonnull (xf);
  for (guint i = 0; i <= s; i++)
    {
      xf = strstr (xf + 1, "<xf ");
      ck_assert_ptr_nonnull (xf);
    }
  format_id = attribute (xf, "numFmtId");
  font_id = attribute (xf, "fontId");
  if (g_str_equal (format_id, "0"))
    {
      /* The second font is the bold one. */
      ck_assert_ptr_nonnull (strstr (styles, "<font><b/>"));
      return g_strdup (g_str_equal (font_id, "1") ? "bold" : "general");
    }
  wanted = g_strdup_printf ("<numFmt numFmtId=\"%s\"", format_id);
  format = strstr (styles, wanted);
  ck_assert_ptr_nonnull (format);
  return attribute (format, "formatCode");
}

#define ck_assert_cell(sheet, ref, expected) \
  G_STMT_START { \
    g_autofree char *cell_ = cell ((sheet), (ref)); \
    ck_assert_str_eq (cell_, (expected)); \
  } G_STMT_END

#define ck_assert_style(styles, s, expected) \
  G_STMT_START { \
    g_autofree char *style_ = style ((styles), (s)); \
    ck_assert_str_eq (style_, (expected)); \
  } G_STMT_END

static gboolean
has_hidden_file (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  ck_assert_ptr_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.')
      return TRUE;
  return FALSE;
}

static CandourDatabase *
open_demo (void)
{
  CandourDatabase *db = test_open_memory_database ();
  g_autoptr(GError) error = NULL;

  ck_assert_msg (candour_demo_load (db, TODAY, &error), "%s", error ? error->message : "");
  return db;
}

/* The scorecard on the demo, as src/core/demo/EXPECTED.md works it out: Corvane
 * promised £215,000.00, subcontracted £159,000.00, paid £64,249.85; promise kept 74.0%. */
START_TEST (test_scorecard_sheet)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autofree char *folder = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (folder, "scorecard.xlsx", NULL);
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *core = NULL;
  CandourReconcileOptions options;
  GStatBuf st;

  candour_reconcile_options_init (&options);
  options.as_of = g_strdup (TODAY);
  report = candour_report_scorecard (db, &options, &error);
  candour_reconcile_options_clear (&options);
  ck_assert_msg (report != NULL, "%s", error ? error->message : "");
  ck_assert_msg (candour_xlsx_write_report (report, path, "Lead Provider Scorecard", "Harrowfield demo",
                                            "scorecard", NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_uint_eq (st.st_mode & 0777, 0600);
  ck_assert (!has_hidden_file (folder));

  sheet = read_sheet (path, 1);
  styles = test_read_zip_part (path, "xl/styles.xml");
  workbook = test_read_zip_part (path, "xl/workbook.xml");
  core = test_read_zip_part (path, "docProps/core.xml");

  /* The header: bold, frozen, filtered. */
  ck_assert_cell (sheet, "A1", "<c r=\"A1\" s=\"" HEADER "\" t=\"inlineStr\"><is><t>lead_ref</t></is></c>");
  ck_assert_cell (sheet, "N1", "<c r=\"N1\" s=\"" HEADER "\" t=\"inlineStr\"><is><t>promise_kept_percent</t></is></c>");
  ck_assert_ptr_nonnull (strstr (sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
  ck_assert_ptr_nonnull (strstr (sheet, "<autoFilter ref=\"A1:N6\"/>"));
  ck_assert_ptr_nonnull (strstr (workbook, "<sheet name=\"scorecard\" sheetId=\"1\" r:id=\"rId1\"/>"));

  /* Five lead providers under the header. */
  ck_assert_uint_eq (count (sheet, "<row "), 6);
  ck_assert_ptr_nonnull (strstr (sheet, "<dimension ref=\"A1:N6\"/>"));

  ck_assert_cell (sheet, "A2", "<c r=\"A2\" t=\"inlineStr\"><is><t>ORG-CORVANE</t></is></c>");
  ck_assert_cell (sheet, "C2", "<c r=\"C2\" s=\"" COUNT "\"><v>1</v></c>");
  ck_assert_cell (sheet, "D2", "<c r=\"D2\" s=\"" COUNT "\"><v>4</v></c>");
  ck_assert_cell (sheet, "K2", "<c r=\"K2\" s=\"" MONEY "\"><v>215000</v></c>");
  ck_assert_cell (sheet, "L2", "<c r=\"L2\" s=\"" MONEY "\"><v>159000</v></c>");
  ck_assert_cell (sheet, "M2", "<c r=\"M2\" s=\"" MONEY "\"><v>64249.85</v></c>");
  ck_assert_cell (sheet, "N2", "<c r=\"N2\" s=\"" PERCENT_TENTHS "\"><v>0.74</v></c>");

  ck_assert_style (styles, 1, "bold");
  ck_assert_style (styles, 2, "£#,##0.00;-£#,##0.00");
  ck_assert_style (styles, 3, "dd/mm/yyyy");
  ck_assert_style (styles, 4, "0.0%");
  ck_assert_style (styles, 5, "0.00%");
  ck_assert_style (styles, 6, "0.0");
  ck_assert_style (styles, 7, "#,##0");

  /* As wide as "Harrowfield Community Advice Centre" (35), and one more. */
  ck_assert_ptr_nonnull (strstr (sheet, "<col min=\"2\" max=\"2\" width=\"36.7109375\" customWidth=\"1\"/>"));
  /* "£215,000.00" (11) is narrower than its header with the filter's button (8 + 3). */
  ck_assert_ptr_nonnull (strstr (sheet, "<col min=\"11\" max=\"11\" width=\"12.7109375\" customWidth=\"1\"/>"));

  ck_assert_ptr_nonnull (strstr (core, "<dc:title>Lead Provider Scorecard</dc:title>"));
  ck_assert_ptr_nonnull (strstr (core, "<dc:subject>Harrowfield demo</dc:subject>"));
  ck_assert_ptr_nonnull (strstr (core, "<dc:creator>Candour</dc:creator>"));

  test_remove_tree (folder);
}
END_TEST

/* Every table a sheet; text that looks like a number, a formula or a date stays the
 * text it is, and nothing anywhere is a formula. */
START_TEST (test_export_all_cells)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autofree char *folder = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (folder, "Harrowfield.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *organisations = NULL;
  g_autofree char *consortia = NULL;
  g_autofree char *bid_partners = NULL;
  g_autofree char *contracts = NULL;
  g_autofree char *payments = NULL;
  g_autofree char *long_note = g_strnfill (200, 'x');
  g_autofree char *organisations_csv = NULL;

  organisations_csv = g_strdup_printf ("ref,name,org_id,notes,annual_income\n"
                                       "0123,=1+1,1E5,=SUM(1),\"£1,234.5\"\n"
                                       "0124,01/04/2025,007,%s,\n", long_note);
  test_assert_imports (db, "organisations.csv", organisations_csv,
                       "payments.csv", "ref,contract_ref,amount,paid_on\nPAY-XLSX,CON-02,-1234.56,01/04/2025\n",
                       NULL);

  ck_assert_msg (candour_export_all_xlsx (db, path, NULL, &error), "%s", error ? error->message : "");

  workbook = test_read_zip_part (path, "xl/workbook.xml");
  ck_assert_ptr_nonnull (strstr (workbook,
    "<sheets><sheet name=\"organisations\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"consortia\" sheetId=\"2\" r:id=\"rId2\"/>"
    "<sheet name=\"consortium_members\" sheetId=\"3\" r:id=\"rId3\"/>"
    "<sheet name=\"bids\" sheetId=\"4\" r:id=\"rId4\"/>"
    "<sheet name=\"bid_partners\" sheetId=\"5\" r:id=\"rId5\"/>"
    "<sheet name=\"contracts\" sheetId=\"6\" r:id=\"rId6\"/>"
    "<sheet name=\"subcontracts\" sheetId=\"7\" r:id=\"rId7\"/>"
    "<sheet name=\"payments\" sheetId=\"8\" r:id=\"rId8\"/>"
    "<sheet name=\"audit\" sheetId=\"9\" r:id=\"rId9\"/></sheets>"));

  /* Ordered by ref: "0123" and "0124" come before the demo's ORG-…. */
  organisations = read_sheet (path, 1);
  ck_assert_cell (organisations, "A1", "<c r=\"A1\" s=\"" HEADER "\" t=\"inlineStr\"><is><t>ref</t></is></c>");
  ck_assert_cell (organisations, "A2", "<c r=\"A2\" t=\"inlineStr\"><is><t>0123</t></is></c>");
  ck_assert_cell (organisations, "B2", "<c r=\"B2\" t=\"inlineStr\"><is><t>=1+1</t></is></c>");
  ck_assert_cell (organisations, "C2", "<c r=\"C2\" t=\"inlineStr\"><is><t>1E5</t></is></c>");
  ck_assert_cell (organisations, "D2", "<c r=\"D2\" t=\"inlineStr\"><is><t>other</t></is></c>");
  ck_assert_cell (organisations, "E2", "<c r=\"E2\" s=\"" MONEY "\"><v>1234.5</v></c>");
  ck_assert_cell (organisations, "F2", "");
  ck_assert_cell (organisations, "H2", "<c r=\"H2\" t=\"inlineStr\"><is><t>=SUM(1)</t></is></c>");
  ck_assert_cell (organisations, "B3", "<c r=\"B3\" t=\"inlineStr\"><is><t>01/04/2025</t></is></c>");
  ck_assert_cell (organisations, "C3", "<c r=\"C3\" t=\"inlineStr\"><is><t>007</t></is></c>");
  ck_assert_uint_eq (count (organisations, "<row "), 1 + 43);
  /* The 200-character note: its column stops at 60. */
  ck_assert_ptr_nonnull (strstr (organisations, "<col min=\"8\" max=\"8\" width=\"60.7109375\" customWidth=\"1\"/>"));

  consortia = read_sheet (path, 2);
  ck_assert_cell (consortia, "E2", "<c r=\"E2\" t=\"inlineStr\"><is><t>yes</t></is></c>");
  ck_assert_cell (consortia, "F2", "<c r=\"F2\" s=\"" DATE "\"><v>44938</v></c>");

  /* BID-01 promised ORG-ACWH 5% of the contract. */
  bid_partners = read_sheet (path, 5);
  ck_assert_cell (bid_partners, "A2", "<c r=\"A2\" t=\"inlineStr\"><is><t>BID-01</t></is></c>");
  ck_assert_cell (bid_partners, "B2", "<c r=\"B2\" t=\"inlineStr\"><is><t>ORG-ACWH</t></is></c>");
  ck_assert_cell (bid_partners, "E2", "<c r=\"E2\" s=\"" PERCENT_EXACT "\"><v>0.05</v></c>");

  contracts = read_sheet (path, 6);
  ck_assert_cell (contracts, "F2", "<c r=\"F2\" s=\"" MONEY "\"><v>2400000</v></c>");
  ck_assert_cell (contracts, "G2", "<c r=\"G2\" s=\"" DATE "\"><v>45198</v></c>");
  ck_assert_cell (contracts, "J2", "<c r=\"J2\" s=\"" PERCENT_EXACT "\"><v>0.25</v></c>");

  /* The demo's 198 payments and the refund, last by id: 01/04/2025 is day 45748. */
  payments = read_sheet (path, 8);
  ck_assert_uint_eq (count (payments, "<row "), 1 + 199);
  ck_assert_cell (payments, "A200", "<c r=\"A200\" t=\"inlineStr\"><is><t>PAY-XLSX</t></is></c>");
  ck_assert_cell (payments, "D200", "<c r=\"D200\" s=\"" MONEY "\"><v>-1234.56</v></c>");
  ck_assert_cell (payments, "E200", "<c r=\"E200\" s=\"" DATE "\"><v>45748</v></c>");
  ck_assert_cell (payments, "F200", "");
  ck_assert_cell (payments, "E2", "<c r=\"E2\" s=\"" DATE "\"><v>45249</v></c>");

  for (guint i = 1; i <= CANDOUR_N_TABLES + 1; i++)
    {
      g_autofree char *sheet = read_sheet (path, i);

      ck_assert_msg (strstr (sheet, "<f>") == NULL, "sheet %u holds a formula", i);
      ck_assert_msg (strstr (sheet, "<pane ySplit=\"1\"") != NULL, "sheet %u has no frozen header", i);
      ck_assert_msg (strstr (sheet, "<autoFilter ref=\"A1:") != NULL, "sheet %u has no filter", i);
    }

  test_remove_tree (folder);
}
END_TEST

/* A generated area (scale 0.01: 500 organisations, 10,000 payments): every row of
 * every table is in its sheet. */
START_TEST (test_export_all_every_row)
{
  static const char * const last_column = "HHDHFKGF";
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(CandourImport) import = candour_import_new (db);
  g_autofree char *folder = test_make_temp_dir ();
  g_autofree char *country = g_build_filename (folder, "country", NULL);
  g_autofree char *path = g_build_filename (folder, "country.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  guint counts[CANDOUR_N_TABLES];

  ck_assert_msg (candour_generate (country, 0.01, 1, counts, NULL, &error), "%s", error ? error->message : "");
  ck_assert_msg (candour_import_add_path (import, country, &error), "%s", error ? error->message : "");
  ck_assert_msg (candour_import_run (import, NULL, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (counts[CANDOUR_TABLE_PAYMENTS], 10000);

  ck_assert_msg (candour_export_all_xlsx (db, path, NULL, &error), "%s", error ? error->message : "");

  for (guint t = 0; t < CANDOUR_N_TABLES; t++)
    {
      g_autofree char *sheet = read_sheet (path, t + 1);
      g_autofree char *dimension = g_strdup_printf ("<dimension ref=\"A1:%c%u\"/>", last_column[t], counts[t] + 1);

      ck_assert_msg (count (sheet, "<row ") == counts[t] + 1, "%s: %u rows, expected %u",
                     candour_table_get_name (t), count (sheet, "<row "), counts[t] + 1);
      ck_assert_msg (strstr (sheet, dimension) != NULL, "%s: no %s", candour_table_get_name (t), dimension);
    }

  test_remove_tree (folder);
}
END_TEST

/* A database with nothing in it: a header on every sheet, filtered and frozen. */
START_TEST (test_export_all_empty)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *folder = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (folder, "empty.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *payments = NULL;

  ck_assert_msg (candour_export_all_xlsx (db, path, NULL, &error), "%s", error ? error->message : "");
  payments = read_sheet (path, 8);
  ck_assert_uint_eq (count (payments, "<row "), 1);
  ck_assert_ptr_nonnull (strstr (payments, "<autoFilter ref=\"A1:F1\"/>"));
  ck_assert_ptr_nonnull (strstr (payments, "<pane ySplit=\"1\""));

  test_remove_tree (folder);
}
END_TEST

static void
assert_file_holds (const char *path,
                   const char *expected)
{
  g_autofree char *text = NULL;

  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  ck_assert_str_eq (text, expected);
}

/* When writing fails, the file there before is as it was and nothing is left beside it. */
START_TEST (test_failure_leaves_target)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autofree char *folder = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (folder, "export.xlsx", NULL);
  g_autofree char *missing = g_build_filename (folder, "not there", "export.xlsx", NULL);
  g_autofree char *huge = g_strnfill (40000, 'y');
  g_autofree char *expected = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CandourQuery *query;

  ck_assert (g_file_set_contents (path, "the earlier export", -1, NULL));

  /* Cancelled half way (as the window's Cancel does). */
  g_cancellable_cancel (cancellable);
  ck_assert (!candour_export_all_xlsx (db, path, cancellable, &error));
  ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_file_holds (path, "the earlier export");
  ck_assert (!has_hidden_file (folder));
  g_clear_error (&error);

  /* A folder that is not there. */
  ck_assert (!candour_export_all_xlsx (db, missing, NULL, &error));
  ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  expected = g_strdup_printf ("Could not write %s: the folder %s/not there does not exist. Nothing was "
                              "written; create the folder first, or choose another.", missing, folder);
  ck_assert_str_eq (error->message, expected);
  g_clear_error (&error);
  g_clear_pointer (&expected, g_free);

  /* More text than a cell holds, in the organisations sheet (ORG-AMBERLEA, in the row
   * a spreadsheet numbers 3), written well after the workbook was started. */
  query = candour_database_query (db, "UPDATE organisation SET notes = :notes WHERE ref = 'ORG-AMBERLEA'", &error);
  ck_assert_ptr_nonnull (query);
  candour_query_bind_text (query, ":notes", huge);
  ck_assert_int_eq (candour_query_step (query, &error), CANDOUR_QUERY_DONE);

  ck_assert (!candour_export_all_xlsx (db, path, NULL, &error));
  expected = g_strdup_printf ("Could not write %s: the notes of row 3 of the organisations sheet is 40000 "
                              "characters long, more than a spreadsheet's cell holds (32,767); shorten it, "
                              "or export as CSV instead. Nothing was written (an earlier file there is as it "
                              "was).", path);
  ck_assert_str_eq (error->message, expected);
  assert_file_holds (path, "the earlier export");
  ck_assert (!has_hidden_file (folder));
  g_clear_error (&error);

  /* A folder where the file should be. */
  ck_assert_int_eq (g_unlink (path), 0);
  ck_assert_int_eq (g_mkdir (path, 0700), 0);
  ck_assert (!candour_export_all_xlsx (db, path, NULL, &error));
  ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  ck_assert (!has_hidden_file (folder));

  test_remove_tree (folder);
}
END_TEST

/* One row more than a sheet holds: said in words, and nothing written. */
START_TEST (test_too_many_rows)
{
  static const CandourReportColumn columns[] = { { "n", CANDOUR_CELL_COUNT } };
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *folder = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (folder, "rows.xlsx", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = candour_report_new (db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                               "WHERE i < 1048576) SELECT i FROM n", columns, 1, &error);
  ck_assert_ptr_nonnull (report);
  ck_assert (!candour_xlsx_write_report (report, path, "Rows", NULL, "rows", NULL, &error));
  expected = g_strdup_printf ("Could not write %s: the rows sheet would have more than 1,048,575 rows, "
                              "the most a spreadsheet's sheet holds; export it as CSV instead. Nothing "
                              "was written (an earlier file there is as it was).", path);
  ck_assert_str_eq (error->message, expected);
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert (!has_hidden_file (folder));

  test_remove_tree (folder);
}
END_TEST

Suite *
candour_xlsx_suite (void)
{
  Suite *suite = suite_create ("xlsx");
  TCase *tc = tcase_create ("xlsx");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_scorecard_sheet);
  tcase_add_test (tc, test_export_all_cells);
  tcase_add_test (tc, test_export_all_every_row);
  tcase_add_test (tc, test_export_all_empty);
  tcase_add_test (tc, test_failure_leaves_target);
  tcase_add_test (tc, test_too_many_rows);
  suite_add_tcase (suite, tc);
  return suite;
}
