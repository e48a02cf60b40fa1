/* candour-report-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candour-accessible.h"
#include "candour-date.h"
#include "candour-export.h"
#include "candour-export-chooser.h"
#include "candour-export-feedback.h"
#include "candour-labels.h"
#include "candour-money.h"
#include "candour-pdf-report.h"
#include "candour-print.h"
#include "candour-read-job.h"
#include "candour-record-query.h"
#include "candour-report-row.h"
#include "candour-report-view.h"
#include "candour-reports.h"
#include "candour-row-feeder.h"
#include "candour-window.h"
#include "candour-xlsx-writer.h"

typedef enum
{
  KIND_SCORECARD,
  KIND_SHARES,
  KIND_PAYMENT_TIMES,
  N_KINDS
} Kind;

typedef enum
{
  EXPORT_CSV,
  EXPORT_XLSX,
  EXPORT_PDF,
} ExportFormat;

typedef struct
{
  const char *keyword;
  const char *title;
  const char *file_name;
  const char *description;
  const char *chart_title;
  const char * const hidden[3];         /* report columns the table leaves out */
} KindInfo;

static const KindInfo kinds[N_KINDS] = {
  [KIND_SCORECARD] = {
    "scorecard", N_("Lead Provider Scorecard"), "scorecard",
    N_("For each lead provider of a won bid: the partners its bids named, how each "
       "finding came out, and the money promised, subcontracted and paid. Promise kept "
       "is the part of the promised money that was subcontracted."),
    N_("Promised, subcontracted and paid by lead provider"),
    { "lead_ref", NULL },
  },
  [KIND_SHARES] = {
    "shares", N_("Contract Shares"), "contract-shares",
    N_("For each contract: how much the lead provider kept and how much it "
       "subcontracted, and the share that reached smaller organisations (annual income "
       "known and below the contract’s limit) against any share the contract required."),
    N_("Kept by the lead and reaching smaller organisations, as a share of each contract"),
    { NULL },
  },
  [KIND_PAYMENT_TIMES] = {
    "payment-times", N_("Payment Times"), "payment-times",
    N_("For each payer: how many days invoices took to be paid, in the Procurement Act "
       "2023 bands, and how many were paid later than the agreed terms. Payments with no "
       "invoice date, and refunds, are left out."),
    N_("How quickly each payer paid invoices"),
    { "payer_ref", NULL },
  },
};

static const struct {
  const char *name;
  const char *title;
} column_titles[] = {
  { "lead_ref", N_("Lead provider") },
  { "lead_name", N_("Lead provider") },
  { "bids_won", N_("Bids won") },
  { "partners_named", N_("Partners named") },
  { "honoured", N_("Honoured") },
  { "bid_candy", N_("Bid candy") },
  { "short_changed", N_("Short-changed") },
  { "underpaid", N_("Underpaid") },
  { "awaiting_subcontract", N_("Awaiting subcontract") },
  { "pending", N_("Pending") },
  { "promised", N_("Promised") },
  { "subcontracted", N_("Subcontracted") },
  { "paid", N_("Paid") },
  { "promise_kept_percent", N_("Promise kept") },
  { "contract_ref", N_("Contract") },
  { "value", N_("Value") },
  { "retained", N_("Kept by the lead") },
  { "retained_percent", N_("Kept") },
  { "small_share_percent", N_("To smaller organisations") },
  { "required_small_share", N_("Required") },
  { "meets_requirement", N_("Requirement met") },
  { "payer_ref", N_("Payer ref") },
  { "payer_name", N_("Payer") },
  { "payments", N_("Payments") },
  { "average_days", N_("Average days") },
  { "within_30_percent", N_("Within 30 days") },
  { "days_31_to_60_percent", N_("31 to 60 days") },
  { "over_60_percent", N_("Over 60 days") },
  { "late_against_terms_percent", N_("Later than terms") },
};

struct _CandourReportView
{
  GtkWidget parent_instance;

  GtkLabel *description_label;
  CandourBarChart *chart;
  GtkLabel *chart_caption;
  GtkColumnView *table;
  GtkSortListModel *sort_model;
  GtkStack *export_stack;
  GtkWidget *export_pdf_button;
  GtkProgressBar *export_progress;
  GtkWidget *cancel_export_button;

  Kind kind;
  CandourSession *session;
  GCancellable *loading;        /* the report being worked out on a worker */
  gboolean stale;               /* the data changed while the view was hidden */
  GArray *shown;                /* guint: report columns in the table, in order */
  CandourReportColumn *columns; /* the report's columns, copied on first load */
  guint n_columns;

