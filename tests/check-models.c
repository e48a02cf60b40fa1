/* check-models.c: the row objects and list models the GUI binds to
 *
 * Figures are the Harrowfield demo dated 30/06/2025 and judged on that day, as
 * src/core/demo/EXPECTED.md works them out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>

#include "candour-database-sqlite.h"
#include "check-suites.h"
#include "test-util.h"
#include "candour-bid.h"
#include "candour-consortium.h"
#include "candour-contract.h"
#include "candour-date.h"
#include "candour-demo.h"
#include "candour-finding.h"
#include "candour-finding-report.h"
#include "candour-finding-summary.h"
#include "candour-organisation.h"
#include "candour-payment-list.h"
#include "candour-record-query.h"
#include "candour-report-row.h"
#include "candour-story.h"
#include "candour-text.h"

#define TODAY "2025-06-30"

static CandourDatabase *
open_demo (void)
{
  g_autoptr(GError) error = NULL;
  CandourDatabase *db = test_open_memory_database ();

  ck_assert_msg (candour_demo_load (db, TODAY, &error), "%s", error ? error->message : "");
  return db;
}

static GListModel *
load_findings (CandourDatabase *db)
{
  g_autoptr(GError) error = NULL;
  CandourReconcileOptions options;
  GListModel *findings;

  candour_reconcile_options_init (&options);
  options.as_of = g_strdup (TODAY);
  findings = candour_finding_list_load (db, &options, &error);
  candour_reconcile_options_clear (&options);
  ck_assert_msg (findings != NULL, "%s", error ? error->message : "");
  return findings;
}

static CandourFinding *
find (GListModel *findings,
      const char *bid_ref,
      const char *partner_ref)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CandourFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (candour_finding_get_bid_ref (finding), bid_ref) &&
          g_str_equal (candour_finding_get_partner_ref (finding), partner_ref))
        return g_steal_pointer (&finding);
    }
  ck_abort_msg ("no finding for %s %s", bid_ref, partner_ref);
  return NULL;
}

START_TEST (test_findings_list)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(GListModel) findings = load_findings (db);
  g_autoptr(CandourFinding) acwh = NULL;
  g_autoptr(CandourFinding) bgtra = NULL;
  g_autofree char *status = NULL;
  g_autofree char *paid_text = NULL;
  gint64 promised = 0;
  int rank = -1;

  ck_assert_uint_eq (g_list_model_get_n_items (findings), 23);
  ck_assert_int_eq (g_list_model_get_item_type (findings), CANDOUR_TYPE_FINDING);

  acwh = find (findings, "BID-01", "ORG-ACWH");
  g_object_get (acwh, "status", &status, "promised", &promised, "rank", &rank,
                "paid-text", &paid_text, NULL);
  ck_assert_str_eq (status, "underpaid");
  ck_assert_int_eq (promised, 12000000);
  ck_assert_int_eq (rank, CANDOUR_FINDING_RANK_UNDERPAID);
  ck_assert_str_eq (paid_text, "£46,666.62");
  ck_assert_str_eq (candour_finding_get_lead_name (acwh), "Kindred Pathways");
  ck_assert_int_eq (candour_finding_get_due (acwh), 6695890);
  /* £46,666.62 of £66,958.90 is 69.69…% */
  ck_assert_int_eq (candour_finding_get_paid_of_due (acwh), 697);

  bgtra = find (findings, "BID-04", "ORG-BGTRA");
  ck_assert (!candour_finding_has_promise (bgtra));
  ck_assert_str_eq (candour_finding_get_status (bgtra), "bid_candy");
  ck_assert_int_eq (candour_finding_get_paid_of_due (bgtra), -1);
}
END_TEST

START_TEST (test_findings_totals)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(GListModel) findings = load_findings (db);
  CandourFindingTotals totals;

  candour_finding_totals_compute (findings, &totals);
  ck_assert_uint_eq (totals.named, 23);
  ck_assert_uint_eq (totals.honoured, 6);
  ck_assert_uint_eq (totals.bid_candy, 5);
  ck_assert_uint_eq (totals.short_changed, 3);
  ck_assert_uint_eq (totals.underpaid, 3);
  ck_assert_uint_eq (totals.awaiting_subcontract, 3);
  ck_assert_uint_eq (totals.pending, 3);
  ck_assert_uint_eq (totals.not_awarded, 0);
  /* The scorecard's columns summed over its five leads. */
  ck_assert_int_eq (totals.promised, 175850000);
  ck_assert_int_eq (totals.subcontracted, 117600000);
  ck_assert_int_eq (totals.paid, 40379136);
}
END_TEST

/* The Findings page exports the findings it shows through a report over them: the
 * whole list reads exactly as `candour-cli reconcile` writes it... */
START_TEST (test_finding_report_is_the_reconcile_report)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(GListModel) findings = load_findings (db);
  g_autoptr(CandourReport) shown = candour_finding_report_new (db, findings);
  g_autoptr(CandourReport) reconcile = NULL;
  g_autofree char *shown_csv = NULL;
  g_autofree char *reconcile_csv = NULL;
  g_auto(GStrv) lines = NULL;
  CandourReconcileOptions options;

  candour_reconcile_options_init (&options);
  options.as_of = g_strdup (TODAY);
  reconcile = candour_report_findings (db, &options, NULL);
  candour_reconcile_options_clear (&options);
  ck_assert_ptr_nonnull (reconcile);

  shown_csv = test_report_csv (shown);
  reconcile_csv = test_report_csv (reconcile);
  ck_assert_str_eq (shown_csv, reconcile_csv);
  lines = g_strsplit (shown_csv, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 1 + 23 + 1);
  ck_assert_ptr_null (candour_report_get_query (shown));
}
END_TEST

