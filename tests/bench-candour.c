/* bench-candour.c: what a national lead provider's books cost, measured
 *
 * Writes a synthetic area (by default 1,000,000 payments over 2,000 subcontracts) as CSV,
 * times sqlite3's own .import of the payments as a baseline, then times Candour's full,
 * validated import of every file and each report, then the Payments page's sorts and
 * searches: how long each takes, and how long the main loop stalls while it runs. Prints
 * the figures. Not a test: figures vary with the machine. Run with
 * `build-aux/dev bench [PAYMENTS]`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "candour-database.h"
#include "candour-import.h"
#include "candour-payment-list.h"
#include "candour-reports.h"

#define N_ORGANISATIONS 2000
#define N_BIDS          200
#define PARTNERS_PER_BID 5
#define SUBS_PER_BID    10

static char *
write_file (const char *folder,
            const char *name,
            GString    *text)
{
  char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);
  return path;
}

static void
generate (const char *folder,
          guint       n_payments)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (2025);

  g_string_assign (text, "ref,name,kind,annual_income\n");
  for (guint i = 0; i < N_ORGANISATIONS; i++)
    g_string_append_printf (text, "ORG-%05u,Organisation %u,charity,%u\n", i, i,
                            g_rand_int_range (rand, 5000, 5000000));
  g_free (write_file (folder, "organisations.csv", text));

  g_string_assign (text, "ref,title,lead_ref,commissioner_ref,value,outcome\n");
  for (guint b = 0; b < N_BIDS; b++)
    g_string_append_printf (text, "BID-%04u,Service %u,ORG-%05u,ORG-%05u,2000000,won\n", b, b, b % 20, 1999);
  g_free (write_file (folder, "bids.csv", text));

  g_string_assign (text, "bid_ref,partner_ref,promised_value\n");
  for (guint b = 0; b < N_BIDS; b++)
    for (guint p = 0; p < PARTNERS_PER_BID; p++)
      g_string_append_printf (text, "BID-%04u,ORG-%05u,100000\n", b, 100 + b * PARTNERS_PER_BID + p);
  g_free (write_file (folder, "bid_partners.csv", text));

  g_string_assign (text, "ref,bid_ref,value,start_on,end_on,required_small_share\n");
  for (guint b = 0; b < N_BIDS; b++)
    g_string_append_printf (text, "CON-%04u,BID-%04u,2000000,2020-04-01,2030-03-31,25\n", b, b);
  g_free (write_file (folder, "contracts.csv", text));

  g_string_assign (text, "ref,contract_ref,partner_ref,value\n");
  for (guint b = 0; b < N_BIDS; b++)
    for (guint s = 0; s < SUBS_PER_BID; s++)
      g_string_append_printf (text, "SUB-%04u-%02u,CON-%04u,ORG-%05u,%u\n", b, s, b,
                              100 + b * PARTNERS_PER_BID + s % PARTNERS_PER_BID,
                              g_rand_int_range (rand, 10000, 120000));
  g_free (write_file (folder, "subcontracts.csv", text));

  g_string_assign (text, "ref,subcontract_ref,amount,paid_on,invoiced_on\n");
  for (guint i = 0; i < n_payments; i++)
    {
      guint sub = g_rand_int_range (rand, 0, N_BIDS * SUBS_PER_BID);
      guint day = g_rand_int_range (rand, 1, 28);
      guint month = g_rand_int_range (rand, 1, 13);
      guint year = g_rand_int_range (rand, 2020, 2026);

      g_string_append_printf (text, "PAY-%07u,SUB-%04u-%02u,%u.%02u,%02u/%02u/%u,%u-%02u-%02u\n",
                              i, sub / SUBS_PER_BID, sub % SUBS_PER_BID,
                              g_rand_int_range (rand, 10, 5000), g_rand_int_range (rand, 0, 100),
                              day, month, year, year, month, day > 20 ? day - 20 : 1);
    }
  g_free (write_file (folder, "payments.csv", text));
  g_rand_free (rand);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_sqlite3_import (const char *folder)
{
  g_autofree char *db = g_build_filename (folder, "baseline.db", NULL);
  g_autofree char *csv = g_build_filename (folder, "payments.csv", NULL);
  g_autofree char *script = g_strdup_printf (".import --csv --skip 1 %s payment", csv);
  const char *argv[] = { "sqlite3", db,
                         "CREATE TABLE payment (ref TEXT, subcontract_ref TEXT, amount TEXT, "
                         "paid_on TEXT, invoiced_on TEXT)",
                         script, NULL };
  g_autoptr(GError) error = NULL;
  int status;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, NULL))
    return -1;
  return seconds_since (start);
}

static void
time_report (const char    *name,
             CandourReport *report)
{
  g_autoptr(GOutputStream) sink = NULL;
  g_autoptr(GFile) null_file = g_file_new_for_path ("/dev/null");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  sink = G_OUTPUT_STREAM (g_file_append_to (null_file, 0, NULL, &error));
  if (sink == NULL || !candour_report_write_csv (report, sink, &error))
    g_error ("%s: %s", name, error->message);
  printf ("  %-28s %6.2f s\n", name, seconds_since (start));
}

/* A main loop probe: a timeout that should fire every millisecond notes the longest
 * wait between two of its ticks, which is the longest the window would have frozen. */
