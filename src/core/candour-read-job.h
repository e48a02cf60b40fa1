/* candour-read-job.h: a question for the database, answered on a worker thread
 *
 * Whatever can touch more than a few thousand rows (judging every finding, listing
 * 50,000 organisations, a report over a million payments) runs on a worker with a
 * read-only connection of its own, so the window never waits for it: the answer comes
 * back to the main context. SQLite's progress handler stops a cancelled question within
 * a few thousand steps. An in-memory database has no second connection: its questions
 * (small, in tests) are answered on the calling thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"

G_BEGIN_DECLS

/* Runs on the worker with its own connection; returns the answer, or NULL with error. */
typedef gpointer (*CandourReadFunc) (CandourDatabase  *reader,
                                     gpointer          data,
                                     GCancellable     *cancellable,
                                     GError          **error);

/* Asks func (data) of a reader of db. result_free frees an answer nobody took (a
 * cancelled or superseded one). callback runs in the calling thread's main context. */
void     candour_read_job_run     (CandourDatabase      *db,
                                   CandourReadFunc       func,
                                   gpointer              data,
                                   GDestroyNotify        data_free,
                                   GDestroyNotify        result_free,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
/* The answer (owned by the caller), or NULL with error (G_IO_ERROR_CANCELLED when it
 * was cancelled). */
gpointer candour_read_job_finish  (GAsyncResult         *result,
                                   GError              **error);

/* Questions asked and not yet answered, in this process: tests wait for none. */
guint    candour_read_job_get_n_pending (void);
/* For tests of what shows before any answer: with hold TRUE, answers wait (still
 * pending) until it is called with FALSE, then come in the order they were ready.
 * Main thread only. */
void     candour_read_job_hold          (gboolean              hold);

G_END_DECLS
