/* candour-payment-list.c
 *
 * Two ways to reach row N. In the recorded order with no search, the model only counts
 * the rows and reads a page with LIMIT/OFFSET over the rowid alone (the joins run for
 * the page, not for the skipped rows). Sorted or searched, it asks SQLite once for the
 * matching row ids in order and then reads each page by rowid.
 *
 * Asking for the ids is what takes time, so a request (a Job) runs on a worker thread
 * with a read-only connection of its own and swaps its ids in on the main thread. Only
 * the latest request may swap: an older one is cancelled (the database stops its query
 * stops its statement within a few thousand steps) and its result, should it finish
 * anyway, is dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-payment-list.h"
#include "candour-rules.h"

/* Pages kept in memory: a screenful and some scrolling either side. */
#define MAX_PAGES 8

static const char count_sql[] = "SELECT count (*) AS payments FROM payment";

static const char page_sql[] =
  CANDOUR_PAYMENT_COLUMNS
  "FROM (SELECT id FROM payment ORDER BY id LIMIT :limit OFFSET :offset) page\n"
  "JOIN payment p ON p.id = page.id\n"
  CANDOUR_PAYMENT_JOINS
  "ORDER BY p.id";

static const char by_id_sql[] =
  CANDOUR_PAYMENT_COLUMNS
  "FROM payment p\n"
  CANDOUR_PAYMENT_JOINS
  "WHERE p.id = :id";

/* The agreements (2,000 rather than a million payments) whose reference, payer or
 * payee contains :pattern: who paid whom as candour-rules.h has it. A search then costs one LIKE a payment, not four joins and five LIKEs
 * (1.2 s to 0.3 s over a million). */
#define MATCHING_AGREEMENTS \
  "WITH matching_subcontract (id) AS (\n" \
  "  SELECT s.id FROM subcontract s\n" \
  "  LEFT JOIN contract c ON c.id = s.contract_id\n" \
  "  LEFT JOIN organisation payer ON payer.id = " CANDOUR_RULES_SUBCONTRACT_PAYER "\n" \
  "  LEFT JOIN organisation payee ON payee.id = " CANDOUR_RULES_SUBCONTRACT_PAYEE "\n" \
  "  WHERE s.ref LIKE :pattern ESCAPE '\\' OR c.ref LIKE :pattern ESCAPE '\\'\n" \
  "     OR payer.name LIKE :pattern ESCAPE '\\' OR payee.name LIKE :pattern ESCAPE '\\'),\n" \
  "matching_contract (id) AS (\n" \
  "  SELECT c.id FROM contract c\n" \
  "  LEFT JOIN organisation payer ON payer.id = " CANDOUR_RULES_CONTRACT_PAYER "\n" \
  "  LEFT JOIN organisation payee ON payee.id = " CANDOUR_RULES_CONTRACT_PAYEE "\n" \
  "  WHERE c.ref LIKE :pattern ESCAPE '\\'\n" \
  "     OR payer.name LIKE :pattern ESCAPE '\\' OR payee.name LIKE :pattern ESCAPE '\\')\n"

#define MATCHES \
  "(p.ref LIKE :pattern ESCAPE '\\' OR p.subcontract_id IN matching_subcontract\n" \
  " OR p.contract_id IN matching_contract)"

/* Orders that need the payer, the payee or the agreement of each row, searched or not. */
#define JOINED_IDS_SQL(order) \
  MATCHING_AGREEMENTS \
  "SELECT p.id FROM payment p\n" \
  CANDOUR_PAYMENT_JOINS \
  "WHERE :pattern IS NULL OR " MATCHES "\n" \
  "ORDER BY " order

/* Orders by the payment's own columns: without a search, no joins at all (a million
 * by amount: 1.8 s with them, 0.45 s without; by reference, the unique index's order). */
#define PLAIN_IDS_SQL(order) \
  "SELECT p.id FROM payment p\n" \
  "ORDER BY " order

#define SEARCHED_IDS_SQL(order) \
  MATCHING_AGREEMENTS \
  "SELECT p.id FROM payment p\n" \
  "WHERE " MATCHES "\n" \
  "ORDER BY " order

/* Ascending and descending; ties keep the recorded order. */
#define BOTH_WAYS(SQL, expression) \
  { SQL (expression ", p.id"), SQL (expression " DESC, p.id DESC") }

