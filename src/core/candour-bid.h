/* candour-bid.h: a bid for a contract and the partners it named
 *
 * One bid as the Bids list shows it. Read-only properties, so the GUI's
 * lists, sorters and filters bind to it without glue code. Money is pence; a money
 * or count that was not recorded is -1, and its -text property is empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_BID (candour_bid_get_type ())

G_DECLARE_FINAL_TYPE (CandourBid, candour_bid, CANDOUR, BID, GObject)

/* The current row of a query with the columns (by name):
 * ref, title, lead_ref, lead_name, commissioner_name, value, submitted_on, outcome,
 * consortium_name, partners, contract_ref. */
CandourBid *candour_bid_new_from_query    (CandourQuery *query);

const char *candour_bid_get_ref               (CandourBid *self);
const char *candour_bid_get_title             (CandourBid *self);
const char *candour_bid_get_lead_ref          (CandourBid *self);
const char *candour_bid_get_lead_name         (CandourBid *self);
const char *candour_bid_get_commissioner_name (CandourBid *self);
gint64      candour_bid_get_value             (CandourBid *self);
const char *candour_bid_get_submitted_on      (CandourBid *self);
const char *candour_bid_get_outcome           (CandourBid *self);
const char *candour_bid_get_consortium_name   (CandourBid *self);
gint64      candour_bid_get_partners          (CandourBid *self);
const char *candour_bid_get_contract_ref      (CandourBid *self);

/* Every bid, by reference. */
GListModel *candour_bid_list_load (CandourDatabase  *db,
                                   GError          **error);

G_END_DECLS
