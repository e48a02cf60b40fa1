/* candour-connect-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-combo-row.h"
#include "candour-connect-dialog.h"
#include "candour-database.h"
#include "candour-error.h"
#include "candour-keyring.h"

struct _CandourConnectDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *host_row;
  AdwEntryRow *port_row;
  AdwEntryRow *database_row;
  AdwEntryRow *user_row;
  AdwEntryRow *password_row;
  GtkSwitch *remember_switch;
  AdwComboRow *tls_row;
  GtkLabel *problem_label;

  CandourWindow *window;        /* weak: the dialog is transient for it */
};

G_DEFINE_FINAL_TYPE (CandourConnectDialog, candour_connect_dialog, ADW_TYPE_WINDOW)

/* libpq's sslmode for each item of the Encryption row, in order. */
static const char * const tls_modes[] = { "verify-full", "require", "prefer", "disable" };

static guint
tls_mode_position (const char *mode)
{
  /* The two that check the certificate are shown as the one that checks most. */
  if (g_str_equal (mode, "verify-full") || g_str_equal (mode, "verify-ca"))
    return 0;
  if (g_str_equal (mode, "require"))
    return 1;
  if (g_str_equal (mode, "disable"))
    return 3;
  /* libpq's default, and "allow". */
  return 2;
}

static gboolean
is_port (const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;
  return TRUE;
}

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
show_message (CandourConnectDialog *self,
              const char           *message,
              gboolean              problem)
{
  gtk_label_set_label (self->problem_label, message);
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
}

static void
show_problem (CandourConnectDialog *self,
              const char           *problem)
{
  show_message (self, problem, TRUE);
}

void
candour_connect_dialog_set_location (CandourConnectDialog *self,
                                     const char           *location)
{
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;
  g_autofree char *tls_mode = NULL;

  g_return_if_fail (CANDOUR_IS_CONNECT_DIALOG (self));
  g_return_if_fail (location != NULL);

  if (!candour_database_server_location_parts (location, &host, &port, &database, &user, &tls_mode))
    return;
  /* What the address leaves to libpq shows as the dialog's own defaults. */
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), host);
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port[0] != '\0' ? port : "5432");
  if (database[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->database_row), database);
  if (user[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  adw_combo_row_set_selected (self->tls_row, tls_mode_position (tls_mode));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

void
candour_connect_dialog_set_password (CandourConnectDialog *self,
                                     const char           *password)
{
  g_return_if_fail (CANDOUR_IS_CONNECT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password != NULL ? password : "");
}

void
candour_connect_dialog_ask_password (CandourConnectDialog *self,
                                     const char           *why,
                                     gboolean              problem)
{
  g_return_if_fail (CANDOUR_IS_CONNECT_DIALOG (self));
  g_return_if_fail (why != NULL);

  show_message (self, why, problem);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

gboolean
candour_connect_dialog_get_remember (CandourConnectDialog *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONNECT_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->remember_switch);
}

gboolean
candour_connect_dialog_connect (CandourConnectDialog *self)
{
  /* The address with the password: wiped when done with. */
  g_autoptr(CandourKeyringPassword) location = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  const char *password;

  g_return_val_if_fail (CANDOUR_IS_CONNECT_DIALOG (self), FALSE);

  /* Checked here, as libpq would quote the whole address, password and all. */
  if (!is_port (gtk_editable_get_text (GTK_EDITABLE (self->port_row))))
    {
      show_problem (self, _("The port is a number, such as 5432."));
      gtk_widget_grab_focus (GTK_WIDGET (self->port_row));
      return FALSE;
    }

  location = candour_connect_dialog_dup_location (self);
  if (location == NULL)
    {
      show_problem (self, _("Give the name of the database on the server."));
      gtk_widget_grab_focus (GTK_WIDGET (self->database_row));
      return FALSE;
    }

  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  if (!candour_window_open_location (self->window, location, &error))
    {
      if (g_error_matches (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_NEEDS_PASSWORD))
        candour_connect_dialog_ask_password (self, _("This server asks for a password. Type it to connect."),
                                             TRUE);
      else
        show_problem (self, error->message);
      return FALSE;
    }

  /* Remembered by the address kept among recent databases, which holds no password; a
   * password left empty (the server asked for none) changes nothing kept. */
  kept = candour_database_location_without_password (location);
  if (!gtk_switch_get_active (self->remember_switch))
    candour_window_remember_password (self->window, kept, NULL);
  else if (password[0] != '\0')
    candour_window_remember_password (self->window, kept, password);

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
  gtk_widget_class_bind_template_child (widget_class, CandourConnectDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, CandourConnectDialog, tls_row);
  gtk_widget_class_bind_template_child (widget_class, CandourConnectDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
candour_connect_dialog_init (CandourConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  candour_combo_row_take_activated (self->tls_row);
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