/* ...and a filtered list, in the page's order, gives those rows in that order, empty
 * cells where the report leaves them empty. */
START_TEST (test_finding_report_keeps_the_list_order)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(GListModel) findings = load_findings (db);
  g_autoptr(GListStore) some = g_list_store_new (CANDOUR_TYPE_FINDING);
  g_autoptr(CandourFinding) bgtra = find (findings, "BID-04", "ORG-BGTRA");
  g_autoptr(CandourFinding) acwh = find (findings, "BID-01", "ORG-ACWH");
  g_autoptr(CandourReport) report = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *promised = NULL;
  g_auto(GStrv) lines = NULL;

  g_list_store_append (some, bgtra);
  g_list_store_append (some, acwh);
  report = candour_finding_report_new (db, G_LIST_MODEL (some));
  /* The report holds its own rows: the list may change under it. */
  g_list_store_remove_all (some);

  csv = test_report_csv (report);
  lines = g_strsplit (csv, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 4);
  ck_assert (g_str_has_prefix (lines[1], "BID-04,"));
  ck_assert (strstr (lines[1], ",ORG-BGTRA,") != NULL);
  /* No promise recorded: an empty cell, as the query leaves it. */
  ck_assert (g_str_has_suffix (lines[1], ",,0.00,0.00,0.00,bid_candy"));
  ck_assert (g_str_has_prefix (lines[2], "BID-01,"));
  ck_assert_msg (g_str_has_suffix (lines[2], ",120000.00,120000.00,66958.90,46666.62,underpaid"), "%s", lines[2]);
  ck_assert_str_eq (lines[3], "");

  /* Read again for people, the cells are formatted as on screen. */
  g_clear_pointer (&report, candour_report_free);
  g_list_store_append (some, acwh);
  report = candour_finding_report_new (db, G_LIST_MODEL (some));
  ck_assert (candour_report_next (report, NULL));
  promised = candour_report_format_cell (report, CANDOUR_FINDING_PROMISED, CANDOUR_CELL_FORMAT_DISPLAY);
  ck_assert_str_eq (promised, "£120,000.00");
  ck_assert (!candour_report_next (report, NULL));
}
END_TEST

/* The Overview's one pass: won bids, each lead's sums (the scorecard's), and the eight
 * most serious in order. */
START_TEST (test_findings_summary)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(GListModel) findings = load_findings (db);
  g_autoptr(CandourFindingSummary) summary = candour_finding_summary_new (findings, 8);
  g_autoptr(CandourFindingSummary) none = candour_finding_summary_new (findings, 0);
  const CandourLeadSums *corvane;
  gint64 promised = 0;

  ck_assert_uint_eq (summary->won_bids, 6);
  ck_assert_uint_eq (summary->leads->len, 5);
  corvane = &g_array_index (summary->leads, CandourLeadSums, 0);
  ck_assert_str_eq (corvane->ref, "ORG-CORVANE");
  ck_assert_str_eq (corvane->name, "Corvane Support Services Ltd");
  ck_assert_int_eq (corvane->promised, 21500000);
  ck_assert_int_eq (corvane->subcontracted, 15900000);
  ck_assert_int_eq (corvane->paid, 6424985);
  ck_assert_str_eq (g_array_index (summary->leads, CandourLeadSums, 4).ref, "ORG-THREADWELL");
  for (guint i = 0; i < summary->leads->len; i++)
    promised += g_array_index (summary->leads, CandourLeadSums, i).promised;
  ck_assert_int_eq (promised, 175850000);

  /* 5 bid candy, 3 short-changed, 3 underpaid: eight kept, bid candy first. */
  ck_assert_uint_eq (summary->n_serious, 11);
  ck_assert_uint_eq (summary->serious->len, 8);
  for (guint i = 0; i < 5; i++)
    ck_assert_str_eq (candour_finding_get_status (summary->serious->pdata[i]), "bid_candy");
  for (guint i = 5; i < 8; i++)
    ck_assert_str_eq (candour_finding_get_status (summary->serious->pdata[i]), "short_changed");
  for (guint i = 1; i < 8; i++)
    ck_assert_int_le (candour_finding_compare_seriousness (summary->serious->pdata[i - 1],
                                                           summary->serious->pdata[i]), 0);
  ck_assert_uint_eq (none->n_serious, 11);
  ck_assert_uint_eq (none->serious->len, 0);
}
END_TEST

START_TEST (test_record_lists)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(GListModel) organisations = candour_organisation_list_load (db, NULL);
  g_autoptr(GListModel) consortia = candour_consortium_list_load (db, NULL);
  g_autoptr(GListModel) bids = candour_bid_list_load (db, NULL);
  g_autoptr(GListModel) contracts = candour_contract_list_load (db, NULL);
  g_autoptr(CandourBid) bid = NULL;
  g_autoptr(CandourContract) contract = NULL;
  g_autofree char *required = NULL;
  g_autofree char *start = NULL;

  ck_assert_uint_eq (g_list_model_get_n_items (organisations), 41);
  ck_assert_uint_eq (g_list_model_get_n_items (consortia), 3);
  ck_assert_uint_eq (g_list_model_get_n_items (bids), 8);
  ck_assert_uint_eq (g_list_model_get_n_items (contracts), 7);

  bid = g_list_model_get_item (bids, 0);
  ck_assert_str_eq (candour_bid_get_ref (bid), "BID-01");
  ck_assert_str_eq (candour_bid_get_outcome (bid), "won");
  ck_assert_int_eq (candour_bid_get_partners (bid), 5);
  ck_assert_str_eq (candour_bid_get_contract_ref (bid), "CON-01");

  contract = g_list_model_get_item (contracts, 0);
  g_object_get (contract, "required-small-share-text", &required, "start-on-text", &start, NULL);
  ck_assert_str_eq (candour_contract_get_ref (contract), "CON-01");
  ck_assert_int_eq (candour_contract_get_subcontracted (contract), 24000000);
  ck_assert_str_eq (required, "25%");
  ck_assert_str_eq (start, "29/09/2023");
}
END_TEST

