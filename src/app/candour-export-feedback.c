/* candour-export-feedback.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candour-export-feedback.h"
#include "candour-window.h"

void
candour_export_feedback_saved (GtkWidget  *widget,
                               const char *path)
{
  GtkWidget *window;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (path != NULL);

  window = gtk_widget_get_ancestor (widget, CANDOUR_TYPE_WINDOW);
  if (window == NULL)
    return;

  name = g_path_get_basename (path);
  /* Translators: a toast, "Saved scorecard.csv" */
  message = g_strdup_printf (_("Saved %s"), name);
  candour_window_add_file_toast (CANDOUR_WINDOW (window), message, path);
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
