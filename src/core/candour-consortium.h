/* candour-consortium.h: a consortium or partnership and its members
 *
 * One consortium as the Consortia list shows it. Read-only properties, so the GUI's
 * lists, sorters and filters bind to it without glue code. Money is pence; a money
 * or count that was not recorded is -1, and its -text property is empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_CONSORTIUM (candour_consortium_get_type ())

G_DECLARE_FINAL_TYPE (CandourConsortium, candour_consortium, CANDOUR, CONSORTIUM, GObject)

/* The current row of a query with the columns (by name):
 * ref, name, model, lead_name, members, agreement, agreement_on, due_diligence, bids,
 * notes. */
CandourConsortium *candour_consortium_new_from_query (CandourQuery *query);

const char        *candour_consortium_get_ref            (CandourConsortium *self);
const char        *candour_consortium_get_name           (CandourConsortium *self);
const char        *candour_consortium_get_model          (CandourConsortium *self);
const char        *candour_consortium_get_lead_name      (CandourConsortium *self);
gint64             candour_consortium_get_members        (CandourConsortium *self);
gboolean           candour_consortium_get_agreement      (CandourConsortium *self);
const char        *candour_consortium_get_agreement_on   (CandourConsortium *self);
gboolean           candour_consortium_get_due_diligence  (CandourConsortium *self);
gint64             candour_consortium_get_bids           (CandourConsortium *self);
const char        *candour_consortium_get_notes          (CandourConsortium *self);

/* Every consortium, by name. */
GListModel *candour_consortium_list_load (CandourDatabase  *db,
                                          GError          **error);

G_END_DECLS
