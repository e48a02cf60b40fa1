/* candour-read-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-read-job.h"

static gint n_pending;

/* Answers held back by candour_read_job_hold(), in the order they came: GTask pairs. */
static gboolean holding;
static GQueue held = G_QUEUE_INIT;

typedef struct
{
  CandourDatabase *db;          /* whose reader to open (on the worker) */
  CandourReadFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} Job;

static void
job_free (gpointer user_data)
{
  Job *job = user_data;

  if (job->data_free != NULL)
    job->data_free (job->data);
  g_clear_object (&job->db);
  g_free (job);
}

static void
answer (GTask           *task,
        Job             *job,
        CandourDatabase *reader,
        GCancellable    *cancellable)
{
  GError *error = NULL;
  gpointer result;

  candour_database_set_cancellable (reader, cancellable);
  result = job->func (reader, job->data, cancellable, &error);
  candour_database_set_cancellable (reader, NULL);

  if (g_cancellable_is_cancelled (cancellable))
    {
      if (result != NULL && job->result_free != NULL)
        job->result_free (result);
      g_clear_error (&error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The question was withdrawn");
    }
  else if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CandourDatabase) reader = NULL;
  GError *error = NULL;

  reader = candour_database_open_reader (job->db, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  answer (task, job, reader, cancellable);
  /* Done with the file: closed here, on the worker. */
  g_clear_object (&reader);
}

static void
deliver (GTask        *outer,
         GAsyncResult *result)
{
  g_atomic_int_dec_and_test (&n_pending);
  g_task_return_pointer (outer, g_object_ref (result), g_object_unref);
  g_object_unref (outer);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *outer = user_data;

  if (holding)
    {
      g_queue_push_tail (&held, outer);
      g_queue_push_tail (&held, g_object_ref (result));
      return;
    }
  deliver (outer, result);
}

void
candour_read_job_hold (gboolean hold)
{
  holding = hold;
  while (!holding && !g_queue_is_empty (&held))
    {
      GTask *outer = g_queue_pop_head (&held);
      g_autoptr(GAsyncResult) result = g_queue_pop_head (&held);

      deliver (outer, result);
    }
}

void
candour_read_job_run (CandourDatabase     *db,
                      CandourReadFunc      func,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      GDestroyNotify       result_free,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *outer;
  Job *job;

  g_return_if_fail (CANDOUR_IS_DATABASE (db));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->db = g_object_ref (db);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;

  /* The caller's task carries the inner one's result, so that finishing is the same
   * whether the answer came from a worker or from here. */
  outer = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (outer, candour_read_job_run);
  g_atomic_int_inc (&n_pending);

  task = g_task_new (NULL, cancellable, on_done, outer);
  g_task_set_task_data (task, job, job_free);

  if (g_str_equal (candour_database_get_path (db), ":memory:"))
    answer (task, job, db, cancellable);
  else
    g_task_run_in_thread (task, run_in_thread);
}

gpointer
candour_read_job_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_autoptr(GTask) inner = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  inner = g_task_propagate_pointer (G_TASK (result), error);
  if (inner == NULL)
    return NULL;
  return g_task_propagate_pointer (inner, error);
}

guint
candour_read_job_get_n_pending (void)
{
  return (guint)g_atomic_int_get (&n_pending);
}
