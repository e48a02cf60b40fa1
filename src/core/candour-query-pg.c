/* candour-query-pg.c: CandourQuery on a PostgreSQL server (part of that backend)
 *
 * The core writes parameters as ":name"; the server numbers them ($1, $2…), so each
 * query is rewritten once when it is prepared, and a name used twice is one number.
 * Values travel as text, and the server reads them as its SQL expects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-database-private.h"
#include "candour-query-private.h"
#include "candour-server-private.h"

/* pg_type.h's BOOLOID: a yes/no the server gives as "t"/"f", read as 1/0 like SQLite's. */
#define BOOL_OID 16

/* Rows fetched at a time from a cursor (candour_query_read_in_batches ()): a few
 * megabytes of payments, and a hundred round trips for a million. */
#define ROWS_PER_BATCH 10000

typedef struct
{
  CandourQuery parent;
  CandourServer *server;
  char *sql;                    /* as the core wrote it, with :names */
  char *statement;              /* the prepared statement's name on the server */
  char *numbered;               /* sql with $1, $2…: a cursor is declared with it */
  GPtrArray *parameters;        /* the names, in the order of their numbers */
  char **values;                /* one per parameter; NULL is NULL */
  PGresult *description;        /* the columns' names and types */
  PGresult *result;             /* the rows, once run (or the cursor's latest batch) */
  int row;                      /* the current row of result */
  char *cursor;                 /* reading in batches: the open cursor's name */
  guint n_cursors;              /* cursors declared so far, for a name never reused */
  gboolean reads;               /* a question, which changes nothing: no savepoint */
} PgQuery;

