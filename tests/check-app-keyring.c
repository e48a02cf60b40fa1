/* check-app-keyring.c: server passwords, the keyring and Connect to Server…
 *
 * A stand-in for a PostgreSQL server on 127.0.0.1 (a thread here) asks every connection
 * for a password, notes the one it is given and refuses it: enough to see whether a
 * connection was tried and with which password, without a real server.
 *
 * The check-app test runs with no session bus (DBUS_SESSION_BUS_ADDRESS points at
 * nothing, so a developer's own keyring is never touched): the keyring cannot be
 * reached. The keyring test (tests/run-with-keyring.sh) runs this suite again on a
 * private bus with a throwaway, unlocked GNOME Keyring, and sets CANDOUR_TEST_KEYRING:
 * then passwords really are kept and found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "check-app-suites.h"
#include "test-util.h"
#include "candour-connect-dialog.h"
#include "candour-database.h"
#include "candour-keyring.h"
#include "candour-window.h"

/* The password the tests type or keep: it must show up nowhere but in the keyring
 * and on the wire. */
#define TYPED_PASSWORD "s3cret-Typed-4817"
#define KEPT_PASSWORD "s3cret-Kept-9023"

/* The stand-in server */

typedef struct
{
  GSocket *listener;
  guint16 port;
  GThread *thread;
  gint stop;                    /* atomic */
  GMutex lock;
  guint connections;            /* startup messages received */
  char *password;               /* the last password it was sent, or NULL */
} FakeServer;

static gboolean
receive_all (GSocket *socket,
             guint8  *buffer,
             gsize    size)
{
  gsize done = 0;

  while (done < size)
    {
      gssize n = g_socket_receive (socket, (char *)buffer + done, size - done, NULL, NULL);

      if (n <= 0)
        return FALSE;
      done += n;
    }
  return TRUE;
}

static void
send_all (GSocket      *socket,
          const guint8 *buffer,
          gsize         size)
{
  g_socket_send (socket, (const char *)buffer, size, NULL, NULL);
}

static guint32
read_be32 (const guint8 *bytes)
{
  return (guint32)bytes[0] << 24 | (guint32)bytes[1] << 16 | (guint32)bytes[2] << 8 | bytes[3];
}

static void
put_be32 (GByteArray *message,
          guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (message, bytes, 4);
}

/* One connection of the protocol's version 3: no TLS, a request for a password in
 * clear, and a refusal whatever it is. */
static void
serve (FakeServer *server,
       GSocket    *client)
{
  static const char refusal[] = "SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user \"alice\"\0";
  guint8 head[8];
  g_autoptr(GByteArray) ask = g_byte_array_new ();
  g_autoptr(GByteArray) refuse = g_byte_array_new ();
  g_autofree guint8 *body = NULL;
  guint32 length;

  g_socket_set_blocking (client, TRUE);
  g_socket_set_timeout (client, 10);

  /* Requests for TLS or GSSAPI encryption first, each answered "N": not here. */
  for (;;)
    {
      if (!receive_all (client, head, 8))
        return;
      length = read_be32 (head);
      if (length < 8 || length > 10000)
        return;
      if (read_be32 (head + 4) != 80877103 && read_be32 (head + 4) != 80877104)
        break;
      send_all (client, (const guint8 *)"N", 1);
    }
  body = g_malloc (length);
  if (!receive_all (client, body, length - 8))
    return;
  g_mutex_lock (&server->lock);
  server->connections++;
  g_mutex_unlock (&server->lock);

  /* AuthenticationCleartextPassword. */
  g_byte_array_append (ask, (const guint8 *)"R", 1);
  put_be32 (ask, 8);
  put_be32 (ask, 3);
  send_all (client, ask->data, ask->len);

  /* A PasswordMessage, unless libpq has none to give and hangs up. */
  if (!receive_all (client, head, 5) || head[0] != 'p')
    return;
  length = read_be32 (head + 1);
  if (length < 5 || length > 10000)
    return;
  g_clear_pointer (&body, g_free);
  body = g_malloc0 (length - 4 + 1);
  if (!receive_all (client, body, length - 4))
    return;
  g_mutex_lock (&server->lock);
  g_free (server->password);
  server->password = g_strdup ((const char *)body);
  g_mutex_unlock (&server->lock);

  g_byte_array_append (refuse, (const guint8 *)"E", 1);
  put_be32 (refuse, 4 + sizeof refusal);
  g_byte_array_append (refuse, (const guint8 *)refusal, sizeof refusal);
  send_all (client, refuse->data, refuse->len);
}

