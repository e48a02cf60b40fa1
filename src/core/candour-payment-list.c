/* candour-payment-list.c
 *
 * Two ways to reach row N. Every payment in the recorded order or by date paid: the
 * model only counts the rows and reads a page with LIMIT/OFFSET over the rowid or the
 * date's index alone (the joins run for the page, not for the skipped rows). Sorted
 * otherwise, searched or within dates, it asks SQLite once for the matching row ids in
 * order and then reads each page by rowid. Either way the listed amounts are added up
 * in SQL, over the same conditions.
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
#include "candour-date.h"
#include "candour-money.h"
#include "candour-rules.h"

/* Pages kept in memory: a screenful and some scrolling either side. */
#define MAX_PAGES 8

static const char count_sql[] = "SELECT count (*) AS payments FROM payment";

/* From payment_by_amount alone, which holds every amount (0.08 s over a million). */
static const char count_sum_sql[] = "SELECT count (*) AS payments, sum (amount) AS pence FROM payment";

/* Orders read a page at a time, by OFFSET along the table or payment_by_paid_on (a
 * page 900,000 rows in: 35 ms); the joins run for the page, not the skipped rows. */
#define PAGE_SQL(inner, outer) \
  CANDOUR_PAYMENT_COLUMNS \
  "FROM (SELECT id FROM payment ORDER BY " inner " LIMIT :limit OFFSET :offset) page\n" \
  "JOIN payment p ON p.id = page.id\n" \
  CANDOUR_PAYMENT_JOINS \
  "ORDER BY " outer

static const char * const page_sql[CANDOUR_PAYMENT_N_SORTS][2] = {
  [CANDOUR_PAYMENT_SORT_NONE] = { PAGE_SQL ("id", "p.id"), PAGE_SQL ("id DESC", "p.id DESC") },
  [CANDOUR_PAYMENT_SORT_PAID_ON] = {
    PAGE_SQL ("paid_on, id", "p.paid_on, p.id"),
    PAGE_SQL ("paid_on DESC, id DESC", "p.paid_on DESC, p.id DESC"),
  },
};

static const char by_id_sql[] =
  CANDOUR_PAYMENT_COLUMNS
  "FROM payment p\n"
  CANDOUR_PAYMENT_JOINS
  "WHERE p.id = :id";

/* The agreements (2,000 rather than a million payments) whose reference, payer or
 * payee contains :pattern: who paid whom as candour-rules.h has it. A search then costs one LIKE a payment, not four joins and five LIKEs
 * (1.2 s to 0.3 s over a million). */
static const char matching_agreements_sql[] =
  "WITH matching_subcontract (id) AS (\n"
  "  SELECT s.id FROM subcontract s\n"
  "  LEFT JOIN contract c ON c.id = s.contract_id\n"
  "  LEFT JOIN organisation payer ON payer.id = " CANDOUR_RULES_SUBCONTRACT_PAYER "\n"
  "  LEFT JOIN organisation payee ON payee.id = " CANDOUR_RULES_SUBCONTRACT_PAYEE "\n"
  "  WHERE s.ref LIKE :pattern ESCAPE '\\' OR c.ref LIKE :pattern ESCAPE '\\'\n"
  "     OR payer.name LIKE :pattern ESCAPE '\\' OR payee.name LIKE :pattern ESCAPE '\\'),\n"
  "matching_contract (id) AS (\n"
  "  SELECT c.id FROM contract c\n"
  "  LEFT JOIN organisation payer ON payer.id = " CANDOUR_RULES_CONTRACT_PAYER "\n"
  "  LEFT JOIN organisation payee ON payee.id = " CANDOUR_RULES_CONTRACT_PAYEE "\n"
  "  WHERE c.ref LIKE :pattern ESCAPE '\\'\n"
  "     OR payer.name LIKE :pattern ESCAPE '\\' OR payee.name LIKE :pattern ESCAPE '\\')\n";

/* "IN (SELECT ...)", not SQLite's "IN matching_subcontract", which a server refuses. */
#define MATCHES \
  "(p.ref LIKE :pattern ESCAPE '\\' OR p.subcontract_id IN (SELECT id FROM matching_subcontract)\n" \
  " OR p.contract_id IN (SELECT id FROM matching_contract))"

/* What a query's SQL is made of: the rows' ids in order, or their count and sum,
 * and the conditions a search and a range add. An amount or a day is an equality on
 * payment_by_amount or payment_by_paid_on, a range a range on the latter. */
