/* candour-contract.h: a contract and what its lead subcontracted
 *
 * One contract as the Contracts list shows it. Read-only properties, so the GUI's
 * lists, sorters and filters bind to it without glue code. Money is pence; a money
 * or count that was not recorded is -1, and its -text property is empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_CONTRACT (candour_contract_get_type ())

G_DECLARE_FINAL_TYPE (CandourContract, candour_contract, CANDOUR, CONTRACT, GObject)

/* The current row of a query with the columns (by name):
 * ref, title, bid_ref, lead_name, commissioner_name, value, start_on, end_on, model,
 * required_small_share, subcontracts, subcontracted. */
CandourContract *candour_contract_new_from_query       (CandourQuery *query);

const char      *candour_contract_get_ref                  (CandourContract *self);
const char      *candour_contract_get_title                (CandourContract *self);
const char      *candour_contract_get_bid_ref              (CandourContract *self);
const char      *candour_contract_get_lead_name            (CandourContract *self);
const char      *candour_contract_get_commissioner_name    (CandourContract *self);
gint64           candour_contract_get_value                (CandourContract *self);
const char      *candour_contract_get_start_on             (CandourContract *self);
const char      *candour_contract_get_end_on               (CandourContract *self);
const char      *candour_contract_get_model                (CandourContract *self);
gint64           candour_contract_get_required_small_share (CandourContract *self);
gint64           candour_contract_get_subcontracts         (CandourContract *self);
gint64           candour_contract_get_subcontracted        (CandourContract *self);

/* Every contract, by reference. */
GListModel *candour_contract_list_load (CandourDatabase  *db,
                                        GError          **error);

G_END_DECLS
