/* candour-demo.h: the built-in demonstration area, Harrowfield
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-database.h"

G_BEGIN_DECLS

/* Imports the demo into an empty database through the ordinary CSV import. Its dates
 * are written relative to a day ("today-540"), so every status shows whenever it is
 * loaded: today is that day as ISO, or NULL for the real today. Refuses a database that
 * already holds organisations. */
gboolean candour_demo_load (CandourDatabase  *db,
                            const char       *today,
                            GError          **error);

G_END_DECLS