static const char ids_select_sql[] = "SELECT p.id AS id FROM payment p\n";
static const char sum_select_sql[] = "SELECT count (*) AS payments, sum (p.amount) AS pence FROM payment p\n";
static const char matches_sql[] = MATCHES;
static const char amount_sql[] = "p.amount = :amount";
static const char amount_or_matches_sql[] = "(p.amount = :amount OR " MATCHES ")";
static const char day_sql[] = "p.paid_on = :day";
static const char from_sql[] = "p.paid_on >= :from";
static const char to_sql[] = "p.paid_on <= :to";

typedef struct
{
  const char *expression;       /* NULL: the recorded order alone */
  /* The same order where no index may give it (see order_sql()). */
  const char *unindexed;
  gboolean joins;               /* needs the payer, the payee or the agreement */
} Order;

/* Ties keep the recorded order. Orders by the payment's own columns need no joins
 * (a million by amount: 1.8 s with them, 0.45 s without). */
static const Order orders[CANDOUR_PAYMENT_N_SORTS] = {
  [CANDOUR_PAYMENT_SORT_NONE] = { NULL, "p.id + 0", FALSE },
  [CANDOUR_PAYMENT_SORT_REF] = { "p.ref", "p.ref || ''", FALSE },
  [CANDOUR_PAYMENT_SORT_AGREEMENT] = { "coalesce (s.ref, c.ref)", "coalesce (s.ref, c.ref)", TRUE },
  [CANDOUR_PAYMENT_SORT_PAYER] = { "payer.name COLLATE NOCASE", "payer.name COLLATE NOCASE", TRUE },
  [CANDOUR_PAYMENT_SORT_PAYEE] = { "payee.name COLLATE NOCASE", "payee.name COLLATE NOCASE", TRUE },
  [CANDOUR_PAYMENT_SORT_AMOUNT] = { "p.amount", "p.amount + 0", FALSE },
  [CANDOUR_PAYMENT_SORT_PAID_ON] = { "p.paid_on", "p.paid_on || ''", FALSE },
  [CANDOUR_PAYMENT_SORT_INVOICED_ON] = { "p.invoiced_on", "p.invoiced_on", FALSE },
  [CANDOUR_PAYMENT_SORT_DAYS_TO_PAY] = {
    "candour_days (p.paid_on) - candour_days (p.invoiced_on)",
    "candour_days (p.paid_on) - candour_days (p.invoiced_on)",
    FALSE,
  },
};

/* What the list shows: the payments search finds, paid from from to to, in an order. */
typedef struct
{
  char *search;                 /* NULL for every payment */
  char *from;                   /* ISO dates, each NULL for no bound */
  char *to;
  CandourPaymentSort sort;
  gboolean descending;
} Query;

/* What a search's text asks for. */
typedef struct
{
  char *pattern;                /* a LIKE pattern for refs and names, or NULL */
  gboolean by_amount;
  gint64 amount;                /* pence, when by_amount */
  char *day;                    /* an ISO date, or NULL */
} Search;

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
  gint64 sum;
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
  gint64 sum;                   /* the listed payments' amounts added up, in pence */
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
  PROP_FROM,
  PROP_TO,
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
  g_clear_pointer (&query->from, g_free);
  g_clear_pointer (&query->to, g_free);
}

