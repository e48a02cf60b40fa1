/* candour-column.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-column.h"
#include "candour-database-sqlite.h"
#include "candour-date.h"
#include "candour-money.h"

char *
candour_column_dup_text (sqlite3_stmt *stmt,
                         int           column)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

gint64
candour_column_int64_or (sqlite3_stmt *stmt,
                         int           column,
                         gint64        fallback)
{
  g_return_val_if_fail (stmt != NULL, fallback);

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return fallback;
  return sqlite3_column_int64 (stmt, column);
}

char *
candour_column_money_display (sqlite3_stmt *stmt,
                              int           column)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  return candour_money_display_or_empty (sqlite3_column_type (stmt, column) != SQLITE_NULL,
                                         sqlite3_column_int64 (stmt, column));
}

char *
candour_column_date_display (sqlite3_stmt *stmt,
                             int           column)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return g_strdup ("");
  return candour_date_format_display ((const char *)sqlite3_column_text (stmt, column));
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
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (new_row != NULL, NULL);

  stmt = candour_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, new_row (stmt));
  if (rc != SQLITE_DONE)
    {
      candour_database_set_error (db, error, sql);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* One splice: one items-changed for the whole list. */
  store = g_list_store_new (item_type);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}
