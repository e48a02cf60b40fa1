/* candour-copy.c
 *
 * Rows travel with their own ids, table by table in the order of their references, so
 * every reference lands on the record it named. Values go as text: both backends read
 * them as the column's type. The audit trail is the target's own: it records the copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-copy.h"
#include "candour-date.h"
#include "candour-error.h"
#include "candour-reports.h"

/* The record tables in the order of their references; the closed periods last, or
 * they would refuse the payments dated in them. */
static const char * const tables[] = {
  "organisation", "consortium", "consortium_member", "bid", "bid_partner",
  "contract", "subcontract", "payment", "closed_period",
};

static const char * const select_sql[] = {
  "SELECT * FROM organisation ORDER BY id",
  "SELECT * FROM consortium ORDER BY id",
  "SELECT * FROM consortium_member ORDER BY id",
  "SELECT * FROM bid ORDER BY id",
  "SELECT * FROM bid_partner ORDER BY id",
  "SELECT * FROM contract ORDER BY id",
  "SELECT * FROM subcontract ORDER BY id",
  "SELECT * FROM payment ORDER BY id",
  "SELECT * FROM closed_period ORDER BY id",
};

static const char * const count_sql[] = {
  "SELECT count (*) AS n FROM organisation",
  "SELECT count (*) AS n FROM consortium",
  "SELECT count (*) AS n FROM consortium_member",
  "SELECT count (*) AS n FROM bid",
  "SELECT count (*) AS n FROM bid_partner",
  "SELECT count (*) AS n FROM contract",
  "SELECT count (*) AS n FROM subcontract",
  "SELECT count (*) AS n FROM payment",
  "SELECT count (*) AS n FROM closed_period",
};

G_STATIC_ASSERT (G_N_ELEMENTS (tables) == G_N_ELEMENTS (select_sql));
G_STATIC_ASSERT (G_N_ELEMENTS (tables) == G_N_ELEMENTS (count_sql));

static gboolean
count_rows (CandourDatabase  *db,
            guint             table,
            gint64           *out_rows,
            GError          **error)
{
  CandourQuery *query = candour_database_query (db, count_sql[table], error);

  if (query == NULL || candour_query_step (query, error) != CANDOUR_QUERY_ROW)
    return FALSE;
  *out_rows = candour_query_get_int64 (query, "n");
  candour_query_reset (query);
  return TRUE;
}

static gboolean
check_empty (CandourDatabase  *target,
             const char       *name,
             GError          **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      gint64 rows = 0;

      if (!count_rows (target, t, &rows, error))
        return FALSE;
      if (rows > 0)
        {
          g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                       "%s already holds records (%" G_GINT64_FORMAT " in %s), so nothing was "
                       "copied: a copy goes only into an empty register, so that two registers "
                       "are never mixed. Name a new file, or an empty database on the server.",
                       name, rows, tables[t]);
          return FALSE;
        }
    }
  return TRUE;
}

/* "INSERT INTO t (a, b) VALUES (:a, :b)" for the columns source gives. */
static char *
insert_sql (const char   *table,
            CandourQuery *source)
{
  GString *columns = g_string_new (NULL);
  GString *values = g_string_new (NULL);
  char *sql;

  for (guint i = 0; i < candour_query_get_n_columns (source); i++)
    {
      const char *column = candour_query_get_column_name (source, i);

      g_string_append_printf (columns, "%s%s", i > 0 ? ", " : "", column);
      g_string_append_printf (values, "%s:%s", i > 0 ? ", " : "", column);
    }
  sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table, columns->str, values->str);
  g_string_free (columns, TRUE);
  g_string_free (values, TRUE);
  return sql;
}

/* Rows go as many at a time as the target takes best (candour_database_insert_rows ()),
 * by COPY on a server: a million payments in seconds, not a statement each. */
static gboolean
copy_table (CandourDatabase  *source,
            CandourDatabase  *target,
            guint             table,
            GPtrArray        *kept,
            guint64          *rows,
            GError          **error)
{
  CandourQuery *from = candour_database_query (source, select_sql[table], error);
  guint batch = candour_database_get_bulk_rows (target);
  const char *sql;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStringChunk) texts = g_string_chunk_new (64 * 1024);
  g_autofree CandourValue *values = NULL;
  CandourQueryStep step;
  guint n_columns;
  guint queued = 0;

  if (from == NULL)
    return FALSE;
  candour_query_read_in_batches (from);

  /* Kept as long as the target is open: insert_rows knows its SQL by address. */
  sql = insert_sql (tables[table], from);
  g_ptr_array_add (kept, (char *)sql);
  n_columns = candour_query_get_n_columns (from);
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (names, g_strconcat (":", candour_query_get_column_name (from, i), NULL));
  values = g_new (CandourValue, (gsize)batch * n_columns);

  while ((step = candour_query_step (from, error)) == CANDOUR_QUERY_ROW)
    {
      for (guint i = 0; i < n_columns; i++)
        {
          const char *text = candour_query_get_text_at (from, i);
          CandourValue *value = &values[queued * n_columns + i];

          value->type = text != NULL ? CANDOUR_VALUE_TEXT : CANDOUR_VALUE_NULL;
          value->text = text != NULL ? g_string_chunk_insert (texts, text) : NULL;
        }
      if (++queued == batch)
        {
          if (!candour_database_insert_rows (target, sql, (const char * const *)names->pdata, n_columns,
                                             values, queued, error))
            {
              candour_query_reset (from);
              return FALSE;
            }
          *rows += queued;
          queued = 0;
          g_string_chunk_clear (texts);
        }
    }
  if (step == CANDOUR_QUERY_ERROR)
    return FALSE;
  if (queued > 0 &&
      !candour_database_insert_rows (target, sql, (const char * const *)names->pdata, n_columns,
                                     values, queued, error))
    return FALSE;
  *rows += queued;

  return candour_database_continue_keys (target, tables[table], error);
}

