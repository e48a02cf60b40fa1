/* candour-change-log.h: which records changed, read from the audit trail
 *
 * Every change to a record is in the audit trail, on a file and on a server, in the
 * order it happened, with keys that only grow. So what changed since a window last
 * looked is the audit rows after the last one it read: the window that notices another
 * person's change (candour-change-watch.h) reads them here and judges again only the
 * findings those records touch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-database.h"
#include "candour-import.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 audit_id;              /* the audit row that recorded it */
  CandourTable table;
  gint64 id;                    /* the record, which may be gone (deleted) */
} CandourChange;

/* The last audit row now: where to start reading from. 0 when there is none. */
gboolean candour_change_log_get_last (CandourDatabase  *db,
                                      gint64           *out_audit_id,
                                      GError          **error);
/* Appends to changes (a GArray of CandourChange) each record changed by the audit rows
 * after after_audit_id, in order, and sets *out_last_audit_id to the last row read.
 * When more than limit records changed (an import), appends nothing and sets
 * *out_too_many: everything is better read again. */
gboolean candour_change_log_read     (CandourDatabase  *db,
                                      gint64            after_audit_id,
                                      guint             limit,
                                      GArray           *changes,
                                      gint64           *out_last_audit_id,
                                      gboolean         *out_too_many,
                                      GError          **error);

G_END_DECLS
