/* check-reconcile.c: the promise-keeping engine, status by status and date by date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>

#include "check-suites.h"
#include "test-fixture.h"
#include "test-util.h"
#include "candour-reports.h"
#include "candour-rules.h"

static char *
findings_csv (CandourDatabase *db,
              const char      *as_of,
              gint64           grace_days,
              gint64           tolerance,
              gboolean         all)
{
  CandourReconcileOptions options;
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  char *csv;

  candour_reconcile_options_init (&options);
  options.as_of = g_strdup (as_of);
  options.grace_days = grace_days;
  options.tolerance = tolerance;
  options.include_not_awarded = all;

  report = candour_report_findings (db, &options, &error);
  ck_assert_msg (report != NULL, "%s", error ? error->message : "");
  csv = test_report_csv (report);
  candour_reconcile_options_clear (&options);
  return csv;
}

/* The status column alone, partner by partner, for compact date-by-date checks. */
static char *
statuses (CandourDatabase *db,
          const char      *as_of,
          gint64           grace_days)
{
  g_autofree char *csv = findings_csv (db, as_of, grace_days, CANDOUR_DEFAULT_TOLERANCE, FALSE);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  GString *result = g_string_new (NULL);

  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *status = strrchr (lines[i], ',') + 1;
      g_string_append_printf (result, "%s%s", i > 1 ? " " : "", status);
    }
  return g_string_free (result, FALSE);
}

/* The rule every figure of what is due comes from (candour-rules.h), at its edges: a
 * £365 subcontract over 365 days on 30-day terms. */
START_TEST (test_due_rule)
{
  ck_assert_int_eq (candour_rules_due (36500, 0, 364, 30, 29), 0);
  ck_assert_int_eq (candour_rules_due (36500, 0, 364, 30, 30), 100);
  ck_assert_int_eq (candour_rules_due (36500, 0, 364, 30, 211), 18200);
  ck_assert_int_eq (candour_rules_due (36500, 0, 364, 30, 393), 36400);
  ck_assert_int_eq (candour_rules_due (36500, 0, 364, 30, 394), 36500);
  ck_assert_int_eq (candour_rules_due (36500, 0, 364, 30, 5000), 36500);
  /* Halves round away from zero: £1 over three days, a third due, is 33p. */
  ck_assert_int_eq (candour_rules_due (100, 0, 2, 0, 0), 33);
  ck_assert_int_eq (candour_rules_due (100, 0, 1, 0, 0), 50);
  ck_assert_int_eq (candour_rules_due (-100, 0, 2, 0, 1), -67);
  /* A period that ends before it starts is due whole once its terms have run. */
  ck_assert_int_eq (candour_rules_due (36500, 10, 5, 0, 9), 0);
  ck_assert_int_eq (candour_rules_due (36500, 10, 5, 0, 10), 36500);
}
END_TEST

START_TEST (test_findings_in_full)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autofree char *csv = findings_csv (db, "2025-06-30", 90, 1000, FALSE);

  /* S1: 151 of 365 days payable by 30/06 (180 days in, less 30 days' terms, plus 1):
   * £100,000 × 151 / 365 = £41,369.863 → £41,369.86. S3: £30,000 × 151 / 365 → £12,410.96. */
  ck_assert_str_eq (csv,
    "bid_ref,contract_ref,lead_ref,lead_name,partner_ref,partner_name,partner_size,consent,"
    "promised,subcontracted,due,paid,status\n"
    "B1,C1,LEAD,Lead Ltd,P1,Partner One,small,yes,100000.00,100000.00,41369.86,40000.00,honoured\n"
    "B1,C1,LEAD,Lead Ltd,P2,Partner Two,micro,unknown,50000.00,0.00,0.00,0.00,bid_candy\n"
    "B1,C1,LEAD,Lead Ltd,P3,Partner Three,unknown,no,50000.00,30000.00,12410.96,0.00,short_changed\n"
    "B1,C1,LEAD,Lead Ltd,P4,Partner Four,medium,yes,,0.00,0.00,0.00,bid_candy\n"
    "B1,C1,LEAD,Lead Ltd,P5,Partner Five,large,yes,100000.00,100000.00,41369.86,0.00,underpaid\n"
    "B2,,LEAD,Lead Ltd,P1,Partner One,small,unknown,10000.00,0.00,0.00,0.00,pending\n");
}
END_TEST

START_TEST (test_not_awarded_only_when_asked)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autofree char *csv = findings_csv (db, "2025-06-30", 90, 1000, TRUE);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

  ck_assert_uint_eq (g_strv_length (lines), 9);
  /* A lost bid's share is of the bid's value: 20 % of £300,000. */
  ck_assert_str_eq (lines[7], "B3,,LEAD,Lead Ltd,P2,Partner Two,micro,unknown,60000.00,0.00,0.00,0.00,not_awarded");
}
END_TEST

