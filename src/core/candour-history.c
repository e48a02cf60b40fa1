/* candour-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-history.h"

/* The records a ref names now, and those it named when they were deleted; then every
 * audit row about them, including the import batch that inserted them.
 *
 * A record's id is never reused since schema version 3, but a file from before then
 * may have given a deleted record's id to a new one. So the rows of one table and id
 * are cut into lives, each ending at a delete, and only the lives of this ref are
 * shown: the current record's (after the last delete), and each deleted one whose
 * rows carry the ref. */
static const char history_sql[] =
  "WITH current (table_name, id) AS (\n"
  "  SELECT 'organisation', id FROM organisation WHERE ref = :ref\n"
  "  UNION SELECT 'consortium', id FROM consortium WHERE ref = :ref\n"
  "  UNION SELECT 'bid', id FROM bid WHERE ref = :ref\n"
  "  UNION SELECT 'contract', id FROM contract WHERE ref = :ref\n"
  "  UNION SELECT 'subcontract', id FROM subcontract WHERE ref = :ref\n"
  "  UNION SELECT 'payment', id FROM payment WHERE ref = :ref),\n"
  "targets (table_name, id) AS (\n"
  "  SELECT table_name, id FROM current\n"
  "  UNION SELECT table_name, record_id FROM audit WHERE record_ref = :ref),\n"
  "events AS (\n"
  "  SELECT t.table_name, t.id, a.id AS audit_id, a.record_ref,\n"
  "         (SELECT min (d.id) FROM audit d WHERE d.table_name = t.table_name AND d.record_id = t.id\n"
  "            AND d.action = 'delete' AND d.id >= a.id) AS life_end\n"
  "  FROM targets t\n"
  "  JOIN audit a ON a.table_name = t.table_name\n"
  "    AND t.id BETWEEN a.record_id AND coalesce (a.last_record_id, a.record_id)),\n"
  "lives AS (\n"
  "  SELECT DISTINCT table_name, id, life_end FROM events e\n"
  "  WHERE e.record_ref = :ref\n"
  "     OR (e.life_end IS NULL AND (e.table_name, e.id) IN (SELECT table_name, id FROM current)))\n"
  "SELECT a.at, a.actor, a.table_name, coalesce (a.record_ref, :ref), a.action,\n"
  "       CASE a.action\n"
  "         WHEN 'insert' THEN CASE WHEN a.last_record_id IS NULL THEN 'created'\n"
  "                                 ELSE 'imported from ' || candour_json_text (a.new_values, 'file') END\n"
  "         WHEN 'delete' THEN 'deleted'\n"
  "         ELSE candour_changes (a.old_values, a.new_values)\n"
  "       END AS changes,\n"
  "       a.old_values, a.new_values\n"
  "FROM events e\n"
  "JOIN lives l ON l.table_name = e.table_name AND l.id = e.id\n"
  "  AND (l.life_end = e.life_end OR (l.life_end IS NULL AND e.life_end IS NULL))\n"
  "JOIN audit a ON a.id = e.audit_id\n"
  "ORDER BY a.id";

static const CandourReportColumn history_columns[] = {
  { "at", CANDOUR_CELL_TEXT },
  { "actor", CANDOUR_CELL_TEXT },
  { "table", CANDOUR_CELL_KEYWORD },
  { "ref", CANDOUR_CELL_TEXT },
  { "action", CANDOUR_CELL_KEYWORD },
  { "changes", CANDOUR_CELL_TEXT },
  { "old_values", CANDOUR_CELL_TEXT },
  { "new_values", CANDOUR_CELL_TEXT },
};

static const char audit_sql[] =
  "SELECT at, actor, table_name, record_id, last_record_id, record_ref, action, old_values, new_values "
  "FROM audit ORDER BY id";

static const CandourReportColumn audit_columns[] = {
  { "at", CANDOUR_CELL_TEXT },
  { "actor", CANDOUR_CELL_TEXT },
  { "table", CANDOUR_CELL_KEYWORD },
  { "record_id", CANDOUR_CELL_COUNT },
  { "last_record_id", CANDOUR_CELL_COUNT },
  { "ref", CANDOUR_CELL_TEXT },
  { "action", CANDOUR_CELL_KEYWORD },
  { "old_values", CANDOUR_CELL_TEXT },
  { "new_values", CANDOUR_CELL_TEXT },
};

CandourReport *
candour_report_history (CandourDatabase  *db,
                        const char       *ref,
                        GError          **error)
{
  CandourReport *report;

  g_return_val_if_fail (ref != NULL, NULL);

  report = candour_report_new (db, history_sql, history_columns, G_N_ELEMENTS (history_columns), error);
  if (report != NULL)
    candour_query_bind_text (candour_report_get_query (report), ":ref", ref);
  return report;
}

CandourReport *
candour_report_audit (CandourDatabase  *db,
                      GError          **error)
{
  return candour_report_new (db, audit_sql, audit_columns, G_N_ELEMENTS (audit_columns), error);
}
