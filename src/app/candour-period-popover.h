/* candour-period-popover.h: which payments a report counts
 *
 * All time, this or last financial year, this or last quarter (the Financial Year
 * preference says when a year starts; "this" is the one the window's Judged as of day
 * is in), or between two days typed DD/MM/YYYY (one may be left empty: no bound that
 * side), refused with the reason when they are not days or the first is after the
 * second. Each choice shows its days beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-reporting-period.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_PERIOD_POPOVER (candour_period_popover_get_type ())

G_DECLARE_FINAL_TYPE (CandourPeriodPopover, candour_period_popover, CANDOUR, PERIOD_POPOVER, GtkPopover)

/* What was chosen: emitted as "chosen" (no arguments) when a choice is made. */
CandourReportingChoice candour_period_popover_get_choice (CandourPeriodPopover *self);
/* The days, once chosen, and for CANDOUR_REPORTING_BETWEEN the two days typed, counted
 * from day (ISO) and a year starting in start_month. FALSE when day is not a day. */
gboolean    candour_period_popover_get_period   (CandourPeriodPopover   *self,
                                                 const char             *day,
                                                 int                     start_month,
                                                 CandourReportingPeriod *period);
/* The days beside each choice, counted from day (ISO) and start_month. */
void        candour_period_popover_show_days    (CandourPeriodPopover   *self,
                                                 const char             *day,
                                                 int                     start_month);
/* The short name of the choice, for the button that opens the popover: "This
 * financial year"; for two days, "01/04/2025 to 30/06/2025". */
char       *candour_period_popover_dup_label    (CandourPeriodPopover   *self);

/* The choice as settings keep it: "last_year", "between:2025-04-01:" (ISO days, either
 * empty). */
char       *candour_period_popover_dup_state    (CandourPeriodPopover   *self);
/* Takes back a choice kept so, without "chosen"; FALSE (nothing changed) for one that
 * is not a choice, or days that are not days in order. */
gboolean    candour_period_popover_restore_state (CandourPeriodPopover  *self,
                                                  const char            *state);
/* Its widgets, for the tests. */
GtkCheckButton *candour_period_popover_get_button (CandourPeriodPopover   *self,
                                                   CandourReportingChoice  choice);
GtkEditable *candour_period_popover_get_entry   (CandourPeriodPopover   *self,
                                                 gboolean                last);
GtkLabel   *candour_period_popover_get_error    (CandourPeriodPopover   *self);
GtkButton  *candour_period_popover_get_apply    (CandourPeriodPopover   *self);

G_END_DECLS
