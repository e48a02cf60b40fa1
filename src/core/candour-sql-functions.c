/* candour-sql-functions.c: what the engine's SQL needs beyond SQLite's own functions
 *
 * Rounding, day counts and size bands follow one rule everywhere, and money is added up
 * and compared in 128 bits, so that no report can overflow (see CANDOUR_MONEY_MAX_PENCE)
 * or quietly turn pence into floating point. Searches by name match words the way
 * people type them (candour-text.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-database-sqlite.h"
#include "candour-date.h"
#include "candour-money.h"
#include "candour-rules.h"
#include "candour-size-band.h"
#include "candour-text.h"

__extension__ typedef __int128 Int128;

static void
sql_round_mul_div (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  for (int i = 0; i < 3; i++)
    if (sqlite3_value_type (argv[i]) == SQLITE_NULL)
      {
        sqlite3_result_null (context);
        return;
      }

  if (sqlite3_value_int64 (argv[2]) == 0)
    {
      sqlite3_result_null (context);
      return;
    }

  sqlite3_result_int64 (context,
                        candour_round_mul_div (sqlite3_value_int64 (argv[0]),
                                               sqlite3_value_int64 (argv[1]),
                                               sqlite3_value_int64 (argv[2])));
}

static void
sql_days (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *iso = (const char *)sqlite3_value_text (argv[0]);
  gint64 days = iso != NULL ? candour_date_to_days (iso) : 0;

  if (days == 0)
    sqlite3_result_null (context);
  else
    sqlite3_result_int64 (context, days);
}

static void
sql_size_band (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  gboolean known = sqlite3_value_type (argv[0]) != SQLITE_NULL;

  sqlite3_result_text (context,
                       candour_size_band (known, known ? sqlite3_value_int64 (argv[0]) : 0),
                       -1, SQLITE_STATIC);
}

/* candour_due (value, start_day, end_day, terms_days, day): candour_rules_due(). */
static void
sql_due (sqlite3_context  *context,
         int               argc,
         sqlite3_value   **argv)
{
  for (int i = 0; i < 5; i++)
    if (sqlite3_value_type (argv[i]) == SQLITE_NULL)
      {
        sqlite3_result_null (context);
        return;
      }

  sqlite3_result_int64 (context, candour_rules_due (sqlite3_value_int64 (argv[0]), sqlite3_value_int64 (argv[1]),
                                                    sqlite3_value_int64 (argv[2]), sqlite3_value_int64 (argv[3]),
                                                    sqlite3_value_int64 (argv[4])));
}

/* a × b < c × d, exactly. */
static void
sql_products_less (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  for (int i = 0; i < 4; i++)
    if (sqlite3_value_type (argv[i]) == SQLITE_NULL)
      {
        sqlite3_result_null (context);
        return;
      }

  sqlite3_result_int (context,
                      (Int128) sqlite3_value_int64 (argv[0]) * sqlite3_value_int64 (argv[1]) <
                      (Int128) sqlite3_value_int64 (argv[2]) * sqlite3_value_int64 (argv[3]));
}

/* sum () of pence that never overflows unseen: SQLite's stops with "integer overflow",
 * in its words. NULL when there was nothing to add, as sum () gives. */
typedef struct
{
  /* SQLite aligns aggregate memory for 8 bytes, __int128 wants 16: copied in and out. */
  char total[sizeof (Int128)];
  gboolean any;
} Total;

static void
sql_total_step (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  Total *total = sqlite3_aggregate_context (context, sizeof (Total));
  Int128 sum;

  if (total == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }
  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    return;
  memcpy (&sum, total->total, sizeof sum);
  sum += sqlite3_value_int64 (argv[0]);
  memcpy (total->total, &sum, sizeof sum);
  total->any = TRUE;
}

static void
sql_total_final (sqlite3_context *context)
{
  Total *total = sqlite3_aggregate_context (context, 0);
  Int128 sum = 0;

  if (total != NULL)
    memcpy (&sum, total->total, sizeof sum);

  if (total == NULL || !total->any)
    sqlite3_result_null (context);
  else if (sum > G_MAXINT64 || sum < G_MININT64)
    {
      sqlite3_result_error (context, "a total is beyond what Candour can add up (over "
                            "£92,000,000,000,000,000); some figures must be mistyped: check "
                            "the database (candour-cli check lists figures over the ceiling)", -1);
      sqlite3_result_error_code (context, SQLITE_TOOBIG);
    }
  else
    sqlite3_result_int64 (context, (gint64) sum);
}