static char *
dup_or_null (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static void
query_init (Query              *query,
            const char         *search,
            const char         *from,
            const char         *to,
            CandourPaymentSort  sort,
            gboolean            descending)
{
  query->search = dup_or_null (search);
  query->from = dup_or_null (from);
  query->to = dup_or_null (to);
  query->sort = sort;
  query->descending = !!descending;
}

static void
query_copy (Query       *query,
            const Query *from)
{
  query_init (query, from->search, from->from, from->to, from->sort, from->descending);
}

static gboolean
query_equal (const Query *a,
             const Query *b)
{
  return g_strcmp0 (a->search, b->search) == 0 && g_strcmp0 (a->from, b->from) == 0 &&
         g_strcmp0 (a->to, b->to) == 0 && a->sort == b->sort && a->descending == b->descending;
}

/* Every payment, or only some. */
static gboolean
query_is_filtered (const Query *query)
{
  return query->search != NULL || query->from != NULL || query->to != NULL;
}

/* Every payment in an order read a page at a time: no ids to keep. */
static gboolean
query_is_paged (const Query *query)
{
  return !query_is_filtered (query) && page_sql[query->sort][query->descending] != NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

static void
search_clear (Search *search)
{
  g_clear_pointer (&search->pattern, g_free);
  g_clear_pointer (&search->day, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, search_clear)

static gboolean
is_digits (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  for (const char *c = stripped; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;
  return stripped[0] != '\0';
}

/* A day as people write it finds the payments made that day; an amount as they write
 * it, those of exactly that amount. Bare digits ("2094") may be an amount or part of
 * a reference, so they find both; anything else is looked for in refs and names. */
static void
search_init (Search     *search,
             const char *text)
{
  *search = (Search) { NULL };
  if (text == NULL)
    return;

  if (candour_date_parse (text, &search->day, NULL))
    return;
  if (candour_money_parse (text, &search->amount, NULL))
    {
      search->by_amount = TRUE;
      if (!is_digits (text))
        return;
    }

  {
    GString *pattern = g_string_new ("%");

    /* LIKE's own wildcards in what the person typed are meant literally. */
    for (const char *c = text; *c != '\0'; c++)
      {
        if (*c == '%' || *c == '_' || *c == '\\')
          g_string_append_c (pattern, '\\');
        g_string_append_c (pattern, *c);
      }
    g_string_append_c (pattern, '%');
    search->pattern = g_string_free (pattern, FALSE);
  }
}

/* The ORDER BY of query. An index that gives the order is not always the way to
 * the rows: SQLite would rather walk payment_by_amount and fetch each row in its
 * order than read and sort the few the search finds (3.5 s for "Community" by
 * amount over a million, against 0.5 s), and a range with one end only looks wide
 * enough to it to read the table in the order recorded. Where the rows are found
 * otherwise, the order is an expression no index has. */
static void
append_order (GString      *sql,
              const Query  *query,
              const Search *search)
{
  const Order *order = &orders[query->sort];
  gboolean by_date = query->from != NULL || query->to != NULL || search->day != NULL;
  const char *expression = order->expression;

  /* Found by date: payment_by_paid_on finds them, and orders them by date too. */
  if (by_date && query->sort != CANDOUR_PAYMENT_SORT_PAID_ON)
    expression = order->unindexed;
  /* Found by name: no index finds them; the table is read in the order recorded. */
  else if (search->pattern != NULL && query->sort != CANDOUR_PAYMENT_SORT_NONE)
    expression = order->unindexed;

  if (expression == NULL)
    g_string_append (sql, query->descending ? "ORDER BY p.id DESC" : "ORDER BY p.id");
  else
    g_string_append_printf (sql, query->descending ? "ORDER BY %s DESC, p.id DESC" : "ORDER BY %s, p.id",
                            expression);
}

/* The SQL of select over the payments query wants, in order (NULL: none). */
static char *
filtered_sql (const Query  *query,
              const Search *search,
              const char   *select,
              gboolean      ordered)
{
  const Order *order = &orders[query->sort];
  GString *sql = g_string_new (NULL);
  const char *conditions[4];
  guint n = 0;

  if (search->pattern != NULL)
    g_string_append (sql, matching_agreements_sql);
  g_string_append (sql, select);
  if (ordered && order->joins)
    g_string_append (sql, CANDOUR_PAYMENT_JOINS);

  if (search->pattern != NULL)
    conditions[n++] = search->by_amount ? amount_or_matches_sql : matches_sql;
  else if (search->by_amount)
    conditions[n++] = amount_sql;
  if (search->day != NULL)
    conditions[n++] = day_sql;
  if (query->from != NULL)
    conditions[n++] = from_sql;
  if (query->to != NULL)
    conditions[n++] = to_sql;
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s %s\n", i == 0 ? "WHERE" : "  AND", conditions[i]);

  if (ordered)
    append_order (sql, query, search);
  return g_string_free (sql, FALSE);
}

static void
bind_filter (CandourQuery *sql,
             const Query  *query,
             const Search *search)
{
  if (search->pattern != NULL)
    candour_query_bind_text (sql, ":pattern", search->pattern);
  if (search->by_amount)
    candour_query_bind_int64 (sql, ":amount", search->amount);
  if (search->day != NULL)
    candour_query_bind_text (sql, ":day", search->day);
  if (query->from != NULL)
    candour_query_bind_text (sql, ":from", query->from);
  if (query->to != NULL)
    candour_query_bind_text (sql, ":to", query->to);
}

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

    case PROP_FROM:
      g_value_set_string (value, self->query.from);
      break;

    case PROP_TO:
      g_value_set_string (value, self->query.to);
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
  properties[PROP_FROM] =
    g_param_spec_string ("from", NULL, "The first day paid shown (ISO), or NULL", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO] =
    g_param_spec_string ("to", NULL, "The last day paid shown (ISO), or NULL", NULL,
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
                            gint64           *out_sum,
                            GError          **error)
{
  CandourQuery *count;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_n_payments != NULL, FALSE);

  if ((count = candour_database_query (db, out_sum != NULL ? count_sum_sql : count_sql, error)) == NULL ||
      candour_query_step (count, error) != CANDOUR_QUERY_ROW)
    return FALSE;
  *out_n_payments = (guint)MIN (candour_query_get_int64 (count, "payments"), G_MAXUINT);
  if (out_sum != NULL)
    *out_sum = candour_query_get_int64 (count, "pence");
  candour_query_reset (count);
  return TRUE;
}

/* The longest text of a column, by characters: references keep to one alphabet, so
 * that is the widest on screen too. */
static gboolean
longest_ref (CandourDatabase  *db,
             const char       *sql,
             char            **out_ref,
             GError          **error)
{
  CandourQuery *query = candour_database_query (db, sql, error);
  CandourQueryStep step;

  *out_ref = NULL;
  if (query == NULL)
    return FALSE;
  if ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    *out_ref = g_strdup (candour_query_get_text (query, "ref"));
  candour_query_reset (query);
  return step != CANDOUR_QUERY_ERROR;
}

gboolean
candour_payment_list_longest_refs (CandourDatabase  *db,
                                   char            **out_payment_ref,
                                   char            **out_agreement_ref,
                                   GError          **error)
{
  static const char payment_sql[] =
    "SELECT ref FROM payment WHERE ref IS NOT NULL ORDER BY length (ref) DESC, ref LIMIT 1";
  static const char agreement_sql[] =
    "SELECT ref FROM (SELECT ref FROM subcontract UNION ALL SELECT ref FROM contract) AS agreement "
    "ORDER BY length (ref) DESC, ref LIMIT 1";

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_payment_ref != NULL && out_agreement_ref != NULL, FALSE);

  if (!longest_ref (db, payment_sql, out_payment_ref, error))
    return FALSE;
  if (!longest_ref (db, agreement_sql, out_agreement_ref, error))
    {
      g_clear_pointer (out_payment_ref, g_free);
      return FALSE;
    }
  return TRUE;
}

/* The listed payments' count and sum, in SQL over the same conditions as their ids. */
static gboolean
sum_rows (CandourDatabase  *db,
          const Query      *query,
          const Search     *search,
          gint64           *out_sum,
          GError          **error)
{
  g_autofree char *sql = filtered_sql (query, search, sum_select_sql, FALSE);
  g_autoptr(CandourQuery) sum = candour_query_new (db, sql, error);

  if (sum == NULL)
    return FALSE;
  bind_filter (sum, query, search);
  if (candour_query_step (sum, error) != CANDOUR_QUERY_ROW)
    return FALSE;
  *out_sum = candour_query_get_int64 (sum, "pence");
  candour_query_reset (sum);
  return TRUE;
}

/* Counting, or fetching the ids in order, and adding up: what the list holds for a
 * query. Runs on whichever thread owns db, and reads nothing else. */
static gboolean
query_rows (CandourDatabase     *db,
            const Query         *query,
            guint               *out_n_items,
            guint               *out_total,
            gint64              *out_sum,
            GArray             **out_ids,
            GError             **error)
{
  g_auto(Search) search = { NULL };
  g_autofree char *sql = NULL;
  g_autoptr(CandourQuery) rows = NULL;
  g_autoptr(GArray) ids = NULL;
  CandourQueryStep step;
  guint total;
  gint64 sum = 0;

  search_init (&search, query->search);
  /* Every payment: counted and added up together, from one index. */
  if (!candour_payment_list_count (db, &total, query_is_filtered (query) ? NULL : &sum, error))
    return FALSE;

  if (query_is_paged (query))
    {
      *out_n_items = *out_total = total;
      *out_sum = sum;
      *out_ids = NULL;
      return TRUE;
    }

  if (query_is_filtered (query) && !sum_rows (db, query, &search, &sum, error))
    return FALSE;

  sql = filtered_sql (query, &search, ids_select_sql, TRUE);
  if ((rows = candour_query_new (db, sql, error)) == NULL)
    return FALSE;
  bind_filter (rows, query, &search);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), query_is_filtered (query) ? 0 : total);
  while ((step = candour_query_step (rows, error)) == CANDOUR_QUERY_ROW)
    {
      gint64 id = candour_query_get_int64 (rows, "id");
      g_array_append_val (ids, id);
    }
  if (step == CANDOUR_QUERY_ERROR)
    return FALSE;

  *out_n_items = ids->len;
  *out_total = query_is_filtered (query) ? total : ids->len;
  *out_sum = sum;
  *out_ids = g_steal_pointer (&ids);
  return TRUE;
}