  /* While a PDF is written */
  GCancellable *export_cancellable;
  CandourPdfReport *exporting;  /* what it draws (the task's), for its progress */
  char *export_path;            /* the PDF being written, for the toast */
  GHashTable *lead_names;       /* organisation ref → name, when the report names leads by ref */
  guint progress_id;
  guint reveal_id;
};

/* How long an export runs before its progress is shown. */
#define EXPORT_PROGRESS_DELAY_MS 250

G_DEFINE_FINAL_TYPE (CandourReportView, candour_report_view, GTK_TYPE_WIDGET)

static void candour_report_view_actions_update (CandourReportView *self);

enum {
  PROP_0,
  PROP_KIND,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
column_title (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_titles); i++)
    if (g_str_equal (column_titles[i].name, name))
      return _(column_titles[i].title);
  return name;
}

static gboolean
is_numeric (CandourCellKind kind)
{
  return kind != CANDOUR_CELL_TEXT && kind != CANDOUR_CELL_KEYWORD;
}

/* A cell as the table and the PDF show it: keywords in words. */
static const char *
cell_text (CandourReportView *self,
           CandourReportRow  *row,
           guint              column)
{
  const char *text = candour_report_row_get_text (row, column);

  /* The shares report, like its CSV, names each lead by ref; people read names. */
  if (self->lead_names != NULL && g_str_equal (self->columns[column].name, "lead_ref") && text != NULL)
    {
      const char *name = g_hash_table_lookup (self->lead_names, text);

      if (name != NULL)
        return name;
    }

  if (self->columns[column].kind == CANDOUR_CELL_KEYWORD)
    {
      if (g_strcmp0 (text, "yes") == 0)
        return _("Yes");
      if (g_strcmp0 (text, "no") == 0)
        return _("No");
      if (g_strcmp0 (text, "n/a") == 0)
        return _("None set");
    }
  return text;
}

/* What the worker is asked, copied from the session on the main thread. */
typedef struct
{
  Kind kind;
  CandourReconcileOptions options;
} Question;

static void
question_free (gpointer data)
{
  Question *question = data;

  candour_reconcile_options_clear (&question->options);
  g_free (question);
}

typedef struct
{
  GListModel *rows;
  const CandourReportColumn *columns;  /* the report's own, static */
  guint n_columns;
  GHashTable *names;            /* organisation ref → name, for the shares chart */
} Answer;

static void
answer_free (gpointer data)
{
  Answer *answer = data;

  g_clear_object (&answer->rows);
  g_clear_pointer (&answer->names, g_hash_table_unref);
  g_free (answer);
}

/* Organisations' names by ref: the shares report names its leads by ref only (it is
 * the core's CSV format), and a person knows them by name. */
static GHashTable *
organisation_names (CandourDatabase  *db,
                    GError          **error)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CandourReport) report = candour_report_ref_choices (db, CANDOUR_TABLE_ORGANISATIONS, error);

  if (report == NULL)
    return names;
  while (candour_report_next (report, error))
    g_hash_table_insert (names, g_strdup (candour_report_get_text_by_name (report, "ref")),
                         g_strdup (candour_report_get_text_by_name (report, "label")));
  return names;
}

static CandourReport *
run_report (CandourDatabase  *db,
            const Question   *question,
            GError          **error)
{
  CandourPaymentTimesOptions times = { 0 };

  switch (question->kind)
    {
    case KIND_SCORECARD:
      return candour_report_scorecard (db, &question->options, error);

    case KIND_SHARES:
      return candour_report_shares (db, error);

    case KIND_PAYMENT_TIMES:
    case N_KINDS:
    default:
      return candour_report_payment_times (db, &times, error);
    }
}

static Question *
question_new (CandourReportView *self)
{
  Question *question = g_new0 (Question, 1);

  question->kind = self->kind;
  candour_session_get_options (self->session, &question->options);
  return question;
}