static const char * const joined_ids_sql[CANDOUR_PAYMENT_N_SORTS][2] = {
  [CANDOUR_PAYMENT_SORT_AGREEMENT] = BOTH_WAYS (JOINED_IDS_SQL, "coalesce (s.ref, c.ref)"),
  [CANDOUR_PAYMENT_SORT_PAYER] = BOTH_WAYS (JOINED_IDS_SQL, "payer.name COLLATE NOCASE"),
  [CANDOUR_PAYMENT_SORT_PAYEE] = BOTH_WAYS (JOINED_IDS_SQL, "payee.name COLLATE NOCASE"),
};

#define OWN_COLUMNS(SQL) { \
  [CANDOUR_PAYMENT_SORT_NONE] = { SQL ("p.id"), SQL ("p.id DESC") }, \
  [CANDOUR_PAYMENT_SORT_REF] = BOTH_WAYS (SQL, "p.ref"), \
  [CANDOUR_PAYMENT_SORT_AMOUNT] = BOTH_WAYS (SQL, "p.amount"), \
  [CANDOUR_PAYMENT_SORT_PAID_ON] = BOTH_WAYS (SQL, "p.paid_on"), \
  [CANDOUR_PAYMENT_SORT_INVOICED_ON] = BOTH_WAYS (SQL, "p.invoiced_on"), \
  [CANDOUR_PAYMENT_SORT_DAYS_TO_PAY] = \
    BOTH_WAYS (SQL, "candour_days (p.paid_on) - candour_days (p.invoiced_on)"), \
}

static const char * const plain_ids_sql[CANDOUR_PAYMENT_N_SORTS][2] = OWN_COLUMNS (PLAIN_IDS_SQL);
static const char * const searched_ids_sql[CANDOUR_PAYMENT_N_SORTS][2] = OWN_COLUMNS (SEARCHED_IDS_SQL);

/* What the list shows: the payments containing search, in an order. */
typedef struct
{
  char *search;                 /* NULL for every payment */
  CandourPaymentSort sort;
  gboolean descending;
} Query;

/* One request being worked out on a worker thread. */
typedef struct
{
  Query query;
  guint generation;             /* the list's request count when it was made */
  CandourDatabase *reader;      /* the worker's own connection, closed when it is done */
  GPtrArray *waiters;           /* GTask: the requests it answers */

  /* Filled in by the worker. */
  guint n_items;
  guint total;
  GArray *ids;
} Job;

typedef struct
{
  guint index;                  /* position / CANDOUR_PAYMENT_LIST_PAGE_SIZE */
  guint64 last_used;
  GPtrArray *items;             /* CandourPayment, up to a page of them */
} Page;

struct _CandourPaymentList
{
  GObject parent_instance;

  CandourDatabase *db;
  Query query;                  /* what the rows are now */

  guint n_items;
  guint total;                  /* payments in the table, whatever the search */
  GArray *ids;                  /* gint64 row ids when sorted or searched, else NULL */
  Page pages[MAX_PAGES];
  guint64 clock;
  guint pages_read;

  guint generation;             /* requests made, so a late answer can tell it is old */
  Job *job;                     /* the latest request while a worker has it, else NULL */
  GCancellable *job_cancellable;
};

static void candour_payment_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CandourPaymentList, candour_payment_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      candour_payment_list_model_init))

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_SORT,
  PROP_DESCENDING,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
query_clear (Query *query)
{
  g_clear_pointer (&query->search, g_free);
}

static void
query_init (Query              *query,
            const char         *search,
            CandourPaymentSort  sort,
            gboolean            descending)
{
  query->search = search != NULL && search[0] != '\0' ? g_strdup (search) : NULL;
  query->sort = sort;
  query->descending = !!descending;
}

static gboolean
query_equal (const Query *a,
             const Query *b)
{
  return g_strcmp0 (a->search, b->search) == 0 && a->sort == b->sort && a->descending == b->descending;
}

