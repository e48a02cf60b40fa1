/* candour-reporting-period.h: the payments a report counts, by financial year,
 * quarter or two dates
 *
 * A financial year starts on the first of its start month (April in the UK public
 * sector, January for many charities) and is named by the calendar years it spans:
 * "2025–26" from 01/04/2025, "2025" from 01/01/2025. Its quarters are its three-month
 * parts, the first starting with the year. GTK-free: the window, candour-cli and the
 * tests work out the same days here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "candour-date.h"

G_BEGIN_DECLS

/* What a person picks, counted from a day (the window's "Judged as of" date). */
typedef enum
{
  CANDOUR_REPORTING_ALL_TIME,
  CANDOUR_REPORTING_THIS_YEAR,
  CANDOUR_REPORTING_LAST_YEAR,
  CANDOUR_REPORTING_THIS_QUARTER,
  CANDOUR_REPORTING_LAST_QUARTER,
  CANDOUR_REPORTING_BETWEEN,
  CANDOUR_N_REPORTING_CHOICES
} CandourReportingChoice;

/* What the days are, for saying them in words. */
typedef enum
{
  CANDOUR_REPORTING_SHAPE_ALL,      /* no bound */
  CANDOUR_REPORTING_SHAPE_YEAR,     /* a financial year */
  CANDOUR_REPORTING_SHAPE_QUARTER,  /* a quarter of one */
  CANDOUR_REPORTING_SHAPE_DATES,    /* days someone gave; either bound may be missing */
} CandourReportingShape;

typedef struct
{
  CandourReportingShape shape;
  int year;                           /* YEAR, QUARTER: the calendar year its financial year starts in */
  int start_month;                    /* YEAR, QUARTER: the financial year's first month, 1 to 12 */
  int quarter;                        /* QUARTER: 1 to 4 */
  char first[CANDOUR_DATE_ISO_SIZE];  /* ISO, inclusive; "" for no bound */
  char last[CANDOUR_DATE_ISO_SIZE];   /* ISO, inclusive; "" for no bound */
} CandourReportingPeriod;

/* The calendar year in which the financial year holding day (ISO) starts: 2024 for
 * 31/03/2025 with an April start, 2025 for 01/04/2025. FALSE for a day that is not a
 * stored ISO date. */
gboolean    candour_financial_year_of           (const char *day,
                                                 int         start_month,
                                                 int        *out_year);
/* The quarter (1 to 4) of its financial year that day is in, and that year. */
gboolean    candour_financial_quarter_of        (const char *day,
                                                 int         start_month,
                                                 int        *out_year,
                                                 int        *out_quarter);
/* "2025–26" for the year from April 2025; "2025" when the year starts in January;
 * "1999–00" across a century, as people write it. */
char       *candour_financial_year_name         (int         year,
                                                 int         start_month);

/* Every day: no bound. */
void        candour_reporting_period_all        (CandourReportingPeriod *period);
/* The financial year starting in start_month of year. */
void        candour_reporting_period_year       (CandourReportingPeriod *period,
                                                 int                     year,
                                                 int                     start_month);
/* Quarter (1 to 4) of that financial year. */
void        candour_reporting_period_quarter    (CandourReportingPeriod *period,
                                                 int                     year,
                                                 int                     start_month,
                                                 int                     quarter);
/* From first to last (ISO; NULL for no bound): refused, with the reason in words, when
 * first is after last. */
gboolean    candour_reporting_period_dates      (CandourReportingPeriod *period,
                                                 const char             *first,
                                                 const char             *last,
                                                 GError                **error);
/* A choice other than CANDOUR_REPORTING_BETWEEN, counted from day (ISO): this
 * financial year is the one day is in. FALSE for a day that is not an ISO date. */
gboolean    candour_reporting_period_choose     (CandourReportingPeriod *period,
                                                 CandourReportingChoice  choice,
                                                 const char             *day,
                                                 int                     start_month);
/* What candour-cli's --period takes: "2025-26" (the year from start_month of 2025),
 * "2025-26-Q1" (its first quarter); with a January start also "2025" and "2025-Q1".
 * Refused, saying how to write it, otherwise. */
gboolean    candour_reporting_period_parse      (CandourReportingPeriod *period,
                                                 const char             *text,
                                                 int                     start_month,
                                                 GError                **error);

/* The bounds for a query's :from and :to: NULL for none. */
const char *candour_reporting_period_get_first  (const CandourReportingPeriod *period);
const char *candour_reporting_period_get_last   (const CandourReportingPeriod *period);

G_END_DECLS
