/* candour-findings-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-export.h"
#include "candour-finding-report.h"
#include "candour-findings-export.h"
#include "candour-findings-pdf.h"
#include "candour-record-query.h"
#include "candour-xlsx-writer.h"

CandourPdfReport *
candour_findings_pdf_report (CandourSession *session,
                             GListModel     *findings,
                             const char     *title,
                             const char     *description)
{
  g_autofree char *dateline = NULL;

  g_return_val_if_fail (CANDOUR_IS_SESSION (session), NULL);

  dateline = candour_session_dup_judged_line (session);
  return candour_findings_pdf_new (findings, title, candour_session_get_title (session), dateline, description);
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
  gint64 contract_id;           /* its subcontracts and payments are sheets too; 0: none */
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

/* The findings, then for a contract its subcontracts and payments, a sheet each: these
 * read on this worker through a connection of its own. */
static gboolean
write_workbook (Job           *job,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(CandourXlsxWriter) writer = NULL;
  g_autoptr(CandourDatabase) reader = NULL;
  g_autoptr(CandourReport) subcontracts = NULL;
  g_autoptr(CandourReport) payments = NULL;

  if (job->contract_id == 0)
    return candour_xlsx_write_report (job->report, job->path, job->title, job->subject, "findings",
                                      cancellable, error);
  if ((reader = candour_database_open_reader (job->db, error)) == NULL ||
      (writer = candour_xlsx_writer_new (job->db, job->path, job->title, job->subject, error)) == NULL ||
      !candour_xlsx_writer_add_report (writer, "findings", job->report, cancellable, error) ||
      (subcontracts = candour_report_contract_subcontracts_evidence (reader, job->contract_id, error)) == NULL ||
      !candour_xlsx_writer_add_report (writer, "subcontracts", subcontracts, cancellable, error) ||
      (payments = candour_report_contract_payments_evidence (reader, job->contract_id, error)) == NULL ||
      !candour_xlsx_writer_add_report (writer, "payments", payments, cancellable, error))
    return FALSE;
  return candour_xlsx_writer_commit (writer, error);
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
      written = write_workbook (job, cancellable, &error);
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

CandourPdfReport *
candour_findings_export_async (CandourSession              *session,
                               GListModel                  *findings,
                               const char                  *title,
                               const char                  *description,
                               GPtrArray                   *further_tables,
                               gint64                       contract_id,
                               CandourFindingsExportFormat  format,
                               const char                  *path,
                               GCancellable                *cancellable,
                               GAsyncReadyCallback          callback,
                               gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_val_if_fail (CANDOUR_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (findings), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  job = g_new0 (Job, 1);
  job->format = format;
  job->db = g_object_ref (candour_session_get_database (session));
  job->path = g_strdup (path);
  if (format == CANDOUR_FINDINGS_EXPORT_PDF)
    {
      job->pdf = candour_findings_pdf_report (session, findings, title, description);
      for (guint i = 0; further_tables != NULL && i < further_tables->len; i++)
        g_ptr_array_add (job->pdf->tables, candour_pdf_table_copy (g_ptr_array_index (further_tables, i)));
    }
  else
    job->report = candour_finding_report_new (job->db, findings);
  if (format == CANDOUR_FINDINGS_EXPORT_XLSX)
    {
      g_autofree char *judged = candour_session_dup_judged_line (session);

      job->title = g_strdup (title);
      job->subject = g_strdup_printf ("%s. %s", candour_session_get_title (session), judged);
      job->contract_id = contract_id;
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, candour_findings_export_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, write_in_thread);
  return job->pdf;
}

gboolean
candour_findings_export_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
