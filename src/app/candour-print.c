/* candour-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-export-feedback.h"
#include "candour-print.h"

typedef struct
{
  GtkWidget *widget;            /* what asked: its window is the dialog's parent */
  CandourPdfReport *report;
  char *export_path;            /* NULL: the print dialog */
  GPtrArray *pages;             /* cairo recording surfaces */
  double width;                 /* points */
  double height;
  gboolean told;                /* the outcome has been said */
  gboolean in_progress;         /* run() returned before the end: "done" ends it */
} Printing;

static void
printing_free (gpointer data)
{
  Printing *printing = data;

  g_clear_object (&printing->widget);
  g_clear_pointer (&printing->report, candour_pdf_report_free);
  g_free (printing->export_path);
  g_clear_pointer (&printing->pages, g_ptr_array_unref);
  g_free (printing);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Printing          *printing)
{
  gtk_print_operation_set_n_pages (operation, MAX (1, (int)printing->pages->len));
}

/* The recorded page, scaled to the paper as a whole: its own margins are kept. */
static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Printing          *printing)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / printing->width,
                      gtk_print_context_get_height (context) / printing->height);

  if (page_nr < 0 || (guint)page_nr >= printing->pages->len)
    return;

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, g_ptr_array_index (printing->pages, page_nr), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* Says how it went, once: an error, or the file written; nothing for paper sent or a
 * dialog cancelled. */
static void
tell (GtkPrintOperation       *operation,
      GtkPrintOperationResult  result,
      Printing                *printing)
{
  if (printing->told)
    return;
  printing->told = TRUE;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        candour_export_feedback_failed (printing->widget, error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && printing->export_path != NULL)
    candour_export_feedback_saved (printing->widget, printing->export_path);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         Printing                *printing)
{
  tell (operation, result, printing);
  if (printing->in_progress)
    g_object_unref (operation);
}

static void
run (Printing *printing)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkRoot *root = gtk_widget_get_root (printing->widget);
  GtkPrintOperationResult result;

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, printing->width > printing->height
                                           ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, printing->report->title);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (printing->export_path != NULL)
    gtk_print_operation_set_export_filename (operation, printing->export_path);

  g_object_set_data_full (G_OBJECT (operation), "candour-printing", printing, printing_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), printing);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), printing);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), printing);

  /* The error is the operation's too: tell() reads it from there. */
  result = gtk_print_operation_run (operation,
                                    printing->export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                                  : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    printing->in_progress = TRUE;
  else
    {
      tell (operation, result, printing);
      g_object_unref (operation);
    }
}

static void
record_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Printing *printing = task_data;

  printing->pages = candour_pdf_report_record_pages (printing->report, &printing->width, &printing->height);
  g_task_return_boolean (task, TRUE);
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  /* The operation owns printing from here. */
  run (g_task_get_task_data (G_TASK (result)));
}

void
candour_print_report (GtkWidget        *widget,
                      CandourPdfReport *report,
                      const char       *export_path)
{
  g_autoptr(GTask) task = NULL;
  Printing *printing;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (report != NULL);

  printing = g_new0 (Printing, 1);
  printing->widget = g_object_ref (widget);
  printing->report = report;
  printing->export_path = g_strdup (export_path);

  /* A long table takes a while to lay out: not on the main thread. */
  task = g_task_new (NULL, NULL, on_recorded, NULL);
  g_task_set_source_tag (task, candour_print_report);
  /* Not freed with the task: on_recorded() hands it to the print operation. */
  g_task_set_task_data (task, printing, NULL);
  g_task_run_in_thread (task, record_in_thread);
}