static char *
payment_ref (GListModel *model,
             guint       position)
{
  g_autoptr(CandourPayment) payment = g_list_model_get_item (model, position);

  ck_assert_ptr_nonnull (payment);
  return g_strdup (candour_payment_get_ref (payment));
}

/* The refs of a search's answer, joined by spaces. */
static char *
search_refs (CandourDatabase *db,
             CandourTable     table,
             const char      *text,
             guint            limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) refs = g_string_new (NULL);
  CandourReport *report = candour_report_ref_search (db, table, text, limit, &error);

  ck_assert_msg (report != NULL, "%s", error ? error->message : "");
  while (candour_report_next (report, &error))
    g_string_append_printf (refs, "%s%s", refs->len > 0 ? " " : "", candour_report_get_text (report, 0));
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  candour_report_free (report);
  return g_string_free (g_steal_pointer (&refs), FALSE);
}

/* A form's record field searches: every word, anywhere in the name or the ref, any
 * case or way of writing an accent, in the order the list would show them. */
START_TEST (test_ref_search)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(GError) error = NULL;
  CandourReport *one;
  char *refs;

  refs = search_refs (db, CANDOUR_TABLE_ORGANISATIONS, "kindred path", 50);
  ck_assert_str_eq (refs, "ORG-KINDRED");
  g_free (refs);
  /* Words in any order, a ref's part, a name's part. */
  refs = search_refs (db, CANDOUR_TABLE_ORGANISATIONS, "  CARERS harrowfield ", 50);
  ck_assert_str_eq (refs, "ORG-CARERS ORG-KINSHIP");
  g_free (refs);
  refs = search_refs (db, CANDOUR_TABLE_ORGANISATIONS, "org-kin", 50);
  ck_assert_str_eq (refs, "ORG-KINDRED ORG-KINSHIP");
  g_free (refs);
  /* By name, the first few only. */
  refs = search_refs (db, CANDOUR_TABLE_ORGANISATIONS, "", 3);
  ck_assert_str_eq (refs, "ORG-ACWH ORG-AMBERLEA ORG-BGTRA");
  g_free (refs);
  refs = search_refs (db, CANDOUR_TABLE_ORGANISATIONS, "zzz", 50);
  ck_assert_str_eq (refs, "");
  g_free (refs);
  /* "Women's" typed with a curly apostrophe is another character: no match. Case
   * folding and compatibility forms do match: a full-width "ＡＭＢＥＲ". */
  refs = search_refs (db, CANDOUR_TABLE_ORGANISATIONS, "\xEF\xBC\xA1\xEF\xBC\xAD\xEF\xBC\xA2\xEF\xBC\xA5\xEF\xBC\xB2", 50);
  ck_assert_str_eq (refs, "ORG-AMBERLEA");
  g_free (refs);
  /* A subcontract is found by its partner, its own ref or its contract's. */
  refs = search_refs (db, CANDOUR_TABLE_SUBCONTRACTS, "harrowfield con-02", 50);
  ck_assert_str_eq (refs, "SUB-03 SUB-04 SUB-05");
  g_free (refs);
  refs = search_refs (db, CANDOUR_TABLE_SUBCONTRACTS, "sub-1", 2);
  ck_assert_str_eq (refs, "SUB-10 SUB-11");
  g_free (refs);

  /* Accents however written; a plain "cafe" finds "Café" too. Names long enough to
   * leave the quick ASCII path fold the same way. */
  {
    g_auto(GStrv) words = candour_text_search_words (" caf\xC3\xA9  \xC3\x89" "COLE\t");
    g_auto(GStrv) none = candour_text_search_words (" \t ");
    g_autofree char *long_name = g_strnfill (300, 'x');
    g_autofree char *long_match = g_strconcat (long_name, " \xC3\x89" "cole cafe", NULL);

    ck_assert_uint_eq (g_strv_length (words), 2);
    ck_assert_uint_eq (g_strv_length (none), 0);
    ck_assert (candour_text_has_words ("\xC3\x89" "cole Caf\xC3\xA9 Club", (const char * const *)words));
    /* The same accents written as a letter and a combining mark. */
    ck_assert (candour_text_has_words ("e\xCC\x81" "cole cafe\xCC\x81", (const char * const *)words));
    ck_assert (!candour_text_has_words ("Ecole Cafe", (const char * const *)words));
    ck_assert (!candour_text_has_words (long_match, (const char * const *)words));
    ck_assert (candour_text_has_words ("\xC3\x89" "cole Caf\xC3\xA9", (const char * const *)words));
    ck_assert (candour_text_has_words (NULL, (const char * const *)none));
    ck_assert (!candour_text_has_words (NULL, (const char * const *)words));
    g_strfreev (words);
    words = candour_text_search_words ("CAFE");
    ck_assert (candour_text_has_words (long_match, (const char * const *)words));
    ck_assert (candour_text_has_words ("Caf\xC3\xA9", (const char * const *)words));
  }

  one = candour_report_ref_choice (db, CANDOUR_TABLE_ORGANISATIONS, "ORG-KINDRED", &error);
  ck_assert (candour_report_next (one, &error));
  ck_assert_str_eq (candour_report_get_text (one, 1), "Kindred Pathways");
  ck_assert (!candour_report_next (one, &error));
  candour_report_free (one);
  one = candour_report_ref_choice (db, CANDOUR_TABLE_ORGANISATIONS, "org-kindred", &error);
  ck_assert (!candour_report_next (one, &error));
  ck_assert_ptr_null (error);
  candour_report_free (one);
}
END_TEST

