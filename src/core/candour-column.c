/* candour-column.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-column.h"
#include "candour-date.h"
#include "candour-money.h"

char *
candour_column_money_display (CandourQuery *query,
                              const char   *column)
{
  g_return_val_if_fail (query != NULL, NULL);

  return candour_money_display_or_empty (!candour_query_is_null (query, column),
                                         candour_query_get_int64 (query, column));
}

char *
candour_column_date_display (CandourQuery *query,
                             const char   *column)
{
  g_return_val_if_fail (query != NULL, NULL);

  if (candour_query_is_null (query, column))
    return g_strdup ("");
  return candour_date_format_display (candour_query_get_text (query, column));
}

char *
candour_money_display_or_empty (gboolean known,
                                gint64   pence)
{
  return known ? candour_money_format_display (pence) : g_strdup ("");
}

GListModel *
candour_column_load_list (CandourDatabase    *db,
                          const char         *sql,
                          GType               item_type,
                          CandourRowNewFunc   new_row,
                          GError            **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  CandourQuery *query;
  CandourQueryStep step;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (new_row != NULL, NULL);

  query = candour_database_query (db, sql, error);
  if (query == NULL)
    return NULL;

  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    g_ptr_array_add (rows, new_row (query));
  if (step == CANDOUR_QUERY_ERROR)
    return NULL;

  /* One splice: one items-changed for the whole list. */
  store = g_list_store_new (item_type);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}
