/* check-money.c: parsing, formatting and rounding of pence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>

#include "candour-error.h"
#include "candour-money.h"

Suite *candour_money_suite (void);

static gint64
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 pence = -1;

  ck_assert_msg (candour_money_parse (text, &pence, &error),
                 "'%s' refused: %s", text, error ? error->message : "");
  ck_assert_ptr_null (error);

  return pence;
}

static void
assert_refused (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  gint64 pence = 12345;

  ck_assert_msg (!candour_money_parse (text, &pence, &error), "'%s' accepted", text);
  ck_assert_ptr_nonnull (error);
  ck_assert (g_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID));
  ck_assert_str_eq (error->message, message);
  ck_assert_int_eq (pence, 12345);
}

START_TEST (test_parse_accepts)
{
  ck_assert_int_eq (parse_ok ("1234.5"), 123450);
  ck_assert_int_eq (parse_ok ("1,234.50"), 123450);
  ck_assert_int_eq (parse_ok ("£1,234.50"), 123450);
  ck_assert_int_eq (parse_ok ("-250"), -25000);
  ck_assert_int_eq (parse_ok ("-£250"), -25000);
  ck_assert_int_eq (parse_ok ("£-250"), -25000);
  ck_assert_int_eq (parse_ok (" 12 "), 1200);
  ck_assert_int_eq (parse_ok ("\t12.01\n"), 1201);
  ck_assert_int_eq (parse_ok ("0.5"), 50);
  ck_assert_int_eq (parse_ok (".5"), 50);
  ck_assert_int_eq (parse_ok ("0.05"), 5);
  ck_assert_int_eq (parse_ok ("12."), 1200);
  ck_assert_int_eq (parse_ok ("0"), 0);
  ck_assert_int_eq (parse_ok ("-0"), 0);
  ck_assert_int_eq (parse_ok ("1,234,567.89"), 123456789);
  ck_assert_int_eq (parse_ok ("999,999"), 99999900);
  /* Accounting's negatives, as spreadsheets format refunds. */
  ck_assert_int_eq (parse_ok ("(1,234.50)"), -123450);
  ck_assert_int_eq (parse_ok (" (£250) "), -25000);
  ck_assert_int_eq (parse_ok ("(0.05)"), -5);
}
END_TEST

#define BEYOND " is more money than Candour records as one figure (at most £1,000,000,000,000); " \
               "check it for a mistyped value"

/* The ceiling keeps every total the reports add up within 64 bits (candour-money.h). */
START_TEST (test_parse_limits)
{
  ck_assert_int_eq (parse_ok ("1,000,000,000,000.00"), CANDOUR_MONEY_MAX_PENCE);
  ck_assert_int_eq (parse_ok ("-£1,000,000,000,000"), -CANDOUR_MONEY_MAX_PENCE);
  assert_refused ("1000000000000.01", "'1000000000000.01'" BEYOND);
  assert_refused ("-1000000000000.01", "'-1000000000000.01'" BEYOND);
  assert_refused ("92233720368547758.08", "'92233720368547758.08'" BEYOND);
  assert_refused ("99999999999999999999", "'99999999999999999999'" BEYOND);
  assert_refused ("-999999999999999999999999999999.99", "'-999999999999999999999999999999.99'" BEYOND);
}
END_TEST

