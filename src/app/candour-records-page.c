/* candour-records-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candour-accessible.h"
#include "candour-bid.h"
#include "candour-column-meanings.h"
#include "candour-column-memory.h"
#include "candour-consortium.h"
#include "candour-contract.h"
#include "candour-deletion.h"
#include "candour-fields.h"
#include "candour-label-closures.h"
#include "candour-labels.h"
#include "candour-organisation.h"
#include "candour-read-job.h"
#include "candour-record-query.h"
#include "candour-record-form.h"
#include "candour-records-page.h"
#include "candour-ref-column.h"
#include "candour-row-feeder.h"

/* A column of references, by its title, and the reference it shows. */
typedef struct
{
  const char *title;
  CandourRefGetter get_ref;
} RefColumn;

/* What each column means, in the words of ui/columns/TABLE.ui's titles. */
static const CandourColumnMeaning organisation_columns[] = {
  { N_("Name"), N_("The organisation’s name.") },
  { N_("Reference"), N_("The organisation’s reference in Candour, as used in the files imported.") },
  { N_("Kind"), N_("What sort of organisation it is: a charity, social enterprise, local authority and so on.") },
  { N_("Size"), N_("Its size band from its annual income, as in the Civil Society Almanac: micro under £10,000, small under £100,000, medium under £1m, large under £10m, major under £100m, super-major above.") },
  { N_("Annual income"), N_("Its income in a year, as last recorded.") },
  { N_("Works"), N_("Where it works: locally, across a region or nationally.") },
  { N_("Named in bids"), N_("How many bids named it as a partner.") },
  { N_("Bids led"), N_("How many bids it made as the lead provider.") },
  { N_("Subcontracted to it"), N_("The value of all the subcontracts it holds as a subcontractor.") },
  { N_("Identifier"), N_("Its registered identifier, such as a charity or company number (GB-CHC-…, GB-COH-…).") },
};

static const CandourColumnMeaning consortium_columns[] = {
  { N_("Name"), N_("The partnership’s name.") },
  { N_("Reference"), N_("The consortium’s reference in Candour, as used in the files imported.") },
  { N_("Model"), N_("How the partners work together: under a prime, as a consortium, an alliance, a joint venture or a network.") },
  { N_("Lead"), N_("The organisation that leads the partnership and holds the contracts.") },
  { N_("Members"), N_("How many organisations are members now; those recorded as having left are not counted.") },
  { N_("Agreement"), N_("Whether the members have a partnership agreement or memorandum of understanding.") },
  { N_("Signed"), N_("The date the agreement was signed.") },
  { N_("Due diligence"), N_("Whether the lead has checked its members’ governance and finances.") },
  { N_("Bids"), N_("How many bids the partnership made.") },
};

static const CandourColumnMeaning bid_columns[] = {
  { N_("Bid"), N_("The bid’s reference in Candour, as used in the files imported.") },
  { N_("Title"), N_("What the bid was for.") },
  { N_("Lead provider"), N_("The organisation that made the bid and would hold the contract.") },
  { N_("Commissioner"), N_("The public body that asked for bids and awards the contract.") },
  { N_("Value"), N_("What the bid asked for over the whole contract.") },
  { N_("Submitted"), N_("The date the bid went in.") },
  { N_("Outcome"), N_("Whether the bid was won, lost, withdrawn or is awaiting a decision.") },
  { N_("Partners"), N_("How many partners the bid named: the organisations it said would deliver part of the work.") },
  { N_("Contract"), N_("The contract the bid led to, if it was won and the contract is recorded.") },
};

static const CandourColumnMeaning contract_columns[] = {
  { N_("Contract"), N_("The contract’s reference in Candour, as used in the files imported.") },
  { N_("Title"), N_("What the contract is for.") },
  { N_("Lead provider"), N_("The organisation that holds the contract and subcontracts parts of it.") },
  { N_("Commissioner"), N_("The public body that awarded the contract and pays the lead provider.") },
  { N_("Value"), N_("What the contract is worth over its whole term.") },
  { N_("Starts"), N_("The first day of the contract.") },
  { N_("Ends"), N_("The last day of the contract.") },
  { N_("Subcontracted"), N_("The value of all its subcontracts, to any subcontractor.") },
  { N_("Subcontracts"), N_("How many subcontracts the lead provider has made under it.") },
  { N_("Required share for smaller organisations"), N_("The share of the contract’s value the commissioner required to go to smaller organisations, if it set one.") },
  { N_("Bid"), N_("The bid that won the contract; empty for a direct award.") },
};

