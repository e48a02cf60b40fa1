/* candour-story-window.h: one partner named in one bid, told from the bid to the last payment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "candour-finding.h"
#include "candour-line-chart.h"
#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_STORY_WINDOW (candour_story_window_get_type ())

G_DECLARE_FINAL_TYPE (CandourStoryWindow, candour_story_window, CANDOUR, STORY_WINDOW, AdwWindow)

GtkWindow        *candour_story_window_new         (CandourSession     *session,
                                                    CandourFinding     *finding);
CandourFinding   *candour_story_window_get_finding (CandourStoryWindow *self);
/* The sentence that sums the story up, as shown at the top. */
const char       *candour_story_window_get_summary (CandourStoryWindow *self);
CandourLineChart *candour_story_window_get_chart   (CandourStoryWindow *self);
/* Payments shown in the table. */
GListModel       *candour_story_window_get_payments (CandourStoryWindow *self);

G_END_DECLS