/* On the worker: the report over a million payments, read into rows. */
static gpointer
work_out (CandourDatabase  *db,
          gpointer          data,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(CandourReport) report = run_report (db, data, error);
  Question *question = data;
  Answer *answer;

  if (report == NULL)
    return NULL;

  answer = g_new0 (Answer, 1);
  answer->columns = candour_report_get_column (report, 0);
  answer->n_columns = candour_report_get_n_columns (report);
  answer->rows = candour_report_row_list_load (report, error);
  if (answer->rows != NULL && question->kind == KIND_SHARES)
    {
      g_autoptr(GError) names_error = NULL;

      answer->names = organisation_names (db, &names_error);
      if (names_error != NULL)
        g_warning ("Could not read the organisations' names: %s", names_error->message);
    }
  if (answer->rows == NULL)
    g_clear_pointer (&answer, answer_free);
  return answer;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  CandourReportView *self = user_data;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), is_numeric (self->columns[column].kind) ? 1 : 0);
  if (is_numeric (self->columns[column].kind))
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  CandourReportView *self = user_data;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  CandourReportRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = cell_text (self, row, column);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (!is_numeric (self->columns[column].kind))
    gtk_widget_set_tooltip_text (label, text);

  /* The row, for a screen reader, once (from its first column): what names it, its
   * columns that are not figures. */
  if (self->shown->len > 0 && column == g_array_index (self->shown, guint, 0))
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();

      for (guint i = 0; i < self->shown->len; i++)
        {
          guint shown = g_array_index (self->shown, guint, i);

          if (!is_numeric (self->columns[shown].kind))
            g_ptr_array_add (parts, (gpointer)cell_text (self, row, shown));
        }
      candour_accessible_name_rowv (item, parts->len, (const char * const *)parts->pdata);
    }
}

static int
compare_cells (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GtkColumnViewColumn *view_column = user_data;
  CandourReportView *self = g_object_get_data (G_OBJECT (view_column), "view");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view_column), "column"));
  CandourReportRow *x = (CandourReportRow *)a;
  CandourReportRow *y = (CandourReportRow *)b;

  if (is_numeric (self->columns[column].kind))
    {
      gboolean x_null = candour_report_row_is_null (x, column);
      gboolean y_null = candour_report_row_is_null (y, column);
      gint64 xv = candour_report_row_get_value (x, column);
      gint64 yv = candour_report_row_get_value (y, column);

      if (x_null != y_null)
        return x_null ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
      return xv < yv ? GTK_ORDERING_SMALLER : xv > yv ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }

  /* As shown: a lead by its name. */
  return gtk_ordering_from_cmpfunc (g_utf8_collate (cell_text (self, x, column), cell_text (self, y, column)));
}

/* The table's columns follow the report's, less those kinds[].hidden names. */
static void
build_columns (CandourReportView         *self,
               const CandourReportColumn *columns,
               guint                      n_columns)
{
  const KindInfo *info = &kinds[self->kind];

  self->n_columns = n_columns;
  self->columns = g_new0 (CandourReportColumn, self->n_columns);
  for (guint i = 0; i < self->n_columns; i++)
    {
      const CandourReportColumn *column = &columns[i];
      g_autoptr(GtkListItemFactory) factory = NULL;
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      self->columns[i] = *column;
      if (g_strv_contains ((const char * const *)info->hidden, column->name))
        continue;
      g_array_append_val (self->shown, i);

      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);

      view_column = gtk_column_view_column_new (column_title (column->name), g_steal_pointer (&factory));
      g_object_set_data (G_OBJECT (view_column), "view", self);
      g_object_set_data (G_OBJECT (view_column), "column", GUINT_TO_POINTER (i));
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cells, view_column, NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      /* The names in the first column stay readable when the figures need scrolling. */
      if (!is_numeric (column->kind) && self->shown->len == 1)
        {
          gtk_column_view_column_set_expand (view_column, TRUE);
          gtk_column_view_column_set_fixed_width (view_column, 240);
        }
      /* A ref after it (a contract's lead) is read whole, not "ORG-…". */
      else if (!is_numeric (column->kind))
        gtk_column_view_column_set_fixed_width (view_column, 150);
      gtk_column_view_append_column (self->table, view_column);
    }
  candour_accessible_name_column_headings (self->table);
}

typedef struct
{
  guint row;
  gint64 key;
} RankedRow;

static int
compare_ranked_rows (gconstpointer a,
                     gconstpointer b)
{
  const RankedRow *x = a;
  const RankedRow *y = b;

  if (x->key != y->key)
    return x->key < y->key ? 1 : -1;
  return x->row < y->row ? -1 : x->row > y->row;
}

/* The rows the chart shows: all of them when they are few enough to read, else the
 * CANDOUR_BAR_CHART_MAX_READABLE largest by key_column, largest first. */
static GArray *
rows_to_chart (GListModel *rows,
               guint       key_column)
{
  guint n = g_list_model_get_n_items (rows);
  GArray *ranked = g_array_sized_new (FALSE, FALSE, sizeof (RankedRow), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourReportRow) row = g_list_model_get_item (rows, i);
      RankedRow r = { i, candour_report_row_is_null (row, key_column)
                           ? G_MININT64 : candour_report_row_get_value (row, key_column) };

      g_array_append_val (ranked, r);
    }
  if (n > CANDOUR_BAR_CHART_MAX_READABLE)
    {
      g_array_sort (ranked, compare_ranked_rows);
      g_array_set_size (ranked, CANDOUR_BAR_CHART_MAX_READABLE);
    }
  return ranked;
}