START_TEST (test_payment_list_reads_pages)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourPaymentList) list = candour_payment_list_new (db, &error);
  GListModel *model = G_LIST_MODEL (list);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *last = NULL;

  ck_assert_msg (list != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (g_list_model_get_n_items (model), 198);
  ck_assert_uint_eq (candour_payment_list_get_pages_read (list), 0);

  first = payment_ref (model, 0);
  again = payment_ref (model, 1);
  ck_assert_str_eq (first, "PAY-0001");
  ck_assert_str_eq (again, "PAY-0002");
  ck_assert_uint_eq (candour_payment_list_get_pages_read (list), 1);

  last = payment_ref (model, 197);
  ck_assert_str_eq (last, "PAY-0198");
  ck_assert_uint_eq (candour_payment_list_get_pages_read (list), 2);
  ck_assert_ptr_null (g_list_model_get_item (model, 198));

  /* Each row carries its id, for a payment recorded without a ref too. */
  {
    g_autoptr(CandourPayment) payment = g_list_model_get_item (model, 197);
    gint64 id = candour_record_find_id (db, CANDOUR_TABLE_PAYMENTS, "PAY-0198", NULL);
    gint64 property = 0;

    ck_assert_int_gt (id, 0);
    ck_assert_int_eq (candour_payment_get_id (payment), id);
    g_object_get (payment, "id", &property, NULL);
    ck_assert_int_eq (property, id);
  }
}
END_TEST

START_TEST (test_payment_list_sorts_and_searches)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(CandourPaymentList) list = candour_payment_list_new (db, NULL);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(CandourPayment) polish = NULL;
  g_autofree char *biggest = NULL;
  g_autofree char *earliest = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *paid_on = NULL;

  ck_assert (candour_payment_list_set_sort (list, CANDOUR_PAYMENT_SORT_AMOUNT, TRUE, NULL));
  biggest = payment_ref (model, 0);
  /* Two payments of £200,000; ties go by the recorded order, reversed. */
  ck_assert_str_eq (biggest, "PAY-0169");

  ck_assert (candour_payment_list_set_search (list, "polish", NULL));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 4);
  ck_assert (candour_payment_list_set_sort (list, CANDOUR_PAYMENT_SORT_PAID_ON, FALSE, NULL));
  earliest = payment_ref (model, 0);
  ck_assert_str_eq (earliest, "PAY-0041");

  polish = g_list_model_get_item (model, 0);
  g_object_get (polish, "amount-text", &amount, "paid-on-text", &paid_on, NULL);
  ck_assert_str_eq (amount, "£2,000.00");
  ck_assert_str_eq (paid_on, "24/07/2024");
  ck_assert_str_eq (candour_payment_get_payer_name (polish), "Corvane Support Services Ltd");
  ck_assert_str_eq (candour_payment_get_payee_name (polish), "Harrowfield Polish Centre");
  ck_assert_str_eq (candour_payment_get_agreement_ref (polish), "SUB-05");
  ck_assert_int_eq (candour_payment_get_days_to_pay (polish), 68);

  /* LIKE's wildcards are taken literally. */
  ck_assert (candour_payment_list_set_search (list, "%", NULL));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 0);

  ck_assert (candour_payment_list_set_search (list, "", NULL));
  ck_assert (candour_payment_list_set_sort (list, CANDOUR_PAYMENT_SORT_NONE, FALSE, NULL));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 198);
}
END_TEST

/* The demo in a file: a worker thread needs a second connection to it. */
static CandourDatabase *
open_demo_file (char **out_folder)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  CandourDatabase *db;

  *out_folder = test_make_temp_dir ();
  path = g_build_filename (*out_folder, "demo.candour", NULL);
  db = candour_database_open (path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert_msg (candour_demo_load (db, TODAY, &error), "%s", error ? error->message : "");
  return db;
}

typedef struct
{
  gboolean done;
  GError *error;
} Answer;

static void
on_answer (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Answer *answer = user_data;

  ck_assert (!answer->done);
  answer->done = TRUE;
  candour_payment_list_query_finish (CANDOUR_PAYMENT_LIST (source), result, &answer->error);
}

static void
wait_for (Answer *answer)
{
  while (!answer->done)
    g_main_context_iteration (NULL, TRUE);
}

/* Every ref in the list, in order, joined with commas. */
static char *
all_refs (GListModel *model)
{
  GString *refs = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autofree char *ref = payment_ref (model, i);
      g_string_append_printf (refs, "%s%s", i > 0 ? "," : "", ref);
    }
  return g_string_free (refs, FALSE);
}

