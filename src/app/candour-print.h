/* candour-print.h: a report on paper, through the desktop's print dialog
 *
 * The pages are the PDF's (candour-pdf-report.h), laid out on a worker and scaled to
 * the paper the printer has; A4 turned the same way is the paper offered first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-pdf-report.h"

G_BEGIN_DECLS

/* Prints report (taken), with the print dialog over widget's window; or, with
 * export_path, straight into a PDF there as a printer would be sent it (no dialog).
 * A failure is said over the window. */
void candour_print_report (GtkWidget        *widget,
                           CandourPdfReport *report,
                           const char       *export_path);

G_END_DECLS
