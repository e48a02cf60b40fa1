/* candour-query-sqlite.c: CandourQuery on SQLite (part of the SQLite backend)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-database-sqlite.h"
#include "candour-query-private.h"

typedef struct
{
  CandourQuery parent;
  sqlite3_stmt *stmt;
} SqliteQuery;

#define STMT(query) (((SqliteQuery *)(query))->stmt)

static void
sqlite_query_finalize (CandourQuery *self)
{
  sqlite3_finalize (STMT (self));
}

static int
sqlite_query_parameter (CandourQuery *self,
                        const char   *name)
{
  int index = sqlite3_bind_parameter_index (STMT (self), name);

  return index > 0 ? index : -1;
}

static void
sqlite_query_bind_text (CandourQuery *self,
                        int           parameter,
                        const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (STMT (self), parameter);
  else
    sqlite3_bind_text (STMT (self), parameter, value, -1, SQLITE_TRANSIENT);
}

static void
sqlite_query_bind_int64 (CandourQuery *self,
                         int           parameter,
                         gint64        value)
{
  sqlite3_bind_int64 (STMT (self), parameter, value);
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

  candour_query_set_constraint (self, CANDOUR_CONSTRAINT_NONE, NULL, NULL, NULL);
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

static void
sqlite_query_reset (CandourQuery *self)
{
  sqlite3_reset (STMT (self));
  sqlite3_clear_bindings (STMT (self));
}

static CandourQueryStep
sqlite_query_step (CandourQuery  *self,
                   GError       **error)
{
  sqlite3 *handle;
  int rc;

  rc = sqlite3_step (STMT (self));
  if (rc == SQLITE_ROW)
    return CANDOUR_QUERY_ROW;

  handle = candour_database_get_handle (self->db);
  if (rc == SQLITE_DONE)
    {
      self->changes = sqlite3_changes64 (handle);
      sqlite_query_reset (self);
      return CANDOUR_QUERY_DONE;
    }

  /* The message and codes belong to the connection until the next call: read them now. */
  read_constraint (self, sqlite3_extended_errcode (handle), sqlite3_errmsg (handle));
  candour_database_set_error (self->db, error, sqlite3_sql (STMT (self)));
  sqlite_query_reset (self);
  return CANDOUR_QUERY_ERROR;
}

static const char *
sqlite_query_column_name (CandourQuery *self,
                          guint         column)
{
  return sqlite3_column_name (STMT (self), (int)column);
}

static gboolean
sqlite_query_is_null (CandourQuery *self,
                      guint         column)
{
  return sqlite3_column_type (STMT (self), (int)column) == SQLITE_NULL;
}

static gint64
sqlite_query_get_int64 (CandourQuery *self,
                        guint         column)
{
  return sqlite3_column_int64 (STMT (self), (int)column);
}

static const char *
sqlite_query_get_text (CandourQuery *self,
                       guint         column)
{
  return (const char *)sqlite3_column_text (STMT (self), (int)column);
}

static const char *
sqlite_query_get_sql (CandourQuery *self)
{
  return sqlite3_sql (STMT (self));
}

static const CandourQueryClass sqlite_query_class = {
  .finalize = sqlite_query_finalize,
  .parameter = sqlite_query_parameter,
  .bind_text = sqlite_query_bind_text,
  .bind_int64 = sqlite_query_bind_int64,
  .step = sqlite_query_step,
  .reset = sqlite_query_reset,
  .column_name = sqlite_query_column_name,
  .is_null = sqlite_query_is_null,
  .get_int64 = sqlite_query_get_int64,
  .get_text = sqlite_query_get_text,
  .get_sql = sqlite_query_get_sql,
};

CandourQuery *
candour_sqlite_query_new (CandourDatabase  *db,
                          const char       *sql,
                          gboolean          cached,
                          GError          **error)
{
  SqliteQuery *self;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (candour_database_get_handle (db), sql, -1,
                          cached ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, NULL) != SQLITE_OK)
    {
      candour_database_set_error (db, error, sql);
      return NULL;
    }

  self = g_new0 (SqliteQuery, 1);
  self->stmt = stmt;
  candour_query_init (&self->parent, &sqlite_query_class, db, cached,
                      (guint)sqlite3_column_count (stmt));
  return &self->parent;
}
