/* candour-application.h: the Candour desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Databases listed under Open Recent. */
#define CANDOUR_MAX_RECENT 8

#define CANDOUR_TYPE_APPLICATION (candour_application_get_type ())

G_DECLARE_FINAL_TYPE (CandourApplication, candour_application, CANDOUR, APPLICATION, AdwApplication)

CandourApplication *candour_application_new               (void);
GSettings          *candour_application_get_settings      (CandourApplication *self);
/* The day findings are judged on (--as-of), or NULL for today. */
const char         *candour_application_get_as_of         (CandourApplication *self);
void                candour_application_set_as_of         (CandourApplication *self,
                                                           const char         *as_of);
/* Puts path first in the recent databases. */
void                candour_application_add_recent        (CandourApplication *self,
                                                           const char         *path);
/* What main() returns once the application has run: for --screenshots, whether every
 * picture was taken. */
void                candour_application_set_exit_status   (CandourApplication *self,
                                                           int                 status);
int                 candour_application_get_exit_status   (CandourApplication *self);
/* Where "Explore the Demo" keeps its database. */
char               *candour_application_dup_demo_path     (CandourApplication *self);

G_END_DECLS
