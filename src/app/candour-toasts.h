/* candour-toasts.h: toasts a window can be closed over safely
 *
 * libadwaita 1.2 can crash when a window closes while a toast is sliding in or out,
 * or when a toast is dismissed while it is still sliding in. Every toast Candour shows
 * goes through here, which notes when the overlay last started moving a toast, so
 * that dismissing waits for a toast to settle and closing a window waits for its
 * toasts (a fraction of a second).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows toast (transfer full) in overlay. */
void     candour_toasts_add          (AdwToastOverlay *overlay,
                                      AdwToast        *toast);
/* Dismisses toast once overlay's toasts have stopped moving. */
void     candour_toasts_dismiss      (AdwToastOverlay *overlay,
                                      AdwToast        *toast);
/* Milliseconds until overlay's toasts have stopped moving; 0 when they have. */
guint    candour_toasts_settle_ms    (AdwToastOverlay *overlay);
/* For a window's close-request: TRUE (closing put off, it closes itself a moment
 * later) while its toasts are moving, FALSE when it may close now. */
gboolean candour_toasts_defer_close  (GtkWindow       *window,
                                      AdwToastOverlay *overlay);

G_END_DECLS
