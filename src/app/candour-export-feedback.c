/* candour-export-feedback.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candour-export-feedback.h"
#include "candour-toasts.h"

/* Toasts about files stay a little longer than libadwaita's five seconds: there is a
 * button to reach. */
#define FILE_TOAST_SECONDS 6

/* The first toast overlay in widget's tree, depth first. */
static GtkWidget *
overlay_within (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = overlay_within (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A toast in the overlay widget is in, or (for a window's own action) its window's. */
static void
add_toast (GtkWidget *widget,
           AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL && GTK_IS_WINDOW (widget))
    overlay = overlay_within (widget);

  if (overlay != NULL)
    candour_toasts_add (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

void
candour_export_feedback_saved (GtkWidget  *widget,
                               const char *path)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  GtkWidget *title;
  GtkWidget *show;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (path != NULL);

  name = g_path_get_basename (path);
  /* Translators: a toast, "Saved scorecard.csv" */
  message = g_strdup_printf (_("Saved %s"), name);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, FILE_TOAST_SECONDS);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (path));

  /* A toast has one button; the second goes in its title, the words first. */
  title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (title), gtk_label_new (message));
  show = gtk_button_new_with_mnemonic (_("Show in _Folder"));
  gtk_widget_add_css_class (show, "flat");
  gtk_widget_set_tooltip_text (show, _("Open the folder the file is in, with the file picked out"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show), "win.show-in-folder");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (show), g_variant_new_string (path));
  gtk_box_append (GTK_BOX (title), show);
  adw_toast_set_custom_title (toast, title);
  add_toast (widget, toast);
}

void
candour_export_feedback_failed (GtkWidget    *widget,
                                const GError *error)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Could Not Export"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  GtkWidget *widget;
  char *path;
} Showing;                      /* a file or folder to show, and where to say so */

static void
showing_free (Showing *showing)
{
  g_object_unref (showing->widget);
  g_free (showing->path);
  g_free (showing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Showing, showing_free)

static Showing *
showing_new (GtkWidget  *widget,
             const char *path)
{
  Showing *showing = g_new0 (Showing, 1);

  showing->widget = g_object_ref (widget);
  showing->path = g_strdup (path);
  return showing;
}

static void
on_file_opened (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Showing) showing = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *name = g_path_get_basename (showing->path);
      /* Translators: a toast when no program opens a file or folder Candour saved into,
       * "Could not open findings.csv: no application is registered…" */
      g_autofree char *message = g_strdup_printf (_("Could not open %s: %s"), name, error->message);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, FILE_TOAST_SECONDS);
      add_toast (showing->widget, toast);
    }
}

/* path with the program the desktop opens it with. */
static void
open_path (GtkWidget  *widget,
           const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (uri != NULL)
    g_app_info_launch_default_for_uri_async (uri, NULL, NULL, on_file_opened, showing_new (widget, path));
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_path (widget, g_variant_get_string (parameter, NULL));
}

/* The folder itself, when no file manager answers: at least the person is there. */
static void
open_folder (GtkWidget  *widget,
             const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  open_path (widget, folder);
}

static void
on_items_shown (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Showing) showing = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  if (reply == NULL)
    open_folder (showing->widget, showing->path);
}

static void
on_session_bus (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Showing) showing = user_data;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);
  g_autofree char *uri = g_filename_to_uri (showing->path, NULL, NULL);
  const char *uris[] = { uri, NULL };

  if (bus == NULL || uri == NULL)
    {
      open_folder (showing->widget, showing->path);
      return;
    }
  /* The desktop's file manager (Files, Nemo, Dolphin…) opens the folder with the file
   * selected. */
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          on_items_shown, g_steal_pointer (&showing));
}

static void
show_in_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_bus_get (G_BUS_TYPE_SESSION, NULL, on_session_bus, showing_new (widget, g_variant_get_string (parameter, NULL)));
}

void
candour_export_feedback_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.show-in-folder", "s", show_in_folder_action);
}
