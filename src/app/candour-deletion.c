/* candour-deletion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-deletion.h"
#include "candour-record.h"
#include "candour-toasts.h"

/* Long enough to read "Deleted …" and reach for Undo. */
#define UNDO_SECONDS 7


struct _CandourDeletion
{
  GObject parent_instance;

  CandourSession *session;
  AdwToastOverlay *overlay;     /* weak */
  AdwToast *toast;
  AdwToastOverlay *toast_overlay; /* where the toast is, for dismissing it */
  CandourTable table;
  gint64 id;
  gboolean finished;
};

G_DEFINE_FINAL_TYPE (CandourDeletion, candour_deletion, G_TYPE_OBJECT)

static GQuark pending_quark;

static void
candour_deletion_finalize (GObject *object)
{
  CandourDeletion *self = (CandourDeletion *)object;

  if (self->toast_overlay != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast_overlay), (gpointer *)&self->toast_overlay);
  g_clear_object (&self->session);
  g_clear_object (&self->toast);

  G_OBJECT_CLASS (candour_deletion_parent_class)->finalize (object);
}

static void
candour_deletion_class_init (CandourDeletionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = candour_deletion_finalize;
  pending_quark = g_quark_from_static_string ("candour-deletion-pending");
}

static void
candour_deletion_init (CandourDeletion *self)
{
}

/* Undo or a second Delete can come while the toast is still sliding in. */
static void
dismiss_toast (CandourDeletion *self)
{
  if (self->toast_overlay != NULL)
    candour_toasts_dismiss (self->toast_overlay, self->toast);
}

static void
set_undo_enabled (AdwToastOverlay *overlay,
                  gboolean         enabled)
{
  GtkRoot *root = overlay != NULL ? gtk_widget_get_root (GTK_WIDGET (overlay)) : NULL;

  if (root != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (root), "win.undo", enabled);
}

typedef struct
{
  AdwToastOverlay *overlay;
  char *message;
} LateToast;

/* A toast added while another is being dismissed can upset libadwaita 1.2: wait. */
static gboolean
show_late_toast (gpointer user_data)
{
  LateToast *late = user_data;

  if (late->overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (late->message);

      adw_toast_set_timeout (toast, 10);
      candour_toasts_add (late->overlay, toast);
      g_object_remove_weak_pointer (G_OBJECT (late->overlay), (gpointer *)&late->overlay);
    }
  g_free (late->message);
  g_free (late);
  return G_SOURCE_REMOVE;
}

void
candour_deletion_add_toast (AdwToastOverlay *overlay,
                            const char      *message)
{
  LateToast *late = g_new0 (LateToast, 1);

  late->overlay = overlay;
  late->message = g_markup_escape_text (message, -1);
  g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *)&late->overlay);
  g_idle_add (show_late_toast, late);
}

static void on_overlay_gone (gpointer  data,
                             GObject  *where_the_overlay_was);

/* The toast has gone: the overlay no longer holds the deletion. */
static void
forget (CandourDeletion *self)
{
  if (self->overlay == NULL)
    return;

  g_object_weak_unref (G_OBJECT (self->overlay), on_overlay_gone, self);
  if (g_object_get_qdata (G_OBJECT (self->overlay), pending_quark) == self)
    {
      g_object_set_qdata (G_OBJECT (self->overlay), pending_quark, NULL);
      set_undo_enabled (self->overlay, FALSE);
    }
  self->overlay = NULL;
  g_object_unref (self);
}

/* The toast went without Undo: now the record goes. */
static void
commit (CandourDeletion *self)
{
  CandourDatabase *db = candour_session_get_database (self->session);
  g_autoptr(GArray) scopes_before = NULL;
  g_autoptr(GError) error = NULL;

  if (self->finished)
    return;
  self->finished = TRUE;

  scopes_before = candour_session_scopes_of (self->session, self->table, self->id);
  if (!candour_record_delete (db, self->table, self->id, &error))
    {
      /* Someone pointed a record at it meanwhile, or the database is busy: keep it. */
      candour_session_unhide_record (self->session, self->table, self->id);
      if (self->overlay != NULL)
        candour_deletion_add_toast (self->overlay, error->message);
      else
        g_warning ("Could not delete the record: %s", error->message);
      return;
    }

  /* Gone from the findings and the lists at once; shown again only if it never went. */
  candour_session_record_changed (self->session, self->table, self->id, scopes_before);
  candour_session_unhide_record (self->session, self->table, self->id);
}

