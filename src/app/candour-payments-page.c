/* candour-payments-page.c
 *
 * A million payments cannot go through a GtkSortListModel or GtkFilterListModel: both
 * would read every row. The columns' sorters here find every two payments equal: the
 * column memory (candour-column-memory.h) says which column the person clicked, and
 * CandourPaymentList sorts and searches in SQL and reads the rows in view.
 * Sorting and searching take SQLite a second or two on a million payments, so the
 * list works them out on a worker thread: meanwhile the old rows stay, scrollable, and
 * a spinner says what is happening. The page opens by date paid, which needs no
 * sorting: the list reads it a page at a time along the dates' index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "candour-accessible.h"
#include "candour-column-meanings.h"
#include "candour-column-memory.h"
#include "candour-date.h"
#include "candour-deletion.h"
#include "candour-labels.h"
#include "candour-money.h"
#include "candour-payment.h"
#include "candour-payments-page.h"
#include "candour-read-job.h"
#include "candour-ref-column.h"
#include "candour-row-feeder.h"
#include "candour-skip-model.h"

/* What each column of the list means, by its title in ui/candour-payments-page.ui. */
static const CandourColumnMeaning column_meanings[] = {
  { N_("Paid on"), N_("The date the money was paid.") },
  { N_("Amount"), N_("How much was paid; a refund or clawback shows as a negative amount.") },
  { N_("From"), N_("Who paid: the commissioner, under a contract, or the lead provider, under a subcontract.") },
  { N_("To"), N_("Who was paid: the lead provider, under a contract, or the subcontractor, under a subcontract.") },
  { N_("Paid under"), N_("The contract or subcontract the payment was made under.") },
  { N_("Invoiced on"), N_("The date of the invoice the payment settles, when it is known.") },
  { N_("Days to pay"), N_("Days from the invoice to the payment. The Procurement Act 2023 expects invoices to be paid within 30 days.") },
  { N_("Reference"), N_("The payment’s reference in Candour, as used in the files imported.") },
};

struct _CandourPaymentsPage
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkMenuButton *range_button;
  GtkLabel *range_label;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkLabel *range_problem;
  GtkWidget *clear_range_button;
  GtkSpinner *busy_spinner;
  GtkLabel *count_label;
  GtkStack *view_stack;
  GtkColumnView *view;
  GtkSingleSelection *selection;
  AdwStatusPage *empty_page;
  GtkColumnViewColumn *paid_on_column;
  GtkColumnViewColumn *amount_column;
  GtkColumnViewColumn *payer_column;
  GtkColumnViewColumn *payee_column;
  GtkColumnViewColumn *agreement_column;
  GtkColumnViewColumn *invoiced_on_column;
  GtkColumnViewColumn *days_column;
  GtkColumnViewColumn *ref_column;

  CandourSession *session;
  CandourPaymentList *list;
  CandourSkipModel *shown;      /* the list, less a payment waiting to be deleted */
  gint64 skipped_id;            /* that payment, or 0 */
  gint64 skipped_amount;        /* its amount, left out of the sum */
  gint64 deleting_id;           /* the payment this page is deleting, while it starts */
  gint64 deleting_amount;
  guint deleting_position;
  char *from;                   /* the range typed, as ISO dates; NULL for no bound */
  char *to;
  gboolean resorting;           /* leaving the view's sorter one column */
  gboolean stale;               /* the payments changed while the page was hidden */
  GCancellable *counting;       /* the count on a worker a new list starts from */
  GCancellable *measuring;      /* the longest references, for the columns' widths */
};

