/* candour-reports-page.h: the lead scorecard, contract shares and payment times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-report-view.h"
#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_REPORTS_PAGE (candour_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (CandourReportsPage, candour_reports_page, CANDOUR, REPORTS_PAGE, GtkWidget)

CandourSession    *candour_reports_page_get_session (CandourReportsPage *self);
void               candour_reports_page_set_session (CandourReportsPage *self,
                                                     CandourSession     *session);
/* "scorecard", "shares" or "payment-times". */
CandourReportView *candour_reports_page_get_view    (CandourReportsPage *self,
                                                     const char         *kind);
void               candour_reports_page_show        (CandourReportsPage *self,
                                                     const char         *kind);

G_END_DECLS
