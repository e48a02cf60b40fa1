/* check-query-plans.c: every list and report query starts from an index
 *
 * A query that is quick for the demo's 41 organisations can take minutes for 50,000 if
 * it reads a whole table once per row. This test runs the queries the window and the
 * CLI run (the record lists, the Payments page's orders and searches, findings for
 * each scope, the scopes of an edit, the detail windows' lists, the reports, a form's
 * record fields), catches each statement SQLite prepares for them, and asks SQLite how
 * it would run it:
 *   - no correlated subquery may SCAN a large table;
 *   - a question about one record (a scope, a detail window, a ref) may SCAN none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <string.h>

#include "candour-database-sqlite.h"
#include "test-util.h"
#include "candour-bid.h"
#include "candour-consortium.h"
#include "candour-contract.h"
#include "candour-finding-list.h"
#include "candour-generate.h"
#include "candour-history.h"
#include "candour-organisation.h"
#include "candour-payment-list.h"
#include "candour-record.h"
#include "candour-record-query.h"
#include "candour-reports.h"

Suite *candour_query_plans_suite (void);

/* Tables that grow with a country's books. */
static const char * const large_tables[] = {
  "organisation", "bid", "bid_partner", "contract", "subcontract", "payment", "audit", NULL,
};

static int
catch_statement (unsigned int  type,
                 void         *user_data,
                 void         *p,
                 void         *x)
{
  GHashTable *seen = user_data;

  g_hash_table_add (seen, g_strdup (sqlite3_sql (p)));
  return 0;
}

/* The plan names a table by its alias in the query ("SCAN s"): alias → table, from the
 * query's FROM and JOIN clauses. */
static GHashTable *
aliases_of (const char *sql)
{
  g_autoptr(GRegex) clause = g_regex_new ("\\b(?:FROM|JOIN)\\s+(\\w+)(?:\\s+(?:AS\\s+)?(?!ON\\b|WHERE\\b|JOIN\\b|LEFT\\b|CROSS\\b|GROUP\\b|ORDER\\b|USING\\b)(\\w+))?",
                                          G_REGEX_CASELESS, 0, NULL);
  GHashTable *aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (clause, sql, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *table = g_match_info_fetch (match, 1);
      g_autofree char *alias = g_match_info_fetch (match, 2);

      g_hash_table_replace (aliases, g_strdup (table), g_strdup (table));
      if (alias != NULL && alias[0] != '\0')
        g_hash_table_replace (aliases, g_steal_pointer (&alias), g_strdup (table));
      g_match_info_next (match, NULL);
    }
  return aliases;
}

static gboolean
scans_large_table (const char *detail,
                   GHashTable *aliases)
{
  g_auto(GStrv) words = NULL;
  const char *table;

  if (!g_str_has_prefix (detail, "SCAN "))
    return FALSE;
  words = g_strsplit (detail + strlen ("SCAN "), " ", 2);
  table = g_hash_table_lookup (aliases, words[0]);
  return g_strv_contains (large_tables, table != NULL ? table : words[0]);
}

/* Why the plan of sql is not good enough, or NULL. */
static char *
judge_plan (sqlite3    *handle,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GHashTable) correlated = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) parents = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) aliases = aliases_of (sql);
  gboolean about_one = strstr (sql, ":id") != NULL || strstr (sql, ":ref") != NULL ||
                       strstr (sql, ":bid") != NULL || strstr (sql, ":partner") != NULL ||
                       strstr (sql, ":lead") != NULL;
  sqlite3_stmt *stmt;
  char *why = NULL;

  ck_assert_int_eq (sqlite3_prepare_v2 (handle, explain, -1, &stmt, NULL), SQLITE_OK);
  while (why == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0);
      int parent = sqlite3_column_int (stmt, 1);
      const char *detail = (const char *)sqlite3_column_text (stmt, 3);
      gboolean inside = FALSE;

      g_hash_table_insert (parents, GINT_TO_POINTER (id), GINT_TO_POINTER (parent));
      if (g_str_has_prefix (detail, "CORRELATED"))
        g_hash_table_add (correlated, GINT_TO_POINTER (id));
      for (int up = parent; up != 0; up = GPOINTER_TO_INT (g_hash_table_lookup (parents, GINT_TO_POINTER (up))))
        if (g_hash_table_contains (correlated, GINT_TO_POINTER (up)))
          inside = TRUE;

      if (scans_large_table (detail, aliases) && inside)
        why = g_strdup_printf ("a correlated subquery does %s", detail);
      else if (scans_large_table (detail, aliases) && about_one)
        why = g_strdup_printf ("a question about one record does %s", detail);
      /* The amount's index is for finding one amount (the Payments page's search); a
       * range along it ("not a refund") holds nearly every payment, each then looked
       * up: payment-times took 6.1 s at scale 1 that way instead of 1.5 s. */
      else if (strstr (detail, "USING INDEX payment_by_amount (amount>") != NULL ||
               strstr (detail, "USING INDEX payment_by_amount (amount<") != NULL)
        why = g_strdup_printf ("a range of amounts read along the amount's index: %s", detail);
    }
  sqlite3_finalize (stmt);
  return why;
}

