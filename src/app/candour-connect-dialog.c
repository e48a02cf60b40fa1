/* candour-connect-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-connect-dialog.h"
#include "candour-database.h"

struct _CandourConnectDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *host_row;
  AdwEntryRow *port_row;
  AdwEntryRow *database_row;
  AdwEntryRow *user_row;
  AdwEntryRow *password_row;
  AdwComboRow *tls_row;
  GtkLabel *problem_label;

  CandourWindow *window;        /* weak: the dialog is transient for it */
};

G_DEFINE_FINAL_TYPE (CandourConnectDialog, candour_connect_dialog, ADW_TYPE_WINDOW)

/* libpq's sslmode for each item of the Encryption row, in order. */
static const char * const tls_modes[] = { "verify-full", "require", "prefer", "disable" };

char *
candour_connect_dialog_dup_location (CandourConnectDialog *self)
{
  g_autofree char *host = NULL;
  g_autofree char *database = NULL;
  guint tls;

  g_return_val_if_fail (CANDOUR_IS_CONNECT_DIALOG (self), NULL);

  host = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->host_row))));
  database = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->database_row))));
  tls = MIN (adw_combo_row_get_selected (self->tls_row), G_N_ELEMENTS (tls_modes) - 1);
  if (database[0] == '\0')
    return NULL;

  return candour_database_server_location (host,
                                           gtk_editable_get_text (GTK_EDITABLE (self->port_row)),
                                           database,
                                           gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                           tls_modes[tls]);
}

static void
show_problem (CandourConnectDialog *self,
              const char           *problem)
{
  gtk_label_set_label (self->problem_label, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
}

gboolean
candour_connect_dialog_connect (CandourConnectDialog *self)
{
  g_autofree char *location = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CANDOUR_IS_CONNECT_DIALOG (self), FALSE);

  location = candour_connect_dialog_dup_location (self);
  if (location == NULL)
    {
      show_problem (self, _("Give the name of the database on the server."));
      gtk_widget_grab_focus (GTK_WIDGET (self->database_row));
      return FALSE;
    }

  if (!candour_window_open_location (self->window, location, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

const char *
candour_connect_dialog_get_problem (CandourConnectDialog *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONNECT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->problem_label)))
    return NULL;
  return gtk_label_get_label (self->problem_label);
}

static void
on_connect_clicked (CandourConnectDialog *self)
{
  candour_connect_dialog_connect (self);
}

static void
candour_connect_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CANDOUR_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (candour_connect_dialog_parent_class)->dispose (object);
}

static void
candour_connect_dialog_class_init (CandourConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candour_connect_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/candour/Candour/ui/candour-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourConnectDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, CandourConnectDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, CandourConnectDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, CandourConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, CandourConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, CandourConnectDialog, tls_row);
  gtk_widget_class_bind_template_child (widget_class, CandourConnectDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
candour_connect_dialog_init (CandourConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), g_get_user_name ());
}

CandourConnectDialog *
candour_connect_dialog_new (CandourWindow *window)
{
  CandourConnectDialog *self;

  g_return_val_if_fail (CANDOUR_IS_WINDOW (window), NULL);

  self = g_object_new (CANDOUR_TYPE_CONNECT_DIALOG, "transient-for", window, NULL);
  self->window = window;
  return self;
}
