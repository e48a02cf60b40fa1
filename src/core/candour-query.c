/* candour-query.c: CandourQuery on SQLite (part of the SQLite backend)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-database-sqlite.h"
#include "candour-query.h"

struct _CandourQuery
{
  CandourDatabase *db;          /* a reference only for queries made at run time */
  gboolean cached;              /* kept by the database, which outlives it */
  sqlite3_stmt *stmt;
  guint n_columns;
  const char **caller_names;    /* per column, the caller's string last seen for it */
  gint64 changes;
  CandourConstraint constraint;
};

static void
clear_constraint (CandourConstraint *constraint)
{
  constraint->kind = CANDOUR_CONSTRAINT_NONE;
  g_clear_pointer (&constraint->table, g_free);
  g_clear_pointer (&constraint->columns, g_free);
  g_clear_pointer (&constraint->name, g_free);
}

static CandourQuery *
query_new (CandourDatabase  *db,
           const char       *sql,
           gboolean          cached,
           GError          **error)
{
  CandourQuery *self;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (candour_database_get_handle (db), sql, -1,
                          cached ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, NULL) != SQLITE_OK)
    {
      candour_database_set_error (db, error, sql);
      return NULL;
    }

  self = g_new0 (CandourQuery, 1);
  self->db = cached ? db : g_object_ref (db);
  self->cached = cached;
  self->stmt = stmt;
  self->n_columns = (guint)sqlite3_column_count (stmt);
  self->caller_names = g_new0 (const char *, self->n_columns + 1);
  return self;
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

  self = query_new (db, sql, TRUE, error);
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

  return query_new (db, sql, FALSE, error);
}

void
candour_query_free (CandourQuery *self)
{
  if (self == NULL)
    return;

  sqlite3_finalize (self->stmt);
  clear_constraint (&self->constraint);
  g_free (self->caller_names);
  if (!self->cached)
    g_object_unref (self->db);
  g_free (self);
}

static int
parameter_index (CandourQuery *self,
                 const char   *name)
{
  int index = sqlite3_bind_parameter_index (self->stmt, name);

  if (index == 0)
    g_critical ("SQL has no parameter %s: %s", name, sqlite3_sql (self->stmt));
  return index;
}

void
candour_query_bind_text (CandourQuery *self,
                         const char   *name,
                         const char   *value)
{
  g_return_if_fail (self != NULL);

  if (value == NULL)
    sqlite3_bind_null (self->stmt, parameter_index (self, name));
  else
    sqlite3_bind_text (self->stmt, parameter_index (self, name), value, -1, SQLITE_TRANSIENT);
}

void
candour_query_bind_int64 (CandourQuery *self,
                          const char   *name,
                          gint64        value)
{
  g_return_if_fail (self != NULL);

  sqlite3_bind_int64 (self->stmt, parameter_index (self, name), value);
}

void
candour_query_bind_null (CandourQuery *self,
                         const char   *name)
{
  g_return_if_fail (self != NULL);

  sqlite3_bind_null (self->stmt, parameter_index (self, name));
}

/* SQLite names the rule broken only in its message: "UNIQUE constraint failed:
 * bid_partner.bid_id, bid_partner.organisation_id", "CHECK constraint failed: name".
 * Read here, once, so that nothing above the backend reads it. */
static void
read_constraint (CandourQuery *self,
                 int           extended_code,
                 const char   *message)
{
  const char *detail = message != NULL ? strstr (message, "constraint failed: ") : NULL;

  clear_constraint (&self->constraint);
  switch (extended_code)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      self->constraint.kind = CANDOUR_CONSTRAINT_UNIQUE;
      break;
    case SQLITE_CONSTRAINT_NOTNULL:
      self->constraint.kind = CANDOUR_CONSTRAINT_NOT_NULL;
      break;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      self->constraint.kind = CANDOUR_CONSTRAINT_FOREIGN_KEY;
      return;
    case SQLITE_CONSTRAINT_CHECK:
      self->constraint.kind = CANDOUR_CONSTRAINT_CHECK;
      if (detail != NULL)
        self->constraint.name = g_strdup (detail + strlen ("constraint failed: "));
      return;
    case SQLITE_CONSTRAINT_TRIGGER:
      /* SQLite carries out ON DELETE RESTRICT as a trigger of its own that raises
       * these words: that is a foreign key, not one of the schema's rules. */
      if (g_strcmp0 (message, "FOREIGN KEY constraint failed") == 0)
        {
          self->constraint.kind = CANDOUR_CONSTRAINT_FOREIGN_KEY;
          return;
        }
      self->constraint.kind = CANDOUR_CONSTRAINT_RULE;
      self->constraint.name = g_strdup (message);
      return;
    default:
      return;
    }

  /* "t.a, t.b": the table once, the columns joined by commas. */
  if (detail != NULL)
    {
      g_auto(GStrv) cells = g_strsplit (detail + strlen ("constraint failed: "), ", ", -1);
      g_autoptr(GString) columns = g_string_new (NULL);

      for (guint i = 0; cells[i] != NULL; i++)
        {
          const char *dot = strchr (cells[i], '.');

          if (dot == NULL)
            continue;
          if (self->constraint.table == NULL)
            self->constraint.table = g_strndup (cells[i], (gsize)(dot - cells[i]));
          if (columns->len > 0)
            g_string_append_c (columns, ',');
          g_string_append (columns, dot + 1);
        }
      if (columns->len > 0)
        self->constraint.columns = g_string_free (g_steal_pointer (&columns), FALSE);
    }
}

