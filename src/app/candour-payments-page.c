/* candour-payments-page.c
 *
 * A million payments cannot go through a GtkSortListModel or GtkFilterListModel: both
 * would read every row. The columns' sorters here only say which column the person
 * clicked; CandourPaymentList sorts and searches in SQL and reads the rows in view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candour-labels.h"
#include "candour-payment.h"
#include "candour-payments-page.h"

struct _CandourPaymentsPage
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
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
  guint total;                  /* payments in the database, for "12 of 198" */
  CandourPaymentSort probed;    /* the column a probe of the view's sorter reached */
};

G_DEFINE_FINAL_TYPE (CandourPaymentsPage, candour_payments_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  CandourPaymentsPage *page;
  CandourPaymentSort sort;
} Probe;

static void
update_count (CandourPaymentsPage *self)
{
  guint shown = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  g_autofree char *text = NULL;

  if (self->list == NULL || candour_payment_list_get_search (self->list) == NULL)
    self->total = shown;

  if (shown == self->total)
    text = g_strdup_printf (ngettext ("%u payment", "%u payments", shown), shown);
  else
    text = g_strdup_printf (ngettext ("%u of %u payment", "%u of %u payments", self->total),
                            shown, self->total);
  gtk_label_set_label (self->count_label, text);

  if (shown > 0)
    gtk_stack_set_visible_child_name (self->view_stack, "list");
  else
    {
      if (self->total == 0)
        {
          adw_status_page_set_title (self->empty_page, _("No Payments Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Import payments.csv to see what commissioners paid "
                                             "lead providers and what lead providers paid their partners."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Matching Payments"));
          adw_status_page_set_description (self->empty_page, _("Try other words."));
        }
      gtk_stack_set_visible_child_name (self->view_stack, "empty");
    }
}

static GtkOrdering
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Probe *probe = user_data;

  probe->page->probed = probe->sort;
  return GTK_ORDERING_SMALLER;
}

/* The view's sorter asks the clicked column first and stops at its answer; the answer
 * comes back turned round when the column sorts descending. */
static void
on_view_sorter_changed (CandourPaymentsPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->view);
  g_autoptr(CandourPayment) a = g_object_new (CANDOUR_TYPE_PAYMENT, NULL);
  g_autoptr(CandourPayment) b = g_object_new (CANDOUR_TYPE_PAYMENT, NULL);
  g_autoptr(GError) error = NULL;
  GtkOrdering ordering;

  if (self->list == NULL)
    return;

  self->probed = CANDOUR_PAYMENT_SORT_NONE;
  ordering = gtk_sorter_compare (sorter, a, b);
  if (!candour_payment_list_set_sort (self->list, self->probed, ordering == GTK_ORDERING_LARGER, &error))
    g_warning ("Could not sort the payments: %s", error->message);
}

static void
set_probe (CandourPaymentsPage *self,
           GtkColumnViewColumn *column,
           CandourPaymentSort   sort)
{
  Probe *probe = g_new0 (Probe, 1);
  g_autoptr(GtkSorter) sorter = NULL;

  probe->page = self;
  probe->sort = sort;
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, g_free));
  gtk_column_view_column_set_sorter (column, sorter);
}

static void
on_search_changed (CandourPaymentsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->list == NULL)
    return;
  if (!candour_payment_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                        &error))
    g_warning ("Could not search the payments: %s", error->message);
}

static void
reload (CandourPaymentsPage *self)
{
  g_autoptr(GError) error = NULL;

  /* Empty the view first: a view given a new model in one step looks for its old rows
   * among all the new ones, reading every payment. */
  gtk_single_selection_set_model (self->selection, NULL);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);

  if (self->session != NULL)
    {
      self->list = candour_payment_list_new (candour_session_get_database (self->session), &error);
      if (self->list == NULL)
        g_warning ("Could not read the payments: %s", error->message);
      else
        g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (update_count), self);
    }

  self->total = 0;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  update_count (self);
  on_view_sorter_changed (self);
  on_search_changed (self);
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
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_PAYMENTS_PAGE);
  /* The template's outermost child is not bound, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->list);

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
  candour_labels_bind_template_callbacks (widget_class);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
candour_payments_page_init (CandourPaymentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_probe (self, self->paid_on_column, CANDOUR_PAYMENT_SORT_PAID_ON);
  set_probe (self, self->amount_column, CANDOUR_PAYMENT_SORT_AMOUNT);
  set_probe (self, self->payer_column, CANDOUR_PAYMENT_SORT_PAYER);
  set_probe (self, self->payee_column, CANDOUR_PAYMENT_SORT_PAYEE);
  set_probe (self, self->agreement_column, CANDOUR_PAYMENT_SORT_AGREEMENT);
  set_probe (self, self->invoiced_on_column, CANDOUR_PAYMENT_SORT_INVOICED_ON);
  set_probe (self, self->days_column, CANDOUR_PAYMENT_SORT_DAYS_TO_PAY);
  set_probe (self, self->ref_column, CANDOUR_PAYMENT_SORT_REF);

  g_signal_connect_object (gtk_column_view_get_sorter (self->view), "changed",
                           G_CALLBACK (on_view_sorter_changed), self, G_CONNECT_SWAPPED);
  update_count (self);
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
    g_signal_connect_swapped (session, "notify::revision", G_CALLBACK (reload), self);

  reload (self);
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

CandourPaymentList *
candour_payments_page_get_list (CandourPaymentsPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENTS_PAGE (self), NULL);

  return self->list;
}

void
candour_payments_page_sort (CandourPaymentsPage *self,
                            CandourPaymentSort   sort,
                            gboolean             descending)
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

  g_return_if_fail (CANDOUR_IS_PAYMENTS_PAGE (self));
  g_return_if_fail (sort < CANDOUR_PAYMENT_N_SORTS);

  gtk_column_view_sort_by_column (self->view, columns[sort],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}
