/* candour-change-log.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-change-log.h"
#include "candour-import-private.h"

gboolean
candour_change_log_get_last (CandourDatabase  *db,
                             gint64           *out_audit_id,
                             GError          **error)
{
  static const char sql[] = "SELECT coalesce (max (id), 0) AS last_id FROM audit";
  CandourQuery *query;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);

  if ((query = candour_database_query (db, sql, error)) == NULL)
    return FALSE;
  if (candour_query_step (query, error) != CANDOUR_QUERY_ROW)
    return FALSE;
  *out_audit_id = candour_query_get_int64 (query, "last_id");
  candour_query_reset (query);
  return TRUE;
}

static gboolean
table_from_sql_name (const char   *name,
                     CandourTable *out_table)
{
  for (CandourTable table = 0; table < CANDOUR_N_TABLES; table++)
    if (g_str_equal (candour_import_sql_table (table), name))
      {
        *out_table = table;
        return TRUE;
      }
  /* closed_period and whatever else no finding and no list shows */
  return FALSE;
}

gboolean
candour_change_log_read (CandourDatabase  *db,
                         gint64            after_audit_id,
                         guint             limit,
                         GArray           *changes,
                         gint64           *out_last_audit_id,
                         gboolean         *out_too_many,
                         GError          **error)
{
  /* An insert of a run of records (an import, a server's multi-row insert) is one row
   * for record_id to last_record_id. */
  static const char sql[] =
    "SELECT id, table_name, record_id, coalesce (last_record_id, record_id) AS last_record_id "
    "FROM audit WHERE id > :after ORDER BY id LIMIT :rows";
  CandourQuery *query;
  CandourQueryStep step;
  guint first = changes->len;
  guint64 records = 0;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  *out_last_audit_id = after_audit_id;
  *out_too_many = FALSE;
  if ((query = candour_database_query (db, sql, error)) == NULL)
    return FALSE;
  candour_query_bind_int64 (query, ":after", after_audit_id);
  /* One row more than the limit is enough to know there are too many. */
  candour_query_bind_int64 (query, ":rows", (gint64)limit + 1);
  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    {
      gint64 record_id = candour_query_get_int64 (query, "record_id");
      gint64 last_record_id = candour_query_get_int64 (query, "last_record_id");
      CandourChange change = { candour_query_get_int64 (query, "id"), 0, 0 };

      *out_last_audit_id = change.audit_id;
      records += (guint64)(last_record_id - record_id) + 1;
      if (records > limit)
        {
          *out_too_many = TRUE;
          continue;
        }
      if (!table_from_sql_name (candour_query_get_text (query, "table_name"), &change.table))
        continue;
      for (change.id = record_id; change.id <= last_record_id; change.id++)
        g_array_append_val (changes, change);
    }
  if (step != CANDOUR_QUERY_DONE)
    return FALSE;

  if (*out_too_many)
    {
      g_array_set_size (changes, first);
      /* Everything is read again: the rows not read are part of it. */
      return candour_change_log_get_last (db, out_last_audit_id, error);
    }
  return TRUE;
}
