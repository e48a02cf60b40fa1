/* candour-query-private.h: what a backend implements to give CandourQuery
 *
 * A backend's query is a struct whose first member is CandourQuery, made with
 * candour_query_init(); everything common (parameters and columns by name, the rule a
 * failed step broke, the cache) lives in candour-query.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-query.h"

G_BEGIN_DECLS

typedef struct
{
  void             (*finalize)    (CandourQuery  *self);
  /* The position to bind name at, or -1 when the SQL has no such parameter. */
  int              (*parameter)   (CandourQuery  *self,
                                   const char    *name);
  /* value NULL binds NULL. */
  void             (*bind_text)   (CandourQuery  *self,
                                   int            parameter,
                                   const char    *value);
  void             (*bind_int64)  (CandourQuery  *self,
                                   int            parameter,
                                   gint64         value);
  /* On failure: fills error and the query's constraint; the query is left reset. */
  CandourQueryStep (*step)        (CandourQuery  *self,
                                   GError       **error);
  /* Stops the query and clears its parameters. */
  void             (*reset)       (CandourQuery  *self);
  const char *     (*column_name) (CandourQuery  *self,
                                   guint          column);
  gboolean         (*is_null)     (CandourQuery  *self,
                                   guint          column);
  gint64           (*get_int64)   (CandourQuery  *self,
                                   guint          column);
  const char *     (*get_text)    (CandourQuery  *self,
                                   guint          column);
  const char *     (*get_sql)     (CandourQuery  *self);
} CandourQueryClass;

struct _CandourQuery
{
  const CandourQueryClass *klass;
  CandourDatabase *db;          /* a reference only for queries made at run time */
  gboolean cached;              /* kept by the database, which outlives it */
  guint n_columns;
  const char **caller_names;    /* per column, the caller's string last seen for it */
  gint64 changes;
  CandourConstraint constraint;
  gboolean in_batches;          /* candour_query_read_in_batches () */
};

void candour_query_init           (CandourQuery            *self,
                                   const CandourQueryClass *klass,
                                   CandourDatabase         *db,
                                   gboolean                 cached,
                                   guint                    n_columns);
/* Records which rule the failed step broke; table, columns and name may be NULL. */
void candour_query_set_constraint (CandourQuery            *self,
                                   CandourConstraintKind    kind,
                                   const char              *table,
                                   const char              *columns,
                                   const char              *name);

/* The one wording of a change refused by a rule of the schema, for every backend: rule
 * is a trigger's own words (CANDOUR_CONSTRAINT_RULE). Always returns FALSE. */
gboolean candour_query_set_constraint_error (GError                **error,
                                             CandourConstraintKind   kind,
                                             const char             *rule);

/* Each backend's maker of queries (cached: kept for the database's life). */
CandourQuery *candour_sqlite_query_new (CandourDatabase  *db,
                                        const char       *sql,
                                        gboolean          cached,
                                        GError          **error);
CandourQuery *candour_pg_query_new     (CandourDatabase  *db,
                                        const char       *sql,
                                        gboolean          cached,
                                        GError          **error);

G_END_DECLS
