/* candour-deletion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-deletion.h"
#include "candour-error.h"
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
  char **loaded;                /* the record as it was when Delete was pressed */
  char *name;                   /* how the toast named it */
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
  g_strfreev (self->loaded);
  g_free (self->name);

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

/* Gone from the findings and the lists at once; shown again only if it never went. */
static void
deleted (CandourSession *session,
         CandourTable    table,
         gint64          id,
         GArray         *scopes_before)
{
  candour_session_record_changed (session, table, id, scopes_before);
  candour_session_unhide_record (session, table, id);
}

typedef struct
{
  CandourSession *session;
  CandourTable table;
  gint64 id;
} Asked;

static void
on_asked_again (AdwMessageDialog *dialog,
                const char       *response,
                gpointer          user_data)
{
  Asked *asked = user_data;
  g_autoptr(GArray) scopes_before = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete"))
    {
      scopes_before = candour_session_scopes_of (asked->session, asked->table, asked->id);
      if (candour_record_delete (candour_session_get_database (asked->session), asked->table, asked->id, &error))
        deleted (asked->session, asked->table, asked->id, scopes_before);
      else
        {
          GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
          GtkWidget *said = adw_message_dialog_new (parent, _("The Record Was Kept"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (said), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (said));
        }
    }
  g_object_unref (asked->session);
  g_free (asked);
}

/* Someone changed the record while Undo was on offer: it stays, and the person is asked
 * again with what changed in front of them. */
static void
ask_again (CandourDeletion *self,
           const char      *what_changed)
{
  GtkRoot *root = self->overlay != NULL ? gtk_widget_get_root (GTK_WIDGET (self->overlay)) : NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  Asked *asked;

  if (!GTK_IS_WINDOW (root))
    {
      g_message ("%s was not deleted: %s", self->name, what_changed);
      return;
    }

  /* Translators: %s names the record, as the "Deleted …" toast did */
  heading = g_strdup_printf (_("Delete %s?"), self->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, what_changed);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep It"),
                                    "delete", _("_Delete Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");

  asked = g_new0 (Asked, 1);
  asked->session = g_object_ref (self->session);
  asked->table = self->table;
  asked->id = self->id;
  g_signal_connect (dialog, "response", G_CALLBACK (on_asked_again), asked);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The toast went without Undo: now the record goes, if it is as it was. */
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
  if (self->loaded != NULL
      ? !candour_record_delete_over (db, self->table, self->id, (const char * const *)self->loaded, &error)
      : !candour_record_delete (db, self->table, self->id, &error))
    {
      /* Changed or pointed at meanwhile, or the database is busy: keep it. */
      candour_session_unhide_record (self->session, self->table, self->id);
      if (g_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_CONFLICT))
        ask_again (self, error->message);
      else if (self->overlay != NULL)
        candour_deletion_add_toast (self->overlay, error->message);
      else
        g_warning ("Could not delete the record: %s", error->message);
      return;
    }

  deleted (self->session, self->table, self->id, scopes_before);
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
  self->loaded = candour_record_load (candour_session_get_database (session), table, id, NULL);
  self->name = g_strdup (name);
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