static void
read_all (CandourReport *report)
{
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_nonnull (report);
  while (candour_report_next (report, &error))
    ;
  ck_assert_ptr_null (error);
  candour_report_free (report);
}

START_TEST (test_every_query_starts_from_an_index)
{
  g_autofree char *folder = test_make_temp_dir ();
  g_autofree char *country = g_build_filename (folder, "country", NULL);
  g_autofree char *path = g_build_filename (folder, "country.db", NULL);
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  CandourReconcileOptions options;
  CandourPaymentTimesOptions times = { 0 };
  GHashTableIter iter;
  gpointer sql;

  ck_assert (candour_generate (country, 0.01, 1, NULL, NULL, NULL));
  db = candour_database_open (path, &error);
  ck_assert_ptr_nonnull (db);
  {
    g_autoptr(CandourImport) import = candour_import_new (db);

    ck_assert (candour_import_add_path (import, country, NULL));
    ck_assert (candour_import_run (import, NULL, NULL));
  }

  sqlite3_trace_v2 (candour_database_get_handle (db), SQLITE_TRACE_STMT, catch_statement, seen);

  /* The record lists and the Payments page. */
  g_object_unref (candour_organisation_list_load (db, NULL));
  g_object_unref (candour_consortium_list_load (db, NULL));
  g_object_unref (candour_bid_list_load (db, NULL));
  g_object_unref (candour_contract_list_load (db, NULL));
  {
    g_autoptr(CandourPaymentList) payments = candour_payment_list_new (db, NULL);

    for (guint sort = 0; sort < CANDOUR_PAYMENT_N_SORTS; sort++)
      {
        ck_assert (candour_payment_list_set_sort (payments, sort, FALSE, NULL));
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (payments), 0));
      }
    ck_assert (candour_payment_list_set_search (payments, "trust", NULL));
  }

  /* The engine: everything, and each scope; an edit's scopes. */
  candour_reconcile_options_init (&options);
  options.as_of = g_strdup ("2026-06-30");
  {
    const CandourFindingScope scopes[] = { { 1, 0, 0 }, { 0, 1, 0 }, { 1, 1, 0 }, { 0, 0, 1 } };
    g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (CandourFindingScope));

    read_all (candour_report_findings (db, &options, NULL));
    for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
      g_ptr_array_unref (candour_finding_array_load (db, &options, &scopes[i], NULL, NULL));
    for (guint table = 0; table < CANDOUR_N_TABLES; table++)
      ck_assert (candour_finding_scopes_for_record (db, table, 1, found, NULL));
  }
  read_all (candour_report_scorecard (db, &options, NULL));
  read_all (candour_report_shares (db, NULL));
  read_all (candour_report_payment_times (db, &times, NULL));
  candour_reconcile_options_clear (&options);

  /* What the detail windows show. */
  read_all (candour_report_bid_partners (db, 1, NULL));
  read_all (candour_report_contract_parties (db, 1, NULL));
  read_all (candour_report_contract_subcontracts (db, 1, NULL));
  read_all (candour_report_contract_payments (db, 1, NULL));
  read_all (candour_report_contract_subcontracts_evidence (db, 1, NULL));
  read_all (candour_report_contract_payments_evidence (db, 1, NULL));
  read_all (candour_report_contract_shares (db, 1, NULL));
  read_all (candour_report_consortium_members (db, 1, NULL));
  read_all (candour_report_history (db, "ORG-0001", NULL));

  /* A bid's form: its partners loaded, and the bid checked with them as it saves. */
  {
    g_autoptr(GArray) ids = candour_record_list_bid_partners (db, 1, NULL);
    g_auto(GStrv) bid = candour_record_load (db, CANDOUR_TABLE_BIDS, 1, NULL);
    g_autoptr(GPtrArray) bid_problems = g_ptr_array_new_with_free_func (g_free);
    CandourPartnerEdit *partners;
    gint64 bid_id = 1;

    ck_assert_ptr_nonnull (ids);
    ck_assert_uint_gt (ids->len, 0);
    partners = g_new0 (CandourPartnerEdit, ids->len);
    for (guint i = 0; i < ids->len; i++)
      {
        partners[i].id = g_array_index (ids, gint64, i);
        partners[i].texts = candour_record_load (db, CANDOUR_TABLE_BID_PARTNERS, partners[i].id, NULL);
        partners[i].loaded = g_strdupv (partners[i].texts);
        partners[i].problems = g_ptr_array_new_with_free_func (g_free);
      }
    partners[0].remove = TRUE;
    ck_assert (candour_record_save_bid (db, (const char * const *)bid, (const char * const *)bid, &bid_id,
                                        partners, ids->len, FALSE, bid_problems, NULL, NULL));
    for (guint i = 0; i < ids->len; i++)
      {
        g_strfreev (partners[i].texts);
        g_strfreev (partners[i].loaded);
        g_ptr_array_unref (partners[i].problems);
      }
    g_free (partners);
  }

  /* What a form's record fields look up and search. */
  for (guint table = 0; table < CANDOUR_N_TABLES; table++)
    if (table != CANDOUR_TABLE_CONSORTIUM_MEMBERS && table != CANDOUR_TABLE_BID_PARTNERS &&
        table != CANDOUR_TABLE_PAYMENTS)
      {
        read_all (candour_report_ref_choice (db, table, "X-1", NULL));
        read_all (candour_report_ref_search (db, table, "harrow", 50, NULL));
      }

  sqlite3_trace_v2 (candour_database_get_handle (db), 0, NULL, NULL);
  ck_assert_uint_gt (g_hash_table_size (seen), 30);

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &sql, NULL))
    {
      g_autofree char *why = NULL;

      /* Transactions and pragmas have no plan. */
      if (g_str_has_prefix (sql, "PRAGMA") || g_str_has_prefix (sql, "BEGIN") ||
          g_str_has_prefix (sql, "COMMIT") || g_str_has_prefix (sql, "ROLLBACK"))
        continue;
      why = judge_plan (candour_database_get_handle (db), sql);
      if (why != NULL)
        g_string_append_printf (problems, "%s:\n%s\n\n", why, (const char *)sql);
    }

  /* Check's messages are short: the plans go to standard error. */
  if (problems->len > 0)
    g_printerr ("%s", problems->str);
  ck_assert_msg (problems->len == 0, "some queries do not start from an index (listed above)");
  test_remove_tree (folder);
}
END_TEST

