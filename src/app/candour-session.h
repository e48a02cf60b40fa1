/* candour-session.h: one open database and how its findings are judged
 *
 * The window's pages share a session: the database, the day findings are judged on,
 * the grace days and tolerance from Preferences, and the findings those give.
 *
 * Judging every finding takes a second at national scale, so it happens on a worker
 * thread with a read-only connection of its own ("loading" is TRUE meanwhile; the
 * findings shown are the last ones judged, or none the first time). When the data or
 * the rules change that way, "revision" goes up and the pages reload. An edit made in
 * this window costs what it changed instead: candour_session_record_changed() judges
 * the findings the record can alter again, patches the list and the totals in place,
 * and emits "record-changed" for the pages showing that table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"
#include "candour-finding.h"
#include "candour-finding-summary.h"
#include "candour-import.h"
#include "candour-reports.h"

G_BEGIN_DECLS

/* The most serious findings a summary keeps: as many as the Overview lists. */
#define CANDOUR_SESSION_SERIOUS_KEPT 8

#define CANDOUR_TYPE_SESSION (candour_session_get_type ())

G_DECLARE_FINAL_TYPE (CandourSession, candour_session, CANDOUR, SESSION, GObject)

/* Starts judging the findings at once, on a worker. */
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

/* How a printed report says it was judged: "Judged as of 30/06/2025, allowing 90 days
 * for a subcontract and 10% for late payment. Made on 22/11/2026." */
char            *candour_session_dup_judged_line     (CandourSession           *self);

/* Options for the engine's reports as the session judges: the caller clears them. */
void             candour_session_get_options         (CandourSession           *self,
                                                      CandourReconcileOptions  *options);

/* CandourFinding for every partner named in a won bid, as last judged; a new list each
 * time "findings" is notified. */
GListModel      *candour_session_get_findings        (CandourSession           *self);
/* The headline figures over the findings, kept right as they are patched. */
const CandourFindingTotals *
                 candour_session_get_totals          (CandourSession           *self);
/* Won bids, each lead provider's sums and the CANDOUR_SESSION_SERIOUS_KEPT most serious
 * findings: worked out on the worker with each judgement, and again after a patch. */
const CandourFindingSummary *
                 candour_session_get_summary         (CandourSession           *self);
guint            candour_session_get_revision        (CandourSession           *self);
/* TRUE while the findings are being judged on a worker. */
gboolean         candour_session_get_loading         (CandourSession           *self);

/* Judges every finding again on a worker, and then tells the pages to reload (after an
 * import, or a change another program made). A newer call supersedes an older one. */
void             candour_session_refresh             (CandourSession           *self);
/* The same, here and now (for tests, and where the caller must wait anyway). */
gboolean         candour_session_reload              (CandourSession           *self,
                                                      GError                  **error);

/* Where the record (table, id) is among the findings now: call before changing or
 * deleting it, and hand the scopes to candour_session_record_changed() after. */
GArray          *candour_session_scopes_of           (CandourSession           *self,
                                                      CandourTable              table,
                                                      gint64                    id);
/* A record was saved or deleted in this window: judges again only the findings it can
 * alter (where it was, scopes_before, and where it is now), patches the list and the
 * totals, and emits "record-changed" (table, id). id may be gone (a deletion). */
void             candour_session_record_changed      (CandourSession           *self,
                                                      CandourTable              table,
                                                      gint64                    id,
                                                      GArray                   *scopes_before);

/* Someone else changed the register (candour-change-watch.h says when): reads from the
 * audit trail which records they changed since the findings were last judged, judges
 * again only the findings those can alter, and emits "record-changed" for each; after
 * an import, everything is judged again on a worker instead (candour_session_refresh()). */
void             candour_session_catch_up            (CandourSession           *self);

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
/* Whether any record of table is hidden now: lists filter nothing when none is. */
gboolean         candour_session_hides_any           (CandourSession           *self,
                                                      CandourTable              table);

G_END_DECLS
