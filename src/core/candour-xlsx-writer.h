/* candour-xlsx-writer.h: reports as spreadsheets a funder's analyst can work with
 *
 * Each report becomes a sheet of an Excel workbook (.xlsx, libxlsxwriter): money is a
 * number in pounds shown £1,234.50, a date is a real date shown 01/04/2025, a
 * percentage a number shown 33.3%, and everything else text, exactly as stored: a ref
 * "0123" keeps its zero and "=SUM(1)" is never a formula, because text is only ever
 * written as text. The header is bold, frozen and filtered; columns are as wide as
 * their content, within reason. How a column is written follows its kind
 * (CandourCellKind, candour-report.h), the same kind the CSV and the screen format by.
 *
 * The workbook appears whole or not at all (candour-output.h): it is written beside
 * the target under a hidden name and renamed over it on commit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-report.h"

G_BEGIN_DECLS

/* The most rows a sheet holds below its header (Excel's limit, 1,048,576 in all). */
#define CANDOUR_XLSX_MAX_ROWS 1048575

typedef struct _CandourXlsxWriter CandourXlsxWriter;

/* Starts a workbook to replace path, which is checked against db (which may be NULL)
 * as every output is. title and subject are its document properties (subject NULL:
 * the register's name, from db); the author is Candour. */
CandourXlsxWriter *candour_xlsx_writer_new        (CandourDatabase    *db,
                                                   const char         *path,
                                                   const char         *title,
                                                   const char         *subject,
                                                   GError            **error);

/* The header and every remaining row of report as a new sheet called sheet_name (at
 * most 31 characters, none of []:*?/\). Fails, naming the file, when a cancellable
 * is cancelled (G_IO_ERROR_CANCELLED), when the report has more rows than a sheet
 * holds, or when a cell holds more text than a spreadsheet's cell (32,767
 * characters). After a failure only _free() is of use. */
gboolean           candour_xlsx_writer_add_report (CandourXlsxWriter  *self,
                                                   const char         *sheet_name,
                                                   CandourReport      *report,
                                                   GCancellable       *cancellable,
                                                   GError            **error);

/* Rows written so far, over every sheet (headers not counted). */
guint64            candour_xlsx_writer_get_n_rows (CandourXlsxWriter  *self);

/* Finishes the workbook and puts it in place of path. On failure path is as it was. */
gboolean           candour_xlsx_writer_commit     (CandourXlsxWriter  *self,
                                                   GError            **error);
/* Abandons the workbook unless it was committed: path is as it was. */
void               candour_xlsx_writer_free       (CandourXlsxWriter  *self);

/* One report as a workbook of one sheet, replacing path whole. */
gboolean           candour_xlsx_write_report      (CandourReport      *report,
                                                   const char         *path,
                                                   const char         *title,
                                                   const char         *subject,
                                                   const char         *sheet_name,
                                                   GCancellable       *cancellable,
                                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourXlsxWriter, candour_xlsx_writer_free)

G_END_DECLS