/* The recorded order with no search needs only a count. */
static gboolean
query_is_plain (const Query *query)
{
  return query->search == NULL && query->sort == CANDOUR_PAYMENT_SORT_NONE && !query->descending;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

static void
job_free (gpointer data)
{
  Job *job = data;

  query_clear (&job->query);
  g_clear_object (&job->reader);
  g_clear_pointer (&job->waiters, g_ptr_array_unref);
  g_clear_pointer (&job->ids, g_array_unref);
  g_free (job);
}

static void
forget_pages (CandourPaymentList *self)
{
  for (guint i = 0; i < MAX_PAGES; i++)
    {
      g_clear_pointer (&self->pages[i].items, g_ptr_array_unref);
      self->pages[i].last_used = 0;
    }
}

static void
candour_payment_list_finalize (GObject *object)
{
  CandourPaymentList *self = (CandourPaymentList *)object;

  /* A worker's task holds the list, so none can be running now. */
  g_assert (self->job == NULL);

  forget_pages (self);
  g_clear_pointer (&self->ids, g_array_unref);
  query_clear (&self->query);
  g_clear_object (&self->job_cancellable);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (candour_payment_list_parent_class)->finalize (object);
}

static void
candour_payment_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CandourPaymentList *self = CANDOUR_PAYMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->query.search);
      break;

    case PROP_SORT:
      g_value_set_int (value, self->query.sort);
      break;

    case PROP_DESCENDING:
      g_value_set_boolean (value, self->query.descending);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->job != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_payment_list_class_init (CandourPaymentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = candour_payment_list_finalize;
  object_class->get_property = candour_payment_list_get_property;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, "Text the payments shown contain", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_int ("sort", NULL, "The CandourPaymentSort the rows come in",
                      0, CANDOUR_PAYMENT_N_SORTS - 1, CANDOUR_PAYMENT_SORT_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, "Whether the sort is reversed", FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, "Whether a new order is being worked out", FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
candour_payment_list_init (CandourPaymentList *self)
{
}

gboolean
candour_payment_list_count (CandourDatabase  *db,
                            guint            *out_n_payments,
                            GError          **error)
{
  CandourQuery *count;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_n_payments != NULL, FALSE);

  if ((count = candour_database_query (db, count_sql, error)) == NULL ||
      candour_query_step (count, error) != CANDOUR_QUERY_ROW)
    return FALSE;
  *out_n_payments = (guint)MIN (candour_query_get_int64 (count, "payments"), G_MAXUINT);
  candour_query_reset (count);
  return TRUE;
}

/* Counting, or fetching the ids in order: what the list holds for a query. Runs on
 * whichever thread owns db, and reads nothing else. */
static gboolean
query_rows (CandourDatabase     *db,
            const Query         *query,
            guint               *out_n_items,
            guint               *out_total,
            GArray             **out_ids,
            GError             **error)
{
  const char *sql;
  CandourQuery *rows;
  CandourQueryStep step;
  g_autoptr(GArray) ids = NULL;
  gint64 total = -1;

  if (query_is_plain (query) || query->search != NULL)
    {
      guint counted;

      if (!candour_payment_list_count (db, &counted, error))
        return FALSE;
      total = counted;
    }

  if (query_is_plain (query))
    {
      *out_n_items = *out_total = (guint)total;
      *out_ids = NULL;
      return TRUE;
    }

  if (joined_ids_sql[query->sort][query->descending] != NULL)
    sql = joined_ids_sql[query->sort][query->descending];
  else if (query->search == NULL)
    sql = plain_ids_sql[query->sort][query->descending];
  else
    sql = searched_ids_sql[query->sort][query->descending];
  if ((rows = candour_database_query (db, sql, error)) == NULL)
    return FALSE;

  if (query->search != NULL)
    {
      GString *pattern = g_string_new ("%");

      /* LIKE's own wildcards in what the person typed are meant literally. */
      for (const char *c = query->search; *c != '\0'; c++)
        {
          if (*c == '%' || *c == '_' || *c == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *c);
        }
      g_string_append_c (pattern, '%');
      candour_query_bind_text (rows, ":pattern", pattern->str);
      g_string_free (pattern, TRUE);
    }

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), total > 0 ? (guint)MIN (total, G_MAXUINT) : 0);
  while ((step = candour_query_step (rows, error)) == CANDOUR_QUERY_ROW)
    {
      gint64 id = candour_query_get_int64 (rows, "id");
      g_array_append_val (ids, id);
    }
  if (step == CANDOUR_QUERY_ERROR)
    return FALSE;

  *out_n_items = ids->len;
  *out_total = total >= 0 ? (guint)MIN (total, G_MAXUINT) : ids->len;
  *out_ids = g_steal_pointer (&ids);
  return TRUE;
}