typedef struct
{
  gint64 last_tick;
  gint64 longest;
  gboolean done;
} Probe;

static gboolean
probe_tick (gpointer user_data)
{
  Probe *probe = user_data;
  gint64 now = g_get_monotonic_time ();

  probe->longest = MAX (probe->longest, now - probe->last_tick);
  probe->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
read_first_page (CandourPaymentList *list)
{
  for (guint i = 0; i < MIN (CANDOUR_PAYMENT_LIST_PAGE_SIZE, g_list_model_get_n_items (G_LIST_MODEL (list))); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
}

static void
on_rows_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Probe *probe = user_data;
  g_autoptr(GError) error = NULL;

  if (!candour_payment_list_query_finish (CANDOUR_PAYMENT_LIST (source), result, &error))
    g_error ("%s", error->message);
  /* As a view would, straight after the new order comes in. */
  read_first_page (CANDOUR_PAYMENT_LIST (source));
  probe->done = TRUE;
}

/* Each sort or search of the Payments page twice: worked out on the calling thread
 * (in a window, the whole time is a freeze), then as the page asks for it, on a worker
 * thread while a probe watches the main loop. */
static void
time_payment_list (CandourDatabase *db)
{
  static const struct {
    const char *name;
    const char *search;
    CandourPaymentSort sort;
    gboolean descending;
  } cases[] = {
    { "by reference", NULL, CANDOUR_PAYMENT_SORT_REF, FALSE },
    { "by amount, largest first", NULL, CANDOUR_PAYMENT_SORT_AMOUNT, TRUE },
    { "by date paid", NULL, CANDOUR_PAYMENT_SORT_PAID_ON, FALSE },
    { "by days to pay", NULL, CANDOUR_PAYMENT_SORT_DAYS_TO_PAY, FALSE },
    { "by payee", NULL, CANDOUR_PAYMENT_SORT_PAYEE, FALSE },
    { "search \"SUB-0042\"", "SUB-0042", CANDOUR_PAYMENT_SORT_NONE, FALSE },
    { "search \"Organisation 1\"", "Organisation 1", CANDOUR_PAYMENT_SORT_NONE, FALSE },
    { "search + by amount", "Organisation 1", CANDOUR_PAYMENT_SORT_AMOUNT, TRUE },
  };
  g_autoptr(CandourPaymentList) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  list = candour_payment_list_new (db, &error);
  if (list == NULL)
    g_error ("%s", error->message);
  read_first_page (list);
  printf ("  %-28s %6.2f s\n", "payments list, first page", seconds_since (start));
  printf ("  %-28s %8s %8s %10s\n", "Payments page", "on main", "worker", "max stall");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Probe probe = { 0 };
      double blocking, worker;
      guint probe_id;

      if (!candour_payment_list_set_search (list, NULL, &error) ||
          !candour_payment_list_set_sort (list, CANDOUR_PAYMENT_SORT_NONE, FALSE, &error))
        g_error ("%s", error->message);

      start = g_get_monotonic_time ();
      if (!candour_payment_list_set_search (list, cases[i].search, &error) ||
          !candour_payment_list_set_sort (list, cases[i].sort, cases[i].descending, &error))
        g_error ("%s", error->message);
      read_first_page (list);
      blocking = seconds_since (start);

      if (!candour_payment_list_set_search (list, NULL, &error) ||
          !candour_payment_list_set_sort (list, CANDOUR_PAYMENT_SORT_NONE, FALSE, &error))
        g_error ("%s", error->message);

      probe_id = g_timeout_add (1, probe_tick, &probe);
      start = probe.last_tick = g_get_monotonic_time ();
      candour_payment_list_query_async (list, cases[i].search, cases[i].sort, cases[i].descending,
                                        on_rows_ready, &probe);
      while (!probe.done)
        g_main_context_iteration (NULL, TRUE);
      worker = seconds_since (start);
      probe_tick (&probe);
      g_source_remove (probe_id);

      printf ("  %-28s %6.2f s %6.2f s %7.1f ms\n", cases[i].name, blocking, worker, probe.longest / 1000.0);
    }
}

