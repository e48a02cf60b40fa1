/* candour-window.h: the main window, on one database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "candour-finding.h"
#include "candour-record-form.h"
#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_WINDOW (candour_window_get_type ())

G_DECLARE_FINAL_TYPE (CandourWindow, candour_window, CANDOUR, WINDOW, AdwApplicationWindow)

/* Keyboard shortcuts of the window's actions. */
void            candour_window_set_accels       (GtkApplication *application);

CandourSession *candour_window_get_session      (CandourWindow  *self);
/* Shows the session's database, or the welcome page for NULL. */
void            candour_window_set_session      (CandourWindow  *self,
                                                 CandourSession *session);

/* Opens (creating if needed) the database at path; says what went wrong in the window.
 * A server's address that holds no password (as recent databases keep them) is opened
 * once the keyring has answered, with the password it keeps for the server, or else
 * libpq's own ways; when that does not connect, Connect to Server… opens filled in with
 * the server's details and says why. TRUE then means only that it was asked. */
gboolean        candour_window_open_path        (CandourWindow  *self,
                                                 const char     *path);
/* Keeps password for the server at location (its address without one) in the keyring,
 * or with NULL forgets the one kept; when no keyring can be reached, a toast says the
 * password was not remembered. */
void            candour_window_remember_password (CandourWindow *self,
                                                  const char    *location,
                                                  const char    *password);
/* Opens the register at location, a file that must be there or a server's address
 * ("postgresql://…"); FALSE with error, and nothing changed in the window, when it
 * cannot. */
gboolean        candour_window_open_location    (CandourWindow  *self,
                                                 const char     *location,
                                                 GError        **error);
/* Says in the header who else has the register open (a server's other Candour users);
 * done every few seconds by itself. */
void            candour_window_update_others    (CandourWindow  *self);
/* Connect to Server…: the dialog over the window, returned. */
GtkWindow      *candour_window_connect          (CandourWindow  *self);
/* A fresh demo database at path, dated as if today were today (NULL: the real today). */
gboolean        candour_window_open_demo        (CandourWindow  *self,
                                                 const char     *path,
                                                 const char     *today,
                                                 GError        **error);

/* "overview", "findings", "bids", "contracts", "payments", "organisations",
 * "consortia" or "reports". */
void            candour_window_show_page        (CandourWindow  *self,
                                                 const char     *name);
const char     *candour_window_get_visible_page (CandourWindow  *self);
/* The page, made now if it has not been shown yet (only the Overview is made with
 * the window). */
GtkWidget      *candour_window_get_page         (CandourWindow  *self,
                                                 const char     *name);

/* Opens the partner-in-bid story of finding in its own window, and returns it. */
GtkWindow      *candour_window_show_story       (CandourWindow  *self,
                                                 CandourFinding *finding);

/* Import CSV…: opens the import dialog (CandourImportDialog) over the window, or
 * brings back the one open, and returns it. With paths (CSV files or folders of them) it
 * checks them at once, as if they had been chosen in it. Into the open database, or
 * with none, into a new one. */
GtkWindow      *candour_window_import           (CandourWindow      *self,
                                                 const char * const *paths);

void            candour_window_add_toast        (CandourWindow  *self,
                                                 const char     *message);
AdwToastOverlay *candour_window_get_toast_overlay (CandourWindow *self);

/* Shows a record: its detail (organisations, bids, contracts, consortia) or its form. */
GtkWindow      *candour_window_show_record      (CandourWindow  *self,
                                                 CandourTable    table,
                                                 gint64          id);
/* Opens the form for a new record of table. */
CandourRecordForm *candour_window_new_record    (CandourWindow  *self,
                                                 CandourTable    table);

/* Reads the database again if someone else changed it since it was last read; TRUE
 * when it did. The window asks every two seconds. */
gboolean        candour_window_check_for_changes (CandourWindow *self);

/* A verified copy of the open database at path; a toast says where, a dialog why not. */
gboolean        candour_window_back_up          (CandourWindow  *self,
                                                 const char     *path);

G_END_DECLS
