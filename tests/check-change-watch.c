/* check-change-watch.c: a second person's change reaches the first, on a file and on a
 * server; a lost connection to a server comes back by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <string.h>
#include <unistd.h>

#include "candour-change-log.h"
#include "candour-change-watch.h"
#include "candour-query.h"
#include "test-util.h"

Suite *candour_change_watch_suite (void);

static void
count_signal (guint *count)
{
  (*count)++;
}

/* Runs the main loop until *count grows or the time is up; the seconds it took. */
static double
wait_for_count (guint *count,
                guint  before,
                double seconds)
{
  gint64 start = g_get_monotonic_time ();

  while (*count == before && g_get_monotonic_time () - start < seconds * G_TIME_SPAN_SECOND)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
  return (g_get_monotonic_time () - start) / (double)G_TIME_SPAN_SECOND;
}

/* test_query_int() on either backend. */
static gint64
query_int (CandourDatabase *db,
           const char      *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourQuery) query = candour_query_new (db, sql, &error);

  ck_assert_msg (query != NULL, "%s", error ? error->message : "");
  ck_assert_msg (candour_query_step (query, &error) == CANDOUR_QUERY_ROW, "%s", error ? error->message : "");
  return candour_query_get_int64_at (query, 0);
}

static void
add_organisation (CandourDatabase *db,
                  const char      *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourQuery) query = candour_query_new (db, "INSERT INTO organisation (ref, name) "
                                                         "VALUES (:ref, 'Saved Elsewhere')", &error);

  ck_assert_msg (query != NULL, "%s", error ? error->message : "");
  candour_query_bind_text (query, ":ref", ref);
  ck_assert_msg (candour_query_run (query, &error), "%s", error ? error->message : "");
}

/* Bob saves; Alice's watch says so, and her change log names the record. */
static void
assert_change_reaches_alice (CandourDatabase *alice,
                             CandourDatabase *bob,
                             double           within)
{
  g_autoptr(CandourChangeWatch) watch = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (CandourChange));
  g_autofree char *ref = g_strdup_printf ("ORG-WATCHED-%d-%" G_GINT64_FORMAT, (int)getpid (),
                                          g_get_monotonic_time ());
  g_autoptr(GError) error = NULL;
  gboolean too_many = TRUE;
  guint changed = 0;
  gint64 seen = 0;
  gint64 last = 0;
  double took;

  watch = candour_change_watch_new (alice, &error);
  ck_assert_msg (watch != NULL, "%s", error ? error->message : "");
  g_signal_connect_swapped (watch, "changed", G_CALLBACK (count_signal), &changed);
  ck_assert (candour_change_log_get_last (alice, &seen, NULL));

  /* Nothing happens: nothing is said. */
  wait_for_count (&changed, 0, 1.2);
  ck_assert_uint_eq (changed, 0);

  add_organisation (bob, ref);
  took = wait_for_count (&changed, 0, 5);
  ck_assert_uint_eq (changed, 1);
  ck_assert_msg (took < within, "the change took %.2f s to reach the other connection", took);
  g_print ("%s: a change reached the other connection in %.2f s\n",
           candour_database_is_server (alice) ? "server" : "file", took);

  ck_assert (candour_change_log_read (alice, seen, 16, changes, &last, &too_many, NULL));
  ck_assert (!too_many);
  ck_assert_uint_eq (changes->len, 1);
  ck_assert_int_eq (g_array_index (changes, CandourChange, 0).table, CANDOUR_TABLE_ORGANISATIONS);
  ck_assert_int_eq (g_array_index (changes, CandourChange, 0).id,
                    query_int (bob, "SELECT max (id) FROM organisation"));
}

START_TEST (test_file_change_reaches_other_connection)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.candour", NULL);

  {
    g_autoptr(CandourDatabase) alice = candour_database_open (path, NULL);
    g_autoptr(CandourDatabase) bob = candour_database_open_full (path, CANDOUR_OPEN_EXISTING, NULL);

    ck_assert_ptr_nonnull (alice);
    ck_assert_ptr_nonnull (bob);
    /* A file is looked at every second. */
    assert_change_reaches_alice (alice, bob, 1.6);
  }
  test_remove_tree (dir);
}
END_TEST

