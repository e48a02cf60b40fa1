/* candour-change-watch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib-unix.h>

#include "candour-change-watch.h"
#include "candour-database-private.h"
#include "candour-server.h"

/* How often a file's data version is read, and a server's notifications and connection
 * looked at: a notification read with a query's answer waits for this tick. */
#define TICK_MS 1000
/* Every this many ticks a server's last audit row is read too, in case a notification
 * was missed, and a lost connection is tried again. A register set up before servers
 * notified has its last audit row read every tick, as a file's version is. */
#define SERVER_LOOK_TICKS 5

struct _CandourChangeWatch
{
  GObject parent_instance;

  CandourDatabase *db;
  CandourServer *server;        /* the database's, or NULL for a file */
  gint64 data_version;          /* as last seen */
  gboolean connected;
  guint ticks;
  guint tick_source;
  guint socket_source;          /* the server's socket, readable when it notifies */
};

G_DEFINE_FINAL_TYPE (CandourChangeWatch, candour_change_watch, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CONNECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
candour_change_watch_dispose (GObject *object)
{
  CandourChangeWatch *self = CANDOUR_CHANGE_WATCH (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_handle_id (&self->socket_source, g_source_remove);
  self->server = NULL;
  g_clear_object (&self->db);

  G_OBJECT_CLASS (candour_change_watch_parent_class)->dispose (object);
}

static void
candour_change_watch_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CandourChangeWatch *self = CANDOUR_CHANGE_WATCH (object);

  switch (prop_id)
    {
    case PROP_CONNECTED:
      g_value_set_boolean (value, self->connected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_change_watch_class_init (CandourChangeWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = candour_change_watch_dispose;
  object_class->get_property = candour_change_watch_get_property;

  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
candour_change_watch_init (CandourChangeWatch *self)
{
  self->connected = TRUE;
}

static void
set_connected (CandourChangeWatch *self,
               gboolean            connected)
{
  if (self->connected == connected)
    return;
  self->connected = connected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

static gboolean on_socket (int fd, GIOCondition condition, gpointer user_data);

static void
watch_socket (CandourChangeWatch *self)
{
  g_clear_handle_id (&self->socket_source, g_source_remove);
  self->socket_source = g_unix_fd_add (candour_server_get_socket (self->server),
                                       G_IO_IN | G_IO_HUP | G_IO_ERR, on_socket, self);
}

static void
connection_lost (CandourChangeWatch *self)
{
  g_clear_handle_id (&self->socket_source, g_source_remove);
  set_connected (self, FALSE);
}

/* Emits "changed" when the data version moved since last seen. */
static void
look_at_version (CandourChangeWatch *self)
{
  gint64 version = candour_database_get_data_version (self->db);

  /* A server that could not answer has not changed; it may have gone. */
  if (self->server != NULL && !candour_server_is_connected (self->server))
    {
      connection_lost (self);
      return;
    }
  if (version == self->data_version)
    return;
  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Reads what the server has sent; FALSE when the connection went. */
static gboolean
take_notifications (CandourChangeWatch *self)
{
  gboolean notified = FALSE;

  if (!candour_server_take_notifications (self->server, &notified))
    {
      connection_lost (self);
      return FALSE;
    }
  if (notified)
    look_at_version (self);
  return TRUE;
}

static gboolean
on_socket (int           fd,
           GIOCondition  condition,
           gpointer      user_data)
{
  CandourChangeWatch *self = user_data;

  if (take_notifications (self))
    return G_SOURCE_CONTINUE;
  /* connection_lost() has removed this source already. */
  return G_SOURCE_REMOVE;
}

static void
try_again (CandourChangeWatch *self)
{
  g_autoptr(GError) error = NULL;

  if (!candour_database_reconnect (self->db, &error))
    {
      g_debug ("Still not connected: %s", error->message);
      return;
    }
  watch_socket (self);
  set_connected (self, TRUE);
  /* Anything may have changed meanwhile. */
  self->data_version = candour_database_get_data_version (self->db);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
candour_change_watch_check (CandourChangeWatch *self)
{
  g_return_if_fail (CANDOUR_IS_CHANGE_WATCH (self));

  if (self->server == NULL)
    {
      look_at_version (self);
      return;
    }
  if (!self->connected)
    {
      try_again (self);
      return;
    }
  if (take_notifications (self))
    look_at_version (self);
}

static gboolean
tick (gpointer user_data)
{
  CandourChangeWatch *self = user_data;
  gboolean look_harder = ++self->ticks % SERVER_LOOK_TICKS == 0;

  g_object_ref (self);
  if (self->server == NULL)
    look_at_version (self);
  else if (!self->connected)
    {
      if (look_harder)
        try_again (self);
    }
  else if (take_notifications (self) && (look_harder || !candour_server_notifies (self->server)))
    look_at_version (self);
  g_object_unref (self);
  return G_SOURCE_CONTINUE;
}

CandourChangeWatch *
candour_change_watch_new (CandourDatabase  *db,
                          GError          **error)
{
  g_autoptr(CandourChangeWatch) self = NULL;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);

  self = g_object_new (CANDOUR_TYPE_CHANGE_WATCH, NULL);
  self->db = g_object_ref (db);
  self->server = candour_database_get_server (db);
  if (self->server != NULL)
    {
      if (!candour_server_listen (self->server, error))
        return NULL;
      watch_socket (self);
    }
  self->data_version = candour_database_get_data_version (db);
  self->tick_source = g_timeout_add (TICK_MS, tick, self);
  return g_steal_pointer (&self);
}

gboolean
candour_change_watch_get_connected (CandourChangeWatch *self)
{
  g_return_val_if_fail (CANDOUR_IS_CHANGE_WATCH (self), FALSE);

  return self->connected;
}
