/* candour-findings-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-export.h"
#include "candour-finding-report.h"
#include "candour-findings-export.h"
#include "candour-labels.h"
#include "candour-money.h"
#include "candour-percent.h"
#include "candour-xlsx-writer.h"

/* The PDF's columns: the page's, in its order. */
enum
{
  PDF_PARTNER,
  PDF_LEAD,
  PDF_BID,
  PDF_FINDING,
  PDF_PROMISED,
  PDF_SUBCONTRACTED,
  PDF_DUE,
  PDF_PAID,
  PDF_PAID_OF_DUE,
  N_PDF_COLUMNS
};

static GStrv
pdf_row (CandourFinding *finding)
{
  GStrv cells = g_new0 (char *, N_PDF_COLUMNS + 1);
  gint64 paid_of_due = candour_finding_get_paid_of_due (finding);

  cells[PDF_PARTNER] = g_strdup (candour_finding_get_partner_name (finding));
  cells[PDF_LEAD] = g_strdup (candour_finding_get_lead_name (finding));
  cells[PDF_BID] = g_strdup (candour_finding_get_bid_ref (finding));
  cells[PDF_FINDING] = g_strdup (candour_status_label (candour_finding_get_status (finding)));
  cells[PDF_PROMISED] = candour_finding_has_promise (finding)
    ? candour_money_format_display (candour_finding_get_promised (finding))
    : g_strdup (_("not recorded"));
  cells[PDF_SUBCONTRACTED] = candour_money_format_display (candour_finding_get_subcontracted (finding));
  cells[PDF_DUE] = candour_money_format_display (candour_finding_get_due (finding));
  cells[PDF_PAID] = candour_money_format_display (candour_finding_get_paid (finding));
  if (paid_of_due >= 0)
    {
      g_autofree char *percent = candour_percent_format_tenths (paid_of_due);

      cells[PDF_PAID_OF_DUE] = g_strconcat (percent, "%", NULL);
    }
  else
    cells[PDF_PAID_OF_DUE] = g_strdup ("");
  return cells;
}

static void
add_figure (GPtrArray  *labels,
            GPtrArray  *values,
            const char *label,
            char       *value)
{
  g_ptr_array_add (labels, g_strdup (label));
  g_ptr_array_add (values, value);
}

CandourPdfReport *
candour_findings_pdf_report (CandourSession *session,
                             GListModel     *findings,
                             const char     *title,
                             const char     *description)
{
  static const char * const headings[N_PDF_COLUMNS] = {
    N_("Partner"), N_("Lead provider"), N_("Bid"), N_("Finding"), N_("Promised"),
    N_("Subcontracted"), N_("Due"), N_("Paid"), N_("Paid of due"),
  };
  CandourPdfReport *report;
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  CandourFindingTotals totals;
  g_autoptr(GPtrArray) present = g_ptr_array_new ();
  gboolean seen[CANDOUR_N_STATUSES] = { FALSE };
  guint n = g_list_model_get_n_items (findings);

  g_return_val_if_fail (CANDOUR_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (findings), NULL);

  report = candour_pdf_report_new ();
  report->title = g_strdup (title);
  report->subtitle = g_strdup (candour_session_get_title (session));
  report->dateline = candour_session_dup_judged_line (session);
  report->description = g_strdup (description);

  candour_finding_totals_compute (findings, &totals);
  add_figure (labels, values, _("Findings"), candour_count_format (n));
  add_figure (labels, values, _("Bid candy"), candour_count_format (totals.bid_candy));
  add_figure (labels, values, _("Short-changed"), candour_count_format (totals.short_changed));
  add_figure (labels, values, _("Underpaid"), candour_count_format (totals.underpaid));
  add_figure (labels, values, _("Promised to them"), candour_money_format_display (totals.promised));
  add_figure (labels, values, _("Paid to them"), candour_money_format_display (totals.paid));
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (values, NULL);
  report->figure_labels = (GStrv)g_ptr_array_free (labels, FALSE);
  report->figure_values = (GStrv)g_ptr_array_free (values, FALSE);

  report->n_columns = N_PDF_COLUMNS;
  report->headings = g_new0 (char *, N_PDF_COLUMNS + 1);
  report->numeric = g_new0 (gboolean, N_PDF_COLUMNS);
  for (guint c = 0; c < N_PDF_COLUMNS; c++)
    {
      report->headings[c] = g_strdup (_(headings[c]));
      report->numeric[c] = c >= PDF_PROMISED;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourFinding) finding = g_list_model_get_item (findings, i);

      g_ptr_array_add (report->rows, pdf_row (finding));
      /* Ranks are in the statuses' order. */
      seen[MIN (candour_finding_get_rank (finding), CANDOUR_N_STATUSES - 1)] = TRUE;
    }

  /* What the statuses in the table mean, most serious first. */
  for (guint i = 0; i < CANDOUR_N_STATUSES; i++)
    if (seen[i])
      g_ptr_array_add (present, (gpointer)candour_statuses[i]);
  g_ptr_array_add (present, NULL);
  candour_status_glossary ((const char * const *)present->pdata, &report->glossary_terms,
                           &report->glossary_meanings);
  return report;
}

typedef struct
{
  CandourFindingsExportFormat format;
  CandourDatabase *db;
  CandourReport *report;        /* CSV and spreadsheet */
  CandourPdfReport *pdf;        /* PDF */
  char *path;
  char *title;                  /* the spreadsheet's properties */
  char *subject;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->db);
  g_clear_pointer (&job->report, candour_report_free);
  g_clear_pointer (&job->pdf, candour_pdf_report_free);
  g_free (job->path);
  g_free (job->title);
  g_free (job->subject);
  g_free (job);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean written = FALSE;

  switch (job->format)
    {
    case CANDOUR_FINDINGS_EXPORT_CSV:
      written = candour_export_report_to_path (job->report, job->path, &error);
      break;
    case CANDOUR_FINDINGS_EXPORT_XLSX:
      written = candour_xlsx_write_report (job->report, job->path, job->title, job->subject, "findings",
                                           cancellable, &error);
      break;
    case CANDOUR_FINDINGS_EXPORT_PDF:
    default:
      written = candour_pdf_report_write (job->pdf, job->db, job->path, cancellable, &error);
      break;
    }

  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
candour_findings_export_async (CandourSession              *session,
                               GListModel                  *findings,
                               const char                  *title,
                               const char                  *description,
                               CandourFindingsExportFormat  format,
                               const char                  *path,
                               GCancellable                *cancellable,
                               GAsyncReadyCallback          callback,
                               gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (CANDOUR_IS_SESSION (session));
  g_return_if_fail (G_IS_LIST_MODEL (findings));
  g_return_if_fail (path != NULL);

  job = g_new0 (Job, 1);
  job->format = format;
  job->db = g_object_ref (candour_session_get_database (session));
  job->path = g_strdup (path);
  if (format == CANDOUR_FINDINGS_EXPORT_PDF)
    job->pdf = candour_findings_pdf_report (session, findings, title, description);
  else
    job->report = candour_finding_report_new (job->db, findings);
  if (format == CANDOUR_FINDINGS_EXPORT_XLSX)
    {
      g_autofree char *judged = candour_session_dup_judged_line (session);

      job->title = g_strdup (title);
      job->subject = g_strdup_printf ("%s. %s", candour_session_get_title (session), judged);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, candour_findings_export_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
candour_findings_export_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
