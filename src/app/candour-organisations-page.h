/* candour-organisations-page.h: every organisation, its size and its part in bids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_ORGANISATIONS_PAGE (candour_organisations_page_get_type ())

G_DECLARE_FINAL_TYPE (CandourOrganisationsPage, candour_organisations_page, CANDOUR, ORGANISATIONS_PAGE, GtkWidget)

CandourSession *candour_organisations_page_get_session (CandourOrganisationsPage *self);
void            candour_organisations_page_set_session (CandourOrganisationsPage *self,
                                                        CandourSession           *session);
/* Filters the list as if text were typed into its search entry. */
void            candour_organisations_page_set_search  (CandourOrganisationsPage *self,
                                                        const char               *text);
/* The rows shown after searching, in the order shown. */
GListModel     *candour_organisations_page_get_shown   (CandourOrganisationsPage *self);

G_END_DECLS