static GBytes *
report_csv (CandourReport  *report,
            GError        **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  if (report == NULL ||
      !candour_report_write_csv (report, stream, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

typedef enum
{
  REPORT_FINDINGS,
  REPORT_SCORECARD,
  REPORT_SHARES,
  REPORT_PAYMENT_TIMES,
  N_REPORTS
} Report;

static const char * const report_names[N_REPORTS] = {
  "findings", "scorecard", "shares", "payment times",
};

static GBytes *
run_report (CandourDatabase  *db,
            Report            which,
            const char       *today,
            GError          **error)
{
  CandourReconcileOptions options;
  CandourPaymentTimesOptions times = { NULL, NULL };
  g_autoptr(CandourReport) report = NULL;
  GBytes *csv;

  candour_reconcile_options_init (&options);
  /* One date for both sides, whatever the clock does meanwhile. */
  options.as_of = g_strdup (today);

  switch (which)
    {
    case REPORT_FINDINGS:
      options.include_not_awarded = TRUE;
      report = candour_report_findings (db, &options, error);
      break;
    case REPORT_SCORECARD:
      report = candour_report_scorecard (db, &options, error);
      break;
    case REPORT_SHARES:
      report = candour_report_shares (db, error);
      break;
    case REPORT_PAYMENT_TIMES:
    case N_REPORTS:
    default:
      report = candour_report_payment_times (db, &times, error);
      break;
    }
  csv = report_csv (report, error);
  candour_reconcile_options_clear (&options);
  return csv;
}

static gboolean
check_copy (CandourDatabase  *source,
            CandourDatabase  *target,
            const char       *name,
            GError          **error)
{
  g_autofree char *today = candour_date_today ();

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      gint64 had = 0;
      gint64 has = 0;

      if (!count_rows (source, t, &had, error) || !count_rows (target, t, &has, error))
        return FALSE;
      if (had != has)
        {
          g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                       "The copy in %s would hold %" G_GINT64_FORMAT " rows of %s where the "
                       "original holds %" G_GINT64_FORMAT ", so nothing was copied. Please report it.",
                       name, has, tables[t], had);
          return FALSE;
        }
    }

  for (Report r = 0; r < N_REPORTS; r++)
    {
      g_autoptr(GBytes) original = run_report (source, r, today, error);
      g_autoptr(GBytes) copy = original != NULL ? run_report (target, r, today, error) : NULL;

      if (copy == NULL)
        return FALSE;
      if (!g_bytes_equal (original, copy))
        {
          g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                       "The %s report read from the copy in %s differs from the original's, "
                       "so nothing was copied. Please report it.", report_names[r], name);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
candour_copy_database (CandourDatabase  *source,
                       const char       *target_location,
                       guint64          *out_rows,
                       GError          **error)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CandourDatabase) target = NULL;
  guint64 rows = 0;
  gboolean ok;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (source), FALSE);
  g_return_val_if_fail (target_location != NULL, FALSE);

  /* A new file is made; an empty database on a server is given a register. */
  if ((target = candour_database_open_full (target_location, CANDOUR_OPEN_CREATE, error)) == NULL)
    return FALSE;

  /* The source reads as one moment, the target writes as one change. */
  ok = check_empty (target, target_location, error) &&
       candour_database_exec (source, "BEGIN", error);
  if (!ok)
    goto out;
  ok = candour_database_begin (target, error);
  for (guint t = 0; ok && t < G_N_ELEMENTS (tables); t++)
    ok = copy_table (source, target, t, kept, &rows, error);
  ok = ok && check_copy (source, target, target_location, error);
  ok = candour_database_end (target, ok, ok ? error : NULL) && ok;
  candour_database_exec (source, "COMMIT", NULL);
  if (ok)
    candour_database_update_statistics (target);

out:
  /* A file made for a copy that failed is not left behind, empty. */
  if (!ok && candour_database_was_created (target))
    {
      g_clear_object (&target);
      candour_database_remove_files (target_location);
    }
  if (ok && out_rows != NULL)
    *out_rows = rows;
  return ok;
}