/* Shows the rows of query (taken, with ids). */
static void
swap_in (CandourPaymentList *self,
         Query              *query,
         guint               n_items,
         guint               total,
         GArray             *ids)
{
  guint old_n_items = self->n_items;
  Query old = self->query;

  self->query = *query;
  *query = (Query) { NULL };
  self->total = total;

  /* Two signals, not one, each with the model as it says: told of removals and
   * additions together, a list view looks for its old items among all the new ones,
   * and would read every row to do so. */
  forget_pages (self);
  g_clear_pointer (&self->ids, g_array_unref);
  self->n_items = 0;
  if (old_n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);

  self->ids = ids;
  self->n_items = n_items;
  if (n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_items);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (old.search, self->query.search) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  if (old.sort != self->query.sort)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  if (old.descending != self->query.descending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
  g_object_thaw_notify (G_OBJECT (self));
  query_clear (&old);
}

/* Forgets the request a worker has, if any: it is cancelled, and its answer will be
 * dropped when it comes. Returns whether there was one (the caller says "busy"
 * changed, or not if it starts another). */
static gboolean
drop_job (CandourPaymentList *self)
{
  self->generation++;
  if (self->job == NULL)
    return FALSE;

  g_cancellable_cancel (self->job_cancellable);
  g_clear_object (&self->job_cancellable);
  self->job = NULL;
  return TRUE;
}

static void
drop_job_and_notify (CandourPaymentList *self)
{
  if (drop_job (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The list as query says, worked out here and now. */
static gboolean
requery (CandourPaymentList  *self,
         const Query         *query,
         GError             **error)
{
  Query copy;
  guint n_items = 0;
  guint total = 0;
  GArray *ids = NULL;

  drop_job_and_notify (self);
  if (!query_rows (self->db, query, &n_items, &total, &ids, error))
    return FALSE;

  query_init (&copy, query->search, query->sort, query->descending);
  swap_in (self, &copy, n_items, total, ids);
  return TRUE;
}

CandourPaymentList *
candour_payment_list_new (CandourDatabase  *db,
                          GError          **error)
{
  guint n_payments;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);

  if (!candour_payment_list_count (db, &n_payments, error))
    return NULL;
  return candour_payment_list_new_counted (db, n_payments);
}

CandourPaymentList *
candour_payment_list_new_counted (CandourDatabase *db,
                                  guint            n_payments)
{
  CandourPaymentList *self;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);

  self = g_object_new (CANDOUR_TYPE_PAYMENT_LIST, NULL);
  self->db = g_object_ref (db);
  /* In the recorded order, unsearched: no ids to keep. */
  self->n_items = self->total = n_payments;
  return self;
}

CandourDatabase *
candour_payment_list_get_database (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), NULL);

  return self->db;
}

gboolean
candour_payment_list_set_search (CandourPaymentList  *self,
                                 const char          *text,
                                 GError             **error)
{
  g_auto(Query) query = { NULL };

  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), FALSE);

  query_init (&query, text, self->query.sort, self->query.descending);
  if (query_equal (&query, &self->query) && self->job == NULL)
    return TRUE;

  return requery (self, &query, error);
}

const char *
candour_payment_list_get_search (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), NULL);

  return self->query.search;
}

gboolean
candour_payment_list_set_sort (CandourPaymentList  *self,
                               CandourPaymentSort   sort,
                               gboolean             descending,
                               GError             **error)
{
  g_auto(Query) query = { NULL };

  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), FALSE);
  g_return_val_if_fail (sort < CANDOUR_PAYMENT_N_SORTS, FALSE);

  query_init (&query, self->query.search, sort, descending);
  if (query_equal (&query, &self->query) && self->job == NULL)
    return TRUE;

  return requery (self, &query, error);
}

CandourPaymentSort
candour_payment_list_get_sort (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), CANDOUR_PAYMENT_SORT_NONE);

  return self->query.sort;
}

gboolean
candour_payment_list_get_descending (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), FALSE);

  return self->query.descending;
}

gboolean
candour_payment_list_reload (CandourPaymentList  *self,
                             GError             **error)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), FALSE);

  return requery (self, &self->query, error);
}

/* Requests off the main thread */