/* candour_matches (text, query): whether text holds every word of query, whatever its
 * case (candour_text_has_words). The query's words are folded once per statement. */
static void
sql_matches (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  GStrv words = sqlite3_get_auxdata (context, 1);

  if (words == NULL)
    {
      words = candour_text_search_words ((const char *)sqlite3_value_text (argv[1]));
      sqlite3_set_auxdata (context, 1, words, (void (*) (void *))g_strfreev);
      /* SQLite may have freed them at once, when out of memory. */
      if ((words = sqlite3_get_auxdata (context, 1)) == NULL)
        {
          sqlite3_result_error_nomem (context);
          return;
        }
    }
  sqlite3_result_int (context, candour_text_has_words ((const char *)sqlite3_value_text (argv[0]),
                                                       (const char * const *)words));
}

/* Runs sql, which reads ?1 and ?2 and gives one value, on the function's own
 * connection: how the audit's JSON is read here, with SQLite's own JSON functions, while
 * a server has functions of the same names in its schema. */
static void
result_of_query (sqlite3_context  *context,
                 const char       *sql,
                 sqlite3_value   **argv)
{
  sqlite3 *db = sqlite3_context_db_handle (context);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_result_error (context, sqlite3_errmsg (db), -1);
      return;
    }
  sqlite3_bind_value (stmt, 1, argv[0]);
  sqlite3_bind_value (stmt, 2, argv[1]);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    sqlite3_result_value (context, sqlite3_column_value (stmt, 0));
  else if (rc == SQLITE_DONE)
    sqlite3_result_null (context);
  else
    sqlite3_result_error (context, sqlite3_errmsg (db), -1);
  sqlite3_finalize (stmt);
}

/* candour_changes (old_values, new_values): "name: Old → New; notes: (empty) → Met",
 * the fields an audited update changed, in the record's order. */
static void
sql_changes (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  result_of_query (context,
                   "SELECT group_concat (o.key || ': ' || coalesce (o.value, '(empty)') || ' → '\n"
                   "                     || coalesce (n.value, '(empty)'), '; ')\n"
                   "FROM json_each (?1) o JOIN json_each (?2) n ON n.key = o.key\n"
                   "WHERE o.value IS NOT n.value", argv);
}

/* candour_json_text (document, key): one field of an audit's JSON object, as text. */
static void
sql_json_text (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  result_of_query (context, "SELECT json_extract (?1, '$.' || ?2)", argv);
}

/* "C", PostgreSQL's name for ordering by the bytes: SQLite's BINARY under the name both
 * backends know, so a report's order is written once and reads the same on each. */
static int
compare_bytes (void       *data,
               int         length_a,
               const void *a,
               int         length_b,
               const void *b)
{
  int order = memcmp (a, b, (size_t)MIN (length_a, length_b));

  return order != 0 ? order : length_a - length_b;
}

int
candour_sql_functions_register (sqlite3 *db)
{
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc;

  if ((rc = sqlite3_create_function (db, "candour_round_mul_div", 3, flags, NULL,
                                     sql_round_mul_div, NULL, NULL)) != SQLITE_OK ||
      (rc = sqlite3_create_function (db, "candour_days", 1, flags, NULL,
                                     sql_days, NULL, NULL)) != SQLITE_OK ||
      (rc = sqlite3_create_function (db, "candour_size_band", 1, flags, NULL,
                                     sql_size_band, NULL, NULL)) != SQLITE_OK ||
      (rc = sqlite3_create_function (db, "candour_due", 5, flags, NULL,
                                     sql_due, NULL, NULL)) != SQLITE_OK ||
      (rc = sqlite3_create_function (db, "candour_products_less", 4, flags, NULL,
                                     sql_products_less, NULL, NULL)) != SQLITE_OK ||
      (rc = sqlite3_create_function (db, "candour_total", 1, flags, NULL,
                                     NULL, sql_total_step, sql_total_final)) != SQLITE_OK ||
      (rc = sqlite3_create_function (db, "candour_matches", 2, flags, NULL,
                                     sql_matches, NULL, NULL)) != SQLITE_OK ||
      (rc = sqlite3_create_function (db, "candour_changes", 2, flags, NULL,
                                     sql_changes, NULL, NULL)) != SQLITE_OK ||
      (rc = sqlite3_create_function (db, "candour_json_text", 2, flags, NULL,
                                     sql_json_text, NULL, NULL)) != SQLITE_OK ||
      (rc = sqlite3_create_collation (db, "C", SQLITE_UTF8, NULL, compare_bytes)) != SQLITE_OK)
    return rc;
  return SQLITE_OK;
}