static gpointer
fake_server_run (gpointer data)
{
  FakeServer *server = data;

  while (!g_atomic_int_get (&server->stop))
    {
      g_autoptr(GSocket) client = NULL;

      if (!g_socket_condition_timed_wait (server->listener, G_IO_IN, 50000, NULL, NULL))
        continue;
      client = g_socket_accept (server->listener, NULL, NULL);
      if (client != NULL)
        {
          serve (server, client);
          g_socket_close (client, NULL);
        }
    }
  return NULL;
}

static FakeServer *
fake_server_start (void)
{
  FakeServer *server = g_new0 (FakeServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&server->lock);
  server->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  ck_assert_msg (server->listener != NULL, "%s", error ? error->message : "");
  ck_assert_msg (g_socket_bind (server->listener, any_port, TRUE, &error), "%s", error ? error->message : "");
  ck_assert_msg (g_socket_listen (server->listener, &error), "%s", error ? error->message : "");
  bound = g_socket_get_local_address (server->listener, &error);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  server->thread = g_thread_new ("fake-postgresql", fake_server_run, server);
  return server;
}

static void
fake_server_stop (FakeServer *server)
{
  g_atomic_int_set (&server->stop, TRUE);
  g_thread_join (server->thread);
  g_socket_close (server->listener, NULL);
  g_object_unref (server->listener);
  g_mutex_clear (&server->lock);
  g_free (server->password);
  g_free (server);
}

static guint
fake_server_get_connections (FakeServer *server)
{
  guint connections;

  g_mutex_lock (&server->lock);
  connections = server->connections;
  g_mutex_unlock (&server->lock);
  return connections;
}

static char *
fake_server_dup_password (FakeServer *server)
{
  char *password;

  g_mutex_lock (&server->lock);
  password = g_strdup (server->password);
  g_mutex_unlock (&server->lock);
  return password;
}

/* Everything logged, debug messages too, to look for passwords in */

static GString *logged;