G_DEFINE_FINAL_TYPE (CandourPaymentsPage, candour_payments_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A column's cells, made and filled here rather than by GtkBuilderListItemFactory
 * templates: when a new order comes in, GTK makes every row it keeps (about 200)
 * again, and a template per cell made that a freeze of a third of a second. */
typedef struct
{
  const char *property;         /* the CandourPayment text shown; NULL: days to pay */
  gboolean numeric;
  gboolean tooltip;             /* names, often cut short */
} Cell;

static const Cell paid_on_cell = { "paid-on-text", TRUE, FALSE };
static const Cell amount_cell = { "amount-text", TRUE, FALSE };
static const Cell payer_cell = { "payer-name", FALSE, TRUE };
static const Cell payee_cell = { "payee-name", FALSE, TRUE };
static const Cell agreement_cell = { "agreement-ref", FALSE, FALSE };
static const Cell invoiced_on_cell = { "invoiced-on-text", TRUE, FALSE };
static const Cell days_cell = { NULL, TRUE, FALSE };
static const Cell ref_cell = { "ref", FALSE, FALSE };

/* The entry's text as the list takes it: NULL for no search. */
static const char *
wanted_search (CandourPaymentsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return text[0] != '\0' ? text : NULL;
}

/* Whether the list shows what the search entry and the range ask for. */
static gboolean
shows_wanted (CandourPaymentsPage *self)
{
  return g_strcmp0 (wanted_search (self), candour_payment_list_get_search (self->list)) == 0 &&
         g_strcmp0 (self->from, candour_payment_list_get_from (self->list)) == 0 &&
         g_strcmp0 (self->to, candour_payment_list_get_to (self->list)) == 0;
}

static void
update_count (CandourPaymentsPage *self)
{
  guint shown = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint total = self->list != NULL ? candour_payment_list_get_total (self->list) : 0;
  gint64 sum = self->list != NULL ? candour_payment_list_get_sum (self->list) : 0;
  gboolean busy = (self->list != NULL && candour_payment_list_get_busy (self->list)) || self->counting != NULL;
  g_autofree char *text = NULL;

  /* A payment waiting to be deleted is not counted. */
  if (self->skipped_id != 0 && shown > 0)
    {
      shown--;
      total--;
      sum -= self->skipped_amount;
    }

  if (self->counting != NULL)
    text = g_strdup (_("Counting…"));
  else if (busy && !shows_wanted (self))
    text = g_strdup (_("Searching…"));
  else if (busy)
    text = g_strdup (_("Sorting…"));
  else
    {
      g_autofree char *shown_text = candour_count_format (shown);
      g_autofree char *total_text = candour_count_format (total);
      g_autofree char *count = NULL;
      g_autofree char *sum_text = candour_money_format_display (sum);

      /* Translators: the Payments page's count, "1,000,000 payments" */
      if (shown == total)
        count = g_strdup_printf (ngettext ("%s payment", "%s payments", shown), shown_text);
      else
        count = g_strdup_printf (ngettext ("%s of %s payment", "%s of %s payments", total),
                                 shown_text, total_text);
      /* Translators: the count and the listed payments' sum, "1,204 of 1,000,000
       * payments · £3,456,789.12" */
      text = g_strdup_printf (_("%s · %s"), count, sum_text);
    }
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);

  if (shown > 0 || self->counting != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, "list");
  else
    {
      if (total == 0)
        {
          adw_status_page_set_title (self->empty_page, _("No Payments Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Import payments.csv to see what commissioners paid "
                                             "lead providers and what lead providers paid their partners."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Matching Payments"));
          adw_status_page_set_description (self->empty_page,
                                           self->from != NULL || self->to != NULL
                                             ? _("Try other words, or other dates.")
                                             : _("Try other words."));
        }
      gtk_stack_set_visible_child_name (self->view_stack, "empty");
    }
}

static gboolean
on_query_cell_tooltip (GtkLabel   *label,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip)
{
  const char *text = gtk_label_get_label (label);

  if (text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  const Cell *cell = user_data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), cell->numeric ? 1 : 0);
  if (cell->numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (cell->tooltip)
    {
      /* Asked for when the pointer rests on the cell: a tooltip set on every bind
       * asks the display where the pointer is, every time. */
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_query_cell_tooltip), NULL);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  const Cell *cell = user_data;
  CandourPayment *payment = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (cell->property != NULL)
    g_object_get (payment, cell->property, &text, NULL);
  else
    text = candour_days_text (candour_payment_get_days_to_pay (payment));
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");

  /* The row, for a screen reader, once (from its first cell): when, how much, who
   * paid whom, which payment. */
  if (cell == &paid_on_cell)
    {
      g_autofree char *amount = NULL;
      g_autofree char *payer = NULL;
      g_autofree char *payee = NULL;
      g_autofree char *from_to = NULL;

      g_object_get (payment, "amount-text", &amount, "payer-name", &payer, "payee-name", &payee, NULL);
      /* Translators: a payment's row as a screen reader says it: "from Kindred Pathways to
       * Millbrook Peer Support Network". */
      from_to = g_strdup_printf (_("from %s to %s"), payer != NULL ? payer : "", payee != NULL ? payee : "");
      candour_accessible_name_row (item, 4, text, amount, from_to, candour_payment_get_ref (payment));
    }
}

static void
set_cells (GtkColumnViewColumn *column,
           const Cell          *cell)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer)cell);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer)cell);
  gtk_column_view_column_set_factory (column, factory);
}

