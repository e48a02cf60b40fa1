/* candour-people.h: who may do what in a register on a server
 *
 * A server's logins hold one of Candour's four roles (sql/pg/roles.sql): viewer (reads),
 * editor (records), finance (payments, and closes periods), admin (people, and all of
 * these). candour_database_grant() gives one; this says who holds which.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-report.h"

G_BEGIN_DECLS

/* Every login that may open the register, by name: login, role (viewer, editor, finance,
 * admin; owner for the login that set the register up and migrates it), you (yes for
 * the login asking). A file has no people of its own: G_IO_ERROR_NOT_SUPPORTED. */
CandourReport *candour_report_people  (CandourDatabase  *db,
                                       GError          **error);
/* What a role may do, in a few words: "reads everything", "adds and changes records,
 * except payments"… NULL for a word that is no role. */
const char    *candour_role_describe  (const char       *role);

G_END_DECLS