static void
on_toast_dismissed (CandourDeletion *self)
{
  g_object_ref (self);
  commit (self);
  forget (self);
  g_object_unref (self);
}

/* The window closed with the toast still showing: nobody can undo it any more. */
static void
on_overlay_gone (gpointer  data,
                 GObject  *where_the_overlay_was)
{
  CandourDeletion *self = data;

  self->overlay = NULL;
  if (self->toast != NULL)
    g_signal_handlers_disconnect_by_data (self->toast, self);
  commit (self);
  g_object_unref (self);
}

static void
on_undo_clicked (CandourDeletion *self)
{
  if (self->finished)
    return;
  self->finished = TRUE;
  candour_session_unhide_record (self->session, self->table, self->id);
  set_undo_enabled (self->overlay, FALSE);
  dismiss_toast (self);
}

/* Would the core delete it? Ask inside a transaction that is rolled back. */
gboolean
candour_deletion_check (CandourSession  *session,
                        CandourTable     table,
                        gint64           id,
                        GError         **error)
{
  CandourDatabase *db;
  gboolean deleted = FALSE;

  g_return_val_if_fail (CANDOUR_IS_SESSION (session), FALSE);

  db = candour_session_get_database (session);
  /* Asked as the key is pressed: say at once if someone else is saving. */
  candour_database_set_wait_when_busy (db, FALSE);
  if (candour_database_begin (db, error))
    {
      deleted = candour_record_delete (db, table, id, error);
      candour_database_end (db, FALSE, NULL);
    }
  candour_database_set_wait_when_busy (db, TRUE);
  return deleted;
}

gboolean
candour_deletion_start (CandourSession  *session,
                        AdwToastOverlay *overlay,
                        CandourTable     table,
                        gint64           id,
                        const char      *ref,
                        const char      *name)
{
  CandourDeletion *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CANDOUR_IS_SESSION (session), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), FALSE);
  g_return_val_if_fail (table < CANDOUR_N_TABLES, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  /* One Undo at a time: the one before is done with. */
  candour_deletion_commit (overlay);

  if (!candour_deletion_check (session, table, id, &error))
    {
      candour_deletion_add_toast (overlay, error->message);
      return FALSE;
    }

  escaped = g_markup_escape_text (name, -1);
  /* Translators: a toast after deleting a record, with Undo beside it */
  title = g_strdup_printf (_("Deleted %s"), escaped);

  self = g_object_new (CANDOUR_TYPE_DELETION, NULL);
  self->session = g_object_ref (session);
  self->overlay = overlay;
  self->table = table;
  self->id = id;
  self->toast = adw_toast_new (title);

  /* Views rebuild their lists now: name and ref may not outlive this. */
  candour_session_hide_record (session, table, id, ref);

  adw_toast_set_button_label (self->toast, _("_Undo"));
  adw_toast_set_timeout (self->toast, UNDO_SECONDS);
  g_signal_connect_swapped (self->toast, "button-clicked", G_CALLBACK (on_undo_clicked), self);
  g_signal_connect_swapped (self->toast, "dismissed", G_CALLBACK (on_toast_dismissed), self);

  /* The overlay's weak reference owns the deletion until the toast goes. */
  g_object_weak_ref (G_OBJECT (overlay), on_overlay_gone, self);
  g_object_set_qdata (G_OBJECT (overlay), pending_quark, self);
  self->toast_overlay = overlay;
  g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *)&self->toast_overlay);
  candour_toasts_add (overlay, g_object_ref (self->toast));
  set_undo_enabled (overlay, TRUE);
  return TRUE;
}

gboolean
candour_deletion_undo (AdwToastOverlay *overlay)
{
  CandourDeletion *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), FALSE);

  self = g_object_get_qdata (G_OBJECT (overlay), pending_quark);
  if (self == NULL || self->finished)
    return FALSE;

  on_undo_clicked (self);
  return TRUE;
}

gboolean
candour_deletion_is_pending (AdwToastOverlay *overlay)
{
  CandourDeletion *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), FALSE);

  self = g_object_get_qdata (G_OBJECT (overlay), pending_quark);
  return self != NULL && !self->finished;
}

void
candour_deletion_commit (AdwToastOverlay *overlay)
{
  CandourDeletion *self;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  self = g_object_get_qdata (G_OBJECT (overlay), pending_quark);
  if (self == NULL)
    return;

  g_object_ref (self);
  g_signal_handlers_disconnect_by_data (self->toast, self);
  commit (self);
  dismiss_toast (self);
  forget (self);
  g_object_unref (self);
}