static GtkColumnViewColumn *
column_of (CandourPaymentsPage *self,
           CandourPaymentSort   sort)
{
  GtkColumnViewColumn *columns[CANDOUR_PAYMENT_N_SORTS] = {
    [CANDOUR_PAYMENT_SORT_REF] = self->ref_column,
    [CANDOUR_PAYMENT_SORT_AGREEMENT] = self->agreement_column,
    [CANDOUR_PAYMENT_SORT_PAYER] = self->payer_column,
    [CANDOUR_PAYMENT_SORT_PAYEE] = self->payee_column,
    [CANDOUR_PAYMENT_SORT_AMOUNT] = self->amount_column,
    [CANDOUR_PAYMENT_SORT_PAID_ON] = self->paid_on_column,
    [CANDOUR_PAYMENT_SORT_INVOICED_ON] = self->invoiced_on_column,
    [CANDOUR_PAYMENT_SORT_DAYS_TO_PAY] = self->days_column,
  };

  return columns[sort];
}

/* The column the person sorted by, as the column memory finds it (GTK 4.8 has no
 * call for it); the rows themselves are sorted in SQL. */
static CandourPaymentSort
wanted_sort (CandourPaymentsPage *self,
             gboolean            *descending)
{
  GtkColumnViewColumn *sorted = candour_column_memory_sorted_by (self->view, descending);

  for (CandourPaymentSort sort = 0; sorted != NULL && sort < CANDOUR_PAYMENT_N_SORTS; sort++)
    if (sort != CANDOUR_PAYMENT_SORT_NONE && column_of (self, sort) == sorted)
      return sort;
  *descending = FALSE;
  return CANDOUR_PAYMENT_SORT_NONE;
}

