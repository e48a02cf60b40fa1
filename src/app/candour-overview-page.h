/* candour-overview-page.h: the headline figures, the leads' chart, what needs attention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-bar-chart.h"
#include "candour-session.h"

G_BEGIN_DECLS

/* Findings listed under "Needing Attention", most serious first. */
#define CANDOUR_OVERVIEW_MAX_SERIOUS CANDOUR_SESSION_SERIOUS_KEPT

#define CANDOUR_TYPE_OVERVIEW_PAGE (candour_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (CandourOverviewPage, candour_overview_page, CANDOUR, OVERVIEW_PAGE, GtkWidget)

CandourSession  *candour_overview_page_get_session (CandourOverviewPage *self);
void             candour_overview_page_set_session (CandourOverviewPage *self,
                                                    CandourSession      *session);

/* The figure shown under a caption such as "Bid candy", for tests and screen readers. */
const char      *candour_overview_page_get_figure  (CandourOverviewPage *self,
                                                    const char          *name);
CandourBarChart *candour_overview_page_get_chart   (CandourOverviewPage *self);
/* The findings listed under "Needing Attention". */
GListModel      *candour_overview_page_get_serious (CandourOverviewPage *self);

G_END_DECLS