static void
query_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean began;
  gboolean ok;

  /* One read transaction: the count and the ids agree. A cancelled query may have
   * ended it already, so the COMMIT's own complaint is of no interest. */
  candour_database_set_cancellable (job->reader, cancellable);
  began = candour_database_exec (job->reader, "BEGIN", &error);
  ok = began && query_rows (job->reader, &job->query, &job->n_items, &job->total, &job->ids, &error);
  candour_database_set_cancellable (job->reader, NULL);
  if (began)
    candour_database_exec (job->reader, "COMMIT", NULL);
  /* Done with the file: close it here, not when the main thread gets round to it. */
  g_clear_object (&job->reader);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The request was superseded");
    }
  else
    g_task_return_error (task, error);
}

static void
answer_waiters (GPtrArray    *waiters,
                const GError *error)
{
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (waiters, i);

      if (error == NULL)
        g_task_return_boolean (waiter, TRUE);
      else
        g_task_return_error (waiter, g_error_copy (error));
    }
}

static void
job_done (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CandourPaymentList *self = CANDOUR_PAYMENT_LIST (source_object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (job != self->job || job->generation != self->generation)
    {
      if (ok)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The request was superseded");
      answer_waiters (job->waiters, error);
      g_ptr_array_set_size (job->waiters, 0);
      return;
    }

  if (ok)
    swap_in (self, &job->query, job->n_items, job->total, g_steal_pointer (&job->ids));

  self->job = NULL;
  g_clear_object (&self->job_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  answer_waiters (job->waiters, error);
  /* Here, not wherever the task happens to be freed (possibly the worker). */
  g_ptr_array_set_size (job->waiters, 0);
}

/* Asks for query (taken); force: even when the list shows it already. */
static void
request (CandourPaymentList  *self,
         Query               *query,
         gboolean             force,
         GTask               *waiter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourDatabase) reader = NULL;
  g_autoptr(GTask) task = NULL;
  gboolean was_busy;
  Job *job;

  /* Asked again for what is on its way: wait for the same answer. */
  if (self->job != NULL && query_equal (query, &self->job->query))
    {
      g_ptr_array_add (self->job->waiters, g_object_ref (waiter));
      query_clear (query);
      return;
    }

  if (!force && query_equal (query, &self->query))
    {
      drop_job_and_notify (self);
      query_clear (query);
      g_task_return_boolean (waiter, TRUE);
      return;
    }

  if (!query_is_plain (query))
    reader = candour_database_open_reader (self->db, &error);

  if (reader == NULL)
    {
      /* A count is quick; an in-memory database is small and has only the one
       * connection. */
      if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        {
          g_clear_error (&error);
          if (requery (self, query, &error))
            g_task_return_boolean (waiter, TRUE);
          else
            g_task_return_error (waiter, g_steal_pointer (&error));
        }
      else
        {
          /* An older request must not win in its place. */
          drop_job_and_notify (self);
          g_task_return_error (waiter, g_steal_pointer (&error));
        }
      query_clear (query);
      return;
    }

  was_busy = drop_job (self);

  job = g_new0 (Job, 1);
  job->query = *query;
  *query = (Query) { NULL };
  job->generation = self->generation;
  job->reader = g_steal_pointer (&reader);
  job->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (job->waiters, g_object_ref (waiter));

  self->job = job;
  self->job_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->job_cancellable, job_done, NULL);
  g_task_set_source_tag (task, request);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, query_in_thread);

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
candour_payment_list_query_async (CandourPaymentList  *self,
                                  const char          *search,
                                  CandourPaymentSort   sort,
                                  gboolean             descending,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) waiter = NULL;
  Query query;

  g_return_if_fail (CANDOUR_IS_PAYMENT_LIST (self));
  g_return_if_fail (sort < CANDOUR_PAYMENT_N_SORTS);

  waiter = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (waiter, candour_payment_list_query_async);
  query_init (&query, search, sort, descending);
  request (self, &query, FALSE, waiter);
}

gboolean
candour_payment_list_query_finish (CandourPaymentList  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
candour_payment_list_reload_async (CandourPaymentList  *self,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  const Query *wanted;
  g_autoptr(GTask) waiter = NULL;
  Query query;

  g_return_if_fail (CANDOUR_IS_PAYMENT_LIST (self));

  waiter = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (waiter, candour_payment_list_query_async);
  wanted = self->job != NULL ? &self->job->query : &self->query;
  query_init (&query, wanted->search, wanted->sort, wanted->descending);
  /* Not the same answer as the one on its way: that one began before the change. */
  drop_job_and_notify (self);
  request (self, &query, TRUE, waiter);
}

void
candour_payment_list_cancel (CandourPaymentList *self)
{
  g_return_if_fail (CANDOUR_IS_PAYMENT_LIST (self));

  drop_job_and_notify (self);
}

gboolean
candour_payment_list_get_busy (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), FALSE);

  return self->job != NULL;
}

