/* candour-reporting-period.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-reporting-period.h"

#include <stdio.h>
#include <string.h>

#include "candour-error.h"

static gboolean
split_day (const char *day,
           int        *year,
           int        *month)
{
  /* candour_date_to_days() checks the stored form and that the day exists. */
  if (day == NULL || candour_date_to_days (day) == 0)
    return FALSE;
  return sscanf (day, "%d-%d", year, month) == 2;
}

gboolean
candour_financial_year_of (const char *day,
                           int         start_month,
                           int        *out_year)
{
  int year, month;

  g_return_val_if_fail (start_month >= 1 && start_month <= 12, FALSE);
  g_return_val_if_fail (out_year != NULL, FALSE);

  if (!split_day (day, &year, &month))
    return FALSE;
  /* Before the start month, the year began in the calendar year before. */
  *out_year = month < start_month ? year - 1 : year;
  return TRUE;
}

gboolean
candour_financial_quarter_of (const char *day,
                              int         start_month,
                              int        *out_year,
                              int        *out_quarter)
{
  int year, month;

  g_return_val_if_fail (start_month >= 1 && start_month <= 12, FALSE);
  g_return_val_if_fail (out_year != NULL && out_quarter != NULL, FALSE);

  if (!split_day (day, &year, &month))
    return FALSE;
  *out_year = month < start_month ? year - 1 : year;
  /* Whole months since the year began, three to a quarter. */
  *out_quarter = (month - start_month + 12) % 12 / 3 + 1;
  return TRUE;
}

char *
candour_financial_year_name (int year,
                             int start_month)
{
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, NULL);

  if (start_month == 1)
    return g_strdup_printf ("%d", year);
  /* An en dash, as the Treasury writes "2025–26". */
  return g_strdup_printf ("%d\u2013%02d", year, (year + 1) % 100);
}

void
candour_reporting_period_all (CandourReportingPeriod *period)
{
  g_return_if_fail (period != NULL);

  memset (period, 0, sizeof *period);
  period->shape = CANDOUR_REPORTING_SHAPE_ALL;
}

/* The months months long from the first of month in year, into period's bounds. */
static void
set_months (CandourReportingPeriod *period,
            int                     year,
            int                     month,
            int                     months)
{
  g_autoptr(GDate) first = g_date_new_dmy (1, (GDateMonth)month, (GDateYear)year);
  g_autoptr(GDate) last = g_date_copy (first);

  g_date_add_months (last, months);
  g_date_subtract_days (last, 1);
  g_snprintf (period->first, sizeof period->first, "%04d-%02d-%02d",
              g_date_get_year (first), g_date_get_month (first), g_date_get_day (first));
  g_snprintf (period->last, sizeof period->last, "%04d-%02d-%02d",
              g_date_get_year (last), g_date_get_month (last), g_date_get_day (last));
}

void
candour_reporting_period_year (CandourReportingPeriod *period,
                               int                     year,
                               int                     start_month)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail (start_month >= 1 && start_month <= 12);
  g_return_if_fail (year >= 1 && year < 9999);

  candour_reporting_period_all (period);
  period->shape = CANDOUR_REPORTING_SHAPE_YEAR;
  period->year = year;
  period->start_month = start_month;
  set_months (period, year, start_month, 12);
}

void
candour_reporting_period_quarter (CandourReportingPeriod *period,
                                  int                     year,
                                  int                     start_month,
                                  int                     quarter)
{
  int month;

  g_return_if_fail (period != NULL);
  g_return_if_fail (start_month >= 1 && start_month <= 12);
  g_return_if_fail (quarter >= 1 && quarter <= 4);
  g_return_if_fail (year >= 1 && year < 9999);

  candour_reporting_period_all (period);
  period->shape = CANDOUR_REPORTING_SHAPE_QUARTER;
  period->year = year;
  period->start_month = start_month;
  period->quarter = quarter;
  month = start_month - 1 + 3 * (quarter - 1);
  set_months (period, year + month / 12, month % 12 + 1, 3);
}