static char *
refs_by_sql (CandourDatabase *db,
             const char      *sql)
{
  GString *refs = g_string_new (NULL);
  sqlite3_stmt *stmt;

  ck_assert_int_eq (sqlite3_prepare_v2 (candour_database_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (refs, "%s%s", refs->len > 0 ? "," : "", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (refs, FALSE);
}

/* Sorted on a worker: the old rows stay until the new order comes in whole. */
START_TEST (test_payment_list_sorts_off_the_main_thread)
{
  g_autofree char *folder = NULL;
  g_autoptr(CandourDatabase) db = open_demo_file (&folder);
  g_autoptr(CandourPaymentList) list = candour_payment_list_new (db, NULL);
  GListModel *model = G_LIST_MODEL (list);
  Answer answer = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *first = NULL;
  g_autofree char *order = NULL;
  g_autofree char *expected = NULL;

  ck_assert (!candour_payment_list_get_busy (list));
  candour_payment_list_query_async (list, NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_AMOUNT, TRUE, on_answer, &answer);
  ck_assert (candour_payment_list_get_busy (list));
  /* Until the answer comes back, the list is as it was. */
  before = payment_ref (model, 0);
  ck_assert_str_eq (before, "PAY-0001");
  ck_assert_int_eq (candour_payment_list_get_sort (list), CANDOUR_PAYMENT_SORT_NONE);

  wait_for (&answer);
  ck_assert_msg (answer.error == NULL, "%s", answer.error->message);
  ck_assert (!candour_payment_list_get_busy (list));
  ck_assert_int_eq (candour_payment_list_get_sort (list), CANDOUR_PAYMENT_SORT_AMOUNT);
  ck_assert (candour_payment_list_get_descending (list));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 198);
  ck_assert_uint_eq (candour_payment_list_get_total (list), 198);
  /* Six payments of £200,000, the latest recorded first. */
  order = all_refs (model);
  ck_assert (g_str_has_prefix (order, "PAY-0169,PAY-0121,PAY-0080,PAY-0054,PAY-0015,PAY-0004,"));
  expected = refs_by_sql (db, "SELECT ref FROM payment ORDER BY amount DESC, id DESC");
  ck_assert_str_eq (order, expected);
  g_clear_pointer (&order, g_free);
  g_clear_pointer (&expected, g_free);

  /* By payee, which the rows reach through their contracts: the same as SQL says. */
  answer = (Answer) { 0 };
  candour_payment_list_query_async (list, NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_PAYEE, FALSE, on_answer, &answer);
  wait_for (&answer);
  ck_assert_msg (answer.error == NULL, "%s", answer.error->message);
  order = all_refs (model);
  ck_assert (g_str_has_prefix (order, "PAY-0001,PAY-0002,PAY-0003,PAY-0005,"));
  /* Partners are paid on subcontracts, leads on contracts. */
  expected = refs_by_sql (db, "SELECT ref FROM ("
                              "  SELECT p.id, p.ref, o.name FROM payment p"
                              "  JOIN subcontract s ON s.id = p.subcontract_id"
                              "  JOIN organisation o ON o.id = s.partner_id"
                              "  UNION ALL"
                              "  SELECT p.id, p.ref, o.name FROM payment p"
                              "  JOIN contract c ON c.id = p.contract_id"
                              "  JOIN organisation o ON o.id = c.lead_id)"
                              "ORDER BY name COLLATE NOCASE, id");
  ck_assert_str_eq (order, expected);

  /* Searched on the worker too; the total still counts every payment. */
  answer = (Answer) { 0 };
  candour_payment_list_query_async (list, "polish", NULL, NULL, CANDOUR_PAYMENT_SORT_PAID_ON, FALSE, on_answer, &answer);
  wait_for (&answer);
  ck_assert_msg (answer.error == NULL, "%s", answer.error->message);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 4);
  ck_assert_uint_eq (candour_payment_list_get_total (list), 198);
  ck_assert_str_eq (candour_payment_list_get_search (list), "polish");
  first = payment_ref (model, 0);
  ck_assert_str_eq (first, "PAY-0041");

  ck_assert_int_eq (candour_payment_list_get_sum (list), 800000);

  /* Back to every payment: counted and added up on the worker too, not here. */
  answer = (Answer) { 0 };
  candour_payment_list_query_async (list, "", NULL, NULL, CANDOUR_PAYMENT_SORT_NONE, FALSE, on_answer, &answer);
  ck_assert (candour_payment_list_get_busy (list));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 4);
  wait_for (&answer);
  ck_assert_msg (answer.error == NULL, "%s", answer.error->message);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 198);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 336240244);

  /* By date paid from there: the same count and sum, read a page at a time along
   * payment_by_paid_on, so the answer is there at once. */
  answer = (Answer) { 0 };
  candour_payment_list_query_async (list, NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_PAID_ON, TRUE, on_answer, &answer);
  ck_assert (!candour_payment_list_get_busy (list));
  ck_assert_int_eq (candour_payment_list_get_sort (list), CANDOUR_PAYMENT_SORT_PAID_ON);
  wait_for (&answer);
  ck_assert_msg (answer.error == NULL, "%s", answer.error->message);
  g_clear_pointer (&order, g_free);
  g_clear_pointer (&expected, g_free);
  order = all_refs (model);
  expected = refs_by_sql (db, "SELECT ref FROM payment ORDER BY paid_on DESC, id DESC");
  ck_assert_str_eq (order, expected);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 336240244);

  /* A range, on the worker. */
  answer = (Answer) { 0 };
  candour_payment_list_query_async (list, NULL, "2024-04-01", "2025-03-31", CANDOUR_PAYMENT_SORT_PAID_ON, TRUE,
                                    on_answer, &answer);
  ck_assert (candour_payment_list_get_busy (list));
  wait_for (&answer);
  ck_assert_msg (answer.error == NULL, "%s", answer.error->message);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 145);
  ck_assert_uint_eq (candour_payment_list_get_total (list), 198);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 231558309);
  ck_assert_str_eq (candour_payment_list_get_from (list), "2024-04-01");
  ck_assert_str_eq (candour_payment_list_get_to (list), "2025-03-31");

  g_clear_object (&list);
  g_clear_object (&db);
  test_remove_tree (folder);
}
END_TEST

