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
 * FALSE with the reason shown in the dialog. */
gboolean              candour_connect_dialog_connect      (CandourConnectDialog *self);
/* What the dialog says went wrong, or NULL. */
const char           *candour_connect_dialog_get_problem  (CandourConnectDialog *self);

G_END_DECLS