START_TEST (test_statuses_through_the_contract)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  struct {
    const char *as_of;
    gint64 grace;
    const char *expected;
  } cases[] = {
    /* Before the start every partner waits. */
    { "2024-12-31", 90, "pending pending pending pending pending pending" },
    /* The first day: no subcontract yet is only awaiting; nothing is due for 30 days. */
    { "2025-01-01", 90, "honoured awaiting_subcontract short_changed awaiting_subcontract honoured pending" },
    /* 29 days in, D − terms − start + 1 = 0: still nothing due. */
    { "2025-01-30", 90, "honoured awaiting_subcontract short_changed awaiting_subcontract honoured pending" },
    /* 30 days in: one day's work is due and nothing paid. */
    { "2025-01-31", 90, "underpaid awaiting_subcontract short_changed awaiting_subcontract underpaid pending" },
    /* D − start = 90 = G: still within grace; 91: bid candy. */
    { "2025-04-01", 90, "honoured awaiting_subcontract short_changed awaiting_subcontract underpaid pending" },
    { "2025-04-02", 90, "honoured bid_candy short_changed bid_candy underpaid pending" },
    { "2025-04-02", 91, "honoured awaiting_subcontract short_changed awaiting_subcontract underpaid pending" },
    { "2025-01-01", 0, "honoured awaiting_subcontract short_changed awaiting_subcontract honoured pending" },
    { "2025-01-02", 0, "honoured bid_candy short_changed bid_candy honoured pending" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *actual = statuses (db, cases[i].as_of, cases[i].grace);
      ck_assert_msg (g_str_equal (actual, cases[i].expected), "as of %s, grace %" G_GINT64_FORMAT ": %s",
                     cases[i].as_of, cases[i].grace, actual);
    }
}
END_TEST

START_TEST (test_tolerance_is_exact)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autofree char *problems = NULL;

  /* By 31/12/2026 (after the end) all £100,000 of S5 is due. 90 % is £90,000: paying
   * exactly that is within a 10 % tolerance; a penny less is not. */
  problems = test_import (db, "payments.csv", "subcontract_ref,amount,paid_on\nS5,89999.99,2025-12-01\n", NULL);
  ck_assert_str_eq (problems, "");
  {
    g_autofree char *csv = findings_csv (db, "2026-12-31", 90, 1000, FALSE);
    ck_assert_ptr_nonnull (strstr (csv, "P5,Partner Five,large,yes,100000.00,100000.00,100000.00,89999.99,underpaid"));
  }
  g_free (problems);
  problems = test_import (db, "payments.csv", "subcontract_ref,amount,paid_on\nS5,0.01,2025-12-02\n", NULL);
  {
    g_autofree char *csv = findings_csv (db, "2026-12-31", 90, 1000, FALSE);
    ck_assert_ptr_nonnull (strstr (csv, "P5,Partner Five,large,yes,100000.00,100000.00,100000.00,90000.00,honoured"));
    g_autofree char *strict = findings_csv (db, "2026-12-31", 90, 0, FALSE);
    ck_assert_ptr_nonnull (strstr (strict, "90000.00,underpaid"));
  }
}
END_TEST

START_TEST (test_payments_after_the_date_and_refunds)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autofree char *problems = NULL;

  problems = test_import (db, "payments.csv",
                          "subcontract_ref,amount,paid_on\nS1,-5000,2025-06-20\nS1,99999,2025-07-01\n", NULL);
  ck_assert_str_eq (problems, "");
  {
    g_autofree char *csv = findings_csv (db, "2025-06-30", 90, 1000, FALSE);
    /* £40,000 paid less a £5,000 clawback; the July payment does not count yet. */
    ck_assert_ptr_nonnull (strstr (csv, "P1,Partner One,small,yes,100000.00,100000.00,41369.86,35000.00,underpaid"));
  }
}
END_TEST

START_TEST (test_share_promise_rounds_half_away_from_zero)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *problems = NULL;
  g_autofree char *csv = NULL;

  /* 12.5 % of £12,345.64 is £1,543.205: the half penny rounds up. */
  problems = test_import (db,
                          "organisations.csv", "ref,name\nL,Lead\nC,Council\nP,Partner\n",
                          "bids.csv", "ref,title,lead_ref,commissioner_ref,value,outcome\nB,Bid,L,C,1,won\n",
                          "bid_partners.csv", "bid_ref,partner_ref,promised_share\nB,P,12.5\n",
                          "contracts.csv", "ref,bid_ref,value,start_on,end_on\nK,B,12345.64,2025-01-01,2025-12-31\n",
                          "subcontracts.csv", "ref,contract_ref,partner_ref,value\nS,K,P,1543.20\n",
                          NULL);
  ck_assert_str_eq (problems, "");
  csv = findings_csv (db, "2025-01-01", 90, 1000, FALSE);
  ck_assert_ptr_nonnull (strstr (csv, ",1543.21,1543.20,0.00,0.00,short_changed\n"));
}
END_TEST

Suite *
candour_reconcile_suite (void)
{
  Suite *suite = suite_create ("reconcile");
  TCase *tc = tcase_create ("reconcile");

  tcase_add_test (tc, test_due_rule);
  tcase_add_test (tc, test_findings_in_full);
  tcase_add_test (tc, test_not_awarded_only_when_asked);
  tcase_add_test (tc, test_statuses_through_the_contract);
  tcase_add_test (tc, test_tolerance_is_exact);
  tcase_add_test (tc, test_payments_after_the_date_and_refunds);
  tcase_add_test (tc, test_share_promise_rounds_half_away_from_zero);
  suite_add_tcase (suite, tc);
  return suite;
}
