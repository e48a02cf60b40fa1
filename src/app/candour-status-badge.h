/* candour-status-badge.h: a finding's status as a coloured, labelled badge
 *
 * The word is always there ("Bid candy"), so the colour is never the only clue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CANDOUR_TYPE_STATUS_BADGE (candour_status_badge_get_type ())

G_DECLARE_FINAL_TYPE (CandourStatusBadge, candour_status_badge, CANDOUR, STATUS_BADGE, GtkWidget)

GtkWidget  *candour_status_badge_new        (const char         *status);
const char *candour_status_badge_get_status (CandourStatusBadge *self);
void        candour_status_badge_set_status (CandourStatusBadge *self,
                                             const char         *status);

G_END_DECLS
