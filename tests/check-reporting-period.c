/* check-reporting-period.c: financial years and quarters from a day and a start month
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>

#include "candour-error.h"
#include "candour-reporting-period.h"

Suite *candour_reporting_period_suite (void);

static void
assert_bounds (const CandourReportingPeriod *period,
               const char                   *first,
               const char                   *last)
{
  ck_assert_str_eq (period->first, first);
  ck_assert_str_eq (period->last, last);
}

static void
assert_choice (CandourReportingChoice  choice,
               const char             *day,
               int                     start_month,
               const char             *first,
               const char             *last)
{
  CandourReportingPeriod period;

  ck_assert (candour_reporting_period_choose (&period, choice, day, start_month));
  ck_assert_msg (g_str_equal (period.first, first) && g_str_equal (period.last, last),
                 "choice %d from %s, start month %d: %s to %s, not %s to %s",
                 choice, day, start_month, period.first, period.last, first, last);
}

START_TEST (test_year_of)
{
  static const struct { const char *day; int start_month; int year; } cases[] = {
    /* April: the UK's year, 01/04 to 31/03. */
    { "2025-03-31", 4, 2024 },
    { "2025-04-01", 4, 2025 },
    { "2026-03-31", 4, 2025 },
    { "2025-12-31", 4, 2025 },
    { "2026-01-01", 4, 2025 },
    /* January: the calendar year. */
    { "2025-01-01", 1, 2025 },
    { "2025-12-31", 1, 2025 },
    { "2024-12-31", 1, 2024 },
    /* December: all but one month in the next calendar year. */
    { "2025-11-30", 12, 2024 },
    { "2025-12-01", 12, 2025 },
    /* Leap day. */
    { "2024-02-29", 4, 2023 },
    { "2024-02-29", 1, 2024 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int year = 0;

      ck_assert (candour_financial_year_of (cases[i].day, cases[i].start_month, &year));
      ck_assert_msg (year == cases[i].year, "%s from month %d: %d, not %d",
                     cases[i].day, cases[i].start_month, year, cases[i].year);
    }
}
END_TEST