static void
on_rows_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CandourPaymentsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Cancelled: a newer sort or search took over, or the page went. */
  if (!candour_payment_list_query_finish (CANDOUR_PAYMENT_LIST (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not sort or search the payments: %s", error->message);
}

/* The rows the column headings and the search entry ask for, worked out off the main
 * thread; the old rows stay until they are ready. */
static void
request_rows (CandourPaymentsPage *self)
{
  CandourPaymentSort sort;
  gboolean descending;

  if (self->list == NULL)
    return;

  sort = wanted_sort (self, &descending);
  candour_payment_list_query_async (self->list, wanted_search (self), self->from, self->to, sort, descending,
                                    on_rows_ready, g_object_ref (self));
  update_count (self);
}

static void
on_view_sorter_changed (CandourPaymentsPage *self)
{
  CandourPaymentSort sort;
  gboolean descending;

  if (self->resorting)
    return;

  /* GTK 4.8 keeps the columns clicked before as lesser orders, and never redraws
   * their headings, so their arrows stay. The list sorts by one column (ties by the
   * order recorded): a column given its sorter again leaves the order and shows no
   * arrow, so only the current column's heading has one. */
  sort = wanted_sort (self, &descending);
  self->resorting = TRUE;
  for (CandourPaymentSort other = CANDOUR_PAYMENT_SORT_NONE + 1; other < CANDOUR_PAYMENT_N_SORTS; other++)
    {
      GtkColumnViewColumn *column = column_of (self, other);
      g_autoptr(GtkSorter) sorter = NULL;

      if (other == sort)
        continue;
      sorter = g_object_ref (gtk_column_view_column_get_sorter (column));
      gtk_column_view_column_set_sorter (column, NULL);
      gtk_column_view_column_set_sorter (column, sorter);
    }
  self->resorting = FALSE;
  request_rows (self);
}

/* A heading that sorts when clicked: the order is asked of the column memory and
 * worked out in SQL, so the sorter itself finds every two payments equal. */
static GtkOrdering
no_order (gconstpointer a,
          gconstpointer b,
          gpointer      user_data)
{
  return GTK_ORDERING_EQUAL;
}

static void
set_sortable (GtkColumnViewColumn *column)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (no_order, NULL, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

static void
on_search_changed (CandourPaymentsPage *self)
{
  request_rows (self);
}

/* The day an entry of the range says: FALSE, with why, when it says none. */
static gboolean
read_day (GtkEntry  *entry,
          char     **out_iso,
          char     **out_problem)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;

  *out_iso = NULL;
  if (text[0] == '\0')
    return TRUE;
  if (candour_date_parse (text, out_iso, &error))
    return TRUE;
  *out_problem = g_strdup (error->message);
  return FALSE;
}

static void
show_range_problem (CandourPaymentsPage *self,
                    GtkEntry            *entry,
                    const char          *problem)
{
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
update_range_label (CandourPaymentsPage *self)
{
  g_autofree char *from = self->from != NULL ? candour_date_format_display (self->from) : NULL;
  g_autofree char *to = self->to != NULL ? candour_date_format_display (self->to) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  if (from != NULL && to != NULL)
    /* Translators: the days paid shown, "01/04/2025 – 31/03/2026" */
    text = g_strdup_printf (_("%s – %s"), from, to);
  else if (from != NULL)
    /* Translators: the days paid shown, "From 01/04/2025" */
    text = g_strdup_printf (_("From %s"), from);
  else if (to != NULL)
    /* Translators: the days paid shown, "Until 31/03/2026" */
    text = g_strdup_printf (_("Until %s"), to);
  else
    text = g_strdup (_("All Dates"));
  gtk_label_set_label (self->range_label, text);
  /* Translators: the dates button as a screen reader says it, "Dates paid: All Dates" */
  spoken = g_strdup_printf (_("Dates paid: %s"), text);
  candour_accessible_name_menu_button (self->range_button, spoken);
  gtk_widget_set_sensitive (self->clear_range_button, from != NULL || to != NULL ||
                            gtk_editable_get_text (GTK_EDITABLE (self->from_entry))[0] != '\0' ||
                            gtk_editable_get_text (GTK_EDITABLE (self->to_entry))[0] != '\0');
}

/* The range as typed, once both ends are days (or empty) in order: half-typed, the
 * list stays as it was, and the entry says what is wrong. */
static void
on_range_changed (CandourPaymentsPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *from_problem = NULL;
  g_autofree char *to_problem = NULL;
  gboolean ok;

  ok = read_day (self->from_entry, &from, &from_problem);
  ok = read_day (self->to_entry, &to, &to_problem) && ok;
  if (ok && from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      to_problem = g_strdup (_("The To date is before the From date."));
      ok = FALSE;
    }

  show_range_problem (self, self->from_entry, from_problem);
  show_range_problem (self, self->to_entry, to_problem);
  gtk_label_set_label (self->range_problem, from_problem != NULL ? from_problem : to_problem != NULL ? to_problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->range_problem), !ok);

  if (ok && (g_strcmp0 (from, self->from) != 0 || g_strcmp0 (to, self->to) != 0))
    {
      g_free (self->from);
      g_free (self->to);
      self->from = g_steal_pointer (&from);
      self->to = g_steal_pointer (&to);
      request_rows (self);
    }
  update_range_label (self);
}

static void
on_range_activate (CandourPaymentsPage *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->range_problem)))
    gtk_menu_button_popdown (self->range_button);
}

static void
on_clear_range_clicked (CandourPaymentsPage *self)
{
  candour_payments_page_set_range (self, NULL, NULL);
  gtk_menu_button_popdown (self->range_button);
}

static void
drop_list (CandourPaymentsPage *self)
{
  if (self->list == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->list, self);
  candour_payment_list_cancel (self->list);
  g_clear_object (&self->list);
}

typedef struct
{
  guint n_payments;
  gint64 sum;
} Counted;

