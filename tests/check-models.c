/* check-models.c: the row objects and list models the GUI binds to
 *
 * Figures are the Harrowfield demo dated 30/06/2025 and judged on that day, as
 * src/core/demo/EXPECTED.md works them out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>

#include "check-suites.h"
#include "test-util.h"
#include "candour-bid.h"
#include "candour-consortium.h"
#include "candour-contract.h"
#include "candour-date.h"
#include "candour-demo.h"
#include "candour-finding.h"
#include "candour-organisation.h"
#include "candour-payment-list.h"
#include "candour-report-row.h"
#include "candour-story.h"

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
  tcase_add_test (tc, test_record_lists);
  tcase_add_test (tc, test_payment_list_reads_pages);
  tcase_add_test (tc, test_payment_list_sorts_and_searches);
  tcase_add_test (tc, test_story);
  tcase_add_test (tc, test_report_rows);
  suite_add_tcase (suite, tc);
  return suite;
}