typedef struct
{
  guint swaps;
  char *first;                  /* the first row after the last swap */
} Swaps;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Swaps      *swaps)
{
  if (added == 0)
    return;
  swaps->swaps++;
  g_free (swaps->first);
  swaps->first = payment_ref (model, 0);
}

/* A search finds a payment by its reference, its agreement's, its contract's, its
 * payer's or its payee's name, as the rows show them. */
START_TEST (test_payment_list_search_matches_what_rows_show)
{
  static const char * const terms[] = {
    "polish", "CON-01", "SUB-05", "kindred", "harrowfield", "PAY-01", "council", "Corvane",
  };
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(CandourPaymentList) list = candour_payment_list_new (db, NULL);

  for (guint t = 0; t < G_N_ELEMENTS (terms); t++)
    {
      g_autofree char *pattern = g_strdup_printf ("%%%s%%", terms[t]);
      g_autofree char *sql = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *expected = NULL;

      ck_assert (candour_payment_list_set_search (list, terms[t], NULL));
      shown = all_refs (G_LIST_MODEL (list));
      sql = g_strdup_printf ("SELECT p.ref FROM payment p\n" CANDOUR_PAYMENT_JOINS
                             "WHERE p.ref LIKE '%1$s' OR s.ref LIKE '%1$s' OR c.ref LIKE '%1$s'"
                             "   OR payer.name LIKE '%1$s' OR payee.name LIKE '%1$s' ORDER BY p.id",
                             pattern);
      expected = refs_by_sql (db, sql);
      ck_assert_msg (expected[0] != '\0', "nothing has %s", terms[t]);
      ck_assert_str_eq (shown, expected);
    }
}
END_TEST

/* The payments' refs in the list's order, joined with commas, after a search. */
static char *
refs_found (CandourPaymentList *list,
            const char         *search)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (candour_payment_list_set_search (list, search, &error), "%s: %s", search,
                 error ? error->message : "");
  return all_refs (G_LIST_MODEL (list));
}

/* A finance officer's searches on the demo in db: an amount however written, a day
 * however written, and the days paid between two dates; each with the listed
 * payments' sum. */
static void
assert_finds_amounts_dates_and_ranges (CandourDatabase *db)
{
  static const char * const amounts[] = { "22,500.00", "£22,500", "22500.0", "£22500.00", " 22500 " };
  static const char * const days[] = { "11/02/2025", "11/2/2025", "2025-02-11", "2025-2-11" };
  g_autoptr(CandourPaymentList) list = candour_payment_list_new (db, NULL);
  GListModel *model = G_LIST_MODEL (list);
  char *refs;

  ck_assert_uint_eq (g_list_model_get_n_items (model), 198);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 336240244);

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      refs = refs_found (list, amounts[i]);
      ck_assert_str_eq (refs, "PAY-0066,PAY-0113,PAY-0158");
      g_free (refs);
      ck_assert_int_eq (candour_payment_list_get_sum (list), 6750000);
      ck_assert_uint_eq (candour_payment_list_get_total (list), 198);
    }
  /* No payment of £22,500.01, nor one whose reference holds the figures. */
  refs = refs_found (list, "22500.01");
  ck_assert_str_eq (refs, "");
  g_free (refs);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 0);
  /* Bare digits may be a reference's: no payment of £66, but PAY-0066. */
  refs = refs_found (list, "0066");
  ck_assert_str_eq (refs, "PAY-0066");
  g_free (refs);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 2250000);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      refs = refs_found (list, days[i]);
      ck_assert_str_eq (refs, "PAY-0127,PAY-0128,PAY-0129");
      g_free (refs);
      ck_assert_int_eq (candour_payment_list_get_sum (list), 899999);
    }
  /* Not a day that exists: looked for as words, and not found. */
  refs = refs_found (list, "31/02/2025");
  ck_assert_str_eq (refs, "");
  g_free (refs);

  /* Names keep working, and add up. (Written as stored: a server's LIKE minds case.) */
  refs = refs_found (list, "Polish");
  ck_assert_str_eq (refs, "PAY-0041,PAY-0083,PAY-0135,PAY-0167");
  g_free (refs);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 800000);

  /* The financial year 2024-25, both days included, with the search and without. */
  ck_assert (candour_payment_list_set_range (list, "2024-04-01", "2025-03-31", NULL));
  refs = all_refs (model);
  ck_assert_str_eq (refs, "PAY-0041,PAY-0083,PAY-0135");
  g_free (refs);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 600000);
  ck_assert (candour_payment_list_set_search (list, NULL, NULL));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 145);
  ck_assert_uint_eq (candour_payment_list_get_total (list), 198);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 231558309);

  /* One side only. */
  ck_assert (candour_payment_list_set_range (list, "2025-04-01", NULL, NULL));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 44);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 81820826);
  ck_assert (candour_payment_list_set_range (list, NULL, "2024-03-31", NULL));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 9);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 22861109);

  /* February 2025, largest first. */
  ck_assert (candour_payment_list_set_range (list, "2025-02-01", "2025-02-28", NULL));
  ck_assert (candour_payment_list_set_sort (list, CANDOUR_PAYMENT_SORT_AMOUNT, TRUE, NULL));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 15);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 22012498);
  refs = all_refs (model);
  ck_assert (g_str_has_prefix (refs, "PAY-0134,PAY-0123,PAY-0125,"));
  g_free (refs);

  /* Cleared: every payment again, by date paid a page at a time. */
  ck_assert (candour_payment_list_set_range (list, NULL, NULL, NULL));
  ck_assert (candour_payment_list_set_sort (list, CANDOUR_PAYMENT_SORT_PAID_ON, FALSE, NULL));
  ck_assert_ptr_null (candour_payment_list_get_from (list));
  ck_assert_ptr_null (candour_payment_list_get_to (list));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 198);
  ck_assert_int_eq (candour_payment_list_get_sum (list), 336240244);
  refs = all_refs (model);
  ck_assert (g_str_has_prefix (refs, "PAY-0001,PAY-0002,PAY-0003,"));
  ck_assert (g_str_has_suffix (refs, ",PAY-0196,PAY-0197,PAY-0198"));
  g_free (refs);
  ck_assert (candour_payment_list_set_sort (list, CANDOUR_PAYMENT_SORT_PAID_ON, TRUE, NULL));
  refs = all_refs (model);
  ck_assert (g_str_has_prefix (refs, "PAY-0198,PAY-0197,PAY-0196,"));
  g_free (refs);
}

