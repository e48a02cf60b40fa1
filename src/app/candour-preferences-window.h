/* candour-preferences-window.h: the rules findings are judged by, and other defaults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CANDOUR_TYPE_PREFERENCES_WINDOW (candour_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CandourPreferencesWindow, candour_preferences_window, CANDOUR, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Shows and changes settings (io.github.candour.Candour) as the person edits. */
GtkWindow *candour_preferences_window_new (GSettings *settings);

G_END_DECLS
