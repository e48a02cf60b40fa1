/* candour-people-page.h: Preferences' People page, on a server
 *
 * Who may open the register and what each may do (candour_report_people()). An admin
 * changes another login's role here, as `candour-cli grant` does; everyone else sees
 * the roles, their own among them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "candour-database.h"

G_BEGIN_DECLS

/* A page for db's register, or NULL (with error) when its people cannot be read. */
GtkWidget *candour_people_page_new (CandourDatabase  *db,
                                    GError          **error);

G_END_DECLS