/* Shows the rows of query (taken, with ids). */
static void
swap_in (CandourPaymentList *self,
         Query              *query,
         guint               n_items,
         guint               total,
         gint64              sum,
         GArray             *ids)
{
  guint old_n_items = self->n_items;
  Query old = self->query;

  self->query = *query;
  *query = (Query) { NULL };
  self->total = total;
  self->sum = sum;

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
  if (g_strcmp0 (old.from, self->query.from) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
  if (g_strcmp0 (old.to, self->query.to) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO]);
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

/* Every payment in another order read a page at a time, after every payment: the
 * count and the sum stand, so nothing need be asked of the database. */
static gboolean
reorder (CandourPaymentList *self,
         const Query        *query)
{
  Query copy;

  if (!query_is_paged (query) || query_is_filtered (&self->query) || self->job != NULL)
    return FALSE;

  drop_job_and_notify (self);
  query_copy (&copy, query);
  swap_in (self, &copy, self->n_items, self->total, self->sum, NULL);
  return TRUE;
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
  gint64 sum = 0;
  GArray *ids = NULL;

  drop_job_and_notify (self);
  if (!query_rows (self->db, query, &n_items, &total, &sum, &ids, error))
    return FALSE;

  query_copy (&copy, query);
  swap_in (self, &copy, n_items, total, sum, ids);
  return TRUE;
}

/* query on the calling thread, unless the list shows it already. */
static gboolean
change (CandourPaymentList  *self,
        const Query         *query,
        GError             **error)
{
  if (query_equal (query, &self->query) && self->job == NULL)
    return TRUE;
  if (reorder (self, query))
    return TRUE;
  return requery (self, query, error);
}

CandourPaymentList *
candour_payment_list_new (CandourDatabase  *db,
                          GError          **error)
{
  guint n_payments;
  gint64 sum;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);

  if (!candour_payment_list_count (db, &n_payments, &sum, error))
    return NULL;
  return candour_payment_list_new_counted (db, n_payments, sum);
}

