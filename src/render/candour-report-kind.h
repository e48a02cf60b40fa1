/* candour-report-kind.h: the three reports as people read them
 *
 * The lead provider scorecard, contract shares and payment times: their titles and
 * what each shows, their columns' headings, their cells in words, their chart and
 * headline figures, and their PDF. The application's Reports page and candour-cli's
 * --format pdf both build them here, so the two give the same pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-bar-chart-data.h"
#include "candour-pdf-report.h"
#include "candour-report-row.h"
#include "candour-reports.h"
#include "candour-reporting-period.h"

G_BEGIN_DECLS

typedef enum
{
  CANDOUR_REPORT_KIND_SCORECARD,
  CANDOUR_REPORT_KIND_SHARES,
  CANDOUR_REPORT_KIND_PAYMENT_TIMES,
  CANDOUR_N_REPORT_KINDS
} CandourReportKind;

/* "scorecard", "shares" or "payment-times": the CLI's command, the page's name. */
const char *candour_report_kind_get_keyword     (CandourReportKind kind);
/* The kind with keyword; FALSE when there is none. */
gboolean    candour_report_kind_from_keyword    (const char        *keyword,
                                                 CandourReportKind *kind);
/* Translated: "Lead Provider Scorecard". */
const char *candour_report_kind_get_title       (CandourReportKind kind);
/* A file's name without its extension: "contract-shares". */
const char *candour_report_kind_get_file_name   (CandourReportKind kind);
/* What the report shows, a paragraph. */
const char *candour_report_kind_get_description (CandourReportKind kind);
/* What the chart shows, for assistive technologies. */
const char *candour_report_kind_get_chart_title (CandourReportKind kind);

/* Whether the table shows the report's column name: refs are left out where the
 * names beside them say the same. */
gboolean    candour_report_kind_shows_column    (CandourReportKind  kind,
                                                 const char        *name);
/* A column's heading: "Lead provider" for lead_name. */
const char *candour_report_column_get_title     (const char        *name);
/* What the column means in kind's table, for its heading's tooltip; NULL for a column
 * this file does not know. */
const char *candour_report_column_get_meaning   (CandourReportKind  kind,
                                                 const char        *name);
/* Figures, which tables right-align, rather than words. */
gboolean    candour_report_column_is_numeric    (const CandourReportColumn *column);

/* Organisations' names by their refs: the shares report (like its CSV) names each
 * lead by ref, and people know them by name. */
GHashTable *candour_report_lead_names           (CandourDatabase  *db,
                                                 GError          **error);
/* A cell as the table and the PDF show it: a lead by its name (lead_names may be
 * NULL), keywords in words. */
const char *candour_report_cell_text            (const CandourReportColumn *columns,
                                                 CandourReportRow          *row,
                                                 guint                      column,
                                                 GHashTable                *lead_names);

/* The chart of rows (CandourReportRow, in the report's order): every row when they
 * are few enough to read, else the CANDOUR_BAR_CHART_MAX_READABLE that matter most,
 * with *caption (else NULL) saying where the rest are. */
CandourBarChartData *candour_report_kind_chart  (CandourReportKind  kind,
                                                 GListModel        *rows,
                                                 GHashTable        *lead_names,
                                                 char             **caption);

/* The line under the title: for the scorecard, how the findings were judged and when
 * (as the findings' PDF says it); for payment times, the payments it counts (period,
 * NULL for all) and when it was made; for the others, when it was made. */
char       *candour_report_kind_dateline        (CandourReportKind              kind,
                                                 const CandourReconcileOptions *options,
                                                 const CandourReportingPeriod  *period);
/* A period in words: "the financial year 2025–26", "the first quarter of 2025–26";
 * NULL for days someone gave, or every day. */
char       *candour_reporting_period_words      (const CandourReportingPeriod  *period);
/* "Payments made 01/04/2025 to 31/03/2026, the financial year 2025–26."; "Payments
 * made from 01/04/2025 on."; NULL for every payment. */
char       *candour_report_payment_period_line  (const CandourReportingPeriod  *period);
/* "Judged as of 30/06/2025, allowing 90 days for a subcontract and 10% for late
 * payment. Made on 22/11/2026." */
char       *candour_report_judged_line          (const CandourReconcileOptions *options);
/* "Made on 22/11/2026." */
char       *candour_report_made_on_line         (void);

/* The PDF: title, subtitle (the database's title), dateline, the kind's description
 * and headline figures, chart (taken; NULL for none) with its caption, and a table of
 * rows (in the order given) in the columns the kind shows. */
CandourPdfReport *candour_report_kind_pdf       (CandourReportKind          kind,
                                                 const CandourReportColumn *columns,
                                                 guint                      n_columns,
                                                 GListModel                *rows,
                                                 GHashTable                *lead_names,
                                                 CandourBarChartData       *chart,
                                                 const char                *caption,
                                                 const char                *subtitle,
                                                 const char                *dateline);

G_END_DECLS
