/* candour-keyring.h: server passwords in the person's keyring, through libsecret
 *
 * A server's password is kept by the Secret Service (GNOME Keyring, KeePassXC…) under
 * the schema "io.github.candour.Candour.Server", found again by the server's host, port,
 * database and user, read from its address as kept among recent databases (which holds
 * no password). Never in a file of Candour's, GSettings or a log.
 *
 * Every call is asynchronous, so the window never waits on the keyring; a keyring that
 * cannot be reached (no Secret Service on the session bus, no session bus) fails the
 * call with libsecret's or GDBus's error, and the caller carries on without it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema's name, as the keyring shows it. */
#define CANDOUR_KEYRING_SCHEMA APPLICATION_ID ".Server"

/* Keeps password for the server at location (an address without a password), in place
 * of one kept before. */
void      candour_keyring_store_async   (const char          *location,
                                         const char          *password,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean  candour_keyring_store_finish  (GAsyncResult        *result,
                                         GError             **error);

/* The password kept for the server at location. */
void      candour_keyring_lookup_async  (const char          *location,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* The password, to free with candour_keyring_free_password(); NULL with no error when
 * none is kept, NULL with error when the keyring could not be asked. */
char     *candour_keyring_lookup_finish (GAsyncResult        *result,
                                         GError             **error);

/* Forgets the password kept for the server at location, if any. */
void      candour_keyring_forget_async  (const char          *location,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean  candour_keyring_forget_finish (GAsyncResult        *result,
                                         GError             **error);

/* Overwrites password before freeing it. */
void      candour_keyring_free_password (char                *password);

/* A password from the keyring, for g_autoptr(). */
typedef char CandourKeyringPassword;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourKeyringPassword, candour_keyring_free_password)

G_END_DECLS