CandourQueryStep
candour_query_step (CandourQuery  *self,
                    GError       **error)
{
  sqlite3 *handle;
  int rc;

  g_return_val_if_fail (self != NULL, CANDOUR_QUERY_ERROR);

  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return CANDOUR_QUERY_ROW;

  handle = candour_database_get_handle (self->db);
  if (rc == SQLITE_DONE)
    {
      self->changes = sqlite3_changes64 (handle);
      candour_query_reset (self);
      return CANDOUR_QUERY_DONE;
    }

  /* The message and codes belong to the connection until the next call: read them now. */
  read_constraint (self, sqlite3_extended_errcode (handle), sqlite3_errmsg (handle));
  candour_database_set_error (self->db, error, sqlite3_sql (self->stmt));
  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);
  return CANDOUR_QUERY_ERROR;
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
candour_query_reset (CandourQuery *self)
{
  g_return_if_fail (self != NULL);

  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);
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

  return sqlite3_sql (self->stmt);
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
    if (g_str_equal (sqlite3_column_name (self->stmt, (int)i), column))
      {
        self->caller_names[i] = column;
        return (int)i;
      }

  g_critical ("The query has no column %s: %s", column, sqlite3_sql (self->stmt));
  return -1;
}

gboolean
candour_query_is_null (CandourQuery *self,
                       const char   *column)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return sqlite3_column_type (self->stmt, column_index (self, column)) == SQLITE_NULL;
}

gint64
candour_query_get_int64 (CandourQuery *self,
                         const char   *column)
{
  g_return_val_if_fail (self != NULL, 0);

  return sqlite3_column_int64 (self->stmt, column_index (self, column));
}

gint64
candour_query_get_int64_or (CandourQuery *self,
                            const char   *column,
                            gint64        fallback)
{
  int index;

  g_return_val_if_fail (self != NULL, fallback);

  index = column_index (self, column);
  if (sqlite3_column_type (self->stmt, index) == SQLITE_NULL)
    return fallback;
  return sqlite3_column_int64 (self->stmt, index);
}

const char *
candour_query_get_text (CandourQuery *self,
                        const char   *column)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char *)sqlite3_column_text (self->stmt, column_index (self, column));
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

  return sqlite3_column_name (self->stmt, (int)column);
}

gboolean
candour_query_is_null_at (CandourQuery *self,
                          guint         column)
{
  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (column < self->n_columns, TRUE);

  return sqlite3_column_type (self->stmt, (int)column) == SQLITE_NULL;
}

gint64
candour_query_get_int64_at (CandourQuery *self,
                            guint         column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  return sqlite3_column_int64 (self->stmt, (int)column);
}

const char *
candour_query_get_text_at (CandourQuery *self,
                           guint         column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return (const char *)sqlite3_column_text (self->stmt, (int)column);
}

/* TRANSITIONAL */
sqlite3_stmt *
candour_database_prepare (CandourDatabase  *self,
                          const char       *sql,
                          GError          **error)
{
  CandourQuery *query = candour_database_query (self, sql, error);

  return query != NULL ? query->stmt : NULL;
}

static int
statement_parameter (sqlite3_stmt *stmt,
                     const char   *name)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index == 0)
    g_critical ("SQL has no parameter %s: %s", name, sqlite3_sql (stmt));
  return index;
}

void
candour_bind_text (sqlite3_stmt *stmt,
                   const char   *name,
                   const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, statement_parameter (stmt, name));
  else
    sqlite3_bind_text (stmt, statement_parameter (stmt, name), value, -1, SQLITE_TRANSIENT);
}

void
candour_bind_int64 (sqlite3_stmt *stmt,
                    const char   *name,
                    gint64        value)
{
  sqlite3_bind_int64 (stmt, statement_parameter (stmt, name), value);
}

void
candour_bind_null (sqlite3_stmt *stmt,
                   const char   *name)
{
  sqlite3_bind_null (stmt, statement_parameter (stmt, name));
}