static void
fill_chart (CandourReportView *self,
            GListModel        *rows,
            GHashTable        *names)
{
  guint n = g_list_model_get_n_items (rows);
  const char *scorecard[] = { _("Promised"), _("Subcontracted"), _("Paid"), NULL };
  const char *shares[] = { _("Kept by the lead"), _("To smaller organisations"),
                           _("Required for smaller organisations"), NULL };
  const char *times[] = { _("Within 30 days"), _("31 to 60 days"), _("Over 60 days"),
                          _("Later than terms"), NULL };
  static const guint scorecard_columns[] = { 10, 11, 12 };
  static const guint shares_columns[] = { 5, 6, 7 };
  static const guint times_columns[] = { 4, 5, 6, 7 };
  g_autoptr(GArray) charted = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *caption = NULL;
  const guint *columns;
  guint n_series;

  /* Too many bars to read are ranked by what matters most in each report: the money
   * promised, the contract's value, the number of payments. */
  switch (self->kind)
    {
    case KIND_SCORECARD:
      candour_bar_chart_set_series (self->chart, scorecard);
      candour_bar_chart_set_unit (self->chart, CANDOUR_CHART_UNIT_MONEY);
      columns = scorecard_columns;
      n_series = G_N_ELEMENTS (scorecard_columns);
      charted = rows_to_chart (rows, 10);
      break;

    case KIND_SHARES:
      candour_bar_chart_set_series (self->chart, shares);
      candour_bar_chart_set_unit (self->chart, CANDOUR_CHART_UNIT_PERCENT_TENTHS);
      columns = shares_columns;
      n_series = G_N_ELEMENTS (shares_columns);
      charted = rows_to_chart (rows, 2);
      break;

    case KIND_PAYMENT_TIMES:
    case N_KINDS:
    default:
      candour_bar_chart_set_series (self->chart, times);
      {
        /* Green for paid in good time, as paid is everywhere; then later and later. */
        static const CandourChartColour times_colours[] = { CANDOUR_CHART_GREEN, CANDOUR_CHART_YELLOW,
                                                            CANDOUR_CHART_ORANGE, CANDOUR_CHART_RED };

        candour_bar_chart_set_series_colours (self->chart, times_colours);
      }
      candour_bar_chart_set_unit (self->chart, CANDOUR_CHART_UNIT_PERCENT_TENTHS);
      columns = times_columns;
      n_series = G_N_ELEMENTS (times_columns);
      charted = rows_to_chart (rows, 2);
      break;
    }

  for (guint i = 0; i < charted->len; i++)
    {
      g_autoptr(CandourReportRow) row = g_list_model_get_item (rows, g_array_index (charted, RankedRow, i).row);
      g_autofree char *label = NULL;
      gint64 values[4];

      for (guint s = 0; s < n_series; s++)
        values[s] = candour_report_row_is_null (row, columns[s])
          ? CANDOUR_BAR_CHART_NO_VALUE : candour_report_row_get_value (row, columns[s]);

      if (self->kind == KIND_SHARES)
        {
          const char *lead_ref = candour_report_row_get_text (row, 1);
          const char *lead = names != NULL ? g_hash_table_lookup (names, lead_ref) : NULL;

          /* Translators: a bar's label in the Contract Shares chart: "CON-01 · Kindred Pathways" */
          label = g_strdup_printf (_("%s · %s"), candour_report_row_get_text (row, 0),
                                   lead != NULL && lead[0] != '\0' ? lead : lead_ref);
        }
      else
        label = g_strdup (candour_report_row_get_text (row, 1));
      candour_bar_chart_add_category (self->chart, label, values);
    }

  if (n > charted->len)
    {
      rest = candour_count_format (n - charted->len);
      /* Translators: under a report's chart; %u is 12, %s the rest: "1,204" */
      if (self->kind == KIND_SCORECARD)
        caption = g_strdup_printf (_("The %u lead providers that promised their partners the most; "
                                     "%s more are in the table below."), charted->len, rest);
      else if (self->kind == KIND_SHARES)
        caption = g_strdup_printf (_("The %u contracts of the highest value; %s more are in the "
                                     "table below."), charted->len, rest);
      else
        caption = g_strdup_printf (_("The %u payers that made the most payments; %s more are in "
                                     "the table below."), charted->len, rest);
    }
  gtk_label_set_label (self->chart_caption, caption != NULL ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->chart_caption), caption != NULL);
}