/* SQLite's plan for sql, a step a line. */
static char *
plan_of (sqlite3    *handle,
         const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt;

  ck_assert_int_eq (sqlite3_prepare_v2 (handle, explain, -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (plan, FALSE);
}

/* The statements the Payments page's list prepares for a search and a range. */
static GPtrArray *
payment_list_statements (CandourDatabase *db,
                         const char      *search,
                         const char      *from,
                         const char      *to)
{
  static const CandourPaymentSort sorts[] = {
    CANDOUR_PAYMENT_SORT_NONE, CANDOUR_PAYMENT_SORT_AMOUNT, CANDOUR_PAYMENT_SORT_PAID_ON,
    CANDOUR_PAYMENT_SORT_PAYEE, CANDOUR_PAYMENT_SORT_REF,
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CandourPaymentList) payments = candour_payment_list_new (db, NULL);
  GPtrArray *statements;

  sqlite3_trace_v2 (candour_database_get_handle (db), SQLITE_TRACE_STMT, catch_statement, seen);
  ck_assert (candour_payment_list_set_search (payments, search, NULL));
  ck_assert (candour_payment_list_set_range (payments, from, to, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    for (int descending = 0; descending < 2; descending++)
      {
        ck_assert (candour_payment_list_set_sort (payments, sorts[i], descending, NULL));
        if (g_list_model_get_n_items (G_LIST_MODEL (payments)) > 0)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (payments), 0));
        /* Far in, where an OFFSET would skip most of the table. */
        if (g_list_model_get_n_items (G_LIST_MODEL (payments)) > 5000)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (payments), 5000));
      }
  sqlite3_trace_v2 (candour_database_get_handle (db), 0, NULL, NULL);

  statements = g_ptr_array_new_with_free_func (g_free);
  {
    GHashTableIter iter;
    gpointer sql;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &sql, NULL))
      g_ptr_array_add (statements, g_strdup (sql));
  }
  return statements;
}

/* An amount, a day or a range is found from payment_by_amount or payment_by_paid_on,
 * never by reading every payment; a search of names walks neither in order (a million
 * rows fetched one by one); every payment is added up from payment_by_amount alone,
 * and read by date a page at a time along payment_by_paid_on, with no sorting. */
