/* candour-session.h: one open database and how its findings are judged
 *
 * The window's pages share a session: the database, the day findings are judged on,
 * the grace days and tolerance from Preferences, and the findings those give. When
 * the data or the rules change, "revision" goes up and every page reloads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"
#include "candour-import.h"
#include "candour-reports.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_SESSION (candour_session_get_type ())

G_DECLARE_FINAL_TYPE (CandourSession, candour_session, CANDOUR, SESSION, GObject)

CandourSession  *candour_session_new                 (CandourDatabase          *db);
CandourDatabase *candour_session_get_database        (CandourSession           *self);
/* The file name without its folder and extension: "Harrowfield demo". */
const char      *candour_session_get_title           (CandourSession           *self);

/* The ISO date findings are judged on; NULL means today. */
void             candour_session_set_as_of           (CandourSession           *self,
                                                      const char               *as_of);
/* The ISO date findings are judged on, today when none was set. */
char            *candour_session_dup_as_of           (CandourSession           *self);
void             candour_session_set_grace_days      (CandourSession           *self,
                                                      int                       grace_days);
int              candour_session_get_grace_days      (CandourSession           *self);
/* Percent, as Preferences shows it; the engine gets basis points. */
void             candour_session_set_tolerance       (CandourSession           *self,
                                                      double                    tolerance);
double           candour_session_get_tolerance       (CandourSession           *self);

/* Options for the engine's reports as the session judges: the caller clears them. */
void             candour_session_get_options         (CandourSession           *self,
                                                      CandourReconcileOptions  *options);

/* CandourFinding for every partner named in a won bid, as judged now. */
GListModel      *candour_session_get_findings        (CandourSession           *self);
guint            candour_session_get_revision        (CandourSession           *self);

/* Reads the findings again and tells the pages to reload (after an import). */
gboolean         candour_session_reload              (CandourSession           *self,
                                                      GError                  **error);

/* Records on their way out: a deleted record is hidden everywhere while its toast
 * offers Undo, and only then deleted. "hidden-changed" (with the table) says when the
 * set changes. ref may be NULL (a payment without one). */
void             candour_session_hide_record         (CandourSession           *self,
                                                      CandourTable              table,
                                                      gint64                    id,
                                                      const char               *ref);
void             candour_session_unhide_record       (CandourSession           *self,
                                                      CandourTable              table,
                                                      gint64                    id);
gboolean         candour_session_is_hidden           (CandourSession           *self,
                                                      CandourTable              table,
                                                      gint64                    id);
gboolean         candour_session_is_ref_hidden       (CandourSession           *self,
                                                      CandourTable              table,
                                                      const char               *ref);

G_END_DECLS