#define PG(query) ((PgQuery *)(query))

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* ":name" → "$n", leaving quoted text, quoted names, comments and "::" casts alone. */
static char *
number_parameters (const char *sql,
                   GPtrArray  *parameters)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  const char *p = sql;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          const char *end = p + 1;

          while (*end != '\0' && *end != quote)
            end++;
          if (*end == quote)
            end++;
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          end = end != NULL ? end : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          end = end != NULL ? end + 2 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == ':' && p[1] == ':')
        {
          g_string_append (out, "::");
          p += 2;
        }
      else if (p[0] == ':' && is_name_start (p[1]))
        {
          const char *end = p + 1;
          g_autofree char *name = NULL;
          guint index;

          while (is_name_char (*end))
            end++;
          name = g_strndup (p, end - p);
          if (!g_ptr_array_find_with_equal_func (parameters, name, g_str_equal, &index))
            {
              index = parameters->len;
              g_ptr_array_add (parameters, g_steal_pointer (&name));
            }
          g_string_append_printf (out, "$%u", index + 1);
          p = end;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static void
clear_values (PgQuery *self)
{
  for (guint i = 0; i < self->parameters->len; i++)
    g_clear_pointer (&self->values[i], g_free);
}

/* A cursor is closed when its rows are read or the query stops early; one left behind
 * by a failed transaction goes with the session, under a name never used again. */
static void
close_cursor (PgQuery *self)
{
  PGconn *connection = candour_server_get_connection (self->server);

  if (self->cursor == NULL)
    return;
  if (PQstatus (connection) == CONNECTION_OK && PQtransactionStatus (connection) != PQTRANS_INERROR)
    {
      g_autofree char *close = g_strdup_printf ("CLOSE %s", self->cursor);

      PQclear (PQexec (connection, close));
    }
  g_clear_pointer (&self->cursor, g_free);
}

static void
pg_query_reset (CandourQuery *query)
{
  PgQuery *self = PG (query);

  close_cursor (self);
  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
  clear_values (self);
}

static void
pg_query_finalize (CandourQuery *query)
{
  PgQuery *self = PG (query);
  PGconn *connection = candour_server_get_connection (self->server);

  pg_query_reset (query);
  /* A query made at run time leaves no statement behind on the server. */
  if (!query->cached && PQstatus (connection) == CONNECTION_OK)
    {
      g_autofree char *deallocate = g_strdup_printf ("DEALLOCATE %s", self->statement);

      PQclear (PQexec (connection, deallocate));
    }
  g_clear_pointer (&self->description, PQclear);
  g_clear_pointer (&self->parameters, g_ptr_array_unref);
  g_free (self->values);
  g_free (self->statement);
  g_free (self->numbered);
  g_free (self->sql);
}

static int
pg_query_parameter (CandourQuery *query,
                    const char   *name)
{
  guint index;

  if (!g_ptr_array_find_with_equal_func (PG (query)->parameters, name, g_str_equal, &index))
    return -1;
  return (int)index;
}

static void
pg_query_bind_text (CandourQuery *query,
                    int           parameter,
                    const char   *value)
{
  PgQuery *self = PG (query);

  g_free (self->values[parameter]);
  self->values[parameter] = g_strdup (value);
}

static void
pg_query_bind_int64 (CandourQuery *query,
                     int           parameter,
                     gint64        value)
{
  PgQuery *self = PG (query);

  g_free (self->values[parameter]);
  self->values[parameter] = g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* The next batch of an open cursor's rows into self->result. */
static PGresult *
fetch_batch (PgQuery *self)
{
  g_autofree char *fetch = g_strdup_printf ("FETCH %d FROM %s", ROWS_PER_BATCH, self->cursor);

  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
  return self->result = PQexec (candour_server_get_connection (self->server), fetch);
}

/* Runs a question as a cursor, and fetches its first batch. Outside a transaction the
 * cursor is held past the DECLARE's own (the server keeps the rows, not us), so that
 * other queries can run between batches as they can between rows on SQLite. */
static PGresult *
declare_cursor (PgQuery *self)
{
  PGconn *connection = candour_server_get_connection (self->server);
  g_autofree char *declare = NULL;
  PGresult *declared;

  self->cursor = g_strdup_printf ("%s_rows_%u", self->statement, ++self->n_cursors);
  declare = g_strdup_printf ("DECLARE %s NO SCROLL CURSOR %s FOR %s", self->cursor,
                             candour_server_in_transaction (self->server) ? "WITHOUT HOLD" : "WITH HOLD",
                             self->numbered);
  declared = PQexecParams (connection, declare, (int)self->parameters->len, NULL,
                           (const char * const *)self->values, NULL, NULL, 0);
  if (PQresultStatus (declared) != PGRES_COMMAND_OK)
    {
      g_clear_pointer (&self->cursor, g_free);
      return self->result = declared;
    }
  PQclear (declared);
  return fetch_batch (self);
}

static CandourQueryStep
pg_query_step (CandourQuery  *query,
               GError       **error)
{
  PgQuery *self = PG (query);

  if (self->result == NULL && query->in_batches && self->reads)
    {
      if (PQresultStatus (declare_cursor (self)) != PGRES_TUPLES_OK)
        {
          candour_server_set_error (self->server, self->result, &query->constraint, error);
          pg_query_reset (query);
          return CANDOUR_QUERY_ERROR;
        }
      candour_query_set_constraint (query, CANDOUR_CONSTRAINT_NONE, NULL, NULL, NULL);
    }
  else if (self->result == NULL)
    {
      PGconn *connection = candour_server_get_connection (self->server);
      /* Only a change can fail and leave the transaction going on SQLite; a question
       * that fails ends its caller's work anyway, and needs no savepoint. */
      gboolean in_transaction = !self->reads && candour_server_in_transaction (self->server);
      ExecStatusType status;

      if (in_transaction && !candour_server_savepoint (self->server, error))
        {
          pg_query_reset (query);
          return CANDOUR_QUERY_ERROR;
        }
      self->result = PQexecPrepared (connection, self->statement, (int)self->parameters->len,
                                     (const char * const *)self->values, NULL, NULL, 0);
      status = PQresultStatus (self->result);
      if (in_transaction)
        candour_server_end_savepoint (self->server, status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          candour_server_set_error (self->server, self->result, &query->constraint, error);
          pg_query_reset (query);
          return CANDOUR_QUERY_ERROR;
        }
      candour_query_set_constraint (query, CANDOUR_CONSTRAINT_NONE, NULL, NULL, NULL);
      self->row = -1;
    }

  if (++self->row < PQntuples (self->result))
    return CANDOUR_QUERY_ROW;

  /* A full batch: there may be more. */
  if (self->cursor != NULL && PQntuples (self->result) == ROWS_PER_BATCH)
    {
      if (PQresultStatus (fetch_batch (self)) != PGRES_TUPLES_OK)
        {
          candour_server_set_error (self->server, self->result, &query->constraint, error);
          pg_query_reset (query);
          return CANDOUR_QUERY_ERROR;
        }
      if (++self->row < PQntuples (self->result))
        return CANDOUR_QUERY_ROW;
    }

  query->changes = g_ascii_strtoll (PQcmdTuples (self->result), NULL, 10);
  pg_query_reset (query);
  return CANDOUR_QUERY_DONE;
}

static const char *
pg_query_column_name (CandourQuery *query,
                      guint         column)
{
  return PQfname (PG (query)->description, (int)column);
}

static gboolean
pg_query_is_null (CandourQuery *query,
                  guint         column)
{
  PgQuery *self = PG (query);

  return self->result == NULL || PQgetisnull (self->result, self->row, (int)column);
}

static const char *
pg_query_get_text (CandourQuery *query,
                   guint         column)
{
  PgQuery *self = PG (query);
  const char *value;

  if (pg_query_is_null (query, column))
    return NULL;
  value = PQgetvalue (self->result, self->row, (int)column);
  if (PQftype (self->result, (int)column) == BOOL_OID)
    return value[0] == 't' ? "1" : "0";
  return value;
}

static gint64
pg_query_get_int64 (CandourQuery *query,
                    guint         column)
{
  const char *value = pg_query_get_text (query, column);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static const char *
pg_query_get_sql (CandourQuery *query)
{
  return PG (query)->sql;
}

static const CandourQueryClass pg_query_class = {
  .finalize = pg_query_finalize,
  .parameter = pg_query_parameter,
  .bind_text = pg_query_bind_text,
  .bind_int64 = pg_query_bind_int64,
  .step = pg_query_step,
  .reset = pg_query_reset,
  .column_name = pg_query_column_name,
  .is_null = pg_query_is_null,
  .get_int64 = pg_query_get_int64,
  .get_text = pg_query_get_text,
  .get_sql = pg_query_get_sql,
};

CandourQuery *
candour_pg_query_new (CandourDatabase  *db,
                      const char       *sql,
                      gboolean          cached,
                      GError          **error)
{
  CandourServer *server = candour_database_get_server (db);
  PGconn *connection = candour_server_get_connection (server);
  g_autoptr(GPtrArray) parameters = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *numbered = number_parameters (sql, parameters);
  g_autofree char *statement = candour_server_next_statement (server);
  PGresult *prepared;
  PGresult *description;
  PgQuery *self;

  prepared = PQprepare (connection, statement, numbered, (int)parameters->len, NULL);
  if (PQresultStatus (prepared) != PGRES_COMMAND_OK)
    {
      g_debug ("Could not prepare: %s", numbered);
      candour_server_set_error (server, prepared, NULL, error);
      PQclear (prepared);
      return NULL;
    }
  PQclear (prepared);

  description = PQdescribePrepared (connection, statement);
  if (PQresultStatus (description) != PGRES_COMMAND_OK)
    {
      candour_server_set_error (server, description, NULL, error);
      PQclear (description);
      return NULL;
    }

  self = g_new0 (PgQuery, 1);
  self->server = server;
  self->sql = g_strdup (sql);
  self->statement = g_steal_pointer (&statement);
  self->numbered = g_steal_pointer (&numbered);
  self->parameters = g_steal_pointer (&parameters);
  self->values = g_new0 (char *, self->parameters->len + 1);
  self->description = description;
  self->row = -1;
  {
    const char *first = sql + strspn (sql, " \t\r\n");

    self->reads = g_ascii_strncasecmp (first, "SELECT", 6) == 0 || g_ascii_strncasecmp (first, "WITH", 4) == 0;
  }
  candour_query_init (&self->parent, &pg_query_class, db, cached, (guint)PQnfields (description));
  return &self->parent;
}
