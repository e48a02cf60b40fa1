/* check-reports.c: scorecard, contract shares and payment times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>

#include "check-suites.h"
#include "test-fixture.h"
#include "test-util.h"
#include "candour-record-query.h"
#include "candour-reports.h"

START_TEST (test_scorecard)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autoptr(CandourReport) report = NULL;
  g_autofree char *csv = NULL;
  CandourReconcileOptions options;

  candour_reconcile_options_init (&options);
  options.as_of = g_strdup ("2025-06-30");
  report = candour_report_scorecard (db, &options, NULL);
  ck_assert_ptr_nonnull (report);
  csv = test_report_csv (report);

  /* Kept: min(100k,100k) + 0 + min(30k,50k) + min(100k,100k) + 0 = £230,000 of £310,000
   * promised = 74.19… % → 74.2. P4 has no promise and is left out of both sums. */
  ck_assert_str_eq (csv,
    "lead_ref,lead_name,bids_won,partners_named,honoured,bid_candy,short_changed,underpaid,"
    "awaiting_subcontract,pending,promised,subcontracted,paid,promise_kept_percent\n"
    "LEAD,Lead Ltd,2,6,1,2,1,1,0,1,310000.00,230000.00,40000.00,74.2\n");
  candour_reconcile_options_clear (&options);
}
END_TEST

START_TEST (test_shares)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autoptr(CandourReport) report = candour_report_shares (db, NULL);
  g_autofree char *csv = test_report_csv (report);

  /* Smaller: P1 (£50k income) only; P3's income is unknown and P5's is £2m. £100,000 of
   * £1,000,000 is exactly the 10 % required. */
  ck_assert_str_eq (csv,
    "contract_ref,lead_ref,value,subcontracted,retained,retained_percent,small_share_percent,"
    "required_small_share,meets_requirement\n"
    "C1,LEAD,1000000.00,230000.00,770000.00,77.0,10.0,10.0,yes\n"
    "C2,LEAD,200000.00,0.00,200000.00,100.0,0.0,5.0,no\n");
}
END_TEST

START_TEST (test_payment_times)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  CandourPaymentTimesOptions options = { 0 };
  g_autofree char *csv = NULL;
  g_autofree char *recent = NULL;

  {
    g_autoptr(CandourReport) report = candour_report_payment_times (db, &options, NULL);
    csv = test_report_csv (report);
  }
  /* Lead: 23 and 75 days (terms 30). Council: 40 days; its refund and its payment
   * without an invoice date are left out. */
  ck_assert_str_eq (csv,
    "payer_ref,payer_name,payments,average_days,within_30_percent,days_31_to_60_percent,"
    "over_60_percent,late_against_terms_percent\n"
    "COMM,Council,1,40.0,0.0,100.0,0.0,100.0\n"
    "LEAD,Lead Ltd,2,49.0,50.0,0.0,50.0,50.0\n");

  options.from = (char *)"2025-06-15";
  options.to = (char *)"2025-06-15";
  {
    g_autoptr(CandourReport) report = candour_report_payment_times (db, &options, NULL);
    recent = test_report_csv (report);
  }
  ck_assert_str_eq (recent,
    "payer_ref,payer_name,payments,average_days,within_30_percent,days_31_to_60_percent,"
    "over_60_percent,late_against_terms_percent\n"
    "LEAD,Lead Ltd,1,75.0,0.0,0.0,100.0,100.0\n");
}
END_TEST

START_TEST (test_display_format)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autoptr(CandourReport) report = candour_report_shares (db, NULL);
  g_autofree char *value = NULL;
  g_autofree char *percent = NULL;

  ck_assert (candour_report_next (report, NULL));
  value = candour_report_format_cell (report, 2, CANDOUR_CELL_FORMAT_DISPLAY);
  percent = candour_report_format_cell (report, 5, CANDOUR_CELL_FORMAT_DISPLAY);
  ck_assert_str_eq (value, "£1,000,000.00");
  ck_assert_str_eq (percent, "77.0%");
}
END_TEST

/* A contract's subcontracts and payments as its evidence spreadsheet has them: refs,
 * names and money, no record ids, payments by the day paid. */
START_TEST (test_contract_evidence)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  gint64 c1 = test_query_int (db, "SELECT id FROM contract WHERE ref = 'C1'");
  g_autoptr(CandourReport) subcontracts = candour_report_contract_subcontracts_evidence (db, c1, NULL);
  g_autoptr(CandourReport) payments = candour_report_contract_payments_evidence (db, c1, NULL);
  g_autofree char *subcontracts_csv = NULL;
  g_autofree char *payments_csv = NULL;

  ck_assert_ptr_nonnull (subcontracts);
  ck_assert_ptr_nonnull (payments);
  subcontracts_csv = test_report_csv (subcontracts);
  payments_csv = test_report_csv (payments);
  ck_assert_str_eq (subcontracts_csv,
                    "subcontract_ref,partner_ref,partner_name,value,start_on,end_on,payment_terms_days,paid\n"
                    "S1,P1,Partner One,100000.00,,,30,40000.00\n"
                    "S3,P3,Partner Three,30000.00,,,30,0.00\n"
                    "S4,P4,Partner Four,0.00,,,30,0.00\n"
                    "S5,P5,Partner Five,100000.00,,,30,0.00\n");
  ck_assert_str_eq (payments_csv,
                    "paid_on,amount,payee_name,subcontract_ref,invoiced_on,payment_ref\n"
                    "2025-02-10,250000.00,Lead Ltd,,2025-01-01,PC1\n"
                    "2025-02-11,-500.00,Lead Ltd,,2025-01-01,PC2\n"
                    "2025-03-15,20000.00,Partner One,S1,2025-02-20,PS1\n"
                    "2025-05-10,250000.00,Lead Ltd,,,PC3\n"
                    "2025-06-15,20000.00,Partner One,S1,2025-04-01,PS2\n");
}
END_TEST

Suite *
candour_reports_suite (void)
{
  Suite *suite = suite_create ("reports");
  TCase *tc = tcase_create ("reports");

  tcase_add_test (tc, test_scorecard);
  tcase_add_test (tc, test_shares);
  tcase_add_test (tc, test_payment_times);
  tcase_add_test (tc, test_display_format);
  tcase_add_test (tc, test_contract_evidence);
  suite_add_tcase (suite, tc);
  return suite;
}
