/* candour-payment-list.c
 *
 * Two ways to reach row N. In the recorded order with no search, the model only counts
 * the rows and reads a page with LIMIT/OFFSET over the rowid alone (the joins run for
 * the page, not for the skipped rows). Sorted or searched, it asks SQLite once for the
 * matching row ids in order and then reads each page by rowid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-payment-list.h"

/* Pages kept in memory: a screenful and some scrolling either side. */
#define MAX_PAGES 8

static const char count_sql[] = "SELECT count (*) FROM payment";

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

#define IDS_SQL(order) \
  "SELECT p.id FROM payment p\n" \
  CANDOUR_PAYMENT_JOINS \
  "WHERE :pattern IS NULL\n" \
  "   OR p.ref LIKE :pattern ESCAPE '\\' OR s.ref LIKE :pattern ESCAPE '\\'\n" \
  "   OR c.ref LIKE :pattern ESCAPE '\\' OR payer.name LIKE :pattern ESCAPE '\\'\n" \
  "   OR payee.name LIKE :pattern ESCAPE '\\'\n" \
  "ORDER BY " order

#define SORT(expression) \
  { IDS_SQL (expression ", p.id"), IDS_SQL (expression " DESC, p.id DESC") }

/* Row ids in each order, ascending and descending; ties keep the recorded order. */
static const char * const ids_sql[CANDOUR_PAYMENT_N_SORTS][2] = {
  [CANDOUR_PAYMENT_SORT_NONE] = { IDS_SQL ("p.id"), IDS_SQL ("p.id DESC") },
  [CANDOUR_PAYMENT_SORT_REF] = SORT ("p.ref"),
  [CANDOUR_PAYMENT_SORT_AGREEMENT] = SORT ("coalesce (s.ref, c.ref)"),
  [CANDOUR_PAYMENT_SORT_PAYER] = SORT ("payer.name COLLATE NOCASE"),
  [CANDOUR_PAYMENT_SORT_PAYEE] = SORT ("payee.name COLLATE NOCASE"),
  [CANDOUR_PAYMENT_SORT_AMOUNT] = SORT ("p.amount"),
  [CANDOUR_PAYMENT_SORT_PAID_ON] = SORT ("p.paid_on"),
  [CANDOUR_PAYMENT_SORT_INVOICED_ON] = SORT ("p.invoiced_on"),
  [CANDOUR_PAYMENT_SORT_DAYS_TO_PAY] = SORT ("candour_days (p.paid_on) - candour_days (p.invoiced_on)"),
};

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
  char *search;
  CandourPaymentSort sort;
  gboolean descending;

  guint n_items;
  GArray *ids;                  /* gint64 row ids when sorted or searched, else NULL */
  Page pages[MAX_PAGES];
  guint64 clock;
  guint pages_read;
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  forget_pages (self);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);
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
      g_value_set_string (value, self->search);
      break;

    case PROP_SORT:
      g_value_set_int (value, self->sort);
      break;

    case PROP_DESCENDING:
      g_value_set_boolean (value, self->descending);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
candour_payment_list_init (CandourPaymentList *self)
{
}

