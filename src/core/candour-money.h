/* candour-money.h: money as integer pence, parsed and written the UK way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most one figure may be, either way: £1,000,000,000,000 (a trillion pounds, well
 * above any public body's budget). Reports add figures up and compare their products in
 * 128 bits, so no sum of figures within it can overflow: a total beyond 64 bits would
 * take millions of figures at the ceiling, and is then reported, never wrapped. */
#define CANDOUR_MONEY_MAX_PENCE 100000000000000

/* Parses money as people type it in the UK: "1234.5", "1,234.50", "£1,234.50", "-250",
 * "-£250", "£-250", and accounting's "(1,234.50)" and "(£250)" for negatives. Surrounding spaces are ignored; ".5" and "12." are read as 50p and
 * £12. Rejects more than two decimal places (even "1.000", which may be a European
 * thousand), misplaced thousands separators, exponents, an empty string and anything
 * beyond CANDOUR_MONEY_MAX_PENCE either way. On failure sets a CANDOUR_DOMAIN_ERROR_INVALID error
 * whose message is a plain-words reason quoting the value (shortened past 40 characters)
 * without its location (the caller adds FILE:LINE:COLUMN). */
gboolean candour_money_parse        (const char  *text,
                                     gint64      *out_pence,
                                     GError     **error);

/* "1234.50", "-250.00": the CSV form, no symbol, no separators. */
char    *candour_money_format_plain (gint64       pence);

/* "£1,234.50", "−£250.00" uses ASCII '-': "-£250.00". For people. */
char    *candour_money_format_display (gint64     pence);

/* numerator / denominator rounded to the nearest integer, halves away from zero.
 * denominator must not be 0. Exact for all gint64 inputs whose quotient fits; the one
 * quotient that does not (G_MININT64 / -1) is clamped to G_MAXINT64. */
gint64   candour_round_div          (gint64       numerator,
                                     gint64       denominator);

/* The same for a product: a × b / denominator, without overflow in the product (it is
 * computed in 128 bits). A quotient beyond gint64 is clamped to G_MININT64..G_MAXINT64. */
gint64   candour_round_mul_div      (gint64       a,
                                     gint64       b,
                                     gint64       denominator);

/* 1234567 → "1,234,567": counts grouped the way money is. */
char    *candour_count_format       (gint64       count);

G_END_DECLS