static GLogWriterOutput
keep_log (GLogLevelFlags   level,
          const GLogField *fields,
          gsize            n_fields,
          gpointer         user_data)
{
  for (gsize i = 0; logged != NULL && i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      {
        if (fields[i].length < 0)
          g_string_append (logged, fields[i].value);
        else
          g_string_append_len (logged, fields[i].value, fields[i].length);
        g_string_append_c (logged, '\n');
      }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* The fixture: a window with no database, and the stand-in server */

static CandourWindow *window;
static FakeServer *server;
static char *server_location;

static void
open_window (void)
{
  static gboolean writer_set;
  CandourApplication *application = test_app_get_application ();

  /* GLib takes one writer per process. */
  if (!writer_set)
    {
      g_log_set_writer_func (keep_log, NULL, NULL);
      writer_set = TRUE;
    }
  logged = g_string_new (NULL);

  g_settings_reset (candour_application_get_settings (application), "recent-databases");
  window = g_object_new (CANDOUR_TYPE_WINDOW, "application", application, NULL);
  gtk_window_present (GTK_WINDOW (window));
  test_app_wait ();

  server = fake_server_start ();
  server_location = g_strdup_printf ("postgresql://alice@127.0.0.1:%u/candour?sslmode=disable&connect_timeout=10",
                                     server->port);
}

static void
close_window (void)
{
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (GTK_IS_WINDOW (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      gtk_window_destroy (l->data);
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  test_app_wait ();
  fake_server_stop (g_steal_pointer (&server));
  g_clear_pointer (&server_location, g_free);
  g_string_free (g_steal_pointer (&logged), TRUE);
}

/* The Connect to Server… dialog over the window, if one is open. */
static CandourConnectDialog *
find_dialog (void)
{
  CandourConnectDialog *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (CANDOUR_IS_CONNECT_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      found = l->data;
  return found;
}

/* Waits (ten seconds at most) for the keyring's answer to open the dialog. */
static CandourConnectDialog *
wait_for_dialog (void)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (find_dialog () == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_msg (find_dialog () != NULL, "Connect to Server… did not open");
  test_app_wait ();
  return find_dialog ();
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
field (CandourConnectDialog *dialog,
       const char           *title)
{
  GtkWidget *row = test_app_find_entry_row (GTK_WIDGET (dialog), title);

  ck_assert_msg (row != NULL, "no field %s", title);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_field (CandourConnectDialog *dialog,
           const char           *title,
           const char           *text)
{
  gtk_editable_set_text (GTK_EDITABLE (test_app_find_entry_row (GTK_WIDGET (dialog), title)), text);
}

static gboolean
focus_in (CandourConnectDialog *dialog,
          const char           *title)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  GtkWidget *row = test_app_find_entry_row (GTK_WIDGET (dialog), title);

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* The password appears in no setting (recent databases above all), nothing logged,
 * and nothing the dialog or the window's title says. */
static void
assert_password_nowhere (const char           *password,
                         CandourConnectDialog *dialog)
{
  GSettings *settings = candour_application_get_settings (test_app_get_application ());
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      ck_assert_msg (strstr (text, password) == NULL, "the setting %s holds the password: %s", keys[i], text);
    }
  ck_assert_msg (strstr (logged->str, password) == NULL, "the password was logged: %s", logged->str);
  ck_assert (strstr (gtk_window_get_title (GTK_WINDOW (window)), password) == NULL);
  if (dialog != NULL && candour_connect_dialog_get_problem (dialog) != NULL)
    ck_assert_msg (strstr (candour_connect_dialog_get_problem (dialog), password) == NULL, "%s",
                   candour_connect_dialog_get_problem (dialog));
}

/* The switch beside the password: on unless turned off, and the row turns it. */
START_TEST (test_remember_switch)
{
  CandourConnectDialog *dialog = CANDOUR_CONNECT_DIALOG (candour_window_connect (window));
  GtkWidget *remember;
  GtkWidget *row;

  test_app_wait ();
  remember = test_app_find_css_name (GTK_WIDGET (dialog), "switch");
  ck_assert_ptr_nonnull (remember);
  row = find_row (GTK_WIDGET (dialog), "_Remember password");
  ck_assert (gtk_widget_is_ancestor (remember, row));
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "_Remember password");
  ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "In your keyring, never in a file");
  ck_assert (gtk_switch_get_active (GTK_SWITCH (remember)));
  ck_assert (candour_connect_dialog_get_remember (dialog));
  /* Right below the password. */
  ck_assert (gtk_widget_get_prev_sibling (row) == test_app_find_entry_row (GTK_WIDGET (dialog), "Pass_word"));

  /* The switch moves across before it changes. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  for (gint64 end = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;
       gtk_switch_get_active (GTK_SWITCH (remember)) && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, TRUE);
  ck_assert (!gtk_switch_get_active (GTK_SWITCH (remember)));
  ck_assert (!candour_connect_dialog_get_remember (dialog));
  /* What the old dialog said is no longer true. */
  ck_assert_ptr_null (test_app_find_label (GTK_WIDGET (dialog),
                                           "Candour does not keep your password: it asks again each time you connect."));
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

/* Typed in the dialog, with no keyring to be had: the connection is still tried, with
 * the password typed, and the password shows nowhere. */
START_TEST (test_connects_without_a_keyring)
{
  CandourConnectDialog *dialog = CANDOUR_CONNECT_DIALOG (candour_window_connect (window));
  g_autofree char *port = g_strdup_printf ("%u", server->port);
  g_autofree char *received = NULL;
  g_auto(GStrv) recent = NULL;

  test_app_wait ();
  set_field (dialog, "_Server", "127.0.0.1");
  set_field (dialog, "_Port", port);
  set_field (dialog, "_User name", "alice");
  set_field (dialog, "Pass_word", TYPED_PASSWORD);
  /* None (this computer): the stand-in speaks no TLS. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "_Encryption")), 3);

  ck_assert (!candour_connect_dialog_connect (dialog));
  received = fake_server_dup_password (server);
  ck_assert_uint_eq (fake_server_get_connections (server), 1);
  ck_assert_str_eq (received, TYPED_PASSWORD);
  ck_assert_msg (g_str_has_prefix (candour_connect_dialog_get_problem (dialog), "Could not connect to the "
                                   "database candour on 127.0.0.1 (port "), "%s",
                 candour_connect_dialog_get_problem (dialog));
  ck_assert (strstr (candour_connect_dialog_get_problem (dialog), "password authentication failed") != NULL);
  test_app_wait ();
  assert_password_nowhere (TYPED_PASSWORD, dialog);
  /* A server that did not connect is not remembered. */
  recent = g_settings_get_strv (candour_application_get_settings (test_app_get_application ()), "recent-databases");
  ck_assert_ptr_null (recent[0]);

  /* A port that is not a number is refused before libpq can quote the address. */
  set_field (dialog, "_Port", "54x@");
  ck_assert (!candour_connect_dialog_connect (dialog));
  ck_assert_str_eq (candour_connect_dialog_get_problem (dialog), "The port is a number, such as 5432.");
  ck_assert_uint_eq (fake_server_get_connections (server), 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

/* Connected with "Remember password" on and no keyring: a toast says the password was
 * not remembered, and it is kept nowhere else. */
START_TEST (test_remember_without_a_keyring)
{
  AdwToastOverlay *toasts = candour_window_get_toast_overlay (window);

  candour_window_remember_password (window, server_location, TYPED_PASSWORD);
  ck_assert_str_eq (test_app_toast_title (toasts, "The password was not remembered: the keyring could not be reached"),
                    "The password was not remembered: the keyring could not be reached");
  /* Forgetting, with nothing to forget it in, says nothing. */
  candour_window_remember_password (window, server_location, NULL);
  test_app_wait ();
  assert_password_nowhere (TYPED_PASSWORD, NULL);
}
END_TEST

/* A recent server reopened with no keyring: the connection is tried without a password,
 * the server asks for one, and Connect to Server… opens filled in, the focus in the
 * password, saying why. What is typed then connects, and is kept nowhere. */
START_TEST (test_reopen_without_a_keyring)
{
  CandourConnectDialog *dialog;
  g_autofree char *port = g_strdup_printf ("%u", server->port);
  g_autofree char *received = NULL;

  ck_assert (candour_window_open_path (window, server_location));
  dialog = wait_for_dialog ();
  ck_assert_uint_eq (fake_server_get_connections (server), 1);
  ck_assert_ptr_null (fake_server_dup_password (server));

  ck_assert_str_eq (candour_connect_dialog_get_problem (dialog),
                    "Candour could not reach your keyring, where it keeps passwords. Type the password to connect.");
  ck_assert_str_eq (field (dialog, "_Server"), "127.0.0.1");
  ck_assert_str_eq (field (dialog, "_Port"), port);
  ck_assert_str_eq (field (dialog, "_Database"), "candour");
  ck_assert_str_eq (field (dialog, "_User name"), "alice");
  ck_assert_str_eq (field (dialog, "Pass_word"), "");
  ck_assert (focus_in (dialog, "Pass_word"));
  /* The same address again: a server that connects is remembered as the same one. */
  {
    g_autofree char *location = candour_connect_dialog_dup_location (dialog);

    ck_assert_str_eq (location, server_location);
  }

  set_field (dialog, "Pass_word", TYPED_PASSWORD);
  ck_assert (!candour_connect_dialog_connect (dialog));
  received = fake_server_dup_password (server);
  ck_assert_str_eq (received, TYPED_PASSWORD);
  test_app_wait ();
  assert_password_nowhere (TYPED_PASSWORD, dialog);
  ck_assert_ptr_null (candour_window_get_session (window));
}
END_TEST

/* A server that does not answer: the dialog, filled in, says what libpq said. */
START_TEST (test_reopen_unreachable_server)
{
  CandourConnectDialog *dialog;

  ck_assert (candour_window_open_path (window, "postgresql://bob@/harrowfield?host=%2Fnonexistent%2Fsocket"
                                               "&port=5433&sslmode=disable"));
  dialog = wait_for_dialog ();
  ck_assert_msg (g_str_has_prefix (candour_connect_dialog_get_problem (dialog), "Could not connect to the "
                                   "database harrowfield on this computer (port 5433): "), "%s",
                 candour_connect_dialog_get_problem (dialog));
  ck_assert_str_eq (field (dialog, "_Server"), "/nonexistent/socket");
  ck_assert_str_eq (field (dialog, "_Port"), "5433");
  ck_assert_str_eq (field (dialog, "_Database"), "harrowfield");
  ck_assert_str_eq (field (dialog, "_User name"), "bob");
  ck_assert (focus_in (dialog, "Pass_word"));
}
END_TEST

/* Waiting for the keyring */

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  gint64 end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (*result == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_msg (*result != NULL, "the keyring did not answer in 20 s");
  return *result;
}

static char *
look_up (const char *location)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  candour_keyring_lookup_async (location, NULL, on_done, &result);
  password = candour_keyring_lookup_finish (wait_for_result (&result), &error);
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  return password;
}

/* Connect to Server… on the test server (CANDOUR_TEST_PG, trust on a socket: the
 * password typed is not needed, but "Remember password" keeps it all the same), then
 * the server reopened from the recent list. With a keyring the password is kept there;
 * without one a toast says it was not remembered. Either way it is kept nowhere else. */
START_TEST (test_connect_to_test_server)
{
  const char *test_server = g_getenv ("CANDOUR_TEST_PG");
  AdwToastOverlay *toasts = candour_window_get_toast_overlay (window);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) recent = NULL;
  CandourConnectDialog *dialog;
  gint64 end;

  if (test_server == NULL)
    return;

  ck_assert_msg (candour_database_set_up_server (test_server, &error), "%s", error ? error->message : "");
  dialog = CANDOUR_CONNECT_DIALOG (candour_window_connect (window));
  test_app_wait ();
  candour_connect_dialog_set_location (dialog, test_server);
  set_field (dialog, "Pass_word", TYPED_PASSWORD);
  ck_assert (candour_connect_dialog_get_remember (dialog));
  ck_assert_msg (candour_connect_dialog_connect (dialog), "%s", candour_connect_dialog_get_problem (dialog));
  test_app_wait ();
  ck_assert_ptr_nonnull (candour_window_get_session (window));

  recent = g_settings_get_strv (candour_application_get_settings (test_app_get_application ()), "recent-databases");
  ck_assert_ptr_nonnull (recent[0]);
  ck_assert (candour_database_is_server_location (recent[0]));
  if (g_getenv ("CANDOUR_TEST_KEYRING") != NULL)
    {
      end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
      for (;;)
        {
          g_autoptr(CandourKeyringPassword) kept = look_up (recent[0]);

          if (kept != NULL || g_get_monotonic_time () > end)
            {
              ck_assert_str_eq (kept, TYPED_PASSWORD);
              break;
            }
        }
    }
  else
    ck_assert_str_eq (test_app_toast_title (toasts, "The password was not remembered: the keyring could not be reached"),
                      "The password was not remembered: the keyring could not be reached");
  assert_password_nowhere (TYPED_PASSWORD, NULL);

  /* Reopened from the recent list: it connects (with the kept password, or libpq's own
   * ways), and no dialog asks anything. */
  candour_window_set_session (window, NULL);
  ck_assert (candour_window_open_path (window, recent[0]));
  end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (candour_window_get_session (window) == NULL && find_dialog () == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_msg (find_dialog () == NULL, "%s", candour_connect_dialog_get_problem (find_dialog ()));
  ck_assert_ptr_nonnull (candour_window_get_session (window));
  test_app_wait ();

  if (g_getenv ("CANDOUR_TEST_KEYRING") != NULL)
    {
      g_autoptr(GAsyncResult) forgotten = NULL;

      candour_keyring_forget_async (recent[0], NULL, on_done, &forgotten);
      ck_assert (candour_keyring_forget_finish (wait_for_result (&forgotten), &error));
    }
}
END_TEST

/* With a keyring (tests/run-with-keyring.sh) */

/* Stored, found by the server's parts however the address spells them, forgotten. */
START_TEST (test_keyring_round_trip)
{
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GAsyncResult) forgotten = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourKeyringPassword) found = NULL;
  g_autoptr(CandourKeyringPassword) spelt_out = NULL;
  g_autoptr(CandourKeyringPassword) other_user = NULL;
  g_autoptr(CandourKeyringPassword) gone = NULL;

  candour_keyring_store_async ("postgresql://alice@db.example.org/harrowfield?sslmode=verify-full", KEPT_PASSWORD,
                               NULL, on_done, &stored);
  ck_assert_msg (candour_keyring_store_finish (wait_for_result (&stored), &error), "%s",
                 error ? error->message : "");

  found = look_up ("postgresql://alice@db.example.org/harrowfield?sslmode=verify-full");
  ck_assert_str_eq (found, KEPT_PASSWORD);
  /* libpq's default port spelt out, another encryption: the same server and login. */
  spelt_out = look_up ("postgresql://alice@db.example.org:5432/harrowfield?sslmode=disable");
  ck_assert_str_eq (spelt_out, KEPT_PASSWORD);
  other_user = look_up ("postgresql://bob@db.example.org/harrowfield");
  ck_assert_ptr_null (other_user);

  candour_keyring_forget_async ("postgresql://alice@db.example.org:5432/harrowfield", NULL, on_done, &forgotten);
  ck_assert (candour_keyring_forget_finish (wait_for_result (&forgotten), &error));
  gone = look_up ("postgresql://alice@db.example.org/harrowfield");
  ck_assert_ptr_null (gone);
}
END_TEST

/* Remembered through the window, used when the server is reopened from the recent
 * list; forgotten, the dialog says none is saved. */
START_TEST (test_reopen_with_a_keyring)
{
  CandourConnectDialog *dialog;
  g_autofree char *received = NULL;
  gint64 end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  candour_window_remember_password (window, server_location, KEPT_PASSWORD);
  for (;;)
    {
      g_autoptr(CandourKeyringPassword) kept = look_up (server_location);

      if (kept != NULL || g_get_monotonic_time () > end)
        {
          ck_assert_str_eq (kept, KEPT_PASSWORD);
          break;
        }
    }

  /* The kept password is the one sent; the stand-in refuses it, so the dialog says
   * what the server said, with the server's details and the kept password filled in. */
  ck_assert (candour_window_open_path (window, server_location));
  dialog = wait_for_dialog ();
  received = fake_server_dup_password (server);
  ck_assert_str_eq (received, KEPT_PASSWORD);
  ck_assert_uint_eq (fake_server_get_connections (server), 1);
  ck_assert (strstr (candour_connect_dialog_get_problem (dialog), "password authentication failed") != NULL);
  ck_assert_str_eq (field (dialog, "_User name"), "alice");
  ck_assert_str_eq (field (dialog, "Pass_word"), KEPT_PASSWORD);
  ck_assert (focus_in (dialog, "Pass_word"));
  assert_password_nowhere (KEPT_PASSWORD, dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_app_wait ();

  /* Forgotten: the server asks, and nothing is saved to answer it. */
  candour_window_remember_password (window, server_location, NULL);
  end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  for (;;)
    {
      g_autoptr(CandourKeyringPassword) kept = look_up (server_location);

      if (kept == NULL || g_get_monotonic_time () > end)
        {
          ck_assert_ptr_null (kept);
          break;
        }
    }
  ck_assert (candour_window_open_path (window, server_location));
  dialog = wait_for_dialog ();
  ck_assert_uint_eq (fake_server_get_connections (server), 2);
  ck_assert_str_eq (candour_connect_dialog_get_problem (dialog), "No password is saved for this server. Type it to connect.");
  ck_assert_str_eq (field (dialog, "Pass_word"), "");
  ck_assert (focus_in (dialog, "Pass_word"));
}
END_TEST

Suite *
candour_app_keyring_suite (void)
{
  Suite *suite = suite_create ("app-keyring");
  TCase *tc = tcase_create (g_getenv ("CANDOUR_TEST_KEYRING") != NULL ? "keyring" : "no-keyring");

  tcase_add_checked_fixture (tc, open_window, close_window);
  tcase_add_test (tc, test_remember_switch);
  tcase_add_test (tc, test_connect_to_test_server);
  if (g_getenv ("CANDOUR_TEST_KEYRING") != NULL)
    {
      tcase_add_test (tc, test_keyring_round_trip);
      tcase_add_test (tc, test_reopen_with_a_keyring);
    }
  else
    {
      tcase_add_test (tc, test_connects_without_a_keyring);
      tcase_add_test (tc, test_remember_without_a_keyring);
      tcase_add_test (tc, test_reopen_without_a_keyring);
      tcase_add_test (tc, test_reopen_unreachable_server);
    }
  tcase_set_timeout (tc, 120);
  suite_add_tcase (suite, tc);
  return suite;
}