START_TEST (test_quarter_of)
{
  static const struct { const char *day; int start_month; int year; int quarter; } cases[] = {
    { "2025-04-01", 4, 2025, 1 },
    { "2025-06-30", 4, 2025, 1 },
    { "2025-07-01", 4, 2025, 2 },
    { "2025-09-30", 4, 2025, 2 },
    { "2025-10-01", 4, 2025, 3 },
    { "2025-12-31", 4, 2025, 3 },
    { "2026-01-01", 4, 2025, 4 },
    { "2026-03-31", 4, 2025, 4 },
    { "2025-01-01", 1, 2025, 1 },
    { "2025-03-31", 1, 2025, 1 },
    { "2025-04-01", 1, 2025, 2 },
    { "2025-12-31", 1, 2025, 4 },
    { "2024-02-29", 4, 2023, 4 },
    { "2024-02-29", 1, 2024, 1 },
    /* September: the academic year. */
    { "2025-08-31", 9, 2024, 4 },
    { "2025-09-01", 9, 2025, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int year = 0, quarter = 0;

      ck_assert (candour_financial_quarter_of (cases[i].day, cases[i].start_month, &year, &quarter));
      ck_assert_msg (year == cases[i].year && quarter == cases[i].quarter,
                     "%s from month %d: Q%d of %d, not Q%d of %d", cases[i].day, cases[i].start_month,
                     quarter, year, cases[i].quarter, cases[i].year);
    }
}
END_TEST

START_TEST (test_not_a_day)
{
  CandourReportingPeriod period;
  int year, quarter;

  ck_assert (!candour_financial_year_of ("2025-02-29", 4, &year));
  ck_assert (!candour_financial_year_of ("01/04/2025", 4, &year));
  ck_assert (!candour_financial_quarter_of ("", 4, &year, &quarter));
  ck_assert (!candour_reporting_period_choose (&period, CANDOUR_REPORTING_THIS_YEAR, "2025-4-1", 4));
}
END_TEST

START_TEST (test_year_bounds)
{
  CandourReportingPeriod period;

  candour_reporting_period_year (&period, 2025, 4);
  ck_assert_int_eq (period.shape, CANDOUR_REPORTING_SHAPE_YEAR);
  assert_bounds (&period, "2025-04-01", "2026-03-31");
  candour_reporting_period_year (&period, 2025, 1);
  assert_bounds (&period, "2025-01-01", "2025-12-31");
  /* A year ending in February ends on the 29th in a leap year. */
  candour_reporting_period_year (&period, 2023, 3);
  assert_bounds (&period, "2023-03-01", "2024-02-29");
  candour_reporting_period_year (&period, 2024, 3);
  assert_bounds (&period, "2024-03-01", "2025-02-28");
  candour_reporting_period_year (&period, 2025, 12);
  assert_bounds (&period, "2025-12-01", "2026-11-30");
}
END_TEST

START_TEST (test_quarter_bounds)
{
  static const struct { int year; int start_month; int quarter; const char *first; const char *last; } cases[] = {
    { 2025, 4, 1, "2025-04-01", "2025-06-30" },
    { 2025, 4, 2, "2025-07-01", "2025-09-30" },
    { 2025, 4, 3, "2025-10-01", "2025-12-31" },
    { 2025, 4, 4, "2026-01-01", "2026-03-31" },
    { 2025, 1, 1, "2025-01-01", "2025-03-31" },
    { 2025, 1, 4, "2025-10-01", "2025-12-31" },
    /* The quarter holding February: 29 days in 2024, 28 in 2025. */
    { 2023, 12, 1, "2023-12-01", "2024-02-29" },
    { 2024, 12, 1, "2024-12-01", "2025-02-28" },
    { 2023, 11, 2, "2024-02-01", "2024-04-30" },
    { 2025, 12, 4, "2026-09-01", "2026-11-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CandourReportingPeriod period;

      candour_reporting_period_quarter (&period, cases[i].year, cases[i].start_month, cases[i].quarter);
      ck_assert_int_eq (period.shape, CANDOUR_REPORTING_SHAPE_QUARTER);
      ck_assert_int_eq (period.quarter, cases[i].quarter);
      assert_bounds (&period, cases[i].first, cases[i].last);
    }
}
END_TEST

START_TEST (test_choices)
{
  CandourReportingPeriod period;

  /* The demo's day, 30/06/2025, with an April year. */
  assert_choice (CANDOUR_REPORTING_THIS_YEAR, "2025-06-30", 4, "2025-04-01", "2026-03-31");
  assert_choice (CANDOUR_REPORTING_LAST_YEAR, "2025-06-30", 4, "2024-04-01", "2025-03-31");
  assert_choice (CANDOUR_REPORTING_THIS_QUARTER, "2025-06-30", 4, "2025-04-01", "2025-06-30");
  assert_choice (CANDOUR_REPORTING_LAST_QUARTER, "2025-06-30", 4, "2025-01-01", "2025-03-31");
  /* On the boundaries: the first day is the new year's, the last the old one's. */
  assert_choice (CANDOUR_REPORTING_THIS_YEAR, "2025-04-01", 4, "2025-04-01", "2026-03-31");
  assert_choice (CANDOUR_REPORTING_THIS_YEAR, "2025-03-31", 4, "2024-04-01", "2025-03-31");
  assert_choice (CANDOUR_REPORTING_LAST_QUARTER, "2025-04-01", 4, "2025-01-01", "2025-03-31");
  assert_choice (CANDOUR_REPORTING_LAST_QUARTER, "2025-07-01", 4, "2025-04-01", "2025-06-30");
  /* January: calendar years and quarters. */
  assert_choice (CANDOUR_REPORTING_THIS_YEAR, "2025-06-30", 1, "2025-01-01", "2025-12-31");
  assert_choice (CANDOUR_REPORTING_LAST_YEAR, "2025-01-01", 1, "2024-01-01", "2024-12-31");
  assert_choice (CANDOUR_REPORTING_THIS_QUARTER, "2025-06-30", 1, "2025-04-01", "2025-06-30");
  assert_choice (CANDOUR_REPORTING_LAST_QUARTER, "2025-02-14", 1, "2024-10-01", "2024-12-31");
  /* Leap years. */
  assert_choice (CANDOUR_REPORTING_THIS_QUARTER, "2024-02-29", 12, "2023-12-01", "2024-02-29");
  assert_choice (CANDOUR_REPORTING_LAST_QUARTER, "2024-03-01", 12, "2023-12-01", "2024-02-29");
  assert_choice (CANDOUR_REPORTING_LAST_YEAR, "2024-02-29", 3, "2022-03-01", "2023-02-28");

  ck_assert (candour_reporting_period_choose (&period, CANDOUR_REPORTING_ALL_TIME, NULL, 4));
  ck_assert_int_eq (period.shape, CANDOUR_REPORTING_SHAPE_ALL);
  ck_assert_ptr_null (candour_reporting_period_get_first (&period));
  ck_assert_ptr_null (candour_reporting_period_get_last (&period));
}
END_TEST

START_TEST (test_names)
{
  g_autofree char *april = candour_financial_year_name (2025, 4);
  g_autofree char *january = candour_financial_year_name (2025, 1);
  g_autofree char *century = candour_financial_year_name (1999, 4);

  ck_assert_str_eq (april, "2025\u201326");
  ck_assert_str_eq (january, "2025");
  ck_assert_str_eq (century, "1999\u201300");
}
END_TEST

START_TEST (test_dates)
{
  CandourReportingPeriod period;
  g_autoptr(GError) error = NULL;

  ck_assert (candour_reporting_period_dates (&period, "2025-04-01", "2025-04-01", NULL));
  ck_assert_int_eq (period.shape, CANDOUR_REPORTING_SHAPE_DATES);
  assert_bounds (&period, "2025-04-01", "2025-04-01");
  ck_assert (candour_reporting_period_dates (&period, NULL, "2025-04-01", NULL));
  ck_assert_ptr_null (candour_reporting_period_get_first (&period));
  ck_assert_str_eq (candour_reporting_period_get_last (&period), "2025-04-01");
  ck_assert (candour_reporting_period_dates (&period, NULL, NULL, NULL));
  ck_assert_int_eq (period.shape, CANDOUR_REPORTING_SHAPE_ALL);

  ck_assert (!candour_reporting_period_dates (&period, "2025-04-02", "2025-04-01", &error));
  ck_assert (g_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID));
  ck_assert_str_eq (error->message, "02/04/2025 is after 01/04/2025; no payment could be in between");
}
END_TEST

static void
assert_parse (const char *text,
              int         start_month,
              const char *first,
              const char *last)
{
  CandourReportingPeriod period;
  g_autoptr(GError) error = NULL;

  ck_assert_msg (candour_reporting_period_parse (&period, text, start_month, &error),
                 "%s refused: %s", text, error != NULL ? error->message : "");
  assert_bounds (&period, first, last);
}

static void
assert_parse_refused (const char *text,
                      int         start_month,
                      const char *message)
{
  CandourReportingPeriod period;
  g_autoptr(GError) error = NULL;

  ck_assert (!candour_reporting_period_parse (&period, text, start_month, &error));
  ck_assert (g_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID));
  ck_assert_str_eq (error->message, message);
}

