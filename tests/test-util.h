/* test-util.h: helpers shared by the suites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <check.h>

/* The GError is set, in domain and with code. */
#define ck_assert_error_matches(error, domain, code) \
  ck_assert_msg (g_error_matches ((error), (domain), (code)), "expected error %s %d, got %s", \
                 g_quark_to_string (domain), (int)(code), (error) ? (error)->message : "none")

#include "candour-database.h"
#include "candour-report.h"

/* A new in-memory database at the current schema; fails the test if it cannot open. */
CandourDatabase *test_open_memory_database (void);

/* Imports CSV texts given as pairs of file name and text, ending with NULL, e.g.
 * test_import (db, "organisations.csv", "ref,name\nA,Alpha\n", NULL).
 * Returns the problems joined by newlines ("" when the import succeeded). */
char            *test_import               (CandourDatabase *db,
                                            ...) G_GNUC_NULL_TERMINATED;

/* test_import() that must succeed; frees the (empty) problems so that the suite stays
 * clean under LeakSanitizer. */
#define test_assert_imports(db, ...) \
  G_STMT_START { \
    g_autofree char *problems_ = test_import ((db), __VA_ARGS__); \
    ck_assert_str_eq (problems_, ""); \
  } G_STMT_END

/* The whole report as CSV text without the BOM and with LF line ends, for readable
 * expected strings. */
char            *test_report_csv           (CandourReport *report);

/* Every row of every business table, in a fixed order: equal dumps mean equal content. */
char            *test_dump_content         (CandourDatabase *db);
/* test_dump_content() and also the audit trail and the schema: everything an import
 * could touch, even one rolled back after dropping indexes and suspending triggers. */
char            *test_dump_everything      (CandourDatabase *db);

/* The first column of the first row sql gives: an integer, or a copy of the text
 * (NULL for no row or an empty cell). The statement must prepare. */
gint64           test_query_int            (CandourDatabase *db,
                                            const char      *sql);
char            *test_query_text           (CandourDatabase *db,
                                            const char      *sql);

/* What a command prints (its standard output), run here and now; its failure fails
 * the test. */
char            *test_spawn_output         (const char * const *argv);

/* One part of a zip file such as a workbook ("xl/worksheets/sheet1.xml"), as
 * unzip -p gives it; fails the test if there is no such part. */
char            *test_read_zip_part        (const char *zip,
                                            const char *part);

/* A database of the test server's own for one test, set up as a register, named
 * name and the process id: other tests write to the shared one, server
 * (CANDOUR_TEST_PG), meanwhile. Its location; dropped by test_drop_server_database(). */
char            *test_make_server_database (const char *server,
                                            const char *name);
/* An existing register on the test server (location from test_make_server_database ()),
 * opened; fails the test if it cannot be. */
CandourDatabase *test_open_server_database (const char *location);
void             test_drop_server_database (const char *server,
                                            const char *location);

/* A new empty temporary folder; removed with test_remove_tree(). */
char            *test_make_temp_dir        (void);
void             test_remove_tree          (const char *path);
