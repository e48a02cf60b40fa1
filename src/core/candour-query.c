/* candour-query.c: what every backend's queries share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-database-private.h"
#include "candour-error.h"
#include "candour-query-private.h"

void
candour_query_init (CandourQuery            *self,
                    const CandourQueryClass *klass,
                    CandourDatabase         *db,
                    gboolean                 cached,
                    guint                    n_columns)
{
  self->klass = klass;
  self->db = cached ? db : g_object_ref (db);
  self->cached = cached;
  self->n_columns = n_columns;
  self->caller_names = g_new0 (const char *, n_columns + 1);
}

void
candour_query_set_constraint (CandourQuery          *self,
                              CandourConstraintKind  kind,
                              const char            *table,
                              const char            *columns,
                              const char            *name)
{
  g_free (self->constraint.table);
  g_free (self->constraint.columns);
  g_free (self->constraint.name);
  self->constraint.kind = kind;
  self->constraint.table = g_strdup (table);
  self->constraint.columns = g_strdup (columns);
  self->constraint.name = g_strdup (name);
}

gboolean
candour_query_set_constraint_error (GError                **error,
                                    CandourConstraintKind   kind,
                                    const char             *rule)
{
  const char *what;

  switch (kind)
    {
    case CANDOUR_CONSTRAINT_FOREIGN_KEY:
      what = "it refers to a record that is not there, or removes one that others still refer to";
      break;
    case CANDOUR_CONSTRAINT_UNIQUE:
      what = "a ref, or a pairing of records, is already used";
      break;
    case CANDOUR_CONSTRAINT_NOT_NULL:
      what = "a value the record needs is missing";
      break;
    case CANDOUR_CONSTRAINT_CHECK:
      what = "a value is outside what the records allow";
      break;
    case CANDOUR_CONSTRAINT_RULE:
      /* A trigger's own words, written in sql/. */
      what = rule != NULL ? rule : "a rule said no";
      break;
    case CANDOUR_CONSTRAINT_NONE:
    default:
      what = "it breaks one of the database's rules";
      break;
    }

  g_set_error (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CONSTRAINT,
               "The change was refused: %s. Nothing was changed.", what);
  return FALSE;
}

CandourQuery *
candour_database_query (CandourDatabase  *db,
                        const char       *sql,
                        GError          **error)
{
  CandourQuery *self;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  self = candour_database_lookup_query (db, sql);
  if (self != NULL)
    {
      candour_query_reset (self);
      return self;
    }

  self = candour_database_make_query (db, sql, TRUE, error);
  if (self != NULL)
    candour_database_keep_query (db, sql, self);
  return self;
}

CandourQuery *
candour_query_new (CandourDatabase  *db,
                   const char       *sql,
                   GError          **error)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return candour_database_make_query (db, sql, FALSE, error);
}

void
candour_query_free (CandourQuery *self)
{
  if (self == NULL)
    return;

  self->klass->finalize (self);
  candour_query_set_constraint (self, CANDOUR_CONSTRAINT_NONE, NULL, NULL, NULL);
  g_free (self->caller_names);
  if (!self->cached)
    g_object_unref (self->db);
  g_free (self);
}

static int
parameter_index (CandourQuery *self,
                 const char   *name)
{
  int index = self->klass->parameter (self, name);

  if (index < 0)
    g_critical ("SQL has no parameter %s: %s", name, self->klass->get_sql (self));
  return index;
}

void
candour_query_bind_text (CandourQuery *self,
                         const char   *name,
                         const char   *value)
{
  int index;

  g_return_if_fail (self != NULL);

  if ((index = parameter_index (self, name)) >= 0)
    self->klass->bind_text (self, index, value);
}

void
candour_query_bind_int64 (CandourQuery *self,
                          const char   *name,
                          gint64        value)
{
  int index;

  g_return_if_fail (self != NULL);

  if ((index = parameter_index (self, name)) >= 0)
    self->klass->bind_int64 (self, index, value);
}

void
candour_query_bind_null (CandourQuery *self,
                         const char   *name)
{
  candour_query_bind_text (self, name, NULL);
}

CandourQueryStep
candour_query_step (CandourQuery  *self,
                    GError       **error)
{
  g_return_val_if_fail (self != NULL, CANDOUR_QUERY_ERROR);

  return self->klass->step (self, error);
}

gboolean
candour_query_run (CandourQuery  *self,
                   GError       **error)
{
  CandourQueryStep step;

  g_return_val_if_fail (self != NULL, FALSE);

  while ((step = candour_query_step (self, error)) == CANDOUR_QUERY_ROW)
    ;
  return step == CANDOUR_QUERY_DONE;
}

void
candour_query_read_in_batches (CandourQuery *self)
{
  g_return_if_fail (self != NULL);

  self->in_batches = TRUE;
}

void
candour_query_reset (CandourQuery *self)
{
  g_return_if_fail (self != NULL);

  self->klass->reset (self);
}

const CandourConstraint *
candour_query_get_constraint (CandourQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->constraint;
}

gint64
candour_query_get_changes (CandourQuery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->changes;
}

const char *
candour_query_get_sql (CandourQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->klass->get_sql (self);
}

/* Callers pass the same literal each time, so the column is found by its address after
 * the first look, and by its text only once. */
static int
column_index (CandourQuery *self,
              const char   *column)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (self->caller_names[i] == column)
      return (int)i;

  for (guint i = 0; i < self->n_columns; i++)
    if (g_str_equal (self->klass->column_name (self, i), column))
      {
        self->caller_names[i] = column;
        return (int)i;
      }

  g_critical ("The query has no column %s: %s", column, self->klass->get_sql (self));
  return -1;
}

gboolean
candour_query_is_null (CandourQuery *self,
                       const char   *column)
{
  int index;

  g_return_val_if_fail (self != NULL, TRUE);

  index = column_index (self, column);
  return index < 0 || self->klass->is_null (self, (guint)index);
}

gint64
candour_query_get_int64 (CandourQuery *self,
                         const char   *column)
{
  int index;

  g_return_val_if_fail (self != NULL, 0);

  index = column_index (self, column);
  return index >= 0 ? self->klass->get_int64 (self, (guint)index) : 0;
}

gint64
candour_query_get_int64_or (CandourQuery *self,
                            const char   *column,
                            gint64        fallback)
{
  int index;

  g_return_val_if_fail (self != NULL, fallback);

  index = column_index (self, column);
  if (index < 0 || self->klass->is_null (self, (guint)index))
    return fallback;
  return self->klass->get_int64 (self, (guint)index);
}

const char *
candour_query_get_text (CandourQuery *self,
                        const char   *column)
{
  int index;

  g_return_val_if_fail (self != NULL, NULL);

  index = column_index (self, column);
  return index >= 0 ? self->klass->get_text (self, (guint)index) : NULL;
}

char *
candour_query_dup_text (CandourQuery *self,
                        const char   *column)
{
  return g_strdup (candour_query_get_text (self, column));
}

guint
candour_query_get_n_columns (CandourQuery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

const char *
candour_query_get_column_name (CandourQuery *self,
                               guint         column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->klass->column_name (self, column);
}

gboolean
candour_query_is_null_at (CandourQuery *self,
                          guint         column)
{
  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (column < self->n_columns, TRUE);

  return self->klass->is_null (self, column);
}

gint64
candour_query_get_int64_at (CandourQuery *self,
                            guint         column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  return self->klass->get_int64 (self, column);
}

const char *
candour_query_get_text_at (CandourQuery *self,
                           guint         column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->klass->get_text (self, column);
}