static const RefColumn organisation_refs[] = {
  { N_("Reference"), (CandourRefGetter)candour_organisation_get_ref }, { NULL }
};
static const RefColumn consortium_refs[] = {
  { N_("Reference"), (CandourRefGetter)candour_consortium_get_ref }, { NULL }
};
static const RefColumn bid_refs[] = {
  { N_("Bid"), (CandourRefGetter)candour_bid_get_ref },
  { N_("Contract"), (CandourRefGetter)candour_bid_get_contract_ref }, { NULL }
};
static const RefColumn contract_refs[] = {
  { N_("Contract"), (CandourRefGetter)candour_contract_get_ref },
  { N_("Bid"), (CandourRefGetter)candour_contract_get_bid_ref }, { NULL }
};

/* What differs between the tables' lists. */
typedef struct
{
  GListModel *(*load) (CandourDatabase  *db,
                       GError          **error);
  const char *name_property;    /* how a row names its record: "name" or "title" */
  const char *search_placeholder;
  const char *search_label;
  const char *empty_title;
  const char *empty_description;
  const char *no_match_title;
  const char *new_tooltip;
  const char *delete_tooltip;
  const CandourColumnMeaning *meanings;  /* one for each column of ui/columns/TABLE.ui */
  gsize n_meanings;
  const RefColumn *ref_columns;         /* ended by { NULL } */
} PageKind;

static const PageKind kinds[CANDOUR_N_TABLES] = {
  [CANDOUR_TABLE_ORGANISATIONS] = {
    candour_organisation_list_load, "name",
    N_("Search names, references and identifiers"), N_("Search organisations"),
    N_("No Organisations Yet"),
    N_("Import organisations.csv to list the lead providers, partners and commissioners."),
    N_("No Matching Organisations"), N_("New Organisation"), N_("Delete Organisation"),
    organisation_columns, G_N_ELEMENTS (organisation_columns), organisation_refs,
  },
  [CANDOUR_TABLE_CONSORTIA] = {
    candour_consortium_list_load, "name",
    N_("Search consortia and their leads"), N_("Search consortia"),
    N_("No Consortia Yet"),
    N_("Import consortia.csv to see the partnerships and alliances that bid together."),
    N_("No Matching Consortia"), N_("New Consortium"), N_("Delete Consortium"),
    consortium_columns, G_N_ELEMENTS (consortium_columns), consortium_refs,
  },
  [CANDOUR_TABLE_BIDS] = {
    candour_bid_list_load, "title",
    N_("Search bids, lead providers and commissioners"), N_("Search bids"),
    N_("No Bids Yet"), N_("Import bids.csv, or the demo, to see the bids made in your area."),
    N_("No Matching Bids"), N_("New Bid"), N_("Delete Bid"),
    bid_columns, G_N_ELEMENTS (bid_columns), bid_refs,
  },
  [CANDOUR_TABLE_CONTRACTS] = {
    candour_contract_list_load, "title",
    N_("Search contracts, lead providers and commissioners"), N_("Search contracts"),
    N_("No Contracts Yet"),
    N_("Import contracts.csv to see the contracts that bids led to and the direct awards."),
    N_("No Matching Contracts"), N_("New Contract"), N_("Delete Contract"),
    contract_columns, G_N_ELEMENTS (contract_columns), contract_refs,
  },
};

struct _CandourRecordsPage
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkButton *new_button;
  GtkButton *delete_button;
  GtkButton *add_subcontract_button;
  GtkStack *view_stack;
  GtkScrolledWindow *scrolled;
  AdwStatusPage *empty_page;

  /* From ui/columns/TABLE.ui */
  GtkColumnView *view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  CandourRowFeeder *feeder;     /* what the view is given: the first rows a few a frame */

  CandourTable table;
  const PageKind *kind;
  CandourSession *session;
  GtkFilter *hidden_filter;     /* rows waiting to be deleted */
  GCancellable *loading;        /* the list being read on a worker */
  gboolean stale;               /* the records changed while the page was hidden */
  char *select_ref;             /* to select once it is in the list (a new record) */
};

