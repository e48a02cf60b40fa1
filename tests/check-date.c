/* check-date.c: dates typed the UK way and stored as ISO 8601
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <string.h>

#include "candour-date.h"
#include "candour-error.h"

Suite *candour_date_suite (void);

static void
assert_parses (const char *text,
               const char *expected_iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  ck_assert_msg (candour_date_parse (text, &iso, &error),
                 "'%s' refused: %s", text, error ? error->message : "");
  ck_assert_ptr_null (error);
  ck_assert_str_eq (iso, expected_iso);
}

static void
assert_refused (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  char *iso = NULL;

  ck_assert_msg (!candour_date_parse (text, &iso, &error), "'%s' accepted", text);
  ck_assert_ptr_null (iso);
  ck_assert_ptr_nonnull (error);
  ck_assert (g_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID));
  ck_assert_str_eq (error->message, message);
}

#define NOT_A_DATE " is not a date; write it as DD/MM/YYYY, such as 01/04/2025, or as YYYY-MM-DD"

START_TEST (test_parse_accepts)
{
  assert_parses ("2025-04-01", "2025-04-01");
  assert_parses ("01/04/2025", "2025-04-01");
  assert_parses ("1/4/2025", "2025-04-01");
  assert_parses ("  1/4/2025\t", "2025-04-01");
  assert_parses (" 2025-04-01 ", "2025-04-01");
  assert_parses ("2025-4-1", "2025-04-01");
  assert_parses ("2024-02-29", "2024-02-29");
  assert_parses ("29/02/2000", "2000-02-29");
  assert_parses ("31/12/2999", "2999-12-31");
  assert_parses ("1900-01-02", "1900-01-02");
}
END_TEST

START_TEST (test_parse_refuses)
{
  assert_refused ("1900-01-01", "'1900-01-01' is day one of Excel's calendar: the spreadsheet cell was "
                  "probably empty or not a date; leave it empty or give the real date");
  assert_refused ("01/01/1900", "'01/01/1900' is day one of Excel's calendar: the spreadsheet cell was "
                  "probably empty or not a date; leave it empty or give the real date");
  assert_refused ("31/02/2025", "'31/02/2025' is not a real date: February 2025 has 28 days");
  assert_refused ("2025-02-29", "'2025-02-29' is not a real date: February 2025 has 28 days");
  assert_refused ("29/02/1900", "'29/02/1900' is not a real date: February 1900 has 28 days");
  assert_refused ("31/04/2025", "'31/04/2025' is not a real date: April 2025 has 30 days");
  assert_refused ("2025-13-01", "'2025-13-01' is not a real date: there is no month 13");
  assert_refused ("01/00/2025", "'01/00/2025' is not a real date: there is no month 0");
  assert_refused ("00/04/2025", "'00/04/2025' is not a real date: there is no day 0");
  assert_refused ("1/4/25",
                  "'1/4/25' has a two-digit year; write the year in full, such as 01/04/2025");
  assert_refused ("01/04/1899", "'01/04/1899' is outside the years Candour accepts, 1900 to 2999");
  assert_refused ("3000-01-01", "'3000-01-01' is outside the years Candour accepts, 1900 to 2999");
  assert_refused ("", "the date is empty");
  assert_refused ("  ", "the date is empty");
  assert_refused ("01-04-2025", "'01-04-2025'" NOT_A_DATE);
  assert_refused ("2025/04/01", "'2025/04/01'" NOT_A_DATE);
  assert_refused ("1/4/025", "'1/4/025'" NOT_A_DATE);
  assert_refused ("1/4/20250", "'1/4/20250'" NOT_A_DATE);
  assert_refused ("001/4/2025", "'001/4/2025'" NOT_A_DATE);
  assert_refused ("2025-04-001", "'2025-04-001'" NOT_A_DATE);
  assert_refused ("2025-04-01T10:00", "'2025-04-01T10:00'" NOT_A_DATE);
  assert_refused ("20250401", "'20250401'" NOT_A_DATE);
  assert_refused ("1 April 2025", "'1 April 2025'" NOT_A_DATE);
  assert_refused ("-1/4/2025", "'-1/4/2025'" NOT_A_DATE);
}
END_TEST

START_TEST (test_to_days)
{
  ck_assert_int_eq (candour_date_to_days ("0001-01-01"), 1);
  ck_assert_int_eq (candour_date_to_days ("2025-04-01") - candour_date_to_days ("2025-03-31"), 1);
  ck_assert_int_eq (candour_date_to_days ("2025-01-01") - candour_date_to_days ("2024-01-01"), 366);
  ck_assert_int_eq (candour_date_to_days ("2025-03-01") - candour_date_to_days ("2025-02-28"), 1);
  ck_assert_int_eq (candour_date_to_days ("2025-04-01"), 739342);
  ck_assert_int_eq (candour_date_to_days ("2025-02-30"), 0);
  ck_assert_int_eq (candour_date_to_days ("01/04/2025"), 0);
  ck_assert_int_eq (candour_date_to_days ("2025-4-1"), 0);
  ck_assert_int_eq (candour_date_to_days (""), 0);
}
END_TEST

START_TEST (test_today)
{
  g_autofree char *today = candour_date_today ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_date_time_format (now, "%Y-%m-%d");

  /* Straddling midnight between the two calls is the only way this can differ. */
  ck_assert_int_eq (strlen (today), 10);
  ck_assert_int_ne (candour_date_to_days (today), 0);
  ck_assert_str_eq (today, expected);
}
END_TEST

static void
assert_display (const char *iso,
                const char *expected)
{
  g_autofree char *text = candour_date_format_display (iso);

  ck_assert_str_eq (text, expected);
}

START_TEST (test_format_display)
{
  assert_display ("2025-04-01", "01/04/2025");
  assert_display ("1999-12-31", "31/12/1999");
  assert_display ("not a date", "not a date");
  assert_display ("", "");
  assert_display ("2025-02-30", "2025-02-30");
}
END_TEST

Suite *
candour_date_suite (void)
{
  Suite *suite = suite_create ("date");
  TCase *tc = tcase_create ("date");

  tcase_add_test (tc, test_parse_accepts);
  tcase_add_test (tc, test_parse_refuses);
  tcase_add_test (tc, test_to_days);
  tcase_add_test (tc, test_today);
  tcase_add_test (tc, test_format_display);
  suite_add_tcase (suite, tc);

  return suite;
}
