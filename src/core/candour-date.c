/* candour-date.c: calendar dates, read the UK way, stored as ISO 8601
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-date.h"

#include <string.h>

#include "candour-error.h"
#include "candour-text.h"

#define FIRST_YEAR 1900
#define LAST_YEAR  2999

/* English on purpose: the messages around them are English too, whatever the locale. */
static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

/* Reads a run of ASCII digits; returns how many there were. The value stops growing
 * after nine digits, which is more than any part of a date may have. */
static guint
read_digits (const char **p,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  for (; **p >= '0' && **p <= '9'; (*p)++, n++)
    {
      if (n < 9)
        *value = *value * 10 + (guint) (**p - '0');
    }

  return n;
}

/* Strict "YYYY-MM-DD", the form Candour stores; no range check on the year. */
static gboolean
parse_stored_iso (const char *iso,
                  guint      *year,
                  guint      *month,
                  guint      *day)
{
  const char *p = iso;

  if (read_digits (&p, year) != 4 || *p++ != '-' ||
      read_digits (&p, month) != 2 || *p++ != '-' ||
      read_digits (&p, day) != 2 || *p != '\0')
    return FALSE;

  return *year >= 1 && g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, (GDateYear) *year);
}

gboolean
candour_date_parse (const char  *text,
                    char       **out_iso,
                    GError     **error)
{
  char iso[CANDOUR_DATE_ISO_SIZE];

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_iso != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!candour_date_parse_into (text, iso, error))
    return FALSE;
  *out_iso = g_strdup (iso);
  return TRUE;
}

gboolean
candour_date_parse_into (const char  *text,
                         char         out_iso[CANDOUR_DATE_ISO_SIZE],
                         GError     **error)
{
  g_autofree char *copy = NULL;
  const char *trimmed;
  g_autofree char *quoted = NULL;
  const char *p;
  guint year = 0;
  guint month = 0;
  guint day = 0;
  guint days_in_month;
  gboolean parsed = FALSE;
  gboolean day_first = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_iso != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Copied only to be trimmed: an import reads millions of cells with nothing around them. */
  trimmed = text;
  if (g_ascii_isspace (text[0]) || (text[0] != '\0' && g_ascii_isspace (text[strlen (text) - 1])))
    trimmed = copy = g_strstrip (g_strdup (text));

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                           "the date is empty");
      return FALSE;
    }

  /* ISO first: a four-digit first part can only be a year. */
  p = trimmed;
  if (read_digits (&p, &year) == 4 && *p == '-')
    {
      guint n_month, n_day;

      p++;
      n_month = read_digits (&p, &month);
      if (n_month >= 1 && n_month <= 2 && *p == '-')
        {
          p++;
          n_day = read_digits (&p, &day);
          parsed = n_day >= 1 && n_day <= 2 && *p == '\0';
        }
    }
  else
    {
      guint n_day, n_month, n_year;

      /* Day first, always: a British user's 01/04 is April Fools' Day in any locale. */
      p = trimmed;
      n_day = read_digits (&p, &day);
      if (n_day >= 1 && n_day <= 2 && *p == '/')
        {
          p++;
          n_month = read_digits (&p, &month);
          if (n_month >= 1 && n_month <= 2 && *p == '/')
            {
              p++;
              n_year = read_digits (&p, &year);
              if (n_year == 2 && *p == '\0')
                {
                  g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                               "%s has a two-digit year; write the year in full, "
                               "such as 01/04/2025",
                               (quoted = candour_text_quote (trimmed, 40)));
                  return FALSE;
                }
              parsed = day_first = n_year == 4 && *p == '\0';
            }
        }
    }

  if (!parsed)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is not a date; write it as DD/MM/YYYY, such as 01/04/2025, "
                   "or as YYYY-MM-DD",
                   (quoted = candour_text_quote (trimmed, 40)));
      return FALSE;
    }

  if (year < FIRST_YEAR || year > LAST_YEAR)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is outside the years Candour accepts, %d to %d",
                   (quoted = candour_text_quote (trimmed, 40)), FIRST_YEAR, LAST_YEAR);
      return FALSE;
    }

  /* 05/31/2025 is an American date: say why Candour read 31 as the month. */
  if (day_first && month > 12 && month <= 31 && day >= 1 && day <= 12)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is not a real date: there is no month %u; Candour reads dates day first, "
                   "as DD/MM/YYYY", (quoted = candour_text_quote (trimmed, 40)), month);
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is not a real date: there is no month %u", (quoted = candour_text_quote (trimmed, 40)), month);
      return FALSE;
    }

  if (day < 1)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is not a real date: there is no day 0", (quoted = candour_text_quote (trimmed, 40)));
      return FALSE;
    }

  days_in_month = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  if (day > days_in_month)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is not a real date: %s %u has %u days",
                   (quoted = candour_text_quote (trimmed, 40)), month_names[month - 1], year, days_in_month);
      return FALSE;
    }

  /* Day 1 of the spreadsheets' calendar is what an empty or text cell turns into when
   * it is formatted as a date: never a real payment or contract date. */
  if (year == 1900 && month == 1 && day == 1)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is day one of Excel's calendar: the spreadsheet cell was probably "
                   "empty or not a date; leave it empty or give the real date",
                   (quoted = candour_text_quote (trimmed, 40)));
      return FALSE;
    }

  /* By hand: imports format a date per cell, millions of them. */
  out_iso[0] = '0' + year / 1000;
  out_iso[1] = '0' + year / 100 % 10;
  out_iso[2] = '0' + year / 10 % 10;
  out_iso[3] = '0' + year % 10;
  out_iso[4] = '-';
  out_iso[5] = '0' + month / 10;
  out_iso[6] = '0' + month % 10;
  out_iso[7] = '-';
  out_iso[8] = '0' + day / 10;
  out_iso[9] = '0' + day % 10;
  out_iso[10] = '\0';

  return TRUE;
}

/* Days since 1 January of year 1 (that day is 1), as GDate's Julian day, computed
 * directly: reports call this twice per payment. (H. Hinnant's days_from_civil.) */
static gint64
days_from_civil (guint year,
                 guint month,
                 guint day)
{
  gint64 y = (gint64) year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 year_of_era = y - era * 400;
  gint64 day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  /* 1970-01-01 is day 0 of the civil count and day 719163 of GDate's. */
  return era * 146097 + day_of_era - 719468 + 719163;
}

gint64
candour_date_to_days (const char *iso)
{
  guint year, month, day;

  g_return_val_if_fail (iso != NULL, 0);

  if (!parse_stored_iso (iso, &year, &month, &day))
    return 0;

  return days_from_civil (year, month, day);
}

char *
candour_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
candour_date_format_display (const char *iso)
{
  guint year, month, day;

  g_return_val_if_fail (iso != NULL, NULL);

  if (!parse_stored_iso (iso, &year, &month, &day))
    return g_strdup (iso);

  return g_strdup_printf ("%02u/%02u/%04u", day, month, year);
}