G_DEFINE_FINAL_TYPE (CandourRecordsPage, candour_records_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean select_now (CandourRecordsPage *self,
                            const char         *ref);

static char *
count_text (CandourTable table,
            guint        shown,
            guint        total)
{
  /* Grouped like money ("50,000 organisations"); each table's own words, since
   * ngettext needs the plural forms written out. */
  g_autofree char *n = candour_count_format (total);
  g_autofree char *of = candour_count_format (shown);

  switch (table)
    {
    case CANDOUR_TABLE_ORGANISATIONS:
      return shown == total
        ? g_strdup_printf (ngettext ("%s organisation", "%s organisations", total), n)
        /* Translators: "3 of 8 organisations" */
        : g_strdup_printf (ngettext ("%s of %s organisation", "%s of %s organisations", total), of, n);

    case CANDOUR_TABLE_CONSORTIA:
      return shown == total
        ? g_strdup_printf (ngettext ("%s consortium", "%s consortia", total), n)
        : g_strdup_printf (ngettext ("%s of %s consortium", "%s of %s consortia", total), of, n);

    case CANDOUR_TABLE_BIDS:
      return shown == total
        ? g_strdup_printf (ngettext ("%s bid", "%s bids", total), n)
        : g_strdup_printf (ngettext ("%s of %s bid", "%s of %s bids", total), of, n);

    case CANDOUR_TABLE_CONTRACTS:
    default:
      return shown == total
        ? g_strdup_printf (ngettext ("%s contract", "%s contracts", total), n)
        : g_strdup_printf (ngettext ("%s of %s contract", "%s of %s contracts", total), of, n);
    }
}

static void
candour_records_page_actions_update (CandourRecordsPage *self)
{
  gboolean selected = self->selection != NULL &&
                      gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", selected && self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-subcontract",
                                 selected && self->session != NULL && self->table == CANDOUR_TABLE_CONTRACTS);
}

static void
update_count (CandourRecordsPage *self)
{
  GListModel *all;
  guint shown, total;
  g_autofree char *text = NULL;

  /* The models still signal while the page is taken apart. */
  if (self->filter_model == NULL || self->sort_model == NULL)
    return;

  all = gtk_sort_list_model_get_model (self->sort_model);
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  total = all != NULL ? g_list_model_get_n_items (all) : 0;

  text = count_text (self->table, shown, total);
  gtk_label_set_label (self->count_label, text);

  if (self->select_ref != NULL && select_now (self, self->select_ref))
    g_clear_pointer (&self->select_ref, g_free);

  /* Filtering 50,000 rows takes a few frames: no "nothing found" meanwhile. */
  if (shown > 0 || gtk_filter_list_model_get_pending (self->filter_model) > 0)
    gtk_stack_set_visible_child_name (self->view_stack, "list");
  else
    {
      if (total == 0 && self->loading != NULL)
        {
          adw_status_page_set_title (self->empty_page, _("Reading the Records…"));
          adw_status_page_set_description (self->empty_page, NULL);
        }
      else if (total == 0)
        {
          adw_status_page_set_title (self->empty_page, _(self->kind->empty_title));
          adw_status_page_set_description (self->empty_page, _(self->kind->empty_description));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _(self->kind->no_match_title));
          adw_status_page_set_description (self->empty_page, _("Try other words."));
        }
      gtk_stack_set_visible_child_name (self->view_stack, "empty");
    }
  candour_records_page_actions_update (self);
}

/* 50,000 organisations take a worker a moment to read: the rows on show stay until the
 * new ones are ready. */
static gpointer
read_rows (CandourDatabase  *reader,
           gpointer          data,
           GCancellable     *cancellable,
           GError          **error)
{
  const PageKind *kind = data;

  return kind->load (reader, error);
}

/* The references read whole, however long the longest of this database's. */
static void
fit_ref_columns (CandourRecordsPage *self,
                 GListModel         *rows)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  for (const RefColumn *ref = self->kind->ref_columns; ref->title != NULL; ref++)
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (column), _(ref->title)) == 0)
          candour_ref_column_fit (column, rows, ref->get_ref);
      }
}

static void
on_rows_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CandourRecordsPage) self = user_data;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = candour_read_job_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->loading)
    return;

  g_clear_object (&self->loading);
  if (rows == NULL)
    g_warning ("Could not read the %s: %s", candour_table_get_name (self->table), error->message);
  else
    fit_ref_columns (self, rows);
  gtk_sort_list_model_set_model (self->sort_model, rows);
  update_count (self);
}