gboolean
candour_reporting_period_dates (CandourReportingPeriod  *period,
                                const char              *first,
                                const char              *last,
                                GError                 **error)
{
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (first == NULL || candour_date_to_days (first) > 0, FALSE);
  g_return_val_if_fail (last == NULL || candour_date_to_days (last) > 0, FALSE);

  /* ISO dates compare as text. */
  if (first != NULL && last != NULL && strcmp (first, last) > 0)
    {
      g_autofree char *first_text = candour_date_format_display (first);
      g_autofree char *last_text = candour_date_format_display (last);

      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s is after %s; no payment could be in between", first_text, last_text);
      return FALSE;
    }

  candour_reporting_period_all (period);
  if (first == NULL && last == NULL)
    return TRUE;
  period->shape = CANDOUR_REPORTING_SHAPE_DATES;
  g_strlcpy (period->first, first != NULL ? first : "", sizeof period->first);
  g_strlcpy (period->last, last != NULL ? last : "", sizeof period->last);
  return TRUE;
}

gboolean
candour_reporting_period_choose (CandourReportingPeriod *period,
                                 CandourReportingChoice  choice,
                                 const char             *day,
                                 int                     start_month)
{
  int year, quarter;

  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (choice < CANDOUR_REPORTING_BETWEEN, FALSE);
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, FALSE);

  if (choice == CANDOUR_REPORTING_ALL_TIME)
    {
      candour_reporting_period_all (period);
      return TRUE;
    }
  if (!candour_financial_quarter_of (day, start_month, &year, &quarter))
    return FALSE;

  switch (choice)
    {
    case CANDOUR_REPORTING_THIS_YEAR:
      candour_reporting_period_year (period, year, start_month);
      break;

    case CANDOUR_REPORTING_LAST_YEAR:
      candour_reporting_period_year (period, year - 1, start_month);
      break;

    case CANDOUR_REPORTING_THIS_QUARTER:
      candour_reporting_period_quarter (period, year, start_month, quarter);
      break;

    case CANDOUR_REPORTING_LAST_QUARTER:
      if (quarter == 1)
        candour_reporting_period_quarter (period, year - 1, start_month, 4);
      else
        candour_reporting_period_quarter (period, year, start_month, quarter - 1);
      break;

    case CANDOUR_REPORTING_ALL_TIME:
    case CANDOUR_REPORTING_BETWEEN:
    case CANDOUR_N_REPORTING_CHOICES:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* A run of exactly n ASCII digits. */
static gboolean
read_number (const char **p,
             guint        n,
             int         *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++, (*p)++)
    {
      if (**p < '0' || **p > '9')
        return FALSE;
      *value = *value * 10 + (**p - '0');
    }
  return TRUE;
}

gboolean
candour_reporting_period_parse (CandourReportingPeriod  *period,
                                const char              *text,
                                int                      start_month,
                                GError                 **error)
{
  g_autofree char *example = NULL;
  const char *p = text;
  int year, next = -1, quarter = 0;

  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, FALSE);

  if (!read_number (&p, 4, &year) || year < 1900 || year > 2998)
    goto bad;
  /* "2025-26": the second year says which financial year, whatever the start month. */
  if (p[0] == '-' && p[1] >= '0' && p[1] <= '9')
    {
      p++;
      if (!read_number (&p, 2, &next))
        goto bad;
    }
  if (p[0] == '-' && (p[1] == 'Q' || p[1] == 'q') && p[2] >= '1' && p[2] <= '4' && p[3] == '\0')
    {
      quarter = p[2] - '0';
      p += 3;
    }
  if (*p != '\0')
    goto bad;

  if (start_month == 1 && next >= 0)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "'%s': a financial year starting in January is one calendar year; say %d", text, year);
      return FALSE;
    }
  if (start_month != 1 && next < 0)
    {
      g_autofree char *before = candour_financial_year_name (year - 1, start_month);
      g_autofree char *after = candour_financial_year_name (year, start_month);

      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "'%s' could be the financial year %s or %s; say which, such as %d-%02d",
                   text, before, after, year, (year + 1) % 100);
      return FALSE;
    }
  if (next >= 0 && next != (year + 1) % 100)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "'%s': a financial year runs into the next calendar year, such as %d-%02d",
                   text, year, (year + 1) % 100);
      return FALSE;
    }

  if (quarter != 0)
    candour_reporting_period_quarter (period, year, start_month, quarter);
  else
    candour_reporting_period_year (period, year, start_month);
  return TRUE;

bad:
  example = start_month == 1 ? g_strdup ("2025 or 2025-Q1") : g_strdup ("2025-26 or 2025-26-Q1");
  g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
               "'%s' is not a financial year or quarter; write it as %s", text, example);
  return FALSE;
}

const char *
candour_reporting_period_get_first (const CandourReportingPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  return period->first[0] != '\0' ? period->first : NULL;
}

const char *
candour_reporting_period_get_last (const CandourReportingPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  return period->last[0] != '\0' ? period->last : NULL;
}