START_TEST (test_payment_list_finds_amounts_dates_and_ranges)
{
  g_autoptr(CandourDatabase) db = open_demo ();

  assert_finds_amounts_dates_and_ranges (db);
  {
    g_autoptr(CandourPaymentList) list = candour_payment_list_new (db, NULL);
    g_autofree char *order = NULL;
    g_autofree char *expected = refs_by_sql (db, "SELECT ref FROM payment ORDER BY paid_on, id");

    ck_assert (candour_payment_list_set_sort (list, CANDOUR_PAYMENT_SORT_PAID_ON, FALSE, NULL));
    order = all_refs (G_LIST_MODEL (list));
    ck_assert_str_eq (order, expected);
  }
}
END_TEST

/* The same SQL on a server, when the tests have one: the same payments, the same sums. */
START_TEST (test_payment_list_finds_the_same_on_a_server)
{
  const char *server = g_getenv ("CANDOUR_TEST_PG");
  g_autofree char *own = NULL;
  g_autoptr(GError) error = NULL;

  if (server == NULL)
    return;
  own = test_make_server_database (server, "candour_payments");
  {
    g_autoptr(CandourDatabase) db = test_open_server_database (own);

    ck_assert_msg (candour_demo_load (db, TODAY, &error), "%s", error ? error->message : "");
    assert_finds_amounts_dates_and_ranges (db);
  }
  test_drop_server_database (server, own);
}
END_TEST