static void
on_worked_out (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CandourReportView) self = user_data;
  g_autoptr(GError) error = NULL;
  Answer *answer = candour_read_job_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->loading)
    {
      g_clear_pointer (&answer, answer_free);
      return;
    }
  g_clear_object (&self->loading);

  if (answer == NULL)
    {
      g_warning ("Could not read the %s report: %s", kinds[self->kind].keyword, error->message);
      return;
    }

  if (self->columns == NULL)
    build_columns (self, answer->columns, answer->n_columns);
  fill_chart (self, answer->rows, answer->names);
  g_clear_pointer (&self->lead_names, g_hash_table_unref);
  self->lead_names = g_steal_pointer (&answer->names);
  gtk_sort_list_model_set_model (self->sort_model, answer->rows);
  answer_free (answer);
  candour_report_view_actions_update (self);
}

/* A report over a million payments takes a worker a second: the view shows the last
 * one meanwhile, and a hidden view works its report out when it is next shown. */
static void
reload (CandourReportView *self)
{
  Question *question;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  if (self->session == NULL)
    {
      gtk_sort_list_model_set_model (self->sort_model, NULL);
      return;
    }

  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;

  question = question_new (self);
  self->loading = g_cancellable_new ();
  candour_read_job_run (candour_session_get_database (self->session), work_out, question, question_free,
                        answer_free, self->loading, on_worked_out, g_object_ref (self));
}

static void
on_map (CandourReportView *self)
{
  if (self->stale)
    reload (self);
}

/* Exports */

static GPtrArray *
table_rows (CandourReportView *self)
{
  GListModel *rows = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (rows);
  GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourReportRow) row = g_list_model_get_item (rows, i);
      GStrv line = g_new0 (char *, self->shown->len + 1);

      for (guint c = 0; c < self->shown->len; c++)
        line[c] = g_strdup (cell_text (self, row, g_array_index (self->shown, guint, c)));
      g_ptr_array_add (cells, line);
    }
  return cells;
}

static gint64
column_sum (GListModel *rows,
            guint       column)
{
  gint64 sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CandourReportRow) row = g_list_model_get_item (rows, i);
      sum += candour_report_row_get_value (row, column);
    }
  return sum;
}

/* Headline figures for the PDF: counts and totals of the table. */
static void
add_figures (CandourReportView *self,
             GPtrArray         *labels,
             GPtrArray         *values)
{
  GListModel *rows = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (rows);

#define FIGURE(label, value) G_STMT_START { \
    g_ptr_array_add (labels, g_strdup (label)); \
    g_ptr_array_add (values, value); \
  } G_STMT_END

  switch (self->kind)
    {
    case KIND_SCORECARD:
      FIGURE (_("Lead providers"), g_strdup_printf ("%u", n));
      FIGURE (_("Partners named"), g_strdup_printf ("%" G_GINT64_FORMAT, column_sum (rows, 3)));
      FIGURE (_("Promised to partners"), candour_money_format_display (column_sum (rows, 10)));
      FIGURE (_("Subcontracted to them"), candour_money_format_display (column_sum (rows, 11)));
      FIGURE (_("Paid to them"), candour_money_format_display (column_sum (rows, 12)));
      break;

    case KIND_SHARES:
      FIGURE (_("Contracts"), g_strdup_printf ("%u", n));
      FIGURE (_("Value of the contracts"), candour_money_format_display (column_sum (rows, 2)));
      FIGURE (_("Subcontracted"), candour_money_format_display (column_sum (rows, 3)));
      FIGURE (_("Kept by the leads"), candour_money_format_display (column_sum (rows, 4)));
      break;

    case KIND_PAYMENT_TIMES:
    case N_KINDS:
    default:
      FIGURE (_("Payers"), g_strdup_printf ("%u", n));
      FIGURE (_("Payments timed"), g_strdup_printf ("%" G_GINT64_FORMAT, column_sum (rows, 2)));
      break;
    }

#undef FIGURE
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (values, NULL);
}

/* Everything the PDF shows, copied now, as the table, figures and chart are on screen:
 * the PDF is drawn on another thread, which must not touch the widgets. */