/* Counting, or fetching the ids in order: what the list holds after a change. */
static gboolean
query_rows (CandourPaymentList  *self,
            guint               *out_n_items,
            GArray             **out_ids,
            GError             **error)
{
  const char *sql;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = NULL;
  int rc;

  if (self->search == NULL && self->sort == CANDOUR_PAYMENT_SORT_NONE && !self->descending)
    {
      if ((stmt = candour_database_prepare (self->db, count_sql, error)) == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          candour_database_set_error (self->db, error, count_sql);
          sqlite3_reset (stmt);
          return FALSE;
        }
      *out_n_items = (guint)MIN (sqlite3_column_int64 (stmt, 0), G_MAXUINT);
      *out_ids = NULL;
      sqlite3_reset (stmt);
      return TRUE;
    }

  sql = ids_sql[self->sort][self->descending ? 1 : 0];
  if ((stmt = candour_database_prepare (self->db, sql, error)) == NULL)
    return FALSE;

  if (self->search != NULL)
    {
      GString *pattern = g_string_new ("%");

      /* LIKE's own wildcards in what the person typed are meant literally. */
      for (const char *c = self->search; *c != '\0'; c++)
        {
          if (*c == '%' || *c == '_' || *c == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *c);
        }
      g_string_append_c (pattern, '%');
      candour_bind_text (stmt, ":pattern", pattern->str);
      g_string_free (pattern, TRUE);
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return candour_database_set_error (self->db, error, sql);

  *out_n_items = ids->len;
  *out_ids = g_steal_pointer (&ids);
  return TRUE;
}

static gboolean
requery (CandourPaymentList  *self,
         GError             **error)
{
  guint old_n_items = self->n_items;
  guint n_items = 0;
  GArray *ids = NULL;

  if (!query_rows (self, &n_items, &ids, error))
    return FALSE;

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
  return TRUE;
}

CandourPaymentList *
candour_payment_list_new (CandourDatabase  *db,
                          GError          **error)
{
  g_autoptr(CandourPaymentList) self = NULL;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);

  self = g_object_new (CANDOUR_TYPE_PAYMENT_LIST, NULL);
  self->db = g_object_ref (db);
  if (!query_rows (self, &self->n_items, &self->ids, error))
    return NULL;
  return g_steal_pointer (&self);
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
  g_autofree char *old = NULL;

  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), FALSE);

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (text, self->search) == 0)
    return TRUE;

  old = g_steal_pointer (&self->search);
  self->search = g_strdup (text);
  if (!requery (self, error))
    {
      g_free (self->search);
      self->search = g_steal_pointer (&old);
      return FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  return TRUE;
}

const char *
candour_payment_list_get_search (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), NULL);

  return self->search;
}

gboolean
candour_payment_list_set_sort (CandourPaymentList  *self,
                               CandourPaymentSort   sort,
                               gboolean             descending,
                               GError             **error)
{
  CandourPaymentSort old_sort;
  gboolean old_descending;

  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), FALSE);
  g_return_val_if_fail (sort < CANDOUR_PAYMENT_N_SORTS, FALSE);

  descending = !!descending;
  if (sort == self->sort && descending == self->descending)
    return TRUE;

  old_sort = self->sort;
  old_descending = self->descending;
  self->sort = sort;
  self->descending = descending;
  if (!requery (self, error))
    {
      self->sort = old_sort;
      self->descending = old_descending;
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (sort != old_sort)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  if (descending != old_descending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

CandourPaymentSort
candour_payment_list_get_sort (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), CANDOUR_PAYMENT_SORT_NONE);

  return self->sort;
}

gboolean
candour_payment_list_get_descending (CandourPaymentList *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), FALSE);

  return self->descending;
}

gboolean
candour_payment_list_reload (CandourPaymentList  *self,
                             GError             **error)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT_LIST (self), FALSE);

  return requery (self, error);
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
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (self->ids == NULL)
    {
      if ((stmt = candour_database_prepare (self->db, page_sql, error)) == NULL)
        return NULL;
      candour_bind_int64 (stmt, ":limit", n);
      candour_bind_int64 (stmt, ":offset", first);
      while (items->len < n && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (items, candour_payment_new_from_statement (stmt));
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return candour_database_set_error (self->db, error, page_sql), NULL;
    }
  else
    {
      if ((stmt = candour_database_prepare (self->db, by_id_sql, error)) == NULL)
        return NULL;
      for (guint i = 0; i < n; i++)
        {
          candour_bind_int64 (stmt, ":id", g_array_index (self->ids, gint64, first + i));
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            g_ptr_array_add (items, candour_payment_new_from_statement (stmt));
          else
            g_ptr_array_add (items, g_object_new (CANDOUR_TYPE_PAYMENT, NULL));
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            {
              sqlite3_clear_bindings (stmt);
              return candour_database_set_error (self->db, error, by_id_sql), NULL;
            }
        }
      sqlite3_clear_bindings (stmt);
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
