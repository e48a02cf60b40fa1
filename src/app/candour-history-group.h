/* candour-history-group.h: a record's audit trail in words, for details and forms
 *
 * "Changed by alice on 01/07/2025 at 14:03 — Annual income: £40,000.00 → £45,000.00".
 * Field names and values are shown as forms show them: money in pounds, dates the UK
 * way, other records by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "candour-database.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_HISTORY_GROUP (candour_history_group_get_type ())

G_DECLARE_FINAL_TYPE (CandourHistoryGroup, candour_history_group, CANDOUR, HISTORY_GROUP, AdwPreferencesGroup)

GtkWidget  *candour_history_group_new         (void);

/* Shows every audit row about the records with these refs (a bid, and its named
 * partners as "BID-01/ORG-ACWH"), oldest first. refs is NULL-terminated. */
void        candour_history_group_load        (CandourHistoryGroup *self,
                                               CandourDatabase     *db,
                                               const char * const  *refs);
guint       candour_history_group_get_n_entries (CandourHistoryGroup *self);
/* One entry in words, as a screen reader reads its row: "Changed by alice on
 * 01/07/2025 at 14:03: name: A → B". */
const char *candour_history_group_get_entry   (CandourHistoryGroup *self,
                                               guint                index);

G_END_DECLS
