/* candour-report-view.h: one report as a chart and a table, with its exports
 *
 * kind is "scorecard" (per lead provider), "shares" (per contract) or "payment-times"
 * (per payer). The CSV and the spreadsheet are the core's formats, the same as
 * candour-cli writes; the PDF has the chart and the table as shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-bar-chart.h"
#include "candour-period-popover.h"
#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_REPORT_VIEW (candour_report_view_get_type ())

G_DECLARE_FINAL_TYPE (CandourReportView, candour_report_view, CANDOUR, REPORT_VIEW, GtkWidget)

const char      *candour_report_view_get_kind    (CandourReportView  *self);
const char      *candour_report_view_get_title   (CandourReportView  *self);
CandourSession  *candour_report_view_get_session (CandourReportView  *self);
void             candour_report_view_set_session (CandourReportView  *self,
                                                  CandourSession     *session);

/* CandourReportRow items in the order the table shows them. */
GListModel      *candour_report_view_get_rows    (CandourReportView  *self);
CandourBarChart *candour_report_view_get_chart   (CandourReportView  *self);

/* Payment times only: the button choosing which payments it counts, its popover, and
 * the line beside it saying them in words. */
GtkMenuButton   *candour_report_view_get_period_button  (CandourReportView *self);
CandourPeriodPopover *candour_report_view_get_period_popover (CandourReportView *self);
GtkLabel        *candour_report_view_get_period_label   (CandourReportView *self);

gboolean         candour_report_view_write_csv   (CandourReportView  *self,
                                                  const char         *path,
                                                  GError            **error);
/* Writes the PDF on the calling thread, as write_csv writes the CSV (which is quick). */
gboolean         candour_report_view_write_pdf   (CandourReportView  *self,
                                                  const char         *path,
                                                  GError            **error);
/* Writes the PDF on a worker thread, as Export PDF… does: the view shows its progress
 * with a Cancel button (report.cancel-export, Escape), then a toast when it is saved or
 * a dialog saying why not. */
void             candour_report_view_export_pdf  (CandourReportView  *self,
                                                  const char         *path);
gboolean         candour_report_view_get_exporting (CandourReportView *self);
/* Writes the table as a spreadsheet (.xlsx, candour-xlsx-writer.h) on a worker, as
 * Export Spreadsheet… does: a toast when it is saved, or a dialog saying why not. */
void             candour_report_view_export_xlsx (CandourReportView  *self,
                                                  const char         *path);
/* Print…: the PDF's pages through the print dialog; with export_path, straight into a
 * PDF there as the printer would get them (candour-print.h). */
void             candour_report_view_print       (CandourReportView  *self,
                                                  const char         *export_path);

G_END_DECLS
