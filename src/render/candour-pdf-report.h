/* candour-pdf-report.h: a report as an A4 PDF for a funder or commissioner
 *
 * Title, date, headline figures, the chart, the table and a glossary, in that order,
 * then any further tables; a table runs on over as many pages as it needs with its
 * headings repeated. Wide tables turn the page to landscape. No GTK: the
 * application's exports and prints and candour-cli's --format pdf draw the same pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "candour-bar-chart-data.h"
#include "candour-database.h"

G_BEGIN_DECLS

/* A further table after the report's own, under its own heading: a contract's
 * subcontracts and payments after the promises to its partners. */
typedef struct
{
  char *title;                        /* "Subcontracts" */
  char *description;                  /* a line on what it lists, or NULL */
  guint n_columns;
  GStrv headings;                     /* n_columns of them */
  gboolean *numeric;                  /* right-aligned columns */
  GPtrArray *rows;                    /* GStrv of n_columns cells each */
} CandourPdfTable;

/* A table with headings (NULL-terminated) and no rows; numeric says which columns are
 * figures (n_columns of them). With no headings (numeric NULL) it is a section of
 * words: its title and description. */
CandourPdfTable  *candour_pdf_table_new             (const char           *title,
                                                     const char           *description,
                                                     const char * const   *headings,
                                                     const gboolean       *numeric);
/* Adds a copy of cells (n_columns of them). */
void              candour_pdf_table_add_row         (CandourPdfTable      *table,
                                                     const char * const   *cells);
CandourPdfTable  *candour_pdf_table_copy            (const CandourPdfTable *table);
void              candour_pdf_table_free            (CandourPdfTable      *table);

/* Everything the PDF shows, copied from the widgets on the main thread so that the
 * writing, which may run on another thread, reads nothing else. */
typedef struct
{
  char *title;                        /* "Lead provider scorecard" */
  char *subtitle;                     /* the database: "Harrowfield demo" */
  char *dateline;                     /* "Judged as of 30/06/2025. Made on 22/11/2026." */
  char *description;                  /* what the report shows, a paragraph */
  GStrv figure_labels;                /* headline figures, or NULL … */
  GStrv figure_values;                /* … with their values */
  CandourBarChartData *chart;         /* drawn for paper; NULL for none */
  char *chart_caption;                /* under the chart: what it leaves to the table, or NULL */
  guint n_columns;
  GStrv headings;                     /* n_columns of them */
  gboolean *numeric;                  /* right-aligned columns */
  GPtrArray *rows;                    /* GStrv of n_columns cells each */
  GStrv glossary_terms;               /* after the table, what its words mean, or NULL … */
  GStrv glossary_meanings;            /* … with what each means */
  GPtrArray *tables;                  /* CandourPdfTable, after the glossary */

  int progress;                       /* rows measured, then drawn: see below */
} CandourPdfReport;

CandourPdfReport *candour_pdf_report_new            (void);
void              candour_pdf_report_free           (CandourPdfReport     *report);

/* Writes the whole file or nothing (candour-output.h): the PDF is drawn into a
 * temporary file beside path, readable by its owner only, synced and renamed over path
 * once complete. A failure or a cancellation leaves any earlier file as it was, and no
 * temporary file; path may not be one of db's files (db may be NULL). Draws with its
 * own cairo context and fonts, so it may run on any thread. */
gboolean          candour_pdf_report_write          (CandourPdfReport     *report,
                                                     CandourDatabase      *db,
                                                     const char           *path,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
/* The same on a worker thread; takes report, which stays readable until callback. */
void              candour_pdf_report_write_async    (CandourPdfReport     *report,
                                                     CandourDatabase      *db,
                                                     const char           *path,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean          candour_pdf_report_write_finish   (GAsyncResult         *result,
                                                     GError              **error);
/* The same pages for a printer: a cairo recording surface each (an array that frees
 * them), *width × *height points, A4 turned as the PDF's is. */
GPtrArray        *candour_pdf_report_record_pages   (CandourPdfReport     *report,
                                                     double               *width,
                                                     double               *height);
/* How far a write has got, from 0 to 1, asked from any thread. */
double            candour_pdf_report_get_progress   (CandourPdfReport     *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourPdfReport, candour_pdf_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourPdfTable, candour_pdf_table_free)

G_END_DECLS