START_TEST (test_parse)
{
  assert_parse ("2025-26", 4, "2025-04-01", "2026-03-31");
  assert_parse ("2025-26-Q1", 4, "2025-04-01", "2025-06-30");
  assert_parse ("2025-26-q4", 4, "2026-01-01", "2026-03-31");
  assert_parse ("1999-00", 4, "1999-04-01", "2000-03-31");
  assert_parse ("2025", 1, "2025-01-01", "2025-12-31");
  assert_parse ("2024-Q1", 1, "2024-01-01", "2024-03-31");

  assert_parse_refused ("2025", 4, "'2025' could be the financial year 2024\u201325 or 2025\u201326; "
                                   "say which, such as 2025-26");
  assert_parse_refused ("2025-Q1", 4, "'2025-Q1' could be the financial year 2024\u201325 or 2025\u201326; "
                                      "say which, such as 2025-26");
  assert_parse_refused ("2025-27", 4, "'2025-27': a financial year runs into the next calendar year, "
                                      "such as 2025-26");
  assert_parse_refused ("2025-26", 1, "'2025-26': a financial year starting in January is one calendar "
                                      "year; say 2025");
  assert_parse_refused ("FY25", 4, "'FY25' is not a financial year or quarter; write it as 2025-26 or 2025-26-Q1");
  assert_parse_refused ("2025-26-Q5", 4, "'2025-26-Q5' is not a financial year or quarter; write it as "
                                         "2025-26 or 2025-26-Q1");
  assert_parse_refused ("2025/26", 1, "'2025/26' is not a financial year or quarter; write it as "
                                      "2025 or 2025-Q1");
}
END_TEST

Suite *
candour_reporting_period_suite (void)
{
  Suite *suite = suite_create ("reporting-period");
  TCase *tc = tcase_create ("reporting-period");

  tcase_add_test (tc, test_year_of);
  tcase_add_test (tc, test_quarter_of);
  tcase_add_test (tc, test_not_a_day);
  tcase_add_test (tc, test_year_bounds);
  tcase_add_test (tc, test_quarter_bounds);
  tcase_add_test (tc, test_choices);
  tcase_add_test (tc, test_names);
  tcase_add_test (tc, test_dates);
  tcase_add_test (tc, test_parse);
  suite_add_tcase (suite, tc);
  return suite;
}
