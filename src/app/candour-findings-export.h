/* candour-findings-export.h: the findings a page shows, out as CSV, spreadsheet or PDF
 *
 * The CSV and the spreadsheet have `candour-cli reconcile`'s columns; the PDF has the
 * page's, with names rather than refs, the headline figures, what was shown and how it
 * was judged, and what each finding means.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-pdf-report.h"
#include "candour-session.h"

G_BEGIN_DECLS

typedef enum
{
  CANDOUR_FINDINGS_EXPORT_CSV,
  CANDOUR_FINDINGS_EXPORT_XLSX,
  CANDOUR_FINDINGS_EXPORT_PDF,
} CandourFindingsExportFormat;

/* The PDF of findings (CandourFinding items, in their order) as session judged them,
 * under title ("Findings") with description (what they are, and which were chosen):
 * candour_findings_pdf_new() with the session's database title and judged line. */
CandourPdfReport *candour_findings_pdf_report   (CandourSession               *session,
                                                 GListModel                   *findings,
                                                 const char                   *title,
                                                 const char                   *description);

/* Writes findings to path, whole or not at all, on a worker thread; title and
 * description as for the PDF (a spreadsheet's title is title). The items are read
 * now: the list may change while the file is written. A PDF also has copies of
 * further_tables (CandourPdfTable, or NULL) after the findings; a spreadsheet, for
 * contract_id (0: none), that contract's subcontracts and payments as sheets of their
 * own. For a PDF, returns the report
 * being drawn (the task's, until callback runs) for candour_pdf_report_get_progress();
 * a CSV or a spreadsheet is written in a second or so, and returns NULL. */
CandourPdfReport *candour_findings_export_async  (CandourSession               *session,
                                                  GListModel                   *findings,
                                                  const char                   *title,
                                                  const char                   *description,
                                                  GPtrArray                    *further_tables,
                                                  gint64                        contract_id,
                                                  CandourFindingsExportFormat   format,
                                                  const char                   *path,
                                                  GCancellable                 *cancellable,
                                                  GAsyncReadyCallback           callback,
                                                  gpointer                      user_data);
gboolean          candour_findings_export_finish (GAsyncResult                 *result,
                                                  GError                      **error);

G_END_DECLS