static gpointer
count_payments (CandourDatabase  *reader,
                gpointer          data,
                GCancellable     *cancellable,
                GError          **error)
{
  Counted counted;

  if (!candour_payment_list_count (reader, &counted.n_payments, &counted.sum, error))
    return NULL;
  return g_memdup2 (&counted, sizeof counted);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CandourPaymentsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree Counted *counted = candour_read_job_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->counting)
    return;
  g_clear_object (&self->counting);

  if (counted == NULL)
    g_warning ("Could not read the payments: %s", error->message);
  else
    {
      self->list = candour_payment_list_new_counted (candour_session_get_database (self->session),
                                                     counted->n_payments, counted->sum);
      /* Before the view has it: by date paid, as the page opens, is only another way
       * to read the same pages, and the view meets the rows once, in that order. */
      request_rows (self);
      g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (update_count), self);
      g_signal_connect_swapped (self->list, "notify::busy", G_CALLBACK (update_count), self);
    }
  candour_skip_model_set_model (self->shown, G_LIST_MODEL (self->list));
  update_count (self);
}

typedef struct
{
  char *payment;
  char *agreement;
} LongestRefs;

static void
longest_refs_free (gpointer data)
{
  LongestRefs *longest = data;

  g_free (longest->payment);
  g_free (longest->agreement);
  g_free (longest);
}

static gpointer
find_longest_refs (CandourDatabase  *reader,
                   gpointer          data,
                   GCancellable     *cancellable,
                   GError          **error)
{
  LongestRefs longest;

  if (!candour_payment_list_longest_refs (reader, &longest.payment, &longest.agreement, error))
    return NULL;
  return g_memdup2 (&longest, sizeof longest);
}

/* The reference columns as wide as their longest: GTK 4.8 sizes them from the rows in
 * view, and a longer one further down would be cut short. */
static void
on_longest_refs (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CandourPaymentsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  LongestRefs *longest = candour_read_job_finish (result, &error);

  if (longest == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not measure the payments' references: %s", error->message);
      return;
    }
  if (g_task_get_cancellable (G_TASK (result)) == self->measuring)
    {
      g_clear_object (&self->measuring);
      candour_ref_column_fit_texts (self->ref_column, (const char * const[]) { longest->payment }, 1);
      candour_ref_column_fit_texts (self->agreement_column, (const char * const[]) { longest->agreement }, 1);
    }
  longest_refs_free (longest);
}

static void
measure_refs (CandourPaymentsPage *self)
{
  g_cancellable_cancel (self->measuring);
  g_clear_object (&self->measuring);
  self->measuring = g_cancellable_new ();
  candour_read_job_run (candour_session_get_database (self->session), find_longest_refs, NULL, NULL,
                        longest_refs_free, self->measuring, on_longest_refs, g_object_ref (self));
}

/* Another database: a new list, counted on a worker. */
static void
reload (CandourPaymentsPage *self)
{
  /* Empty the view first: a view given a new model in one step looks for its old rows
   * among all the new ones, reading every payment. */
  candour_skip_model_set_model (self->shown, NULL);
  self->skipped_id = 0;
  drop_list (self);
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_cancellable_cancel (self->measuring);
  g_clear_object (&self->measuring);
  update_count (self);

  /* A hidden page reads the payments when it is next shown: a million of them, and
   * rows to lay out, are no part of opening the window. */
  self->stale = self->session != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->session == NULL || self->stale)
    return;

  self->counting = g_cancellable_new ();
  candour_read_job_run (candour_session_get_database (self->session), count_payments, NULL, NULL, g_free,
                        self->counting, on_counted, g_object_ref (self));
  measure_refs (self);
}

/* The same database changed: the same sort and search again, the old rows shown until
 * the new ones are ready. */
static void
on_revision_changed (CandourPaymentsPage *self)
{
  if (self->list == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      reload (self);
      return;
    }

  candour_payment_list_reload_async (self->list, on_rows_ready, g_object_ref (self));
  measure_refs (self);
  update_count (self);
}

static void
on_map (CandourPaymentsPage *self)
{
  if (self->stale)
    reload (self);
}

static void
candour_payments_page_actions_update (CandourPaymentsPage *self)
{
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", selected && self->session != NULL);
}

