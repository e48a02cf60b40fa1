/* candour-finding-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-finding-list.h"

/* Where a change to a record of each table lands among the findings: the bid and the
 * partner it is about. Each is served by an index (see sql/0004-scale-indexes.sql). */
static const char * const scope_sql[CANDOUR_N_TABLES] = {
  [CANDOUR_TABLE_BID_PARTNERS] =
    "SELECT bid_id, partner_id FROM bid_partner WHERE id = :id",
  [CANDOUR_TABLE_CONTRACTS] =
    "SELECT bid_id, 0 AS partner_id FROM contract WHERE id = :id AND bid_id IS NOT NULL",
  [CANDOUR_TABLE_SUBCONTRACTS] =
    "SELECT c.bid_id, s.partner_id FROM subcontract s JOIN contract c ON c.id = s.contract_id "
    "WHERE s.id = :id AND c.bid_id IS NOT NULL",
  [CANDOUR_TABLE_PAYMENTS] =
    "SELECT c.bid_id, s.partner_id FROM payment p JOIN subcontract s ON s.id = p.subcontract_id "
    "JOIN contract c ON c.id = s.contract_id WHERE p.id = :id AND c.bid_id IS NOT NULL",
};

/* Where the record was before a change, from the values its audit row kept: a deleted
 * or moved record's old bid and partner. Organisations and bids keep their ids, so
 * where they are now is where they were. */
static const char * const old_scope_sql[CANDOUR_N_TABLES] = {
  [CANDOUR_TABLE_BID_PARTNERS] =
    "SELECT CAST (candour_json_text (old_values, 'bid_id') AS BIGINT) AS bid_id, "
    "CAST (candour_json_text (old_values, 'partner_id') AS BIGINT) AS partner_id "
    "FROM audit WHERE id = :audit_id AND old_values IS NOT NULL",
  [CANDOUR_TABLE_CONTRACTS] =
    "SELECT CAST (candour_json_text (old_values, 'bid_id') AS BIGINT) AS bid_id, 0 AS partner_id "
    "FROM audit WHERE id = :audit_id AND candour_json_text (old_values, 'bid_id') IS NOT NULL",
  [CANDOUR_TABLE_SUBCONTRACTS] =
    "SELECT c.bid_id, CAST (candour_json_text (a.old_values, 'partner_id') AS BIGINT) AS partner_id "
    "FROM audit a JOIN contract c ON c.id = CAST (candour_json_text (a.old_values, 'contract_id') AS BIGINT) "
    "WHERE a.id = :audit_id AND c.bid_id IS NOT NULL",
  [CANDOUR_TABLE_PAYMENTS] =
    "SELECT c.bid_id, s.partner_id FROM audit a "
    "JOIN subcontract s ON s.id = CAST (candour_json_text (a.old_values, 'subcontract_id') AS BIGINT) "
    "JOIN contract c ON c.id = s.contract_id WHERE a.id = :audit_id AND c.bid_id IS NOT NULL",
};

static void
add_scope (GArray *scopes,
           gint64  bid_id,
           gint64  partner_id,
           gint64  lead_id)
{
  CandourFindingScope scope = { bid_id, partner_id, lead_id };

  for (guint i = 0; i < scopes->len; i++)
    if (memcmp (&g_array_index (scopes, CandourFindingScope, i), &scope, sizeof scope) == 0)
      return;
  g_array_append_val (scopes, scope);
}

gboolean
candour_finding_scopes_for_record (CandourDatabase  *db,
                                   CandourTable      table,
                                   gint64            id,
                                   GArray           *scopes,
                                   GError          **error)
{
  const char *sql;
  CandourQuery *query;
  CandourQueryStep step;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (table < CANDOUR_N_TABLES, FALSE);
  g_return_val_if_fail (scopes != NULL, FALSE);

  switch (table)
    {
    case CANDOUR_TABLE_ORGANISATIONS:
      /* Its name and size show in its findings as a partner, its name as a lead. */
      add_scope (scopes, 0, id, 0);
      add_scope (scopes, 0, 0, id);
      return TRUE;

    case CANDOUR_TABLE_BIDS:
      add_scope (scopes, id, 0, 0);
      return TRUE;

    case CANDOUR_TABLE_CONSORTIA:
    case CANDOUR_TABLE_CONSORTIUM_MEMBERS:
      return TRUE;

    default:
      break;
    }

  sql = scope_sql[table];
  g_assert (sql != NULL);
  if ((query = candour_database_query (db, sql, error)) == NULL)
    return FALSE;
  candour_query_bind_int64 (query, ":id", id);
  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    add_scope (scopes, candour_query_get_int64 (query, "bid_id"),
               candour_query_get_int64 (query, "partner_id"), 0);
  return step == CANDOUR_QUERY_DONE;
}

