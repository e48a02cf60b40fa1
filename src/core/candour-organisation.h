/* candour-organisation.h: an organisation, with how often bids named it
 *
 * One organisation as the Organisations list shows it. Read-only properties, so the GUI's
 * lists, sorters and filters bind to it without glue code. Money is pence; a money
 * or count that was not recorded is -1, and its -text property is empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_ORGANISATION (candour_organisation_get_type ())

G_DECLARE_FINAL_TYPE (CandourOrganisation, candour_organisation, CANDOUR, ORGANISATION, GObject)

/* The current row of a query with the columns (by name):
 * ref, name, org_id, kind, annual_income, size_band, locality, led_by, notes,
 * bids_named, bids_led, subcontracted. */
CandourOrganisation *candour_organisation_new_from_query (CandourQuery *query);

const char          *candour_organisation_get_ref            (CandourOrganisation *self);
const char          *candour_organisation_get_name           (CandourOrganisation *self);
const char          *candour_organisation_get_org_id         (CandourOrganisation *self);
const char          *candour_organisation_get_kind           (CandourOrganisation *self);
gint64               candour_organisation_get_annual_income  (CandourOrganisation *self);
const char          *candour_organisation_get_size_band      (CandourOrganisation *self);
const char          *candour_organisation_get_locality       (CandourOrganisation *self);
const char          *candour_organisation_get_led_by         (CandourOrganisation *self);
const char          *candour_organisation_get_notes          (CandourOrganisation *self);
gint64               candour_organisation_get_bids_named     (CandourOrganisation *self);
gint64               candour_organisation_get_bids_led       (CandourOrganisation *self);
gint64               candour_organisation_get_subcontracted  (CandourOrganisation *self);

/* Every organisation, by name. */
GListModel *candour_organisation_list_load (CandourDatabase  *db,
                                            GError          **error);

G_END_DECLS
