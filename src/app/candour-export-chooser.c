/* candour-export-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-export-chooser.h"

/* The owner holds the only reference: GTK keeps no native dialog alive, so one whose
 * owner went closes with it and never answers. */
#define CHOOSER_KEY "candour-export-chooser"

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             GtkWidget       *owner)
{
  CandourExportChosenFunc chosen = (CandourExportChosenFunc) g_object_get_data (G_OBJECT (chooser), "chosen");
  int format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  /* The emission holds the chooser until this returns. */
  g_object_set_data (G_OBJECT (owner), CHOOSER_KEY, NULL);
  if (path != NULL)
    chosen (owner, path, format);
}

void
candour_export_chooser_show (GtkWidget               *owner,
                             const char              *title,
                             const char              *file_name,
                             int                      format,
                             CandourExportChosenFunc  chosen)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (title != NULL && file_name != NULL && chosen != NULL);

  root = gtk_widget_get_root (owner);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data (G_OBJECT (chooser), "chosen", (gpointer) chosen);
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), owner);
  g_object_set_data_full (G_OBJECT (owner), CHOOSER_KEY, chooser, g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GtkNativeDialog *
candour_export_chooser_get (GtkWidget *owner)
{
  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  return g_object_get_data (G_OBJECT (owner), CHOOSER_KEY);
}

void
candour_export_chooser_close (GtkWidget *owner)
{
  GtkNativeDialog *chooser;

  g_return_if_fail (GTK_IS_WIDGET (owner));

  chooser = candour_export_chooser_get (owner);
  if (chooser != NULL)
    {
      gtk_native_dialog_destroy (chooser);
      g_object_set_data (G_OBJECT (owner), CHOOSER_KEY, NULL);
    }
}
