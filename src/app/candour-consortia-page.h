/* candour-consortia-page.h: every consortium or partnership and its members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_CONSORTIA_PAGE (candour_consortia_page_get_type ())

G_DECLARE_FINAL_TYPE (CandourConsortiaPage, candour_consortia_page, CANDOUR, CONSORTIA_PAGE, GtkWidget)

CandourSession *candour_consortia_page_get_session (CandourConsortiaPage *self);
void            candour_consortia_page_set_session (CandourConsortiaPage *self,
                                                    CandourSession       *session);
/* Filters the list as if text were typed into its search entry. */
void            candour_consortia_page_set_search  (CandourConsortiaPage *self,
                                                    const char           *text);
/* The rows shown after searching, in the order shown. */
GListModel     *candour_consortia_page_get_shown   (CandourConsortiaPage *self);

G_END_DECLS
