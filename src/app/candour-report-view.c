/* candour-report-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candour-accessible.h"
#include "candour-application.h"
#include "candour-column-meanings.h"
#include "candour-column-memory.h"
#include "candour-date.h"
#include "candour-export.h"
#include "candour-export-chooser.h"
#include "candour-export-feedback.h"
#include "candour-pdf-report.h"
#include "candour-period-popover.h"
#include "candour-print.h"
#include "candour-read-job.h"
#include "candour-ref-column.h"
#include "candour-report-kind.h"
#include "candour-report-row.h"
#include "candour-report-view.h"
#include "candour-reports.h"
#include "candour-row-feeder.h"
#include "candour-window.h"
#include "candour-xlsx-writer.h"

typedef enum
{
  EXPORT_CSV,
  EXPORT_XLSX,
  EXPORT_PDF,
} ExportFormat;

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
  GtkWidget *period_box;
  GtkMenuButton *period_button;
  CandourPeriodPopover *period_popover;
  GtkLabel *period_label;

  CandourReportKind kind;
  GSettings *settings;          /* the application's, for the Financial Year preference */
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
static void reload (CandourReportView *self);

enum {
  PROP_0,
  PROP_KIND,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker is asked, copied from the session on the main thread. */
typedef struct
{
  CandourReportKind kind;
  CandourReconcileOptions options;
  CandourReportingPeriod period;  /* the payments payment times counts */
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

static CandourReport *
run_report (CandourDatabase  *db,
            const Question   *question,
            GError          **error)
{
  CandourPaymentTimesOptions times = {
    (char *)candour_reporting_period_get_first (&question->period),
    (char *)candour_reporting_period_get_last (&question->period),
  };

  switch (question->kind)
    {
    case CANDOUR_REPORT_KIND_SCORECARD:
      return candour_report_scorecard (db, &question->options, error);

    case CANDOUR_REPORT_KIND_SHARES:
      return candour_report_shares (db, error);

    case CANDOUR_REPORT_KIND_PAYMENT_TIMES:
    case CANDOUR_N_REPORT_KINDS:
    default:
      return candour_report_payment_times (db, &times, error);
    }
}

/* The application's settings, once the view is in a window of it (the first time,
 * from candour_report_view_root(), the period chosen last time is taken back). NULL
 * before, and in tests without them. */
static GSettings *
ensure_settings (CandourReportView *self)
{
  GtkRoot *root;
  GtkApplication *application;
  g_autofree char *kept = NULL;

  if (self->settings != NULL)
    return self->settings;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  if (!CANDOUR_IS_APPLICATION (application) || candour_application_get_settings (CANDOUR_APPLICATION (application)) == NULL)
    return NULL;

  self->settings = g_object_ref (candour_application_get_settings (CANDOUR_APPLICATION (application)));
  g_signal_connect_object (self->settings, "changed::financial-year-start-month",
                           G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  kept = g_settings_get_string (self->settings, "payment-times-period");
  candour_period_popover_restore_state (self->period_popover, kept);
  return self->settings;
}

/* The first month of a financial year, from Preferences; April without them. */
static int
financial_year_start_month (CandourReportView *self)
{
  GSettings *settings = ensure_settings (self);

  return settings != NULL ? g_settings_get_int (settings, "financial-year-start-month") : 4;
}

/* The payments counted: the choice, its financial years counted from the day the
 * window judges as of, so that "this financial year" beside findings as of 31/03/2025
 * is 2024-25. Only payment times takes one: the scorecard is judged as of a day already
 * (everything due and paid up to it), and a contract's shares are of its whole value,
 * which a period would only cut short. */
static void
current_period (CandourReportView      *self,
                CandourReportingPeriod *period)
{
  g_autofree char *day = NULL;

  candour_reporting_period_all (period);
  if (self->kind != CANDOUR_REPORT_KIND_PAYMENT_TIMES || self->session == NULL)
    return;
  day = candour_session_dup_as_of (self->session);
  if (!candour_period_popover_get_period (self->period_popover, day, financial_year_start_month (self), period))
    candour_reporting_period_all (period);
}

/* The button says the choice; the line beside it the days, in words. */
static void
show_period (CandourReportView *self)
{
  CandourReportingPeriod period;
  g_autofree char *label = NULL;
  g_autofree char *line = NULL;

  if (self->kind != CANDOUR_REPORT_KIND_PAYMENT_TIMES)
    return;
  current_period (self, &period);
  label = candour_period_popover_dup_label (self->period_popover);
  line = candour_report_payment_period_line (&period);
  gtk_menu_button_set_label (self->period_button, label);
  {
    /* Translators: the period button's name for a screen reader, "Payments counted: All time" */
    g_autofree char *name = g_strdup_printf (_("Payments counted: %s"), label);

    candour_accessible_name_menu_button (self->period_button, name);
  }
  gtk_label_set_label (self->period_label, line != NULL ? line : _("Every payment recorded, whenever it was made."));
}

static Question *
question_new (CandourReportView *self)
{
  Question *question = g_new0 (Question, 1);

  question->kind = self->kind;
  candour_session_get_options (self->session, &question->options);
  current_period (self, &question->period);
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
  if (answer->rows != NULL && question->kind == CANDOUR_REPORT_KIND_SHARES)
    {
      g_autoptr(GError) names_error = NULL;

      answer->names = candour_report_lead_names (db, &names_error);
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

  gtk_label_set_xalign (GTK_LABEL (label), candour_report_column_is_numeric (&self->columns[column]) ? 1 : 0);
  if (candour_report_column_is_numeric (&self->columns[column]))
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
  const char *text = candour_report_cell_text (self->columns, row, column, self->lead_names);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (!candour_report_column_is_numeric (&self->columns[column]))
    gtk_widget_set_tooltip_text (label, text);

  /* The row, for a screen reader, once (from its first column): what names it, its
   * columns that are not figures. */
  if (self->shown->len > 0 && column == g_array_index (self->shown, guint, 0))
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();

      for (guint i = 0; i < self->shown->len; i++)
        {
          guint shown = g_array_index (self->shown, guint, i);

          if (!candour_report_column_is_numeric (&self->columns[shown]))
            g_ptr_array_add (parts, (gpointer)candour_report_cell_text (self->columns, row, shown, self->lead_names));
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

  if (candour_report_column_is_numeric (&self->columns[column]))
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
  return gtk_ordering_from_cmpfunc (g_utf8_collate (candour_report_cell_text (self->columns, x, column, self->lead_names),
                                                     candour_report_cell_text (self->columns, y, column, self->lead_names)));
}

/* The table's columns follow the report's, less those the kind does not show. */
static void
build_columns (CandourReportView         *self,
               const CandourReportColumn *columns,
               guint                      n_columns)
{
  self->n_columns = n_columns;
  self->columns = g_new0 (CandourReportColumn, self->n_columns);
  for (guint i = 0; i < self->n_columns; i++)
    {
      const CandourReportColumn *column = &columns[i];
      g_autoptr(GtkListItemFactory) factory = NULL;
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      self->columns[i] = *column;
      if (!candour_report_kind_shows_column (self->kind, column->name))
        continue;
      g_array_append_val (self->shown, i);

      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);

      view_column = gtk_column_view_column_new (candour_report_column_get_title (column->name),
                                                g_steal_pointer (&factory));
      g_object_set_data (G_OBJECT (view_column), "view", self);
      g_object_set_data (G_OBJECT (view_column), "column", GUINT_TO_POINTER (i));
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cells, view_column, NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      /* The names in the first column stay readable when the figures need scrolling. */
      if (!candour_report_column_is_numeric (column) && self->shown->len == 1)
        {
          gtk_column_view_column_set_expand (view_column, TRUE);
          gtk_column_view_column_set_fixed_width (view_column, 240);
        }
      /* A ref after it (a contract's lead) is read whole, not "ORG-…". */
      else if (!candour_report_column_is_numeric (column))
        gtk_column_view_column_set_fixed_width (view_column, 150);
      gtk_column_view_append_column (self->table, view_column);
      candour_column_explain (view_column, candour_report_column_get_meaning (self->kind, column->name));
    }
  candour_accessible_name_column_headings (self->table);
  {
    g_autofree char *list = g_strconcat ("report-", candour_report_kind_get_keyword (self->kind), NULL);

    candour_column_memory_attach (self->table, list, NULL, GTK_SORT_ASCENDING);
  }
}

/* The contracts' references read whole, however long the longest. */
static void
fit_ref_columns (CandourReportView *self,
                 GListModel        *rows)
{
  guint n_rows = g_list_model_get_n_items (rows);

  for (guint s = 0; s < self->shown->len; s++)
    {
      guint column = g_array_index (self->shown, guint, s);
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GPtrArray) refs = NULL;

      if (!g_str_equal (self->columns[column].name, "contract_ref"))
        continue;
      refs = g_ptr_array_new_full (n_rows, NULL);
      for (guint i = 0; i < n_rows; i++)
        {
          g_autoptr(CandourReportRow) row = g_list_model_get_item (rows, i);

          /* The list holds its rows, and so their texts. */
          g_ptr_array_add (refs, (gpointer)candour_report_row_get_text (row, column));
        }
      view_column = g_list_model_get_item (gtk_column_view_get_columns (self->table), s);
      candour_ref_column_fit_texts (view_column, (const char * const *)refs->pdata, refs->len);
    }
}

/* The chart as the PDF draws it too, and its caption when it leaves rows out. */
static void
fill_chart (CandourReportView *self,
            GListModel        *rows,
            GHashTable        *names)
{
  g_autofree char *caption = NULL;

  candour_bar_chart_set_data (self->chart, candour_report_kind_chart (self->kind, rows, names, &caption));
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
      g_warning ("Could not read the %s report: %s", candour_report_kind_get_keyword (self->kind), error->message);
      return;
    }

  if (self->columns == NULL)
    build_columns (self, answer->columns, answer->n_columns);
  fill_chart (self, answer->rows, answer->names);
  fit_ref_columns (self, answer->rows);
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

  show_period (self);
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;

  question = question_new (self);
  self->loading = g_cancellable_new ();
  candour_read_job_run (candour_session_get_database (self->session), work_out, question, question_free,
                        answer_free, self->loading, on_worked_out, g_object_ref (self));
}

static void
on_period_chosen (CandourReportView *self)
{
  GSettings *settings = ensure_settings (self);

  /* Kept for next time. */
  if (settings != NULL)
    {
      g_autofree char *state = candour_period_popover_dup_state (self->period_popover);

      g_settings_set_string (settings, "payment-times-period", state);
    }
  reload (self);
}

static void
on_period_popover_show (CandourReportView *self)
{
  g_autofree char *day = NULL;

  if (self->session == NULL)
    return;
  day = candour_session_dup_as_of (self->session);
  candour_period_popover_show_days (self->period_popover, day, financial_year_start_month (self));
}

CandourPeriodPopover *
candour_report_view_get_period_popover (CandourReportView *self)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_VIEW (self), NULL);