/* A newer request wins even when the older one's answer comes back after it asked. */
START_TEST (test_payment_list_newer_request_wins)
{
  g_autofree char *folder = NULL;
  g_autoptr(CandourDatabase) db = open_demo_file (&folder);
  g_autoptr(CandourPaymentList) list = candour_payment_list_new (db, NULL);
  GListModel *model = G_LIST_MODEL (list);
  Answer older = { 0 };
  Answer newer = { 0 };
  Answer same = { 0 };
  Answer dropped = { 0 };
  Swaps swaps = { 0 };
  g_autofree char *first = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &swaps);

  /* Nothing runs on the main loop in between: however quick the older worker is, its
   * answer is only looked at after the newer request was made. */
  candour_payment_list_query_async (list, NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_AMOUNT, FALSE, on_answer, &older);
  candour_payment_list_query_async (list, NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_AMOUNT, TRUE, on_answer, &newer);
  /* Asked twice for the same: one answer for both. */
  candour_payment_list_query_async (list, NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_AMOUNT, TRUE, on_answer, &same);
  g_usleep (200000);
  wait_for (&older);
  wait_for (&newer);
  wait_for (&same);

  ck_assert (g_error_matches (older.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  ck_assert_msg (newer.error == NULL, "%s", newer.error->message);
  ck_assert_msg (same.error == NULL, "%s", same.error->message);
  ck_assert_uint_eq (swaps.swaps, 1);
  ck_assert_str_eq (swaps.first, "PAY-0169");
  ck_assert (candour_payment_list_get_descending (list));
  ck_assert (!candour_payment_list_get_busy (list));

  /* Cancelled: the answer is dropped and the list stays as it is. */
  candour_payment_list_query_async (list, "polish", NULL, NULL, CANDOUR_PAYMENT_SORT_AMOUNT, TRUE, on_answer, &dropped);
  candour_payment_list_cancel (list);
  ck_assert (!candour_payment_list_get_busy (list));
  wait_for (&dropped);
  ck_assert (g_error_matches (dropped.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  ck_assert_uint_eq (swaps.swaps, 1);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 198);
  ck_assert_ptr_null (candour_payment_list_get_search (list));
  first = payment_ref (model, 0);
  ck_assert_str_eq (first, "PAY-0169");

  g_clear_error (&older.error);
  g_clear_error (&dropped.error);
  g_free (swaps.first);
  g_signal_handlers_disconnect_by_data (list, &swaps);
  g_clear_object (&list);
  g_clear_object (&db);
  test_remove_tree (folder);
}
END_TEST

/* After the table changes, the same sort again; an in-memory database answers on the
 * main thread, as it has no second connection. */
START_TEST (test_payment_list_reloads_in_memory)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(CandourPaymentList) list = candour_payment_list_new (db, NULL);
  GListModel *model = G_LIST_MODEL (list);
  Answer answer = { 0 };
  g_autofree char *first = NULL;

  candour_payment_list_query_async (list, NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_AMOUNT, TRUE, on_answer, &answer);
  wait_for (&answer);
  ck_assert_msg (answer.error == NULL, "%s", answer.error->message);
  first = payment_ref (model, 0);
  ck_assert_str_eq (first, "PAY-0169");

  ck_assert (candour_database_exec (db, "UPDATE payment SET amount = 99999999 WHERE ref = 'PAY-0002'", NULL));
  answer = (Answer) { 0 };
  candour_payment_list_reload_async (list, on_answer, &answer);
  wait_for (&answer);
  ck_assert_msg (answer.error == NULL, "%s", answer.error->message);
  g_clear_pointer (&first, g_free);
  first = payment_ref (model, 0);
  ck_assert_str_eq (first, "PAY-0002");
  ck_assert_uint_eq (g_list_model_get_n_items (model), 198);
}
END_TEST

START_TEST (test_story)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(GListModel) findings = load_findings (db);
  g_autoptr(CandourFinding) acwh = find (findings, "BID-01", "ORG-ACWH");
  g_autoptr(CandourFinding) voices = find (findings, "BID-01", "ORG-VOICES");
  g_autoptr(CandourStory) story = NULL;
  g_autoptr(CandourStory) candy = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GArray) paid = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, today = candour_date_to_days (TODAY);
  const CandourStorySubcontract *subcontract;
  CandourStoryPoint *point;

  story = candour_story_load (db, acwh, TODAY, &error);
  ck_assert_msg (story != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (story->contract_ref, "CON-01");
  /* 5 % of the £2,400,000 contract */
  ck_assert_int_eq (story->promised_value, -1);
  ck_assert_int_eq (story->promised_share, 500);
  ck_assert_uint_eq (story->subcontracts->len, 1);
  subcontract = &g_array_index (story->subcontracts, CandourStorySubcontract, 0);
  ck_assert_str_eq (subcontract->ref, "SUB-02");
  ck_assert_str_eq (subcontract->start_on, "2023-09-29");
  ck_assert_uint_eq (g_list_model_get_n_items (story->payments), 14);

  /* On the day judged, the story agrees with the engine. */
  ck_assert_int_eq (candour_story_due_on (story, today), candour_finding_get_due (acwh));
  ck_assert_int_eq (candour_story_paid_on (story, today), candour_finding_get_paid (acwh));

  start = candour_date_to_days (story->contract_start_on);
  due = candour_story_due_points (story, start, today);
  /* Flat until the 30 days' terms have run, then a straight climb to today. */
  ck_assert_uint_eq (due->len, 3);
  point = &g_array_index (due, CandourStoryPoint, 1);
  ck_assert_int_eq (point->day, start + 29);
  ck_assert_int_eq (point->pence, 0);
  point = &g_array_index (due, CandourStoryPoint, 2);
  ck_assert_int_eq (point->pence, 6695890);

  paid = candour_story_paid_points (story, start, today);
  ck_assert_uint_eq (paid->len, 16);
  ck_assert_int_eq (g_array_index (paid, CandourStoryPoint, 0).pence, 0);
  ck_assert_int_eq (g_array_index (paid, CandourStoryPoint, paid->len - 1).pence, 4666662);

  candy = candour_story_load (db, voices, TODAY, NULL);
  ck_assert_uint_eq (candy->subcontracts->len, 0);
  ck_assert_uint_eq (g_list_model_get_n_items (candy->payments), 0);
  ck_assert_int_eq (candour_story_due_on (candy, today), 0);
}
END_TEST

START_TEST (test_report_rows)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(CandourReportRow) corvane = NULL;
  CandourReconcileOptions options;

  candour_reconcile_options_init (&options);
  options.as_of = g_strdup (TODAY);
  report = candour_report_scorecard (db, &options, NULL);
  rows = candour_report_row_list_load (report, NULL);
  candour_reconcile_options_clear (&options);

  ck_assert_uint_eq (g_list_model_get_n_items (rows), 5);
  corvane = g_list_model_get_item (rows, 0);
  ck_assert_uint_eq (candour_report_row_get_n_columns (corvane), 14);
  ck_assert_str_eq (candour_report_row_get_text (corvane, 1), "Corvane Support Services Ltd");
  ck_assert_str_eq (candour_report_row_get_text (corvane, 10), "£215,000.00");
  ck_assert_int_eq (candour_report_row_get_value (corvane, 10), 21500000);
  ck_assert_str_eq (candour_report_row_get_text (corvane, 13), "74.0%");
  ck_assert_int_eq (candour_report_row_get_value (corvane, 13), 740);
}
END_TEST

Suite *
candour_models_suite (void)
{
  Suite *suite = suite_create ("models");
  TCase *tc = tcase_create ("models");

  tcase_add_test (tc, test_findings_list);
  tcase_add_test (tc, test_findings_totals);
  tcase_add_test (tc, test_findings_summary);
  tcase_add_test (tc, test_finding_report_is_the_reconcile_report);
  tcase_add_test (tc, test_finding_report_keeps_the_list_order);
  tcase_add_test (tc, test_record_lists);
  tcase_add_test (tc, test_ref_search);
  tcase_add_test (tc, test_payment_list_reads_pages);
  tcase_add_test (tc, test_payment_list_sorts_and_searches);
  tcase_add_test (tc, test_payment_list_sorts_off_the_main_thread);
  tcase_add_test (tc, test_payment_list_search_matches_what_rows_show);
  tcase_add_test (tc, test_payment_list_finds_amounts_dates_and_ranges);
  tcase_add_test (tc, test_payment_list_finds_the_same_on_a_server);
  tcase_add_test (tc, test_payment_list_newer_request_wins);
  tcase_add_test (tc, test_payment_list_reloads_in_memory);
  tcase_add_test (tc, test_story);
  tcase_add_test (tc, test_report_rows);
  suite_add_tcase (suite, tc);
  return suite;
}