static CandourPdfReport *
gather_pdf_report (CandourReportView *self)
{
  CandourPdfReport *report = candour_pdf_report_new ();
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  report->n_columns = self->shown->len;
  report->headings = g_new0 (char *, self->shown->len + 1);
  report->numeric = g_new0 (gboolean, MAX (1, self->shown->len));
  for (guint c = 0; c < self->shown->len; c++)
    {
      const CandourReportColumn *column = &self->columns[g_array_index (self->shown, guint, c)];

      report->headings[c] = g_strdup (column_title (column->name));
      report->numeric[c] = is_numeric (column->kind);
    }

  if (self->kind == KIND_SCORECARD)
    {
      report->dateline = candour_session_dup_judged_line (self->session);
      candour_status_glossary (NULL, &report->glossary_terms, &report->glossary_meanings);
    }
  else
    {
      g_autofree char *today = candour_date_today ();
      g_autofree char *today_text = candour_date_format_display (today);

      report->dateline = g_strdup_printf (_("Made on %s."), today_text);
    }

  add_figures (self, labels, values);
  report->figure_labels = (GStrv)g_ptr_array_free (labels, FALSE);
  report->figure_values = (GStrv)g_ptr_array_free (values, FALSE);

  report->title = g_strdup (_(kinds[self->kind].title));
  report->subtitle = g_strdup (candour_session_get_title (self->session));
  report->description = g_strdup (_(kinds[self->kind].description));
  report->chart = candour_bar_chart_dup_data (self->chart);
  if (gtk_widget_get_visible (GTK_WIDGET (self->chart_caption)))
    report->chart_caption = g_strdup (gtk_label_get_label (self->chart_caption));
  g_ptr_array_unref (report->rows);
  report->rows = table_rows (self);
  return report;
}

gboolean
candour_report_view_write_pdf (CandourReportView  *self,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(CandourPdfReport) report = NULL;

  g_return_val_if_fail (CANDOUR_IS_REPORT_VIEW (self), FALSE);
  g_return_val_if_fail (self->session != NULL && self->columns != NULL, FALSE);

  report = gather_pdf_report (self);
  return candour_pdf_report_write (report, candour_session_get_database (self->session), path, NULL, error);
}

gboolean
candour_report_view_write_csv (CandourReportView  *self,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(CandourReport) report = NULL;
  Question *question;

  g_return_val_if_fail (CANDOUR_IS_REPORT_VIEW (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  question = question_new (self);
  report = run_report (candour_session_get_database (self->session), question, error);
  question_free (question);
  return report != NULL && candour_export_report_to_path (report, path, error);
}

/* The CSV and spreadsheet exports' report is worked out again on a worker, straight
 * into the file. */
typedef struct
{
  Question *question;
  char *path;
  gboolean xlsx;
  char *title;                  /* the spreadsheet's properties */
  char *subject;
} FileJob;

static void
file_job_free (gpointer data)
{
  FileJob *job = data;

  question_free (job->question);
  g_free (job->path);
  g_free (job->title);
  g_free (job->subject);
  g_free (job);
}

static gpointer
write_file_in_worker (CandourDatabase  *db,
                      gpointer          data,
                      GCancellable     *cancellable,
                      GError          **error)
{
  FileJob *job = data;
  g_autoptr(CandourReport) report = run_report (db, job->question, error);

  if (report == NULL)
    return NULL;
  if (job->xlsx ? !candour_xlsx_write_report (report, job->path, job->title, job->subject,
                                              kinds[job->question->kind].keyword, cancellable, error)
                : !candour_export_report_to_path (report, job->path, error))
    return NULL;
  return g_strdup (job->path);
}

static void
on_file_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CandourReportView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = candour_read_job_finish (result, &error);

  if (path != NULL)
    candour_export_feedback_saved (GTK_WIDGET (self), path);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    candour_export_feedback_failed (GTK_WIDGET (self), error);
}

/* What a spreadsheet says it is: "Lead Provider Scorecard as of 30/06/2025". */
static char *
spreadsheet_title (CandourReportView *self)
{
  g_autofree char *as_of = NULL;
  g_autofree char *as_of_text = NULL;

  if (self->kind != KIND_SCORECARD)
    return g_strdup (_(kinds[self->kind].title));

  as_of = candour_session_dup_as_of (self->session);
  as_of_text = candour_date_format_display (as_of);
  /* Translators: a spreadsheet's title, "Lead Provider Scorecard as of 30/06/2025" */
  return g_strdup_printf (_("%s as of %s"), _(kinds[self->kind].title), as_of_text);
}

static void
export_file (CandourReportView *self,
             const char        *path,
             gboolean           xlsx)
{
  FileJob *job = g_new0 (FileJob, 1);

  job->question = question_new (self);
  job->path = g_strdup (path);
  job->xlsx = xlsx;
  if (xlsx)
    {
      job->title = spreadsheet_title (self);
      job->subject = g_strdup (candour_session_get_title (self->session));
    }
  candour_read_job_run (candour_session_get_database (self->session), write_file_in_worker, job, file_job_free,
                        g_free, NULL, on_file_written, g_object_ref (self));
}

void
candour_report_view_export_xlsx (CandourReportView *self,
                                 const char        *path)
{
  g_return_if_fail (CANDOUR_IS_REPORT_VIEW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->session != NULL);

  export_file (self, path, TRUE);
}

static gboolean
update_export_progress (gpointer user_data)
{
  CandourReportView *self = user_data;

  gtk_progress_bar_set_fraction (self->export_progress, candour_pdf_report_get_progress (self->exporting));
  return G_SOURCE_CONTINUE;
}

/* Most reports are written in a blink: the progress shows only when it is worth
 * watching, and the buttons do not flicker away and back meanwhile. */
static gboolean
reveal_export_progress (gpointer user_data)
{
  CandourReportView *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->reveal_id = 0;
  update_export_progress (self);
  gtk_stack_set_visible_child_name (self->export_stack, "exporting");
  /* The Export button, switched off, lost the focus: Cancel (or Escape) takes it. */
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    gtk_widget_grab_focus (self->cancel_export_button);
  return G_SOURCE_REMOVE;
}

/* The export is over, or the view is going: back to the buttons. */
static void
end_export (CandourReportView *self)
{
  gboolean had_focus;

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  g_clear_object (&self->export_cancellable);
  self->exporting = NULL;
  if (self->export_stack == NULL)
    return;

  had_focus = gtk_widget_has_focus (self->cancel_export_button);
  gtk_stack_set_visible_child_name (self->export_stack, "buttons");
  if (had_focus)
    gtk_widget_grab_focus (self->export_pdf_button);
}

static void
on_pdf_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CandourReportView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_steal_pointer (&self->export_path);
  gboolean written = candour_pdf_report_write_finish (result, &error);
  gboolean gone = self->export_cancellable == NULL;

  if (gone)
    return;

  end_export (self);
  candour_report_view_actions_update (self);

  if (written)
    candour_export_feedback_saved (GTK_WIDGET (self), path);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    candour_export_feedback_failed (GTK_WIDGET (self), error);
}