CandourPaymentList *
candour_payment_list_new_counted (CandourDatabase *db,
                                  guint            n_payments,
                                  gint64           sum)
{
  CandourPaymentList *self;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);

  self = g_object_new (CANDOUR_TYPE_PAYMENT_LIST, NULL);
  self->db = g_object_ref (db);
  /* In the recorded order, unsearched: no ids to keep. */
  self->n_items = self->total = n_payments;
  self->sum = sum;
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

  query_init (&query, text, self->query.from, self->query.to, self->query.sort, self->query.descending);
  return change (self, &query, error);
}

const char *
candour_payment_list_get_search (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), NULL);

  return self->query.search;
}

gboolean
candour_payment_list_set_range (CandourPaymentList  *self,
                                const char          *from,
                                const char          *to,
                                GError             **error)
{
  g_auto(Query) query = { NULL };

  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), FALSE);

  query_init (&query, self->query.search, from, to, self->query.sort, self->query.descending);
  return change (self, &query, error);
}

const char *
candour_payment_list_get_from (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), NULL);

  return self->query.from;
}

const char *
candour_payment_list_get_to (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), NULL);

  return self->query.to;
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

  query_init (&query, self->query.search, self->query.from, self->query.to, sort, descending);
  return change (self, &query, error);
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

  /* One read transaction: the counts, the sum and the ids agree. A cancelled query may have
   * ended it already, so the COMMIT's own complaint is of no interest. */
  candour_database_set_cancellable (job->reader, cancellable);
  began = candour_database_exec (job->reader, "BEGIN", &error);
  ok = began && query_rows (job->reader, &job->query, &job->n_items, &job->total, &job->sum, &job->ids, &error);
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
    swap_in (self, &job->query, job->n_items, job->total, job->sum, g_steal_pointer (&job->ids));

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

  if (!force && reorder (self, query))
    {
      query_clear (query);
      g_task_return_boolean (waiter, TRUE);
      return;
    }

  /* Even every payment in the recorded order is added up, which is no quick count. */
  reader = candour_database_open_reader (self->db, &error);
  if (reader == NULL)
    {
      /* An in-memory database is small and has only the one connection. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
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
                                  const char          *from,
                                  const char          *to,
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
  query_init (&query, search, from, to, sort, descending);
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
  query_copy (&query, wanted);
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

gint64
candour_payment_list_get_sum (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), 0);

  return self->sum;
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
      if ((page = candour_database_query (self->db, page_sql[self->query.sort][self->query.descending], error)) == NULL)
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