START_TEST (test_payment_lookups_use_their_indexes)
{
  static const struct
  {
    const char *search;
    const char *from;
    const char *to;
  } lookups[] = {
    { "£1,234.50", NULL, NULL },
    { "01/04/2025", NULL, NULL },
    { NULL, "2025-04-01", "2025-06-30" },
    { NULL, "2025-06-01", NULL },
    { "1234.50", "2025-04-01", "2025-06-30" },
  };
  g_autofree char *folder = test_make_temp_dir ();
  g_autofree char *country = g_build_filename (folder, "country", NULL);
  g_autofree char *path = g_build_filename (folder, "country.db", NULL);
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3 *handle;
  gboolean summed = FALSE;
  guint paged = 0;

  ck_assert (candour_generate (country, 0.01, 1, NULL, NULL, NULL));
  db = candour_database_open (path, &error);
  ck_assert_ptr_nonnull (db);
  {
    g_autoptr(CandourImport) import = candour_import_new (db);

    ck_assert (candour_import_add_path (import, country, NULL));
    ck_assert (candour_import_run (import, NULL, NULL));
  }
  handle = candour_database_get_handle (db);

  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    {
      g_autoptr(GPtrArray) statements = payment_list_statements (db, lookups[i].search, lookups[i].from, lookups[i].to);

      for (guint j = 0; j < statements->len; j++)
        {
          const char *sql = g_ptr_array_index (statements, j);
          g_autofree char *plan = plan_of (handle, sql);

          /* The count of every payment, "of 10,000 payments", is the one look at all. */
          if (g_str_equal (sql, "SELECT count (*) AS payments FROM payment") ||
              g_str_equal (sql, "SELECT count (*) AS payments, sum (amount) AS pence FROM payment"))
            continue;
          if (strstr (plan, "SCAN p\n") != NULL || strstr (plan, "SCAN p USING") != NULL ||
              strstr (plan, "SCAN payment") != NULL)
            g_string_append_printf (problems, "reads every payment:\n%s\n%s\n", sql, plan);
        }
    }

  {
    g_autoptr(GPtrArray) statements = payment_list_statements (db, "trust", NULL, NULL);

    for (guint j = 0; j < statements->len; j++)
      {
        const char *sql = g_ptr_array_index (statements, j);
        g_autofree char *plan = plan_of (handle, sql);

        if (g_str_has_prefix (sql, "SELECT count (*) AS payments FROM payment"))
          continue;
        if (strstr (plan, "payment_by_amount") != NULL || strstr (plan, "payment_by_paid_on") != NULL)
          g_string_append_printf (problems, "walks an order's index under a search of names:\n%s\n%s\n", sql, plan);
      }
  }

  {
    g_autoptr(GPtrArray) statements = payment_list_statements (db, NULL, NULL, NULL);

    for (guint j = 0; j < statements->len; j++)
      {
        const char *sql = g_ptr_array_index (statements, j);
        g_autofree char *plan = plan_of (handle, sql);

        if (strstr (sql, "sum (amount)") != NULL)
          {
            summed = TRUE;
            if (strstr (plan, "COVERING INDEX payment_by_amount") == NULL)
              g_string_append_printf (problems, "adds up from the table:\n%s\n%s\n", sql, plan);
          }
        if (strstr (sql, "ORDER BY paid_on") != NULL && strstr (sql, "OFFSET") != NULL)
          {
            /* The page's ids, before the page's own 64 rows are put in order. */
            const char *inner = strstr (plan, "MATERIALIZE page");
            g_autofree char *skipped = g_strndup (inner != NULL ? inner : plan,
                                                  inner != NULL && strstr (inner, "SCAN page") != NULL
                                                    ? (gsize)(strstr (inner, "SCAN page") - inner) : strlen (plan));

            paged++;
            if (strstr (skipped, "COVERING INDEX payment_by_paid_on") == NULL || strstr (skipped, "TEMP B-TREE") != NULL)
              g_string_append_printf (problems, "sorts to read a page by date:\n%s\n%s\n", sql, plan);
          }
      }
  }
  ck_assert (summed);
  ck_assert_uint_eq (paged, 2);

  if (problems->len > 0)
    g_printerr ("%s", problems->str);
  ck_assert_msg (problems->len == 0, "some payment look-ups read more than they need (listed above)");
  g_clear_object (&db);
  test_remove_tree (folder);
}
END_TEST

Suite *
candour_query_plans_suite (void)
{
  Suite *suite = suite_create ("query-plans");
  TCase *tc = tcase_create ("query-plans");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_every_query_starts_from_an_index);
  tcase_add_test (tc, test_payment_lookups_use_their_indexes);
  suite_add_tcase (suite, tc);
  return suite;
}