int
main (int    argc,
      char **argv)
{
  guint n_payments = argc > 1 ? (guint)atoi (argv[1]) : 1000000;
  g_autofree char *folder = g_dir_make_tmp ("candour-bench-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (folder, "candour.db", NULL);
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(CandourImport) import = NULL;
  g_autoptr(GError) error = NULL;
  CandourReconcileOptions options;
  CandourPaymentTimesOptions times = { 0 };
  struct rusage usage;
  double baseline;
  double ours;
  gint64 start;

  printf ("Candour benchmark: %u payments over %u subcontracts, %u findings\n",
          n_payments, N_BIDS * SUBS_PER_BID, N_BIDS * PARTNERS_PER_BID);

  start = g_get_monotonic_time ();
  generate (folder, n_payments);
  printf ("  %-28s %6.2f s\n", "write the CSV files", seconds_since (start));

  baseline = time_sqlite3_import (folder);
  if (baseline >= 0)
    printf ("  %-28s %6.2f s\n", "sqlite3 .import payments", baseline);

  db = candour_database_open (db_path, &error);
  if (db == NULL)
    g_error ("%s", error->message);

  import = candour_import_new (db);
  if (!candour_import_add_path (import, folder, &error))
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  if (!candour_import_run (import, NULL, &error))
    {
      GPtrArray *problems = candour_import_get_problems (import);
      for (guint i = 0; i < problems->len; i++)
        fprintf (stderr, "%s\n", (char *)problems->pdata[i]);
      g_error ("%s", error->message);
    }
  ours = seconds_since (start);
  printf ("  %-28s %6.2f s", "candour import (all files)", ours);
  if (baseline > 0)
    printf ("   (%.2f× sqlite3 .import)", ours / baseline);
  printf ("\n");

  candour_reconcile_options_init (&options);
  options.as_of = g_strdup ("2025-06-30");
  {
    g_autoptr(CandourReport) report = candour_report_findings (db, &options, &error);
    time_report ("reconcile", report);
  }
  {
    g_autoptr(CandourReport) report = candour_report_scorecard (db, &options, &error);
    time_report ("scorecard", report);
  }
  {
    g_autoptr(CandourReport) report = candour_report_shares (db, &error);
    time_report ("shares", report);
  }
  {
    g_autoptr(CandourReport) report = candour_report_payment_times (db, &times, &error);
    time_report ("payment-times", report);
  }
  candour_reconcile_options_clear (&options);

  time_payment_list (db);

  getrusage (RUSAGE_SELF, &usage);
  printf ("  %-28s %6.1f MiB (includes the generated CSV text)\n", "peak memory", usage.ru_maxrss / 1024.0);

  g_clear_object (&db);
  {
    const char *rm[] = { "rm", "-rf", folder, NULL };
    g_spawn_sync (NULL, (char **)rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return 0;
}
