/* candour-findings-page.h: every partner named in a won bid, with the engine's finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-findings-export.h"
#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_FINDINGS_PAGE (candour_findings_page_get_type ())

G_DECLARE_FINAL_TYPE (CandourFindingsPage, candour_findings_page, CANDOUR, FINDINGS_PAGE, GtkWidget)

CandourSession *candour_findings_page_get_session (CandourFindingsPage *self);
void            candour_findings_page_set_session (CandourFindingsPage *self,
                                                   CandourSession      *session);

/* The filters, as if chosen on screen: a status keyword or NULL for all statuses, a
 * lead provider's name or NULL for all, and the search text. */
void            candour_findings_page_set_status  (CandourFindingsPage *self,
                                                   const char          *status);
void            candour_findings_page_set_lead    (CandourFindingsPage *self,
                                                   const char          *lead_name);
void            candour_findings_page_set_search  (CandourFindingsPage *self,
                                                   const char          *text);
/* The rows shown after filtering, in the order shown. */
GListModel     *candour_findings_page_get_shown   (CandourFindingsPage *self);

/* Writes the rows shown, in the order shown, to path (as Export does once a file is
 * chosen), then says so in a toast; nothing while a file is being written. */
void            candour_findings_page_export      (CandourFindingsPage         *self,
                                                   CandourFindingsExportFormat  format,
                                                   const char                  *path);
gboolean        candour_findings_page_get_exporting (CandourFindingsPage       *self);
/* Print…: the rows shown as the PDF shows them, through the print dialog; with
 * export_path, straight into a PDF there as a printer would get them. */
void            candour_findings_page_print       (CandourFindingsPage         *self,
                                                   const char                  *export_path);

G_END_DECLS
