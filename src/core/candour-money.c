/* candour-money.c: money as integer pence, parsed and written the UK way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-money.h"

#include <string.h>

#include "candour-error.h"
#include "candour-text.h"

#define POUND_SIGN "\xc2\xa3"

/* __extension__ keeps -Wpedantic quiet; both gcc and clang have the type. */
__extension__ typedef __int128 CandourInt128;

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

gboolean
candour_money_parse (const char  *text,
                     gint64      *out_pence,
                     GError     **error)
{
  g_autofree char *copy = NULL;
  const char *trimmed;
  g_autofree char *quoted = NULL;
  g_autofree char *inside = NULL;
  const char *p;
  gboolean negative = FALSE;
  gboolean too_large = FALSE;
  gboolean saw_comma = FALSE;
  gboolean bad_comma = FALSE;
  guint64 pounds = 0;
  guint64 pence = 0;
  guint int_digits = 0;
  guint group_digits = 0;
  guint frac_digits = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_pence != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Copied only to be trimmed: an import reads millions of cells with nothing around them. */
  trimmed = text;
  if (g_ascii_isspace (text[0]) || (text[0] != '\0' && g_ascii_isspace (text[strlen (text) - 1])))
    trimmed = copy = g_strstrip (g_strdup (text));

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                           "the amount of money is empty");
      return FALSE;
    }

  p = trimmed;

  /* Accounting's negatives, "(1,234.50)" and "(£250)", as spreadsheets format them: the
   * figure inside, negative, with no sign of its own. */
  if (p[0] == '(' && p[strlen (p) - 1] == ')' && strlen (p) > 2)
    {
      inside = g_strndup (p + 1, strlen (p) - 2);
      p = inside;
      negative = TRUE;
    }

  /* Both "-£250" and "£-250" are common in spreadsheets people send us. */
  if (*p == '-' && inside == NULL)
    {
      negative = TRUE;
      p++;
    }
  if (g_str_has_prefix (p, POUND_SIGN))
    {
      p += strlen (POUND_SIGN);
      if (!negative && *p == '-')
        {
          negative = TRUE;
          p++;
        }
    }

  for (;; p++)
    {
      if (is_digit (*p))
        {
          if (pounds > (G_MAXUINT64 - 9) / 10)
            too_large = TRUE;
          else
            pounds = pounds * 10 + (guint64) (*p - '0');
          int_digits++;
          group_digits++;
        }
      else if (*p == ',')
        {
          /* The first group has one to three digits, every later group exactly three. */
          if (group_digits == 0 || group_digits > 3 || (saw_comma && group_digits != 3))
            bad_comma = TRUE;
          saw_comma = TRUE;
          group_digits = 0;
        }
      else
        break;
    }
  if (saw_comma && group_digits != 3)
    bad_comma = TRUE;

  if (*p == '.')
    {
      for (p++; is_digit (*p); p++)
        {
          /* Only the first two count; more than two is refused below. */
          if (frac_digits < 2)
            pence = pence * 10 + (guint64) (*p - '0');
          frac_digits++;
        }
    }
  if (frac_digits == 1)
    pence *= 10;

  if ((*p == 'e' || *p == 'E') && (int_digits > 0 || frac_digits > 0))
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is not an amount of money; write it in full, such as 1000000000",
                   (quoted = candour_text_quote (trimmed, 40)));
      return FALSE;
    }

  if (*p != '\0' || (int_digits == 0 && frac_digits == 0))
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is not an amount of money; write it like 1234.50 or £1,234.50",
                   (quoted = candour_text_quote (trimmed, 40)));
      return FALSE;
    }

  if (bad_comma)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is not an amount of money: commas must separate thousands, "
                   "such as 1,234,567.00",
                   (quoted = candour_text_quote (trimmed, 40)));
      return FALSE;
    }

  /* Refused rather than rounded: "1.000" may well be a European thousand. */
  if (frac_digits > 2)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s has more than two decimal places; money is in pounds and pence, "
                   "such as 1234.50",
                   (quoted = candour_text_quote (trimmed, 40)));
      return FALSE;
    }

  if (too_large || pounds > (CANDOUR_MONEY_MAX_PENCE - pence) / 100)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is more money than Candour records as one figure (at most "
                   "£1,000,000,000,000); check it for a mistyped value",
                   (quoted = candour_text_quote (trimmed, 40)));
      return FALSE;
    }

  pence += pounds * 100;
  *out_pence = negative ? (gint64) (0 - pence) : (gint64) pence;

  return TRUE;
}

/* Works on the magnitude so that G_MININT64, which has no positive twin, formats too. */
static guint64
magnitude (gint64 value)
{
  return value < 0 ? 0 - (guint64) value : (guint64) value;
}

char *
candour_money_format_plain (gint64 pence)
{
  guint64 m = magnitude (pence);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          pence < 0 ? "-" : "",
                          m / 100, (guint) (m % 100));
}

char *
candour_money_format_display (gint64 pence)
{
  guint64 m = magnitude (pence);
  char digits[32];
  GString *out;
  gsize n_digits;

  n_digits = (gsize) g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, m / 100);

  out = g_string_sized_new (40);
  if (pence < 0)
    g_string_append_c (out, '-');
  g_string_append (out, POUND_SIGN);
  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, ".%02u", (guint) (m % 100));

  return g_string_free (out, FALSE);
}

static gint64
clamp_to_gint64 (CandourInt128 value)
{
  if (value > G_MAXINT64)
    return G_MAXINT64;
  if (value < G_MININT64)
    return G_MININT64;
  return (gint64) value;
}

/* Rounds numerator / denominator half away from zero. In 128 bits nothing here can
 * overflow: |numerator| < 2^127 and the remainder is smaller than the denominator. */
static CandourInt128
round_div_128 (CandourInt128 numerator,
               CandourInt128 denominator)
{
  CandourInt128 quotient = numerator / denominator;
  CandourInt128 remainder = numerator % denominator;
  CandourInt128 abs_remainder = remainder < 0 ? -remainder : remainder;
  CandourInt128 abs_denominator = denominator < 0 ? -denominator : denominator;

  if (2 * abs_remainder >= abs_denominator)
    quotient += ((numerator < 0) == (denominator < 0)) ? 1 : -1;

  return quotient;
}

gint64
candour_round_div (gint64 numerator,
                   gint64 denominator)
{
  g_return_val_if_fail (denominator != 0, 0);

  return clamp_to_gint64 (round_div_128 (numerator, denominator));
}

gint64
candour_round_mul_div (gint64 a,
                       gint64 b,
                       gint64 denominator)
{
  g_return_val_if_fail (denominator != 0, 0);

  return clamp_to_gint64 (round_div_128 ((CandourInt128) a * b, denominator));
}

char *
candour_count_format (gint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  GString *text = g_string_new (NULL);
  gsize start = count < 0 ? 1 : 0;
  gsize length = strlen (digits);

  g_string_append_len (text, digits, start);
  for (gsize i = start; i < length; i++)
    {
      if (i > start && (length - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}