void
candour_report_view_export_pdf (CandourReportView *self,
                                const char        *path)
{
  CandourPdfReport *report;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CANDOUR_IS_REPORT_VIEW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->session != NULL && self->columns != NULL);
  g_return_if_fail (self->export_cancellable == NULL);

  report = gather_pdf_report (self);
  self->exporting = report;
  self->export_cancellable = g_cancellable_new ();
  self->export_path = g_strdup (path);
  candour_pdf_report_write_async (report, candour_session_get_database (self->session), path,
                                  self->export_cancellable, on_pdf_written, g_object_ref (self));

  name = g_path_get_basename (path);
  /* Translators: beside the Cancel button while a PDF is written, "Saving scorecard.pdf…" */
  text = g_strdup_printf (_("Saving %s…"), name);
  gtk_progress_bar_set_text (self->export_progress, text);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  self->progress_id = g_timeout_add (100, update_export_progress, self);
  self->reveal_id = g_timeout_add (EXPORT_PROGRESS_DELAY_MS, reveal_export_progress, self);
  candour_report_view_actions_update (self);
}

gboolean
candour_report_view_get_exporting (CandourReportView *self)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_VIEW (self), FALSE);

  return self->export_cancellable != NULL;
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CandourReportView *self = CANDOUR_REPORT_VIEW (widget);

  /* The worker stops at the next row and removes what it wrote; the answer comes back
   * as cancelled and the buttons return. */
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

static void
on_export_file_chosen (GtkWidget  *owner,
                       const char *path,
                       int         format)
{
  CandourReportView *self = CANDOUR_REPORT_VIEW (owner);

  /* All on workers: a PDF takes a while to draw, a CSV's or spreadsheet's report a
   * while to work out. */
  if (format == EXPORT_PDF)
    candour_report_view_export_pdf (self, path);
  else
    export_file (self, path, format == EXPORT_XLSX);
}

static void
export (CandourReportView *self,
        ExportFormat       format)
{
  static const char * const titles[] = {
    [EXPORT_CSV] = N_("Export Report as CSV"),
    [EXPORT_XLSX] = N_("Export Report as Spreadsheet"),
    [EXPORT_PDF] = N_("Export Report as PDF"),
  };
  static const char * const extensions[] = {
    [EXPORT_CSV] = ".csv",
    [EXPORT_XLSX] = ".xlsx",
    [EXPORT_PDF] = ".pdf",
  };
  g_autofree char *name = NULL;

  if (self->session == NULL)
    return;

  name = g_strconcat (kinds[self->kind].file_name, extensions[format], NULL);
  candour_export_chooser_show (GTK_WIDGET (self), _(titles[format]), name, format, on_export_file_chosen);
}

