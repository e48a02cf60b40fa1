/* bench-payments-page.c: the Payments page's sorts and searches against plain SQL
 *
 * For each sort and search the page offers, on an existing database: how long until
 * CandourPaymentList's worker has the new order in and the first page is read (what a
 * click costs a person), the longest the main loop stalled meanwhile, and how long
 * SQLite takes to list the same payment ids with the query a person would write
 * (straight joins and LIKEs, on a read-only connection with SQLite's defaults). The
 * page also adds up the payments it lists, which the plain SQL does not. Each is the
 * median of RUNS after one warm-up. Prints one tab-separated line per case for
 * build-aux/bench:
 *
 *   name  candour_s  plain_sql_s  longest_stall_ms  rows
 *
 * Not a test: figures vary with the machine.
 *
 * usage: bench-payments-page DATABASE [RUNS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>

#include "candour-database-sqlite.h"
#include "candour-database.h"
#include "candour-payment-list.h"

/* Who paid whom, as a person would join it: the commissioner pays the lead on a
 * contract, the lead the partner on a subcontract. */
#define PLAIN_JOINS \
  "FROM payment p\n" \
  "LEFT JOIN subcontract s ON s.id = p.subcontract_id\n" \
  "LEFT JOIN contract c ON c.id = coalesce (p.contract_id, s.contract_id)\n" \
  "LEFT JOIN organisation payer\n" \
  "  ON payer.id = CASE WHEN p.subcontract_id IS NULL THEN c.commissioner_id ELSE c.lead_id END\n" \
  "LEFT JOIN organisation payee\n" \
  "  ON payee.id = CASE WHEN p.subcontract_id IS NULL THEN c.lead_id ELSE s.partner_id END\n"

#define PLAIN_SEARCH(text) \
  "WHERE p.ref LIKE '%" text "%' OR s.ref LIKE '%" text "%' OR c.ref LIKE '%" text "%'\n" \
  "   OR payer.name LIKE '%" text "%' OR payee.name LIKE '%" text "%'\n"

static const struct {
  const char *name;
  const char *search;
  const char *from;
  const char *to;
  CandourPaymentSort sort;
  gboolean descending;
  const char *plain_sql;
  gboolean reload;              /* every payment counted and added up again */
} cases[] = {
  { "every payment, counted and added up", NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_NONE, FALSE,
    "SELECT count (*), sum (amount) FROM payment", TRUE },
  { "by reference", NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_REF, FALSE,
    "SELECT id FROM payment ORDER BY ref, id" },
  { "by amount, largest first", NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_AMOUNT, TRUE,
    "SELECT id FROM payment ORDER BY amount DESC, id DESC" },
  { "by date paid", NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_PAID_ON, FALSE,
    "SELECT id FROM payment ORDER BY paid_on, id" },
  { "by days to pay", NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_DAYS_TO_PAY, FALSE,
    "SELECT id FROM payment ORDER BY julianday (paid_on) - julianday (invoiced_on), id" },
  { "by payee", NULL, NULL, NULL, CANDOUR_PAYMENT_SORT_PAYEE, FALSE,
    "SELECT p.id " PLAIN_JOINS "ORDER BY payee.name COLLATE NOCASE, p.id" },
  { "search \"SUB-00004\"", "SUB-00004", NULL, NULL, CANDOUR_PAYMENT_SORT_NONE, FALSE,
    "SELECT p.id " PLAIN_JOINS PLAIN_SEARCH ("SUB-00004") "ORDER BY p.id" },
  { "search \"Community\"", "Community", NULL, NULL, CANDOUR_PAYMENT_SORT_NONE, FALSE,
    "SELECT p.id " PLAIN_JOINS PLAIN_SEARCH ("Community") "ORDER BY p.id" },
  { "search \"Community\", by amount", "Community", NULL, NULL, CANDOUR_PAYMENT_SORT_AMOUNT, TRUE,
    "SELECT p.id " PLAIN_JOINS PLAIN_SEARCH ("Community") "ORDER BY p.amount DESC, p.id DESC" },
  { "search \"£1,234.50\"", "£1,234.50", NULL, NULL, CANDOUR_PAYMENT_SORT_NONE, FALSE,
    "SELECT id FROM payment WHERE amount = 123450 ORDER BY id" },
  { "search \"01/04/2025\"", "01/04/2025", NULL, NULL, CANDOUR_PAYMENT_SORT_NONE, FALSE,
    "SELECT id FROM payment WHERE paid_on = '2025-04-01' ORDER BY id" },
  { "paid 01/04/2025 to 31/03/2026, by date", NULL, "2025-04-01", "2026-03-31", CANDOUR_PAYMENT_SORT_PAID_ON, FALSE,
    "SELECT id FROM payment WHERE paid_on BETWEEN '2025-04-01' AND '2026-03-31' ORDER BY paid_on, id" },
  { "paid 01/04/2025 to 31/03/2026, by amount", NULL, "2025-04-01", "2026-03-31", CANDOUR_PAYMENT_SORT_AMOUNT, TRUE,
    "SELECT id FROM payment WHERE paid_on BETWEEN '2025-04-01' AND '2026-03-31' ORDER BY amount DESC, id DESC" },
  { "search \"Community\", paid 01/04/2025 to 31/03/2026", "Community", "2025-04-01", "2026-03-31",
    CANDOUR_PAYMENT_SORT_NONE, FALSE,
    "SELECT id FROM (SELECT p.id, p.paid_on " PLAIN_JOINS PLAIN_SEARCH ("Community") ")\n"
    "WHERE paid_on BETWEEN '2025-04-01' AND '2026-03-31' ORDER BY id" },
};

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