START_TEST (test_parse_refuses)
{
  assert_refused ("12.345",
                  "'12.345' has more than two decimal places; money is in pounds and pence, "
                  "such as 1234.50");
  assert_refused (" 1.000 ",
                  "'1.000' has more than two decimal places; money is in pounds and pence, "
                  "such as 1234.50");
  assert_refused ("£1,2,3",
                  "'£1,2,3' is not an amount of money: commas must separate thousands, "
                  "such as 1,234,567.00");
  assert_refused ("12,34",
                  "'12,34' is not an amount of money: commas must separate thousands, "
                  "such as 1,234,567.00");
  assert_refused ("1234,567",
                  "'1234,567' is not an amount of money: commas must separate thousands, "
                  "such as 1,234,567.00");
  assert_refused (",123",
                  "',123' is not an amount of money: commas must separate thousands, "
                  "such as 1,234,567.00");
  assert_refused ("1,234,",
                  "'1,234,' is not an amount of money: commas must separate thousands, "
                  "such as 1,234,567.00");
  assert_refused ("1e9",
                  "'1e9' is not an amount of money; write it in full, such as 1000000000");
  assert_refused ("1.5E+3",
                  "'1.5E+3' is not an amount of money; write it in full, such as 1000000000");
  assert_refused ("", "the amount of money is empty");
  assert_refused ("   ", "the amount of money is empty");
  assert_refused ("abc", "'abc' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused ("£", "'£' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused ("-", "'-' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused (".", "'.' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused ("--5", "'--5' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused ("-£-5", "'-£-5' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused ("12 34", "'12 34' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused ("1.234,50",
                  "'1.234,50' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused ("$5", "'$5' is not an amount of money; write it like 1234.50 or £1,234.50");
  /* A sign inside the brackets, or brackets not round the whole figure. */
  assert_refused ("(-5)", "'(-5)' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused ("(£-5)", "'(£-5)' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused ("()", "'()' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused ("(5", "'(5' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused ("5)", "'5)' is not an amount of money; write it like 1234.50 or £1,234.50");
  assert_refused ("((5))", "'((5))' is not an amount of money; write it like 1234.50 or £1,234.50");
}
END_TEST

START_TEST (test_parse_long_value_is_shortened)
{
  g_autofree char *text = g_strnfill (100, 'x');

  assert_refused (text,
                  "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is not an amount of money; "
                  "write it like 1234.50 or £1,234.50");
}
END_TEST

static void
assert_plain (gint64      pence,
              const char *expected)
{
  g_autofree char *text = candour_money_format_plain (pence);

  ck_assert_str_eq (text, expected);
}

static void
assert_display (gint64      pence,
                const char *expected)
{
  g_autofree char *text = candour_money_format_display (pence);

  ck_assert_str_eq (text, expected);
}

START_TEST (test_format_plain)
{
  assert_plain (123450, "1234.50");
  assert_plain (-25000, "-250.00");
  assert_plain (5, "0.05");
  assert_plain (-5, "-0.05");
  assert_plain (0, "0.00");
  assert_plain (G_MAXINT64, "92233720368547758.07");
  assert_plain (G_MININT64, "-92233720368547758.08");
}
END_TEST

START_TEST (test_format_display)
{
  assert_display (123456, "£1,234.56");
  assert_display (-25000, "-£250.00");
  assert_display (0, "£0.00");
  assert_display (99, "£0.99");
  assert_display (-1, "-£0.01");
  assert_display (100000, "£1,000.00");
  assert_display (12345678900, "£123,456,789.00");
  assert_display (G_MININT64, "-£92,233,720,368,547,758.08");
}
END_TEST

START_TEST (test_format_round_trips)
{
  const gint64 values[] = { 0, 1, -1, 99, 100, 123456, -987654321, CANDOUR_MONEY_MAX_PENCE,
                            -CANDOUR_MONEY_MAX_PENCE };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *plain = candour_money_format_plain (values[i]);
      g_autofree char *display = candour_money_format_display (values[i]);

      ck_assert_int_eq (parse_ok (plain), values[i]);
      ck_assert_int_eq (parse_ok (display), values[i]);
    }
}
END_TEST

START_TEST (test_round_div)
{
  ck_assert_int_eq (candour_round_div (5, 2), 3);
  ck_assert_int_eq (candour_round_div (-5, 2), -3);
  ck_assert_int_eq (candour_round_div (5, -2), -3);
  ck_assert_int_eq (candour_round_div (-5, -2), 3);
  ck_assert_int_eq (candour_round_div (7, -2), -4);
  ck_assert_int_eq (candour_round_div (1, 3), 0);
  ck_assert_int_eq (candour_round_div (2, 3), 1);
  ck_assert_int_eq (candour_round_div (-2, 3), -1);
  ck_assert_int_eq (candour_round_div (-1, 3), 0);
  ck_assert_int_eq (candour_round_div (0, 7), 0);
  ck_assert_int_eq (candour_round_div (6, 3), 2);
  ck_assert_int_eq (candour_round_div (G_MAXINT64, 1), G_MAXINT64);
  ck_assert_int_eq (candour_round_div (G_MININT64, 1), G_MININT64);
  ck_assert_int_eq (candour_round_div (G_MININT64, 2), G_MININT64 / 2);
  ck_assert_int_eq (candour_round_div (G_MAXINT64, 2), G_MAXINT64 / 2 + 1);
  ck_assert_int_eq (candour_round_div (G_MAXINT64, G_MAXINT64), 1);
  ck_assert_int_eq (candour_round_div (G_MININT64, G_MAXINT64), -1);
  /* The one quotient that does not fit is clamped rather than trapping. */
  ck_assert_int_eq (candour_round_div (G_MININT64, -1), G_MAXINT64);
}
END_TEST

START_TEST (test_round_mul_div)
{
  /* 33.3 % of £1,000.01, in basis points. */
  ck_assert_int_eq (candour_round_mul_div (100001, 3330, 10000), 33300);
  ck_assert_int_eq (candour_round_mul_div (5, 1, 2), 3);
  ck_assert_int_eq (candour_round_mul_div (-5, 1, 2), -3);
  ck_assert_int_eq (candour_round_mul_div (7, 1, -2), -4);
  /* The product overflows 64 bits, the quotient does not. */
  ck_assert_int_eq (candour_round_mul_div (G_MAXINT64, G_MAXINT64, G_MAXINT64), G_MAXINT64);
  ck_assert_int_eq (candour_round_mul_div (G_MAXINT64, 10000, 20000), G_MAXINT64 / 2 + 1);
  ck_assert_int_eq (candour_round_mul_div (G_MININT64, 3, 3), G_MININT64);
  ck_assert_int_eq (candour_round_mul_div (G_MAXINT64, 2, 1), G_MAXINT64);
}
END_TEST

Suite *
candour_money_suite (void)
{
  Suite *suite = suite_create ("money");
  TCase *tc = tcase_create ("money");

  tcase_add_test (tc, test_parse_accepts);
  tcase_add_test (tc, test_parse_limits);
  tcase_add_test (tc, test_parse_refuses);
  tcase_add_test (tc, test_parse_long_value_is_shortened);
  tcase_add_test (tc, test_format_plain);
  tcase_add_test (tc, test_format_display);
  tcase_add_test (tc, test_format_round_trips);
  tcase_add_test (tc, test_round_div);
  tcase_add_test (tc, test_round_mul_div);
  suite_add_tcase (suite, tc);

  return suite;
}