gboolean
candour_finding_scopes_for_change (CandourDatabase      *db,
                                   const CandourChange  *change,
                                   GArray               *scopes,
                                   GError              **error)
{
  CandourQuery *query;
  CandourQueryStep step;

  g_return_val_if_fail (change != NULL, FALSE);

  if (!candour_finding_scopes_for_record (db, change->table, change->id, scopes, error))
    return FALSE;
  if (old_scope_sql[change->table] == NULL)
    return TRUE;

  if ((query = candour_database_query (db, old_scope_sql[change->table], error)) == NULL)
    return FALSE;
  candour_query_bind_int64 (query, ":audit_id", change->audit_id);
  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    add_scope (scopes, candour_query_get_int64 (query, "bid_id"),
               candour_query_get_int64 (query, "partner_id"), 0);
  return step == CANDOUR_QUERY_DONE;
}

static int
compare_order (CandourFinding *a,
               CandourFinding *b)
{
  /* The report's ORDER BY f.bid_ref, partner.ref, in SQLite's binary collation. */
  int by_bid = strcmp (candour_finding_get_bid_ref (a), candour_finding_get_bid_ref (b));

  return by_bid != 0 ? by_bid : strcmp (candour_finding_get_partner_ref (a), candour_finding_get_partner_ref (b));
}

/* Where finding belongs in the sorted store. */
static guint
sorted_position (GListModel     *store,
                 CandourFinding *finding)
{
  guint low = 0;
  guint high = g_list_model_get_n_items (store);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(CandourFinding) there = g_list_model_get_item (store, middle);

      if (compare_order (there, finding) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static gboolean
in_any_scope (CandourFinding *finding,
              const GArray   *scopes)
{
  for (guint i = 0; i < scopes->len; i++)
    if (candour_finding_in_scope (finding, &g_array_index (scopes, CandourFindingScope, i)))
      return TRUE;
  return FALSE;
}

gboolean
candour_finding_list_patch (GListStore                     *findings,
                            CandourDatabase                *db,
                            const CandourReconcileOptions  *options,
                            const GArray                   *scopes,
                            CandourFindingTotals           *totals,
                            GError                        **error)
{
  GListModel *model = G_LIST_MODEL (findings);
  g_autoptr(GHashTable) fresh = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n;

  g_return_val_if_fail (G_IS_LIST_STORE (findings), FALSE);
  g_return_val_if_fail (scopes != NULL, FALSE);

  if (scopes->len == 0)
    return TRUE;

  /* What the engine says now, keyed by named partner: scopes may overlap. */
  for (guint i = 0; i < scopes->len; i++)
    {
      g_autoptr(GPtrArray) rows = candour_finding_array_load (db, options, &g_array_index (scopes, CandourFindingScope, i),
                                                              NULL, error);
      if (rows == NULL)
        return FALSE;
      for (guint r = 0; r < rows->len; r++)
        {
          gint64 key = candour_finding_get_bid_partner_id (rows->pdata[r]);

          g_hash_table_replace (fresh, g_memdup2 (&key, sizeof key), g_object_ref (rows->pdata[r]));
        }
    }

  /* What the list holds for them: a pass over the list, a few milliseconds even for
   * a national prime's 120,000 findings. */
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourFinding) finding = g_list_model_get_item (model, i);

      if (in_any_scope (finding, scopes))
        g_array_append_val (stale, i);
    }

  /* From the end, so that the positions still to come stay right. A finding that is
   * still there and sorts the same is replaced where it is. */
  for (guint s = stale->len; s-- > 0;)
    {
      guint position = g_array_index (stale, guint, s);
      g_autoptr(CandourFinding) old = g_list_model_get_item (model, position);
      gint64 key = candour_finding_get_bid_partner_id (old);
      CandourFinding *now = g_hash_table_lookup (fresh, &key);

      if (totals != NULL)
        candour_finding_totals_add (totals, old, -1);

      if (now != NULL && compare_order (now, old) == 0)
        {
          if (totals != NULL)
            candour_finding_totals_add (totals, now, 1);
          g_list_store_splice (findings, position, 1, (gpointer *)&now, 1);
          g_hash_table_remove (fresh, &key);
        }
      else
        g_list_store_remove (findings, position);
    }

  /* New named partners, and those whose references changed, go where they sort. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, fresh);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        CandourFinding *now = value;

        if (totals != NULL)
          candour_finding_totals_add (totals, now, 1);
        g_list_store_insert (findings, sorted_position (model, now), now);
      }
  }

  return TRUE;
}