/* One click: the page's request on its worker while a probe watches the main loop. */
static double
time_candour (CandourPaymentList *list,
              guint               i,
              double             *longest_stall)
{
  g_autoptr(GError) error = NULL;
  Probe probe = { 0 };
  gint64 start;
  guint probe_id;

  /* From the recorded order, as a first click on the page would be. */
  if (!candour_payment_list_set_search (list, NULL, &error) ||
      !candour_payment_list_set_range (list, NULL, NULL, &error) ||
      !candour_payment_list_set_sort (list, CANDOUR_PAYMENT_SORT_NONE, FALSE, &error))
    g_error ("%s", error->message);

  probe_id = g_timeout_add (1, probe_tick, &probe);
  start = probe.last_tick = g_get_monotonic_time ();
  if (cases[i].reload)
    candour_payment_list_reload_async (list, on_rows_ready, &probe);
  else
    candour_payment_list_query_async (list, cases[i].search, cases[i].from, cases[i].to, cases[i].sort,
                                      cases[i].descending, on_rows_ready, &probe);
  while (!probe.done)
    g_main_context_iteration (NULL, TRUE);
  probe_tick (&probe);
  g_source_remove (probe_id);

  *longest_stall = probe.longest / 1e3;
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The same ids in the same order, collected as the list keeps them. */
static double
time_plain_sql (sqlite3 *plain,
                guint    i,
                guint   *n_rows)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 start = g_get_monotonic_time ();
  sqlite3_stmt *stmt;
  int rc;

  if (sqlite3_prepare_v2 (plain, cases[i].plain_sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", cases[i].name, sqlite3_errmsg (plain));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    g_error ("%s: %s", cases[i].name, sqlite3_errmsg (plain));
  sqlite3_finalize (stmt);

  *n_rows = ids->len;
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(CandourPaymentList) list = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *plain = NULL;
  guint runs;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-payments-page DATABASE [RUNS]\n");
      return 2;
    }
  runs = argc > 2 ? (guint)atoi (argv[2]) : 5;
  runs = CLAMP (runs, 1, 100);

  db = candour_database_open_full (argv[1], CANDOUR_OPEN_EXISTING, &error);
  if (db == NULL || (list = candour_payment_list_new (db, &error)) == NULL)
    g_error ("%s", error->message);
  if (sqlite3_open_v2 (argv[1], &plain, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", argv[1], sqlite3_errmsg (plain));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree double *ours = g_new (double, runs);
      g_autofree double *stalls = g_new (double, runs);
      g_autofree double *theirs = g_new (double, runs);
      double ignored;
      guint n_rows = 0;

      /* One warm-up each, then the runs side by side. */
      time_candour (list, i, &ignored);
      time_plain_sql (plain, i, &n_rows);
      for (guint run = 0; run < runs; run++)
        {
          ours[run] = time_candour (list, i, &stalls[run]);
          theirs[run] = time_plain_sql (plain, i, &n_rows);
        }

      if (cases[i].reload)
        n_rows = g_list_model_get_n_items (G_LIST_MODEL (list));
      if (n_rows != g_list_model_get_n_items (G_LIST_MODEL (list)))
        fprintf (stderr, "bench-payments-page: %s: the page found %u payments, plain SQL %u\n",
                 cases[i].name, g_list_model_get_n_items (G_LIST_MODEL (list)), n_rows);
      printf ("%s\t%.4f\t%.4f\t%.1f\t%u\n", cases[i].name, median (ours, runs), median (theirs, runs),
              median (stalls, runs), n_rows);
      fflush (stdout);
    }

  sqlite3_close (plain);
  return 0;
}
