/* candour-as-of-popover.h: the day the findings are judged as of, and how
 *
 * A calendar, Today and the end of the last financial year (the Financial Year
 * preference), with the days allowed for a first subcontract and the payment tolerance
 * beside it (the same settings as Preferences): "as at 31 March" for a funder without
 * leaving the window. Choosing a day judges the session's findings again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_AS_OF_POPOVER (candour_as_of_popover_get_type ())

G_DECLARE_FINAL_TYPE (CandourAsOfPopover, candour_as_of_popover, CANDOUR, AS_OF_POPOVER, GtkPopover)

GtkWidget *candour_as_of_popover_new         (GSettings          *settings);
void       candour_as_of_popover_set_session (CandourAsOfPopover *self,
                                              CandourSession     *session);
GtkCalendar *candour_as_of_popover_get_calendar (CandourAsOfPopover *self);

/* The last day of the financial year before the one today falls in, as ISO, for a year
 * starting in start_month (1 for January): 2025-03-31 on 06/12/2025 with April. */
char      *candour_as_of_last_year_end       (const char         *today,
                                              int                 start_month);

G_END_DECLS
