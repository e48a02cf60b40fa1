/* check-percent.c: percentages in basis points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>

#include "candour-error.h"
#include "candour-percent.h"

Suite *candour_percent_suite (void);

static gint64
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 basis_points = -1;

  ck_assert_msg (candour_percent_parse (text, &basis_points, &error),
                 "'%s' refused: %s", text, error ? error->message : "");
  ck_assert_ptr_null (error);

  return basis_points;
}

static void
assert_refused (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  gint64 basis_points = 777;

  ck_assert_msg (!candour_percent_parse (text, &basis_points, &error), "'%s' accepted", text);
  ck_assert_ptr_nonnull (error);
  ck_assert (g_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID));
  ck_assert_str_eq (error->message, message);
  ck_assert_int_eq (basis_points, 777);
}

START_TEST (test_parse_accepts)
{
  ck_assert_int_eq (parse_ok ("33.3"), 3330);
  ck_assert_int_eq (parse_ok ("33.3%"), 3330);
  ck_assert_int_eq (parse_ok (" 12.5 % "), 1250);
  ck_assert_int_eq (parse_ok ("100"), 10000);
  ck_assert_int_eq (parse_ok ("100.00%"), 10000);
  ck_assert_int_eq (parse_ok ("0"), 0);
  ck_assert_int_eq (parse_ok ("33.33"), 3333);
  ck_assert_int_eq (parse_ok ("0.01"), 1);
  ck_assert_int_eq (parse_ok (".5"), 50);
  ck_assert_int_eq (parse_ok ("007"), 700);
}
END_TEST

START_TEST (test_parse_refuses)
{
  assert_refused ("33.333",
                  "'33.333' has more than two decimal places; round it to two, such as 33.33");
  assert_refused ("12.345%",
                  "'12.345%' has more than two decimal places; round it to two, such as 12.35");
  assert_refused ("101", "'101' is more than 100%; a percentage must lie between 0 and 100");
  assert_refused ("100.01", "'100.01' is more than 100%; a percentage must lie between 0 and 100");
  assert_refused ("99999999999999999999%",
                  "'99999999999999999999%' is more than 100%; a percentage must lie between 0 "
                  "and 100");
  assert_refused ("-5", "'-5' is negative; a percentage must lie between 0 and 100");
  assert_refused ("abc", "'abc' is not a percentage; write it like 33.3 or 33.3%");
  assert_refused ("5%%", "'5%%' is not a percentage; write it like 33.3 or 33.3%");
  assert_refused ("%", "'%' is not a percentage; write it like 33.3 or 33.3%");
  assert_refused ("1e2", "'1e2' is not a percentage; write it like 33.3 or 33.3%");
  assert_refused ("50/50", "'50/50' is not a percentage; write it like 33.3 or 33.3%");
  assert_refused ("", "the percentage is empty");
  assert_refused ("  ", "the percentage is empty");
}
END_TEST

static void
assert_exact (gint64      basis_points,
              const char *expected)
{
  g_autofree char *text = candour_percent_format_exact (basis_points);

  ck_assert_str_eq (text, expected);
}

static void
assert_tenths (gint64      tenths,
               const char *expected)
{
  g_autofree char *text = candour_percent_format_tenths (tenths);

  ck_assert_str_eq (text, expected);
}

START_TEST (test_format_exact)
{
  assert_exact (3330, "33.3");
  assert_exact (1250, "12.5");
  assert_exact (2500, "25");
  assert_exact (3333, "33.33");
  assert_exact (0, "0");
  assert_exact (10000, "100");
  assert_exact (5, "0.05");
  assert_exact (50, "0.5");
  assert_exact (-1250, "-12.5");
}
END_TEST

START_TEST (test_format_exact_round_trips)
{
  for (gint64 bp = 0; bp <= CANDOUR_PERCENT_WHOLE; bp++)
    {
      g_autofree char *text = candour_percent_format_exact (bp);

      ck_assert_int_eq (parse_ok (text), bp);
    }
}
END_TEST

START_TEST (test_format_tenths)
{
  assert_tenths (333, "33.3");
  assert_tenths (0, "0.0");
  assert_tenths (-125, "-12.5");
  assert_tenths (1000, "100.0");
  assert_tenths (-5, "-0.5");
  assert_tenths (G_MININT64, "-922337203685477580.8");
}
END_TEST

Suite *
candour_percent_suite (void)
{
  Suite *suite = suite_create ("percent");
  TCase *tc = tcase_create ("percent");

  tcase_add_test (tc, test_parse_accepts);
  tcase_add_test (tc, test_parse_refuses);
  tcase_add_test (tc, test_format_exact);
  tcase_add_test (tc, test_format_exact_round_trips);
  tcase_add_test (tc, test_format_tenths);
  suite_add_tcase (suite, tc);

  return suite;
}