START_TEST (test_server_notifies_other_connection)
{
  const char *server = g_getenv ("CANDOUR_TEST_PG");
  g_autoptr(CandourDatabase) alice = NULL;
  g_autoptr(CandourDatabase) bob = NULL;

  g_autofree char *own = NULL;

  if (server == NULL)
    return;
  own = test_make_server_database (server, "candour_watch");
  alice = test_open_server_database (own);
  bob = test_open_server_database (own);
  /* A server says so at once: well within the tick a file needs. */
  assert_change_reaches_alice (alice, bob, 0.5);
  g_clear_object (&alice);
  g_clear_object (&bob);
  test_drop_server_database (server, own);
}
END_TEST

/* A register set up before servers notified (no audit_notifies trigger, until `setup`
 * is run on it again): its changes are looked for every second, as a file's are. */
START_TEST (test_server_that_does_not_notify_is_looked_at)
{
  const char *server = g_getenv ("CANDOUR_TEST_PG");
  g_autoptr(CandourDatabase) alice = NULL;
  g_autoptr(CandourDatabase) bob = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *own = NULL;

  if (server == NULL)
    return;
  own = test_make_server_database (server, "candour_silent");
  bob = test_open_server_database (own);
  ck_assert_msg (candour_database_exec (bob, "DROP TRIGGER audit_notifies ON audit", &error),
                 "%s", error ? error->message : "");
  alice = test_open_server_database (own);
  assert_change_reaches_alice (alice, bob, 1.6);
  g_clear_object (&alice);
  g_clear_object (&bob);
  test_drop_server_database (server, own);
}
END_TEST

/* The server ends Alice's connection (a restart, a network cut): her watch says she is
 * disconnected, connects again by itself, says so, and her queries work again. */
START_TEST (test_lost_connection_comes_back)
{
  const char *server = g_getenv ("CANDOUR_TEST_PG");
  g_autoptr(CandourDatabase) alice = NULL;
  g_autoptr(CandourDatabase) bob = NULL;
  g_autoptr(CandourChangeWatch) watch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ref = g_strdup_printf ("ORG-AFTER-LOSS-%d", (int)getpid ());
  guint connected_changes = 0;
  guint changed = 0;
  gint64 pid;
  gint64 organisations;
  gint64 last_before = 0;
  gint64 last_after = 0;

  g_autofree char *own = NULL;

  if (server == NULL)
    return;
  own = test_make_server_database (server, "candour_lost");
  alice = test_open_server_database (own);
  bob = test_open_server_database (own);
  watch = candour_change_watch_new (alice, &error);
  ck_assert_msg (watch != NULL, "%s", error ? error->message : "");
  g_signal_connect_swapped (watch, "notify::connected", G_CALLBACK (count_signal), &connected_changes);
  g_signal_connect_swapped (watch, "changed", G_CALLBACK (count_signal), &changed);
  organisations = query_int (alice, "SELECT count (*) FROM organisation");
  /* A query the database keeps prepared, to be asked again after the loss. */
  ck_assert (candour_change_log_get_last (alice, &last_before, NULL));

  pid = query_int (alice, "SELECT pg_backend_pid ()");
  {
    g_autofree char *end = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", pid);

    ck_assert_int_eq (query_int (bob, end), 1);
  }
  wait_for_count (&connected_changes, 0, 3);
  ck_assert_uint_eq (connected_changes, 1);
  ck_assert (!candour_change_watch_get_connected (watch));

  /* Meanwhile Bob saves: Alice learns of it once she is back. */
  add_organisation (bob, ref);
  wait_for_count (&connected_changes, 1, 12);
  ck_assert_uint_eq (connected_changes, 2);
  ck_assert (candour_change_watch_get_connected (watch));
  wait_for_count (&changed, 0, 2);
  ck_assert_uint_ge (changed, 1);
  ck_assert_int_ne (query_int (alice, "SELECT pg_backend_pid ()"), pid);
  ck_assert_int_eq (query_int (alice, "SELECT count (*) FROM organisation"), organisations + 1);
  ck_assert (candour_change_log_get_last (alice, &last_after, &error));
  ck_assert_int_gt (last_after, last_before);
  g_clear_object (&watch);
  g_clear_object (&alice);
  g_clear_object (&bob);
  test_drop_server_database (server, own);
}
END_TEST

Suite *
candour_change_watch_suite (void)
{
  Suite *suite = suite_create ("change-watch");
  TCase *tc = tcase_create ("change-watch");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_file_change_reaches_other_connection);
  tcase_add_test (tc, test_server_notifies_other_connection);
  tcase_add_test (tc, test_server_that_does_not_notify_is_looked_at);
  tcase_add_test (tc, test_lost_connection_comes_back);
  suite_add_tcase (suite, tc);
  return suite;
}
