/* candour-toasts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "candour-toasts.h"

/* Showing takes 300 ms, hiding 300 and one toast replacing another 500 (libadwaita's
 * own durations), from the moment a toast is added or dismissed. */
#define SETTLE_MS 600

static GQuark moved_quark;

static gint64 *
last_moved (AdwToastOverlay *overlay)
{
  gint64 *moved;

  if (moved_quark == 0)
    moved_quark = g_quark_from_static_string ("candour-toasts-moved");

  moved = g_object_get_qdata (G_OBJECT (overlay), moved_quark);
  if (moved == NULL)
    {
      moved = g_new0 (gint64, 1);
      g_object_set_qdata_full (G_OBJECT (overlay), moved_quark, moved, g_free);
    }
  return moved;
}

static void
note_moved (AdwToastOverlay *overlay)
{
  *last_moved (overlay) = g_get_monotonic_time ();
}

void
candour_toasts_add (AdwToastOverlay *overlay,
                    AdwToast        *toast)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* A dismissal moves this toast out and the next one in. */
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (note_moved), overlay, G_CONNECT_SWAPPED);
  note_moved (overlay);
  adw_toast_overlay_add_toast (overlay, toast);
}

guint
candour_toasts_settle_ms (AdwToastOverlay *overlay)
{
  gint64 left;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), 0);

  left = *last_moved (overlay) + SETTLE_MS * G_TIME_SPAN_MILLISECOND - g_get_monotonic_time ();
  return left > 0 ? (guint)(left / G_TIME_SPAN_MILLISECOND) + 1 : 0;
}

typedef struct
{
  AdwToastOverlay *overlay;     /* weak */
  AdwToast *toast;
} Dismissal;

static gboolean
dismiss_when_settled (gpointer user_data)
{
  Dismissal *dismissal = user_data;
  guint wait;

  if (dismissal->overlay == NULL)
    {
      /* The window went: its overlay dismissed its toasts. */
      g_object_unref (dismissal->toast);
      g_free (dismissal);
      return G_SOURCE_REMOVE;
    }

  wait = candour_toasts_settle_ms (dismissal->overlay);
  if (wait > 0)
    {
      g_timeout_add (wait, dismiss_when_settled, dismissal);
      return G_SOURCE_REMOVE;
    }

  g_object_remove_weak_pointer (G_OBJECT (dismissal->overlay), (gpointer *)&dismissal->overlay);
  adw_toast_dismiss (dismissal->toast);
  g_object_unref (dismissal->toast);
  g_free (dismissal);
  return G_SOURCE_REMOVE;
}

void
candour_toasts_dismiss (AdwToastOverlay *overlay,
                        AdwToast        *toast)
{
  Dismissal *dismissal;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (candour_toasts_settle_ms (overlay) == 0)
    {
      adw_toast_dismiss (toast);
      return;
    }

  dismissal = g_new0 (Dismissal, 1);
  dismissal->overlay = overlay;
  dismissal->toast = g_object_ref (toast);
  g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *)&dismissal->overlay);
  g_timeout_add (candour_toasts_settle_ms (overlay), dismiss_when_settled, dismissal);
}

static gboolean
close_now (gpointer user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(GtkWindow) window = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (window != NULL)
    gtk_window_close (window);
  return G_SOURCE_REMOVE;
}

gboolean
candour_toasts_defer_close (GtkWindow       *window,
                            AdwToastOverlay *overlay)
{
  guint wait;
  GWeakRef *ref;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  if (overlay == NULL || (wait = candour_toasts_settle_ms (overlay)) == 0)
    return FALSE;

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, window);
  g_timeout_add (wait, close_now, ref);
  return TRUE;
}