static void
reload (CandourRecordsPage *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  if (self->session == NULL)
    {
      gtk_sort_list_model_set_model (self->sort_model, NULL);
      update_count (self);
      return;
    }

  /* A hidden page reads its records when it is next shown. */
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;

  self->loading = g_cancellable_new ();
  candour_read_job_run (candour_session_get_database (self->session), read_rows, (gpointer)self->kind, NULL,
                        g_object_unref, self->loading, on_rows_read, g_object_ref (self));
}

static void
on_map (CandourRecordsPage *self)
{
  if (self->stale)
    reload (self);
}

static gboolean
is_shown (gpointer item,
          gpointer user_data)
{
  CandourRecordsPage *self = user_data;
  g_autofree char *ref = NULL;

  if (self->session == NULL)
    return TRUE;
  g_object_get (item, "ref", &ref, NULL);
  return !candour_session_is_ref_hidden (self->session, self->table, ref);
}

/* With nothing hidden the filter matches everything, so that, while nobody searches,
 * the list of 50,000 is passed through whole rather than filtered in batches, each
 * making the table's rows again. */
static void
update_hidden_filter (CandourRecordsPage *self)
{
  gboolean any = self->session != NULL && candour_session_hides_any (self->session, self->table);

  gtk_custom_filter_set_filter_func (GTK_CUSTOM_FILTER (self->hidden_filter), any ? is_shown : NULL,
                                     any ? self : NULL, NULL);
}

static void
on_hidden_changed (CandourRecordsPage *self,
                   guint               table)
{
  if (table == self->table)
    update_hidden_filter (self);
}

static gint64
id_of_item (CandourRecordsPage *self,
            GObject            *item)
{
  g_autofree char *ref = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_get (item, "ref", &ref, NULL);
  id = candour_record_find_id (candour_session_get_database (self->session), self->table, ref, &error);
  if (error != NULL)
    g_warning ("Could not find %s: %s", ref, error->message);
  return id;
}

static void
on_activate (CandourRecordsPage *self,
             guint               position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  gint64 id;

  if (item == NULL || self->session == NULL)
    return;

  id = id_of_item (self, item);
  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ux)", (guint32)self->table, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CandourRecordsPage *self = CANDOUR_RECORDS_PAGE (widget);
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *ref = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (item == NULL || self->session == NULL || overlay == NULL)
    return;

  g_object_get (item, "ref", &ref, self->kind->name_property, &name, NULL);
  id = id_of_item (self, item);
  if (id > 0)
    candour_deletion_start (self->session, ADW_TOAST_OVERLAY (overlay), self->table, id, ref,
                            name != NULL && name[0] != '\0' ? name : ref);
}

/* A subcontract of the contract selected: the contract filled in and kept, typing
 * starting at the partner. */
static void
add_subcontract_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CandourRecordsPage *self = CANDOUR_RECORDS_PAGE (widget);
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *ref = NULL;
  CandourRecordForm *form;

  if (item == NULL || self->session == NULL || self->table != CANDOUR_TABLE_CONTRACTS)
    return;

  g_object_get (item, "ref", &ref, NULL);
  form = candour_record_form_new (self->session, CANDOUR_TABLE_SUBCONTRACTS, 0);
  candour_record_form_set_text (form, "contract_ref", ref, TRUE);
  candour_record_form_set_focus_field (form, "partner_ref");
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (form));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CANDOUR_RECORDS_PAGE (widget)->search_entry));
}

/* Each table's rows named for a screen reader by what identifies them on screen, from
 * the first column's template (notify::item is its bind step). */
static void
name_organisation_row (GtkListItem *list_item,
                       GParamSpec  *pspec,
                       gpointer     user_data)
{
  CandourOrganisation *organisation = gtk_list_item_get_item (list_item);

  if (organisation != NULL)
    candour_accessible_name_row (list_item, 3, candour_organisation_get_name (organisation),
                                 candour_kind_label (candour_organisation_get_kind (organisation)),
                                 candour_organisation_get_ref (organisation));
}

static void
name_consortium_row (GtkListItem *list_item,
                     GParamSpec  *pspec,
                     gpointer     user_data)
{
  CandourConsortium *consortium = gtk_list_item_get_item (list_item);

  if (consortium != NULL)
    candour_accessible_name_row (list_item, 3, candour_consortium_get_name (consortium),
                                 candour_model_label (candour_consortium_get_model (consortium)),
                                 candour_consortium_get_ref (consortium));
}

