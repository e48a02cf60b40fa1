/* candour-change-watch.h: knowing when someone else changed the register
 *
 * A watch on an open database emits "changed" soon after another connection (another
 * window, the CLI, another person) commits a change. A file is looked at every second
 * (its data version). A server notifies at once (sql/pg/notify.sql); it is also looked
 * at every few seconds, for a register set up before servers notified. What changed is
 * for the caller to read (candour_change_log_read()).
 *
 * On a server the watch also keeps the connection: when it is lost, "connected" turns
 * FALSE and the watch connects again every few seconds; once it is back, "connected"
 * turns TRUE and "changed" follows, since anything may have changed meanwhile.
 *
 * The watch runs on the thread-default main context it was made in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-database.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_CHANGE_WATCH (candour_change_watch_get_type ())

G_DECLARE_FINAL_TYPE (CandourChangeWatch, candour_change_watch, CANDOUR, CHANGE_WATCH, GObject)

CandourChangeWatch *candour_change_watch_new           (CandourDatabase     *db,
                                                        GError             **error);
gboolean            candour_change_watch_get_connected (CandourChangeWatch  *self);
/* Looks now rather than at the next tick: emits what it finds. */
void                candour_change_watch_check         (CandourChangeWatch  *self);

G_END_DECLS
