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

static void
on_file_opened (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      /* Translators: a toast when no program opens a file Candour saved */
      g_autofree char *message = g_strdup_printf (_("Could not open the file: %s"), error->message);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, FILE_TOAST_SECONDS);
      add_toast (widget, toast);
    }
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autofree char *uri = g_filename_to_uri (g_variant_get_string (parameter, NULL), NULL, NULL);

  if (uri != NULL)
    g_app_info_launch_default_for_uri_async (uri, NULL, NULL, on_file_opened, g_object_ref (widget));
}

void
candour_export_feedback_install_open_file (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
}
