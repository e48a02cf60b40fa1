/* candour-report-row.h: one row of any report, as an item for a list view
 *
 * Reports (scorecard, shares, payment times) have their own columns, so their rows
 * are generic: each cell keeps its text for people and its integer for sorting.
 * Reports have one row per lead, contract or payer: a few hundred at most.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-report.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_REPORT_ROW (candour_report_row_get_type ())

G_DECLARE_FINAL_TYPE (CandourReportRow, candour_report_row, CANDOUR, REPORT_ROW, GObject)

/* The current row of report. */
CandourReportRow *candour_report_row_new_from_report (CandourReport    *report);

guint             candour_report_row_get_n_columns   (CandourReportRow *self);
/* The cell as candour_report_format_cell (..., CANDOUR_CELL_FORMAT_DISPLAY) gives it:
 * "£1,234.50", "33.3%", a keyword as stored; "" when empty. */
const char       *candour_report_row_get_text        (CandourReportRow *self,
                                                      guint             column);
gboolean          candour_report_row_is_null         (CandourReportRow *self,
                                                      guint             column);
/* The cell's integer (pence, tenths, counts); 0 for text and empty cells. */
gint64            candour_report_row_get_value       (CandourReportRow *self,
                                                      guint             column);

/* Every remaining row of report, in its order. */
GListModel       *candour_report_row_list_load       (CandourReport    *report,
                                                      GError          **error);

G_END_DECLS
