/* candour-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-report.h"
#include "candour-csv-writer.h"
#include "candour-date.h"
#include "candour-money.h"
#include "candour-percent.h"

struct _CandourReport
{
  CandourDatabase *db;
  CandourQuery *query;          /* NULL for rows in memory: */
  const CandourReportSource *source;
  gpointer rows;
  GDestroyNotify rows_free;
  const CandourReportColumn *columns;
  guint n_columns;
};

CandourReport *
candour_report_new (CandourDatabase            *db,
                    const char                 *sql,
                    const CandourReportColumn  *columns,
                    guint                       n_columns,
                    GError                    **error)
{
  CandourReport *self;
  CandourQuery *query;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  query = candour_database_query (db, sql, error);
  if (query == NULL)
    return NULL;
  /* A report may be a whole table, exported. */
  candour_query_read_in_batches (query);

  g_assert (candour_query_get_n_columns (query) == n_columns);

  self = g_new0 (CandourReport, 1);
  self->db = g_object_ref (db);
  self->query = query;
  self->columns = columns;
  self->n_columns = n_columns;
  return self;
}

CandourReport *
candour_report_new_for_rows (CandourDatabase           *db,
                             const CandourReportSource *source,
                             gpointer                   rows,
                             GDestroyNotify             rows_free,
                             const CandourReportColumn *columns,
                             guint                      n_columns)
{
  CandourReport *self;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  self = g_new0 (CandourReport, 1);
  self->db = g_object_ref (db);
  self->source = source;
  self->rows = rows;
  self->rows_free = rows_free;
  self->columns = columns;
  self->n_columns = n_columns;
  return self;
}

void
candour_report_free (CandourReport *self)
{
  if (self == NULL)
    return;

  /* The query belongs to the database's cache: leave it reset for the next user. */
  if (self->query != NULL)
    candour_query_reset (self->query);
  else if (self->rows_free != NULL)
    self->rows_free (self->rows);
  g_clear_object (&self->db);
  g_free (self);
}

CandourQuery *
candour_report_get_query (CandourReport *self)
{
  return self->query;
}

CandourDatabase *
candour_report_get_database (CandourReport *self)
{
  return self->db;
}

guint
candour_report_get_n_columns (CandourReport *self)
{
  return self->n_columns;
}

const CandourReportColumn *
candour_report_get_column (CandourReport *self,
                           guint          column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);

  return &self->columns[column];
}

gboolean
candour_report_next (CandourReport  *self,
                     GError        **error)
{
  if (self->query == NULL)
    return self->source->next (self->rows);
  return candour_query_step (self->query, error) == CANDOUR_QUERY_ROW;
}

gboolean
candour_report_cell_is_null (CandourReport *self,
                             guint          column)
{
  if (self->query == NULL)
    return self->source->is_null (self->rows, column);
  return candour_query_is_null_at (self->query, column);
}

gint64
candour_report_get_int64 (CandourReport *self,
                          guint          column)
{
  if (self->query == NULL)
    return self->source->get_int64 (self->rows, column);
  return candour_query_get_int64_at (self->query, column);
}

const char *
candour_report_get_text (CandourReport *self,
                         guint          column)
{
  if (self->query == NULL)
    return self->source->get_text (self->rows, column);
  return candour_query_get_text_at (self->query, column);
}

char *
candour_report_format_cell (CandourReport     *self,
                            guint              column,
                            CandourCellFormat  format)
{
  gboolean display = format == CANDOUR_CELL_FORMAT_DISPLAY;
  gint64 value;

  g_return_val_if_fail (column < self->n_columns, NULL);

  if (candour_report_cell_is_null (self, column))
    return g_strdup ("");

  value = candour_report_get_int64 (self, column);

  switch (self->columns[column].kind)
    {
    case CANDOUR_CELL_MONEY:
      return display ? candour_money_format_display (value) : candour_money_format_plain (value);

    case CANDOUR_CELL_PERCENT_TENTHS:
      {
        g_autofree char *text = candour_percent_format_tenths (value);
        return display ? g_strconcat (text, "%", NULL) : g_steal_pointer (&text);
      }

    case CANDOUR_CELL_PERCENT_EXACT:
      {
        g_autofree char *text = candour_percent_format_exact (value);
        return display ? g_strconcat (text, "%", NULL) : g_steal_pointer (&text);
      }

    case CANDOUR_CELL_TENTHS:
      return candour_percent_format_tenths (value);

    case CANDOUR_CELL_COUNT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);

    case CANDOUR_CELL_YES_NO:
      return g_strdup (value ? "yes" : "no");

    case CANDOUR_CELL_DATE:
      return display ? candour_date_format_display (candour_report_get_text (self, column))
                     : g_strdup (candour_report_get_text (self, column));

    case CANDOUR_CELL_TEXT:
    case CANDOUR_CELL_KEYWORD:
    default:
      return g_strdup (candour_report_get_text (self, column));
    }
}

gboolean
candour_report_write_csv (CandourReport  *self,
                          GOutputStream  *stream,
                          GError        **error)
{
  g_autoptr(CandourCsvWriter) writer = candour_csv_writer_new (stream);
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; i < self->n_columns; i++)
    candour_csv_writer_add_text (writer, self->columns[i].name);
  if (!candour_csv_writer_end_row (writer, error))
    return FALSE;

  while (candour_report_next (self, &local_error))
    {
      for (guint i = 0; i < self->n_columns; i++)
        {
          g_autofree char *cell = candour_report_format_cell (self, i, CANDOUR_CELL_FORMAT_CSV);

          if (self->columns[i].kind == CANDOUR_CELL_TEXT)
            candour_csv_writer_add_text (writer, cell);
          else
            candour_csv_writer_add_number (writer, cell);
        }
      if (!candour_csv_writer_end_row (writer, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return candour_csv_writer_close (writer, error);
}

static guint
column_named (CandourReport *self,
              const char    *name)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (g_str_equal (self->columns[i].name, name))
      return i;

  g_critical ("The report has no column %s", name);
  return 0;
}

gboolean
candour_report_cell_is_null_by_name (CandourReport *self,
                                     const char    *name)
{
  return candour_report_cell_is_null (self, column_named (self, name));
}

gint64
candour_report_get_int64_by_name (CandourReport *self,
                                  const char    *name)
{
  return candour_report_get_int64 (self, column_named (self, name));
}

const char *
candour_report_get_text_by_name (CandourReport *self,
                                 const char    *name)
{
  return candour_report_get_text (self, column_named (self, name));
}

char *
candour_report_format_cell_by_name (CandourReport     *self,
                                    const char        *name,
                                    CandourCellFormat  format)
{
  return candour_report_format_cell (self, column_named (self, name), format);
}