static void
name_bid_row (GtkListItem *list_item,
              GParamSpec  *pspec,
              gpointer     user_data)
{
  CandourBid *bid = gtk_list_item_get_item (list_item);

  if (bid != NULL)
    candour_accessible_name_row (list_item, 3, candour_bid_get_ref (bid), candour_bid_get_title (bid),
                                 candour_bid_get_lead_name (bid));
}

static void
name_contract_row (GtkListItem *list_item,
                   GParamSpec  *pspec,
                   gpointer     user_data)
{
  CandourContract *contract = gtk_list_item_get_item (list_item);

  if (contract != NULL)
    candour_accessible_name_row (list_item, 3, candour_contract_get_ref (contract),
                                 candour_contract_get_title (contract), candour_contract_get_lead_name (contract));
}

/* The table's columns and their models, declared in its own .ui file. */
static void
build_list (CandourRecordsPage *self)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autofree char *resource = g_strdup_printf ("/io/github/candour/Candour/columns/%s.ui",
                                               candour_table_get_name (self->table));
  g_autoptr(GError) error = NULL;
  GtkMultiFilter *filter;

  candour_label_closures_add_to_scope (GTK_BUILDER_CSCOPE (scope));
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "name_organisation_row", G_CALLBACK (name_organisation_row),
                                           "name_consortium_row", G_CALLBACK (name_consortium_row),
                                           "name_bid_row", G_CALLBACK (name_bid_row),
                                           "name_contract_row", G_CALLBACK (name_contract_row),
                                           NULL);
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_expose_object (builder, "search_entry", G_OBJECT (self->search_entry));
  if (!gtk_builder_add_from_resource (builder, resource, &error))
    g_error ("%s: %s", resource, error->message);

  self->view = GTK_COLUMN_VIEW (gtk_builder_get_object (builder, "view"));
  self->selection = GTK_SINGLE_SELECTION (gtk_builder_get_object (builder, "selection"));
  self->filter_model = GTK_FILTER_LIST_MODEL (gtk_builder_get_object (builder, "filter_model"));
  self->sort_model = GTK_SORT_LIST_MODEL (gtk_builder_get_object (builder, "sort_model"));
  self->feeder = candour_row_feeder_new (GTK_WIDGET (self), G_LIST_MODEL (self->filter_model));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->feeder));
  filter = GTK_MULTI_FILTER (gtk_builder_get_object (builder, "filter"));

  self->hidden_filter = GTK_FILTER (gtk_custom_filter_new (NULL, NULL, NULL));
  gtk_multi_filter_append (filter, g_object_ref (self->hidden_filter));

  gtk_scrolled_window_set_child (self->scrolled, GTK_WIDGET (self->view));
  candour_accessible_name_column_headings (self->view);
  candour_column_explain_headings (self->view, self->kind->meanings, self->kind->n_meanings);
  candour_column_memory_attach (self->view, candour_table_get_name (self->table), NULL, GTK_SORT_ASCENDING);
  g_signal_connect_object (self->view, "activate", G_CALLBACK (on_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  /* A new record may arrive with the view's later rows. */
  g_signal_connect_object (self->feeder, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (candour_records_page_actions_update),
                           self, G_CONNECT_SWAPPED);
}

static void
candour_records_page_constructed (GObject *object)
{
  CandourRecordsPage *self = CANDOUR_RECORDS_PAGE (object);

  G_OBJECT_CLASS (candour_records_page_parent_class)->constructed (object);

  self->kind = &kinds[self->table];
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->search_entry), 40);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  /* GTK 4.8 has the property but not yet its setter. */
  g_object_set (self->search_entry, "placeholder-text", _(self->kind->search_placeholder), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->kind->search_label), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_button), _(self->kind->new_tooltip));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button), _(self->kind->delete_tooltip));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->kind->new_tooltip), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->kind->delete_tooltip), -1);

  gtk_widget_set_visible (GTK_WIDGET (self->add_subcontract_button), self->table == CANDOUR_TABLE_CONTRACTS);

  build_list (self);
  update_count (self);
}

