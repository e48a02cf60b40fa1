/* candour-report-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-report-row.h"

typedef struct
{
  char *text;
  gint64 value;
  gboolean is_null;
} Cell;

struct _CandourReportRow
{
  GObject parent_instance;

  guint n_columns;
  Cell *cells;
};

G_DEFINE_FINAL_TYPE (CandourReportRow, candour_report_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_COLUMNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
candour_report_row_finalize (GObject *object)
{
  CandourReportRow *self = (CandourReportRow *)object;

  for (guint i = 0; i < self->n_columns; i++)
    g_free (self->cells[i].text);
  g_free (self->cells);

  G_OBJECT_CLASS (candour_report_row_parent_class)->finalize (object);
}

static void
candour_report_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CandourReportRow *self = CANDOUR_REPORT_ROW (object);

  switch (prop_id)
    {
    case PROP_N_COLUMNS:
      g_value_set_uint (value, self->n_columns);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_report_row_class_init (CandourReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = candour_report_row_finalize;
  object_class->get_property = candour_report_row_get_property;

  properties[PROP_N_COLUMNS] =
    g_param_spec_uint ("n-columns", NULL, "Cells in the row", 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
candour_report_row_init (CandourReportRow *self)
{
}

CandourReportRow *
candour_report_row_new_from_report (CandourReport *report)
{
  CandourReportRow *self;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (CANDOUR_TYPE_REPORT_ROW, NULL);
  self->n_columns = candour_report_get_n_columns (report);
  self->cells = g_new0 (Cell, self->n_columns);

  for (guint i = 0; i < self->n_columns; i++)
    {
      CandourCellKind kind = candour_report_get_column (report, i)->kind;
      Cell *cell = &self->cells[i];

      cell->is_null = candour_report_cell_is_null (report, i);
      cell->text = candour_report_format_cell (report, i, CANDOUR_CELL_FORMAT_DISPLAY);
      if (!cell->is_null && kind != CANDOUR_CELL_TEXT && kind != CANDOUR_CELL_KEYWORD &&
          kind != CANDOUR_CELL_DATE)
        cell->value = candour_report_get_int64 (report, i);
    }

  return self;
}

guint
candour_report_row_get_n_columns (CandourReportRow *self)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_ROW (self), 0);

  return self->n_columns;
}

const char *
candour_report_row_get_text (CandourReportRow *self,
                             guint             column)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_ROW (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->cells[column].text;
}

gboolean
candour_report_row_is_null (CandourReportRow *self,
                            guint             column)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_ROW (self), TRUE);
  g_return_val_if_fail (column < self->n_columns, TRUE);

  return self->cells[column].is_null;
}

gint64
candour_report_row_get_value (CandourReportRow *self,
                              guint             column)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_ROW (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  return self->cells[column].value;
}

GListModel *
candour_report_row_list_load (CandourReport  *report,
                              GError        **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  while (candour_report_next (report, &local_error))
    g_ptr_array_add (rows, candour_report_row_new_from_report (report));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  store = g_list_store_new (CANDOUR_TYPE_REPORT_ROW);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}
