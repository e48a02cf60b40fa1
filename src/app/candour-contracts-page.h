/* candour-contracts-page.h: every contract and how much of it was subcontracted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_CONTRACTS_PAGE (candour_contracts_page_get_type ())

G_DECLARE_FINAL_TYPE (CandourContractsPage, candour_contracts_page, CANDOUR, CONTRACTS_PAGE, GtkWidget)

CandourSession *candour_contracts_page_get_session (CandourContractsPage *self);
void            candour_contracts_page_set_session (CandourContractsPage *self,
                                                    CandourSession       *session);
/* Filters the list as if text were typed into its search entry. */
void            candour_contracts_page_set_search  (CandourContractsPage *self,
                                                    const char           *text);
/* The rows shown after searching, in the order shown. */
GListModel     *candour_contracts_page_get_shown   (CandourContractsPage *self);

G_END_DECLS