void
candour_report_view_print (CandourReportView *self,
                           const char        *export_path)
{
  g_return_if_fail (CANDOUR_IS_REPORT_VIEW (self));
  g_return_if_fail (self->session != NULL && self->columns != NULL);

  candour_print_report (GTK_WIDGET (self), gather_pdf_report (self), export_path);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CandourReportView *self = CANDOUR_REPORT_VIEW (widget);

  if (self->session != NULL && self->columns != NULL)
    candour_report_view_print (self, NULL);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  export (CANDOUR_REPORT_VIEW (widget), EXPORT_CSV);
}

static void
export_xlsx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  export (CANDOUR_REPORT_VIEW (widget), EXPORT_XLSX);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  export (CANDOUR_REPORT_VIEW (widget), EXPORT_PDF);
}

static void
candour_report_view_actions_update (CandourReportView *self)
{
  gboolean exporting = self->export_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-csv", self->session != NULL && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-xlsx", self->session != NULL && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-pdf", self->session != NULL && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.cancel-export", exporting);
}

static void
set_kind (CandourReportView *self,
          const char        *keyword)
{
  for (guint i = 0; i < N_KINDS; i++)
    if (g_strcmp0 (kinds[i].keyword, keyword) == 0)
      self->kind = i;

  gtk_label_set_label (self->description_label, _(kinds[self->kind].description));
  candour_bar_chart_set_title (self->chart, _(kinds[self->kind].chart_title));
}

static void
candour_report_view_dispose (GObject *object)
{
  CandourReportView *self = (CandourReportView *)object;
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  /* A PDF being written stops, and leaves nothing behind. */
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  end_export (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_REPORT_VIEW);
  /* The template's outermost child is not bound, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  candour_export_chooser_close (GTK_WIDGET (self));

  G_OBJECT_CLASS (candour_report_view_parent_class)->dispose (object);
}

static void
candour_report_view_finalize (GObject *object)
{
  CandourReportView *self = (CandourReportView *)object;

  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->export_path, g_free);
  g_clear_pointer (&self->lead_names, g_hash_table_unref);

  G_OBJECT_CLASS (candour_report_view_parent_class)->finalize (object);
}

static void
candour_report_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CandourReportView *self = CANDOUR_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, kinds[self->kind].keyword);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_report_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CandourReportView *self = CANDOUR_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      set_kind (self, g_value_get_string (value));
      break;

    case PROP_SESSION:
      candour_report_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_report_view_class_init (CandourReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candour_report_view_dispose;
  object_class->finalize = candour_report_view_finalize;
  object_class->get_property = candour_report_view_get_property;
  object_class->set_property = candour_report_view_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, "scorecard, shares or payment-times", "scorecard",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, "The open database", CANDOUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CANDOUR_TYPE_BAR_CHART);
  g_type_ensure (CANDOUR_TYPE_REPORT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, description_label);
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, chart);
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, chart_caption);
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, table);
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, export_stack);
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, export_pdf_button);
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, export_progress);
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, cancel_export_button);

  gtk_widget_class_install_action (widget_class, "report.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "report.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "report.cancel-export", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
candour_report_view_init (CandourReportView *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    /* 15,000 contracts: the table's first rows a few a frame (candour-row-feeder.h). */
    g_autoptr(CandourRowFeeder) feeder = candour_row_feeder_new (GTK_WIDGET (self),
                                                                 G_LIST_MODEL (self->sort_model));

    gtk_no_selection_set_model (GTK_NO_SELECTION (gtk_column_view_get_model (self->table)), G_LIST_MODEL (feeder));
  }
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  candour_report_view_actions_update (self);
}

const char *
candour_report_view_get_kind (CandourReportView *self)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_VIEW (self), NULL);

  return kinds[self->kind].keyword;
}

const char *
candour_report_view_get_title (CandourReportView *self)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_VIEW (self), NULL);

  return _(kinds[self->kind].title);
}

CandourSession *
candour_report_view_get_session (CandourReportView *self)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_VIEW (self), NULL);

  return self->session;
}

void
candour_report_view_set_session (CandourReportView *self,
                                 CandourSession    *session)
{
  g_return_if_fail (CANDOUR_IS_REPORT_VIEW (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::revision", G_CALLBACK (reload), self);
      g_signal_connect_swapped (session, "record-changed", G_CALLBACK (reload), self);
    }

  reload (self);
  candour_report_view_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GListModel *
candour_report_view_get_rows (CandourReportView *self)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_VIEW (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

CandourBarChart *
candour_report_view_get_chart (CandourReportView *self)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_VIEW (self), NULL);

  return self->chart;
}
