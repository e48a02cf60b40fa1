/* candour-connect-dialog.h: Connect to Server…, for a register a team shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "candour-window.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_CONNECT_DIALOG (candour_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CandourConnectDialog, candour_connect_dialog, CANDOUR, CONNECT_DIALOG, AdwWindow)

/* Over window, which opens the register once connected. */
CandourConnectDialog *candour_connect_dialog_new          (CandourWindow        *window);
/* The address the fields give, password and all: for connecting, never for keeping. */
char                 *candour_connect_dialog_dup_location (CandourConnectDialog *self);
/* Connects as the Connect button does: TRUE and closed when the register opened, or
 * FALSE with the reason shown in the dialog. Once connected, the password is kept in
 * the keyring when "Remember password" is on, or forgotten when it is off
 * (candour_window_remember_password()). */
gboolean              candour_connect_dialog_connect      (CandourConnectDialog *self);
/* What the dialog says went wrong (or why it asks for a password), or NULL. */
const char           *candour_connect_dialog_get_problem  (CandourConnectDialog *self);

/* Fills the fields from a server's address (one without a password, as recent
 * databases keep it), the password left empty. */
void                  candour_connect_dialog_set_location (CandourConnectDialog *self,
                                                           const char           *location);
void                  candour_connect_dialog_set_password (CandourConnectDialog *self,
                                                           const char           *password);
/* Says why (a problem in the colours of one, or a plain sentence) and puts the focus in
 * the password field. */
void                  candour_connect_dialog_ask_password (CandourConnectDialog *self,
                                                           const char           *why,
                                                           gboolean              problem);
/* Whether a password that connects is kept in the keyring ("Remember password"). */
gboolean              candour_connect_dialog_get_remember (CandourConnectDialog *self);

G_END_DECLS
