/* candour-percent.c: percentages as integer hundredths of a percent (basis points)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-percent.h"

#include "candour-error.h"
#include "candour-text.h"

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

gboolean
candour_percent_parse (const char  *text,
                       gint64      *out_basis_points,
                       GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *quoted = NULL;
  const char *p;
  gboolean negative = FALSE;
  gsize len;
  gint64 whole = 0;
  gint64 hundredths = 0;
  guint int_digits = 0;
  guint frac_digits = 0;
  guint third_digit = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_basis_points != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  trimmed = g_strdup (stripped);

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                           "the percentage is empty");
      return FALSE;
    }

  /* One optional sign, possibly after a space ("12.5 %"); "5%%" stays wrong below. */
  len = strlen (trimmed);
  if (trimmed[len - 1] == '%')
    {
      trimmed[len - 1] = '\0';
      g_strchomp (trimmed);
    }

  p = trimmed;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  for (; is_digit (*p); p++)
    {
      /* Anything past 100 is refused, so stop growing well before overflow. */
      if (whole <= 1000)
        whole = whole * 10 + (*p - '0');
      int_digits++;
    }
  if (*p == '.')
    {
      for (p++; is_digit (*p); p++)
        {
          if (frac_digits < 2)
            hundredths = hundredths * 10 + (*p - '0');
          else if (frac_digits == 2)
            third_digit = (guint) (*p - '0');
          frac_digits++;
        }
    }
  if (frac_digits == 1)
    hundredths *= 10;

  if (*p != '\0' || (int_digits == 0 && frac_digits == 0))
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is not a percentage; write it like 33.3 or 33.3%%", (quoted = candour_text_quote (stripped, 40)));
      return FALSE;
    }

  if (negative && (whole > 0 || hundredths > 0 || third_digit > 0))
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is negative; a percentage must lie between 0 and 100", (quoted = candour_text_quote (stripped, 40)));
      return FALSE;
    }

  if (whole > 100)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is more than 100%%; a percentage must lie between 0 and 100", (quoted = candour_text_quote (stripped, 40)));
      return FALSE;
    }

  if (frac_digits > 2)
    {
      /* Suggest the value rounded half up: only the third decimal decides that. */
      gint64 rounded = whole * 100 + hundredths + (third_digit >= 5 ? 1 : 0);
      g_autofree char *suggestion = candour_percent_format_exact (rounded);

      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s has more than two decimal places; round it to two, such as %s",
                   (quoted = candour_text_quote (stripped, 40)), suggestion);
      return FALSE;
    }

  if (whole * 100 + hundredths > CANDOUR_PERCENT_WHOLE)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is more than 100%%; a percentage must lie between 0 and 100", (quoted = candour_text_quote (stripped, 40)));
      return FALSE;
    }

  *out_basis_points = whole * 100 + hundredths;

  return TRUE;
}

static guint64
magnitude (gint64 value)
{
  return value < 0 ? 0 - (guint64) value : (guint64) value;
}

char *
candour_percent_format_exact (gint64 basis_points)
{
  guint64 m = magnitude (basis_points);
  const char *sign = basis_points < 0 ? "-" : "";
  guint fraction = (guint) (m % 100);

  if (fraction == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, m / 100);
  if (fraction % 10 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%u", sign, m / 100, fraction / 10);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", sign, m / 100, fraction);
}

char *
candour_percent_format_tenths (gint64 tenths)
{
  guint64 m = magnitude (tenths);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%u",
                          tenths < 0 ? "-" : "", m / 10, (guint) (m % 10));
}
