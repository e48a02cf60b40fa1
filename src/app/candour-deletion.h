/* candour-deletion.h: a record deleted with Undo
 *
 * A record the person deletes disappears at once (the session hides it) and a toast
 * says "Deleted …" with Undo. It is deleted in the database (candour_record_delete())
 * only when the toast goes: when it times out, when another deletion takes its place,
 * or when its window closes. Undo, or Ctrl+Z while the toast shows, brings it back;
 * nothing was written. A record that others still refer to is never hidden: the
 * core's sentence saying why shows in a toast instead.
 *
 * The window holding the toast overlay installs the action "win.undo"; it is enabled
 * while an Undo is on offer there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_DELETION (candour_deletion_get_type ())

G_DECLARE_FINAL_TYPE (CandourDeletion, candour_deletion, CANDOUR, DELETION, GObject)

/* Would candour_record_delete() delete it? Nothing is written either way; error says
 * why not (others still refer to it, the database is busy). */
gboolean candour_deletion_check      (CandourSession  *session,
                                      CandourTable     table,
                                      gint64           id,
                                      GError         **error);
/* Hides the record and offers Undo in overlay; name is how the toast names it.
 * Returns FALSE when the core would refuse (the toast then says why). */
gboolean candour_deletion_start      (CandourSession  *session,
                                      AdwToastOverlay *overlay,
                                      CandourTable     table,
                                      gint64           id,
                                      const char      *ref,
                                      const char      *name);
/* Brings back the record whose Undo shows in overlay. FALSE when there is none. */
gboolean candour_deletion_undo       (AdwToastOverlay *overlay);
gboolean candour_deletion_is_pending (AdwToastOverlay *overlay);
/* Deletes now the record whose Undo shows in overlay (its window is closing). */
void     candour_deletion_commit     (AdwToastOverlay *overlay);
/* A toast with message (plain text), added once the toast being dismissed has gone. */
void     candour_deletion_add_toast  (AdwToastOverlay *overlay,
                                      const char      *message);

G_END_DECLS
