/* candour-pdf-report.h: a report as an A4 PDF for a funder or commissioner
 *
 * Title, date, headline figures, the chart and the table, in that order; the table
 * runs on over as many pages as it needs with its headings repeated. Wide tables turn
 * the page to landscape.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-bar-chart.h"

G_BEGIN_DECLS

typedef struct
{
  const char *title;                  /* "Lead provider scorecard" */
  const char *subtitle;               /* the database: "Harrowfield demo" */
  const char *dateline;               /* "Judged as of 30/06/2025. Made on 22/11/2026." */
  const char *description;            /* what the report shows, a paragraph */
  const char * const *figure_labels;  /* headline figures, NULL-terminated … */
  const char * const *figure_values;  /* … with their values */
  CandourBarChart *chart;             /* drawn for paper; NULL for none */
  guint n_columns;
  const char * const *headings;       /* n_columns of them */
  const gboolean *numeric;            /* right-aligned columns */
  GPtrArray *rows;                    /* GStrv of n_columns cells each */
} CandourPdfReport;

/* Writes the whole file or nothing: a failure leaves any earlier file as it was. */
gboolean candour_pdf_report_write (const CandourPdfReport  *report,
                                   const char              *path,
                                   GError                 **error);

G_END_DECLS