static char *
name_of_payment (CandourPayment *payment)
{
  const char *ref = candour_payment_get_ref (payment);
  g_autofree char *amount = NULL;
  g_autofree char *day = NULL;

  if (ref != NULL && ref[0] != '\0')
    /* Translators: how a toast names a payment, "payment PAY-0001" */
    return g_strdup_printf (_("payment %s"), ref);

  amount = candour_money_format_display (candour_payment_get_amount (payment));
  day = candour_date_format_display (candour_payment_get_paid_on (payment));
  /* Translators: "payment of £3,333.33 on 01/02/2024" */
  return g_strdup_printf (_("payment of %s on %s"), amount, day);
}

static void
on_activate (CandourPaymentsPage *self,
             guint                position)
{
  g_autoptr(CandourPayment) payment = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  gint64 id;

  if (payment == NULL || self->session == NULL)
    return;

  id = candour_payment_get_id (payment);
  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ux)",
                                (guint32)CANDOUR_TABLE_PAYMENTS, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CandourPaymentsPage *self = CANDOUR_PAYMENTS_PAGE (widget);
  CandourPayment *payment = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = NULL;
  guint position;

  if (payment == NULL || self->session == NULL || overlay == NULL)
    return;

  position = gtk_single_selection_get_selected (self->selection);
  self->deleting_id = candour_payment_get_id (payment);
  self->deleting_amount = candour_payment_get_amount (payment);
  self->deleting_position = candour_skip_model_to_model (self->shown, position);
  name = name_of_payment (payment);
  if (self->deleting_id > 0)
    candour_deletion_start (self->session, ADW_TOAST_OVERLAY (overlay), CANDOUR_TABLE_PAYMENTS,
                            self->deleting_id, candour_payment_get_ref (payment), name);
  self->deleting_id = 0;
}

/* Hide the payment being deleted here; show it again on Undo. */
static void
on_hidden_changed (CandourPaymentsPage *self,
                   guint                table)
{
  if (table != CANDOUR_TABLE_PAYMENTS)
    return;

  if (self->skipped_id != 0 && !candour_session_is_hidden (self->session, table, self->skipped_id))
    {
      self->skipped_id = 0;
      candour_skip_model_set_skipped (self->shown, CANDOUR_SKIP_MODEL_NONE);
    }
  if (self->deleting_id != 0 && candour_session_is_hidden (self->session, table, self->deleting_id))
    {
      self->skipped_id = self->deleting_id;
      self->skipped_amount = self->deleting_amount;
      candour_skip_model_set_skipped (self->shown, self->deleting_position);
    }
  update_count (self);
}

static gboolean
commit_pending (gpointer user_data)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (user_data, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    candour_deletion_commit (ADW_TOAST_OVERLAY (overlay));
  return G_SOURCE_REMOVE;
}

/* Sorted or searched again: the payment would be back. Delete it now, as the toast
 * would have done, rather than show a payment the person has deleted. */
static void
on_skip_lost (CandourPaymentsPage *self)
{
  if (self->skipped_id == 0)
    return;
  self->skipped_id = 0;
  g_idle_add_full (G_PRIORITY_DEFAULT, commit_pending, g_object_ref (self), g_object_unref);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CANDOUR_PAYMENTS_PAGE (widget)->search_entry));
}

