/* candour-screenshots.h: pictures of every page of the demo, for review and AppStream
 *
 * `candour --screenshots DIR` loads the Harrowfield demo dated 30/06/2025 into a
 * temporary database, shows each page and the main dialogs in turn, saves each as a
 * PNG named after it (overview.png, findings.png…) and quits. Run it under a display
 * with GSK_RENDERER=cairo, as build-aux/dev screenshots does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-application.h"

G_BEGIN_DECLS

/* The demo's day, and the day its findings are judged on, in screenshots and tests. */
#define CANDOUR_SCREENSHOTS_TODAY "2025-06-30"

void     candour_screenshots_run     (CandourApplication  *application,
                                      const char          *folder);

/* Renders widget as it is on screen into a PNG file. */
gboolean candour_screenshots_capture (GtkWidget           *widget,
                                      const char          *path,
                                      GError             **error);

G_END_DECLS