guint
candour_payment_list_get_total (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), 0);

  return self->total;
}

guint
candour_payment_list_get_pages_read (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), 0);

  return self->pages_read;
}

/* A page's rows. Rows deleted by someone else since the count leave empty items, so a
 * view never sees fewer items than it was told about. */
static GPtrArray *
read_page (CandourPaymentList  *self,
           guint                index,
           GError             **error)
{
  guint first = index * CANDOUR_PAYMENT_LIST_PAGE_SIZE;
  guint n = MIN (CANDOUR_PAYMENT_LIST_PAGE_SIZE, self->n_items - first);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  CandourQuery *page;
  CandourQueryStep step = CANDOUR_QUERY_DONE;

  if (self->ids == NULL)
    {
      if ((page = candour_database_query (self->db, page_sql, error)) == NULL)
        return NULL;
      candour_query_bind_int64 (page, ":limit", n);
      candour_query_bind_int64 (page, ":offset", first);
      while (items->len < n && (step = candour_query_step (page, error)) == CANDOUR_QUERY_ROW)
        g_ptr_array_add (items, candour_payment_new_from_query (page));
      if (step == CANDOUR_QUERY_ERROR)
        return NULL;
      candour_query_reset (page);
    }
  else
    {
      if ((page = candour_database_query (self->db, by_id_sql, error)) == NULL)
        return NULL;
      for (guint i = 0; i < n; i++)
        {
          candour_query_bind_int64 (page, ":id", g_array_index (self->ids, gint64, first + i));
          step = candour_query_step (page, error);
          if (step == CANDOUR_QUERY_ERROR)
            return NULL;
          if (step == CANDOUR_QUERY_ROW)
            g_ptr_array_add (items, candour_payment_new_from_query (page));
          else
            g_ptr_array_add (items, g_object_new (CANDOUR_TYPE_PAYMENT, NULL));
          candour_query_reset (page);
        }
    }

  while (items->len < n)
    g_ptr_array_add (items, g_object_new (CANDOUR_TYPE_PAYMENT, NULL));

  self->pages_read++;
  return g_steal_pointer (&items);
}

static Page *
get_page (CandourPaymentList *self,
          guint               index)
{
  g_autoptr(GError) error = NULL;
  Page *oldest = &self->pages[0];

  /* Empty slots have last_used 0, so they are taken before any page is dropped. */
  for (guint i = 0; i < MAX_PAGES; i++)
    {
      Page *page = &self->pages[i];

      if (page->items != NULL && page->index == index)
        {
          page->last_used = ++self->clock;
          return page;
        }
      if (page->last_used < oldest->last_used)
        oldest = page;
    }

  g_clear_pointer (&oldest->items, g_ptr_array_unref);
  oldest->last_used = 0;
  oldest->items = read_page (self, index, &error);
  if (oldest->items == NULL)
    {
      /* A list view cannot take an error: show empty rows and say why in the log. */
      g_warning ("Could not read payments: %s", error->message);
      return NULL;
    }
  oldest->index = index;
  oldest->last_used = ++self->clock;
  return oldest;
}

static GType
candour_payment_list_get_item_type (GListModel *model)
{
  return CANDOUR_TYPE_PAYMENT;
}

static guint
candour_payment_list_get_n_items (GListModel *model)
{
  return CANDOUR_PAYMENT_LIST (model)->n_items;
}

static gpointer
candour_payment_list_get_item (GListModel *model,
                               guint       position)
{
  CandourPaymentList *self = CANDOUR_PAYMENT_LIST (model);
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = get_page (self, position / CANDOUR_PAYMENT_LIST_PAGE_SIZE);
  if (page == NULL)
    return g_object_new (CANDOUR_TYPE_PAYMENT, NULL);

  return g_object_ref (g_ptr_array_index (page->items, position % CANDOUR_PAYMENT_LIST_PAGE_SIZE));
}

static void
candour_payment_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = candour_payment_list_get_item_type;
  iface->get_n_items = candour_payment_list_get_n_items;
  iface->get_item = candour_payment_list_get_item;
}