static void
candour_payments_page_dispose (GObject *object)
{
  CandourPaymentsPage *self = (CandourPaymentsPage *)object;
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  drop_list (self);
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_cancellable_cancel (self->measuring);
  g_clear_object (&self->measuring);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  /* The columns leave the view's sorter as it goes: no order to ask for then. */
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_PAYMENTS_PAGE);
  /* The template's outermost child is not bound, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);

  G_OBJECT_CLASS (candour_payments_page_parent_class)->dispose (object);
}

static void
candour_payments_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CandourPaymentsPage *self = CANDOUR_PAYMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_payments_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CandourPaymentsPage *self = CANDOUR_PAYMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      candour_payments_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_payments_page_class_init (CandourPaymentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candour_payments_page_dispose;
  object_class->get_property = candour_payments_page_get_property;
  object_class->set_property = candour_payments_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, "The open database", CANDOUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CANDOUR_TYPE_PAYMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-payments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, range_button);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, range_problem);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, clear_range_button);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, view);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, paid_on_column);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, amount_column);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, payer_column);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, payee_column);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, agreement_column);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, invoiced_on_column);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, days_column);
  gtk_widget_class_bind_template_child (widget_class, CandourPaymentsPage, ref_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_range_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_range_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  /* On the page, not the application: in the search entry Delete deletes text. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "page.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "page.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
candour_payments_page_init (CandourPaymentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown = candour_skip_model_new ();
  {
    /* A million payments: the view's first rows a few a frame (candour-row-feeder.h). */
    g_autoptr(CandourRowFeeder) feeder = candour_row_feeder_new (GTK_WIDGET (self),
                                                                 G_LIST_MODEL (self->shown));

    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (feeder));
  }
  g_signal_connect_swapped (self->shown, "skip-lost", G_CALLBACK (on_skip_lost), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (candour_payments_page_actions_update), self, G_CONNECT_SWAPPED);
  candour_payments_page_actions_update (self);

  set_cells (self->paid_on_column, &paid_on_cell);
  set_cells (self->amount_column, &amount_cell);
  set_cells (self->payer_column, &payer_cell);
  set_cells (self->payee_column, &payee_cell);
  set_cells (self->agreement_column, &agreement_cell);
  set_cells (self->invoiced_on_column, &invoiced_on_cell);
  set_cells (self->days_column, &days_cell);
  set_cells (self->ref_column, &ref_cell);
  candour_accessible_name_column_headings (self->view);

  set_sortable (self->paid_on_column);
  set_sortable (self->amount_column);
  set_sortable (self->payer_column);
  set_sortable (self->payee_column);
  set_sortable (self->agreement_column);
  set_sortable (self->invoiced_on_column);
  set_sortable (self->days_column);
  set_sortable (self->ref_column);

  g_signal_connect_object (gtk_column_view_get_sorter (self->view), "changed",
                           G_CALLBACK (on_view_sorter_changed), self, G_CONNECT_SWAPPED);
  candour_column_explain_headings (self->view, column_meanings, G_N_ELEMENTS (column_meanings));
  /* After the sorters: its probes go in front of them. By date paid when the person
   * chose no other order, the arrow on its heading saying so. */
  candour_column_memory_attach (self->view, "payments", self->paid_on_column, GTK_SORT_ASCENDING);
  update_count (self);
  update_range_label (self);
}

CandourSession *
candour_payments_page_get_session (CandourPaymentsPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENTS_PAGE (self), NULL);

  return self->session;
}

void
candour_payments_page_set_session (CandourPaymentsPage *self,
                                   CandourSession      *session)
{
  g_return_if_fail (CANDOUR_IS_PAYMENTS_PAGE (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::revision", G_CALLBACK (on_revision_changed), self);
      /* Names and refs of other tables show beside each payment too. */
      g_signal_connect_swapped (session, "record-changed", G_CALLBACK (on_revision_changed), self);
      g_signal_connect_swapped (session, "hidden-changed", G_CALLBACK (on_hidden_changed), self);
    }

  reload (self);
  candour_payments_page_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
candour_payments_page_set_search (CandourPaymentsPage *self,
                                  const char          *text)
{
  g_return_if_fail (CANDOUR_IS_PAYMENTS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* The entry waits a moment before saying its text changed; a caller wants it now. */
  on_search_changed (self);
}

void
candour_payments_page_set_range (CandourPaymentsPage *self,
                                 const char          *from,
                                 const char          *to)
{
  g_return_if_fail (CANDOUR_IS_PAYMENTS_PAGE (self));

  /* One request for both ends: the first change alone would be a range of its own. */
  g_signal_handlers_block_by_func (self->from_entry, on_range_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from ? from : "");
  g_signal_handlers_unblock_by_func (self->from_entry, on_range_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to ? to : "");
  /* Unchanged text says nothing. */
  on_range_changed (self);
}

CandourPaymentList *
candour_payments_page_get_list (CandourPaymentsPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENTS_PAGE (self), NULL);

  return self->list;
}

GListModel *
candour_payments_page_get_shown (CandourPaymentsPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

void
candour_payments_page_sort (CandourPaymentsPage *self,
                            CandourPaymentSort   sort,
                            gboolean             descending)
{
  g_return_if_fail (CANDOUR_IS_PAYMENTS_PAGE (self));
  g_return_if_fail (sort < CANDOUR_PAYMENT_N_SORTS);

  gtk_column_view_sort_by_column (self->view, column_of (self, sort),
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}
