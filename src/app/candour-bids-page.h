/* candour-bids-page.h: every bid, its lead provider, commissioner and outcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_BIDS_PAGE (candour_bids_page_get_type ())

G_DECLARE_FINAL_TYPE (CandourBidsPage, candour_bids_page, CANDOUR, BIDS_PAGE, GtkWidget)

CandourSession *candour_bids_page_get_session (CandourBidsPage *self);
void            candour_bids_page_set_session (CandourBidsPage *self,
                                               CandourSession  *session);
/* Filters the list as if text were typed into its search entry. */
void            candour_bids_page_set_search  (CandourBidsPage *self,
                                               const char      *text);
/* The rows shown after searching, in the order shown. */
GListModel     *candour_bids_page_get_shown   (CandourBidsPage *self);

G_END_DECLS