static void
candour_records_page_dispose (GObject *object)
{
  CandourRecordsPage *self = (CandourRecordsPage *)object;
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  /* The list belongs to the scrolled window, and goes with it. */
  self->view = NULL;
  self->selection = NULL;
  self->filter_model = NULL;
  self->sort_model = NULL;
  g_clear_object (&self->feeder);
  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_RECORDS_PAGE);
  /* The template's outermost child is not bound, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->hidden_filter);
  g_clear_object (&self->session);
  g_clear_pointer (&self->select_ref, g_free);

  G_OBJECT_CLASS (candour_records_page_parent_class)->dispose (object);
}

static void
candour_records_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CandourRecordsPage *self = CANDOUR_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_enum (value, self->table);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_records_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CandourRecordsPage *self = CANDOUR_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      self->table = g_value_get_enum (value);
      /* Only these four have a list of this kind. */
      if (kinds[self->table].load == NULL)
        {
          g_critical ("CandourRecordsPage cannot list %s", candour_table_get_name (self->table));
          self->table = CANDOUR_TABLE_ORGANISATIONS;
        }
      break;

    case PROP_SESSION:
      candour_records_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_records_page_class_init (CandourRecordsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = candour_records_page_constructed;
  object_class->dispose = candour_records_page_dispose;
  object_class->get_property = candour_records_page_get_property;
  object_class->set_property = candour_records_page_set_property;

  properties[PROP_TABLE] =
    g_param_spec_enum ("table", NULL, "The table listed", CANDOUR_TYPE_TABLE, CANDOUR_TABLE_ORGANISATIONS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, "The open database", CANDOUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CANDOUR_TYPE_BID);
  g_type_ensure (CANDOUR_TYPE_CONSORTIUM);
  g_type_ensure (CANDOUR_TYPE_CONTRACT);
  g_type_ensure (CANDOUR_TYPE_ORGANISATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-records-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourRecordsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordsPage, add_subcontract_button);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordsPage, empty_page);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.add-subcontract", NULL, add_subcontract_action);
  /* On the page, not the application: in the search entry Delete deletes text. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "page.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "page.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
candour_records_page_init (CandourRecordsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
candour_records_page_new (CandourTable table)
{
  return g_object_new (CANDOUR_TYPE_RECORDS_PAGE, "table", table, NULL);
}

CandourTable
candour_records_page_get_table (CandourRecordsPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORDS_PAGE (self), CANDOUR_TABLE_ORGANISATIONS);

  return self->table;
}

CandourSession *
candour_records_page_get_session (CandourRecordsPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORDS_PAGE (self), NULL);

  return self->session;
}

void
candour_records_page_set_session (CandourRecordsPage *self,
                                  CandourSession     *session)
{
  g_return_if_fail (CANDOUR_IS_RECORDS_PAGE (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::revision", G_CALLBACK (reload), self);
      /* Its counts and sums gather other tables' records too (an organisation's bids). */
      g_signal_connect_swapped (session, "record-changed", G_CALLBACK (reload), self);
      g_signal_connect_swapped (session, "hidden-changed", G_CALLBACK (on_hidden_changed), self);
    }

  update_hidden_filter (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
candour_records_page_set_search (CandourRecordsPage *self,
                                 const char         *text)
{
  g_return_if_fail (CANDOUR_IS_RECORDS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
}

GListModel *
candour_records_page_get_shown (CandourRecordsPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORDS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

static gboolean
select_now (CandourRecordsPage *self,
            const char         *ref)
{
  GListModel *shown = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown, i);
      g_autofree char *item_ref = NULL;

      g_object_get (item, "ref", &item_ref, NULL);
      if (g_strcmp0 (item_ref, ref) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
candour_records_page_select (CandourRecordsPage *self,
                             const char         *ref)
{
  g_return_val_if_fail (CANDOUR_IS_RECORDS_PAGE (self), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  g_clear_pointer (&self->select_ref, g_free);
  if (select_now (self, ref))
    return TRUE;
  /* Being read on a worker (a record just saved), or sorted a few rows at a time:
   * selected as soon as it arrives. */
  if (candour_records_page_is_busy (self))
    self->select_ref = g_strdup (ref);
  return FALSE;
}

gboolean
candour_records_page_is_busy (CandourRecordsPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORDS_PAGE (self), FALSE);

  return self->loading != NULL || self->stale || candour_row_feeder_get_feeding (self->feeder) ||
         gtk_filter_list_model_get_pending (self->filter_model) > 0 ||
         gtk_sort_list_model_get_pending (self->sort_model) > 0;
}
