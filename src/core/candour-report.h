/* candour-report.h: a table of results read row by row from SQLite
 *
 * Every report (findings, scorecard, shares, payment times) and every export is one SQL
 * query whose columns have a kind. The CLI, the exports and the GUI format cells through
 * the kind, so a figure reads the same everywhere. Rows are read on demand: a report over
 * a million payments never holds them in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"

G_BEGIN_DECLS

typedef enum
{
  CANDOUR_CELL_TEXT,            /* free text: guarded against formulas in CSV */
  CANDOUR_CELL_KEYWORD,         /* a status, band or other fixed word */
  CANDOUR_CELL_MONEY,           /* integer pence → 1234.50 / £1,234.50 */
  CANDOUR_CELL_PERCENT_TENTHS,  /* integer tenths of a percent → 33.3 */
  CANDOUR_CELL_PERCENT_EXACT,   /* integer basis points → 33.33, as typed */
  CANDOUR_CELL_TENTHS,          /* integer tenths → 12.5 (average days) */
  CANDOUR_CELL_COUNT,           /* an integer */
  CANDOUR_CELL_DATE,            /* ISO date → 2025-04-01 / 01/04/2025 */
  CANDOUR_CELL_YES_NO,          /* 0/1 → no/yes */
} CandourCellKind;

typedef enum
{
  CANDOUR_CELL_FORMAT_CSV,      /* the file formats: plain, ISO, round-trips */
  CANDOUR_CELL_FORMAT_DISPLAY,  /* for people: £1,234.50, 01/04/2025, 33.3% */
} CandourCellFormat;

typedef struct
{
  const char *name;             /* CSV header */
  CandourCellKind kind;
} CandourReportColumn;

typedef struct _CandourReport CandourReport;

/* Runs sql (a static string) with columns describing its result columns in order.
 * Bind parameters through candour_report_get_query() before the first _next(). */
CandourReport       *candour_report_new            (CandourDatabase           *db,
                                                    const char                *sql,
                                                    const CandourReportColumn *columns,
                                                    guint                      n_columns,
                                                    GError                   **error);
/* A report over rows already in memory (what a list on screen shows), read through
 * source's functions from rows and written out exactly as a query's rows are.
 * rows_free (may be NULL) frees rows with the report; db is the database they came
 * from, so that an export is never written over one of its files. */
typedef struct
{
  gboolean    (*next)      (gpointer rows);     /* to the next row; FALSE after the last */
  gboolean    (*is_null)   (gpointer rows,
                            guint    column);
  gint64      (*get_int64) (gpointer rows,
                            guint    column);
  const char *(*get_text)  (gpointer rows,
                            guint    column);
} CandourReportSource;

CandourReport       *candour_report_new_for_rows   (CandourDatabase           *db,
                                                    const CandourReportSource *source,
                                                    gpointer                   rows,
                                                    GDestroyNotify             rows_free,
                                                    const CandourReportColumn *columns,
                                                    guint                      n_columns);
void                 candour_report_free           (CandourReport *self);
/* The query a report runs (NULL for rows in memory). */
CandourQuery        *candour_report_get_query      (CandourReport *self);
CandourDatabase     *candour_report_get_database   (CandourReport *self);

guint                candour_report_get_n_columns  (CandourReport *self);
const CandourReportColumn *
                     candour_report_get_column     (CandourReport *self,
                                                    guint          column);

/* TRUE with a row, FALSE at the end (error unset) or on failure. */
gboolean             candour_report_next           (CandourReport  *self,
                                                    GError        **error);
gboolean             candour_report_cell_is_null   (CandourReport *self,
                                                    guint          column);
gint64               candour_report_get_int64      (CandourReport *self,
                                                    guint          column);
const char          *candour_report_get_text       (CandourReport *self,
                                                    guint          column);
/* The cell formatted for a file or for people; "" for an empty cell. */
char                *candour_report_format_cell    (CandourReport     *self,
                                                    guint              column,
                                                    CandourCellFormat  format);

/* The same by the column's name (its CSV header), for code that reads the columns it
 * knows rather than walking them all; a name the report has not is a programming error. */
gboolean             candour_report_cell_is_null_by_name (CandourReport     *self,
                                                          const char        *name);
gint64               candour_report_get_int64_by_name    (CandourReport     *self,
                                                          const char        *name);
const char          *candour_report_get_text_by_name     (CandourReport     *self,
                                                          const char        *name);
char                *candour_report_format_cell_by_name  (CandourReport     *self,
                                                          const char        *name,
                                                          CandourCellFormat  format);

/* Header and every remaining row as CSV (BOM, CRLF, formula guard). */
gboolean             candour_report_write_csv      (CandourReport  *self,
                                                    GOutputStream  *stream,
                                                    GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourReport, candour_report_free)

G_END_DECLS
