/* candour-keyring.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "candour-database.h"
#include "candour-keyring.h"

/* What a password is found by: the server and the login, not how it is reached (the
 * encryption), so changing that keeps the password. */
static const SecretSchema server_schema = {
  CANDOUR_KEYRING_SCHEMA, SECRET_SCHEMA_NONE,
  {
    { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

typedef struct
{
  char *host;
  char *port;
  char *database;
  char *user;
} Server;

static void
server_free (Server *server)
{
  g_free (server->host);
  g_free (server->port);
  g_free (server->database);
  g_free (server->user);
  g_free (server);
}

static void
set_default (char       **part,
             const char  *value)
{
  if ((*part)[0] == '\0')
    {
      g_free (*part);
      *part = g_strdup (value);
    }
}

/* The server's parts, with libpq's defaults filled in, so that an address that spells
 * one out and one that leaves it to libpq find the same password. */
static gboolean
read_server (const char  *location,
             Server      *server,
             GError     **error)
{
  if (!candour_database_server_location_parts (location, &server->host, &server->port,
                                               &server->database, &server->user, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("This is not the address of a server."));
      return FALSE;
    }
  set_default (&server->port, "5432");
  set_default (&server->user, g_get_user_name ());
  set_default (&server->database, server->user);
  return TRUE;
}

static GHashTable *
server_attributes (const Server *server)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, "host", server->host);
  g_hash_table_insert (attributes, "port", server->port);
  g_hash_table_insert (attributes, "database", server->database);
  g_hash_table_insert (attributes, "user", server->user);
  return attributes;
}

/* Each call's task holds its server, whose strings the attributes point into. */
static GTask *
new_task (const char           *location,
          GCancellable         *cancellable,
          GAsyncReadyCallback   callback,
          gpointer              user_data,
          gpointer              source_tag,
          GHashTable          **out_attributes)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  Server *server = g_new0 (Server, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, server, (GDestroyNotify)server_free);
  if (!read_server (location, server, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return NULL;
    }
  *out_attributes = server_attributes (server);
  return task;
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    /* Nothing said: the keyring stayed locked (its prompt dismissed). */
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("The keyring was not unlocked."));
}

void
candour_keyring_store_async (const char          *location,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  Server *server;
  GTask *task;

  g_return_if_fail (location != NULL);
  g_return_if_fail (password != NULL);

  task = new_task (location, cancellable, callback, user_data, candour_keyring_store_async, &attributes);
  if (task == NULL)
    return;
  server = g_task_get_task_data (task);
  /* What the keyring's own window (Passwords and Keys) lists it as. */
  label = g_strdup_printf (_("Candour: %s on the database %s at %s"), server->user, server->database,
                           server->host[0] != '\0' ? server->host : _("this computer"));
  secret_password_storev (&server_schema, attributes, SECRET_COLLECTION_DEFAULT, label, password,
                          cancellable, on_stored, task);
}

gboolean
candour_keyring_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == candour_keyring_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, (GDestroyNotify)candour_keyring_free_password);
}

void
candour_keyring_lookup_async (const char          *location,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (location != NULL);

  task = new_task (location, cancellable, callback, user_data, candour_keyring_lookup_async, &attributes);
  if (task != NULL)
    secret_password_lookupv (&server_schema, attributes, cancellable, on_looked_up, task);
}

char *
candour_keyring_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == candour_keyring_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_forgotten (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE with no error: there was nothing to forget, which is no failure. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
candour_keyring_forget_async (const char          *location,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (location != NULL);

  task = new_task (location, cancellable, callback, user_data, candour_keyring_forget_async, &attributes);
  if (task != NULL)
    secret_password_clearv (&server_schema, attributes, cancellable, on_forgotten, task);
}

gboolean
candour_keyring_forget_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == candour_keyring_forget_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
candour_keyring_free_password (char *password)
{
  /* libsecret's passwords may be freed with g_free(), as may one made with g_strdup(). */
  if (password != NULL)
    secret_password_wipe (password);
  g_free (password);
}
