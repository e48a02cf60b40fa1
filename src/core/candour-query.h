/* candour-query.h: one question put to a database, whatever its backend
 *
 * The only way core code reads or writes a database. SQL text names its parameters
 * (":ref") and results are read by column name, so nothing depends on positions or on
 * one backend's API. Errors carry a category (CANDOUR_DATABASE_ERROR_*, or
 * CANDOUR_DOMAIN_ERROR_BUSY) and, for a broken rule of the schema, which rule: no caller
 * ever reads a backend's English message.
 *
 *   CandourQuery *query = candour_database_query (db, sql, error);
 *   candour_query_bind_text (query, ":ref", ref);
 *   while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
 *     use (candour_query_get_int64 (query, "id"));
 *   if (step == CANDOUR_QUERY_ERROR)
 *     return FALSE;
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CandourDatabase CandourDatabase;
typedef struct _CandourQuery CandourQuery;

typedef enum
{
  CANDOUR_QUERY_ERROR = -1,     /* error is set; the query is reset */
  CANDOUR_QUERY_DONE = 0,       /* no more rows; the query is reset */
  CANDOUR_QUERY_ROW = 1,        /* a row is ready for the getters */
} CandourQueryStep;

/* Which kind of schema rule a change broke. */
typedef enum
{
  CANDOUR_CONSTRAINT_NONE,
  CANDOUR_CONSTRAINT_UNIQUE,
  CANDOUR_CONSTRAINT_FOREIGN_KEY,
  CANDOUR_CONSTRAINT_CHECK,
  CANDOUR_CONSTRAINT_NOT_NULL,
  CANDOUR_CONSTRAINT_RULE,      /* one of the schema's own rules (a trigger), in words */
} CandourConstraintKind;

typedef struct
{
  CandourConstraintKind kind;
  char *table;                  /* "bid_partner"; NULL when the backend does not say */
  char *columns;                /* "bid_id,organisation_id"; NULL when not known */
  char *name;                   /* a CHECK's name, or a RULE's words; else NULL */
} CandourConstraint;

/* The query for sql, prepared once per SQL text (compared by address: pass static
 * strings) and kept for the life of the database; it comes back reset, with no
 * parameters bound. Borrowed: never free it. NULL with error when the SQL is wrong. */
CandourQuery    *candour_database_query         (CandourDatabase  *db,
                                                 const char       *sql,
                                                 GError          **error);
/* A query for SQL made at run time (a list's filter, an import's columns), freed with
 * candour_query_free(). */
CandourQuery    *candour_query_new              (CandourDatabase  *db,
                                                 const char       *sql,
                                                 GError          **error);
void             candour_query_free             (CandourQuery     *self);

/* Parameters by name (":name"); a name the SQL does not have is a programming error.
 * Text NULL binds NULL. */
void             candour_query_bind_text        (CandourQuery     *self,
                                                 const char       *name,
                                                 const char       *value);
void             candour_query_bind_int64       (CandourQuery     *self,
                                                 const char       *name,
                                                 gint64            value);
void             candour_query_bind_null        (CandourQuery     *self,
                                                 const char       *name);

CandourQueryStep candour_query_step             (CandourQuery     *self,
                                                 GError          **error);
/* Steps to the end, for a statement that changes rows: FALSE with error on failure. */
gboolean         candour_query_run              (CandourQuery     *self,
                                                 GError          **error);
/* For a question that may answer with very many rows (a table exported or copied
 * whole): its rows are read a batch at a time where the backend would otherwise hold
 * them all at once (a server's answer arrives whole; a file's is read as stepped). Set
 * before the first step; it stays set. */
void             candour_query_read_in_batches  (CandourQuery     *self);
/* Stops a query before its last row, so that it holds nothing open, and clears its
 * parameters. */
void             candour_query_reset            (CandourQuery     *self);

/* Which rule the last failed step broke; kind CANDOUR_CONSTRAINT_NONE when it broke
 * none. Valid until the next step. */
const CandourConstraint *
                 candour_query_get_constraint   (CandourQuery     *self);
/* The rows the last finished change touched. */
gint64           candour_query_get_changes      (CandourQuery     *self);
const char      *candour_query_get_sql          (CandourQuery     *self);

/* The current row's cells by column name; an unknown name is a programming error.
 * A NULL cell reads as 0 or NULL: ask candour_query_is_null() where that matters.
 * Text stays valid until the next step. */
gboolean         candour_query_is_null          (CandourQuery     *self,
                                                 const char       *column);
gint64           candour_query_get_int64        (CandourQuery     *self,
                                                 const char       *column);
gint64           candour_query_get_int64_or     (CandourQuery     *self,
                                                 const char       *column,
                                                 gint64            fallback);
const char      *candour_query_get_text         (CandourQuery     *self,
                                                 const char       *column);
char            *candour_query_dup_text         (CandourQuery     *self,
                                                 const char       *column);

/* For code that walks every column of a result it did not write (reports, exports). */
guint            candour_query_get_n_columns    (CandourQuery     *self);
const char      *candour_query_get_column_name  (CandourQuery     *self,
                                                 guint             column);
gboolean         candour_query_is_null_at       (CandourQuery     *self,
                                                 guint             column);
gint64           candour_query_get_int64_at     (CandourQuery     *self,
                                                 guint             column);
const char      *candour_query_get_text_at      (CandourQuery     *self,
                                                 guint             column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourQuery, candour_query_free)

G_END_DECLS