  return self->period_popover;
}

GtkMenuButton *
candour_report_view_get_period_button (CandourReportView *self)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_VIEW (self), NULL);

  return self->period_button;
}

GtkLabel *
candour_report_view_get_period_label (CandourReportView *self)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_VIEW (self), NULL);

  return self->period_label;
}

static void
on_map (CandourReportView *self)
{
  if (self->stale)
    reload (self);
}

/* Exports */

/* Everything the PDF shows, copied now, as the table, figures and chart are on screen:
 * the PDF is drawn on another thread, which must not touch the widgets. */
static CandourPdfReport *
gather_pdf_report (CandourReportView *self)
{
  g_autofree char *dateline = NULL;
  CandourReconcileOptions options;
  CandourReportingPeriod period;

  candour_session_get_options (self->session, &options);
  current_period (self, &period);
  dateline = candour_report_kind_dateline (self->kind, &options, &period);
  candour_reconcile_options_clear (&options);
  return candour_report_kind_pdf (self->kind, self->columns, self->n_columns, G_LIST_MODEL (self->sort_model),
                                  self->lead_names, candour_bar_chart_dup_data (self->chart),
                                  gtk_widget_get_visible (GTK_WIDGET (self->chart_caption))
                                    ? gtk_label_get_label (self->chart_caption) : NULL,
                                  candour_session_get_title (self->session), dateline);
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
                                              candour_report_kind_get_keyword (job->question->kind), cancellable,
                                              error)
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

  if (self->kind == CANDOUR_REPORT_KIND_PAYMENT_TIMES)
    {
      CandourReportingPeriod period;
      g_autofree char *line = NULL;

      current_period (self, &period);
      line = candour_report_payment_period_line (&period);
      if (line == NULL)
        return g_strdup (candour_report_kind_get_title (self->kind));
      /* Translators: a spreadsheet's title, "Payment Times. Payments made 01/04/2025 to …" */
      return g_strdup_printf (_("%s. %s"), candour_report_kind_get_title (self->kind), line);
    }
  if (self->kind != CANDOUR_REPORT_KIND_SCORECARD)
    return g_strdup (candour_report_kind_get_title (self->kind));

  as_of = candour_session_dup_as_of (self->session);
  as_of_text = candour_date_format_display (as_of);
  /* Translators: a spreadsheet's title, "Lead Provider Scorecard as of 30/06/2025" */
  return g_strdup_printf (_("%s as of %s"), candour_report_kind_get_title (self->kind), as_of_text);
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

  name = g_strconcat (candour_report_kind_get_file_name (self->kind), extensions[format], NULL);
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
  candour_report_kind_from_keyword (keyword, &self->kind);
  gtk_widget_set_visible (self->period_box, self->kind == CANDOUR_REPORT_KIND_PAYMENT_TIMES);
  gtk_label_set_label (self->description_label, candour_report_kind_get_description (self->kind));
  candour_bar_chart_set_title (self->chart, candour_report_kind_get_chart_title (self->kind));
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
  g_clear_object (&self->settings);
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
      g_value_set_string (value, candour_report_kind_get_keyword (self->kind));
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

/* In a window of the application: its settings, and with them the period chosen last
 * time, before the report is first worked out or anything is chosen. */
static void
candour_report_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (candour_report_view_parent_class)->root (widget);
  ensure_settings (CANDOUR_REPORT_VIEW (widget));
}

static void
candour_report_view_class_init (CandourReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->root = candour_report_view_root;
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
  g_type_ensure (CANDOUR_TYPE_PERIOD_POPOVER);
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
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, period_box);
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, period_button);
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, period_popover);
  gtk_widget_class_bind_template_child (widget_class, CandourReportView, period_label);
  gtk_widget_class_bind_template_callback (widget_class, on_period_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_period_popover_show);

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

  return candour_report_kind_get_keyword (self->kind);
}

const char *
candour_report_view_get_title (CandourReportView *self)
{
  g_return_val_if_fail (CANDOUR_IS_REPORT_VIEW (self), NULL);

  return candour_report_kind_get_title (self->kind);
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
      /* This financial year is the one the window judges as of. */
      if (self->kind == CANDOUR_REPORT_KIND_PAYMENT_TIMES)
        g_signal_connect_swapped (session, "notify::as-of", G_CALLBACK (reload), self);
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
