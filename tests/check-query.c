/* check-query.c: CandourQuery, the one way the core reaches a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>

#include "check-suites.h"
#include "test-util.h"
#include "candour-error.h"
#include "candour-query.h"

static gint64
insert_organisation (CandourDatabase *db,
                     const char      *ref,
                     const char      *name,
                     GError         **error)
{
  static const char sql[] =
    "INSERT INTO organisation (ref, name) VALUES (:ref, :name) RETURNING id";
  CandourQuery *query = candour_database_query (db, sql, error);
  gint64 id;

  if (query == NULL)
    return -1;
  candour_query_bind_text (query, ":ref", ref);
  candour_query_bind_text (query, ":name", name);
  if (candour_query_step (query, error) != CANDOUR_QUERY_ROW)
    return -1;
  id = candour_query_get_int64 (query, "id");
  ck_assert_int_eq (candour_query_step (query, error), CANDOUR_QUERY_DONE);
  return id;
}

START_TEST (test_rows_are_read_by_column_name)
{
  static const char sql[] =
    "SELECT o.ref AS ref, o.name AS name, o.annual_income AS income, o.org_id AS org_id\n"
    "FROM organisation o ORDER BY o.ref";
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GError) error = NULL;
  CandourQuery *query;
  gint64 first = insert_organisation (db, "ORG-A", "Alpha", &error);
  gint64 second = insert_organisation (db, "ORG-B", "Beta", &error);

  ck_assert_ptr_null (error);
  ck_assert_int_gt (second, first);

  query = candour_database_query (db, sql, &error);
  ck_assert_ptr_nonnull (query);
  ck_assert_uint_eq (candour_query_get_n_columns (query), 4);
  ck_assert_str_eq (candour_query_get_column_name (query, 2), "income");

  ck_assert_int_eq (candour_query_step (query, &error), CANDOUR_QUERY_ROW);
  ck_assert_str_eq (candour_query_get_text (query, "name"), "Alpha");
  ck_assert_str_eq (candour_query_get_text (query, "ref"), "ORG-A");
  /* NULL is not zero: the caller can tell them apart. */
  ck_assert (candour_query_is_null (query, "income"));
  ck_assert_int_eq (candour_query_get_int64_or (query, "income", -1), -1);
  ck_assert_ptr_null (candour_query_get_text (query, "org_id"));
  ck_assert_ptr_null (candour_query_dup_text (query, "org_id"));

  ck_assert_int_eq (candour_query_step (query, &error), CANDOUR_QUERY_ROW);
  ck_assert_str_eq (candour_query_get_text (query, "ref"), "ORG-B");
  ck_assert_int_eq (candour_query_step (query, &error), CANDOUR_QUERY_DONE);
  ck_assert_ptr_null (error);

  /* The same text gives the same query back, reset. */
  ck_assert_ptr_eq (candour_database_query (db, sql, &error), query);
  ck_assert_int_eq (candour_query_step (query, &error), CANDOUR_QUERY_ROW);
  ck_assert_str_eq (candour_query_get_text (query, "ref"), "ORG-A");
  candour_query_reset (query);
}
END_TEST

START_TEST (test_changes_are_counted)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourQuery) query = NULL;

  insert_organisation (db, "ORG-A", "Alpha", &error);
  insert_organisation (db, "ORG-B", "Beta", &error);
  insert_organisation (db, "ORG-C", "Gamma", &error);

  /* SQL made at run time is the caller's to free. */
  query = candour_query_new (db, "UPDATE organisation SET notes = :notes WHERE ref <> :ref", &error);
  ck_assert_ptr_nonnull (query);
  candour_query_bind_text (query, ":notes", "checked");
  candour_query_bind_text (query, ":ref", "ORG-B");
  ck_assert (candour_query_run (query, &error));
  ck_assert_int_eq (candour_query_get_changes (query), 2);
  ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM organisation WHERE notes = 'checked'"), 2);
}
END_TEST

static const CandourConstraint *
failed_constraint (CandourDatabase *db,
                   const char      *sql,
                   GError         **error)
{
  CandourQuery *query = candour_database_query (db, sql, error);

  ck_assert_ptr_nonnull (query);
  ck_assert_int_eq (candour_query_step (query, error), CANDOUR_QUERY_ERROR);
  return candour_query_get_constraint (query);
}

START_TEST (test_a_broken_rule_is_named)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GError) error = NULL;
  const CandourConstraint *constraint;

  insert_organisation (db, "ORG-A", "Alpha", &error);
  insert_organisation (db, "ORG-B", "Beta", &error);
  ck_assert (candour_database_exec (db,
                                    "INSERT INTO consortium (ref, name) VALUES ('CON-1', 'Together');"
                                    "INSERT INTO consortium_member (consortium_id, member_id, joined_on) "
                                    "VALUES (1, 1, '2024-04-01')", &error));

  constraint = failed_constraint (db, "INSERT INTO organisation (ref, name) VALUES ('ORG-A', 'Again')", &error);
  ck_assert_int_eq (constraint->kind, CANDOUR_CONSTRAINT_UNIQUE);
  ck_assert_str_eq (constraint->table, "organisation");
  ck_assert_str_eq (constraint->columns, "ref");
  ck_assert_error_matches (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  constraint = failed_constraint (db, "INSERT INTO consortium_member (consortium_id, member_id, joined_on) "
                                      "VALUES (1, 1, '2024-04-01')", &error);
  ck_assert_int_eq (constraint->kind, CANDOUR_CONSTRAINT_UNIQUE);
  ck_assert_str_eq (constraint->table, "consortium_member");
  ck_assert_str_eq (constraint->columns, "consortium_id,member_id,joined_on");
  g_clear_error (&error);

  constraint = failed_constraint (db, "INSERT INTO organisation (ref) VALUES ('ORG-C')", &error);
  ck_assert_int_eq (constraint->kind, CANDOUR_CONSTRAINT_NOT_NULL);
  ck_assert_str_eq (constraint->table, "organisation");
  ck_assert_str_eq (constraint->columns, "name");
  g_clear_error (&error);

  constraint = failed_constraint (db, "UPDATE organisation SET kind = 'club' WHERE ref = 'ORG-A'", &error);
  ck_assert_int_eq (constraint->kind, CANDOUR_CONSTRAINT_CHECK);
  ck_assert_ptr_nonnull (constraint->name);
  g_clear_error (&error);

  constraint = failed_constraint (db, "INSERT INTO consortium_member (consortium_id, member_id) "
                                      "VALUES (1, 999)", &error);
  ck_assert_int_eq (constraint->kind, CANDOUR_CONSTRAINT_FOREIGN_KEY);
  g_clear_error (&error);

  /* SQLite refuses a delete that ON DELETE RESTRICT forbids from a trigger of its own:
   * still a foreign key, not one of the schema's rules. */
  constraint = failed_constraint (db, "DELETE FROM organisation WHERE ref = 'ORG-A'", &error);
  ck_assert_int_eq (constraint->kind, CANDOUR_CONSTRAINT_FOREIGN_KEY);
  g_clear_error (&error);

  constraint = failed_constraint (db, "DELETE FROM audit", &error);
  ck_assert_int_eq (constraint->kind, CANDOUR_CONSTRAINT_RULE);
  ck_assert_str_eq (constraint->name, "the audit trail cannot be changed");
  g_clear_error (&error);

  /* A step that breaks nothing clears what the last one broke. */
  ck_assert_int_gt (insert_organisation (db, "ORG-D", "Delta", &error), 0);
  constraint = failed_constraint (db, "SELECT json_extract ('not json', '$') AS value", &error);
  ck_assert_int_eq (constraint->kind, CANDOUR_CONSTRAINT_NONE);
  ck_assert_ptr_null (constraint->table);
}
END_TEST

static gpointer
cancel_soon (gpointer cancellable)
{
  g_usleep (50 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (cancellable);
  return NULL;
}

START_TEST (test_a_long_query_stops_when_cancelled)
{
  /* About a thousand million rows: far longer than the test lets it run. */
  static const char sql[] =
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)\n"
    "SELECT count (*) AS n FROM n";
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GThread *canceller;
  CandourQuery *query;

  query = candour_database_query (db, sql, &error);
  ck_assert_ptr_nonnull (query);
  candour_database_set_cancellable (db, cancellable);
  canceller = g_thread_new ("cancel", cancel_soon, cancellable);
  ck_assert_int_eq (candour_query_step (query, &error), CANDOUR_QUERY_ERROR);
  g_thread_join (canceller);
  candour_database_set_cancellable (db, NULL);
  ck_assert_error_matches (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CANCELLED);

  /* Once unset, the connection answers again. */
  ck_assert_int_eq (test_query_int (db, "SELECT 42"), 42);
}
END_TEST

/* The one number sql answers, on either backend (test_query_int () asks SQLite only). */
static gint64
query_number (CandourDatabase *db,
              const char      *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourQuery) query = candour_query_new (db, sql, &error);
  gint64 number;

  ck_assert_msg (query != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (candour_query_step (query, &error), CANDOUR_QUERY_ROW);
  number = candour_query_get_int64_at (query, 0);
  ck_assert_int_eq (candour_query_step (query, &error), CANDOUR_QUERY_DONE);
  return number;
}

static const char open_cursors_sql[] = "SELECT count (*) FROM pg_cursors WHERE name <> ''";

/* Every row of a long answer read a batch at a time, with other questions and a change
 * put between its rows, an early stop, and a transaction round it. */
static void
assert_rows_read_in_batches (CandourDatabase *db,
                             gboolean         server)
{
  static const char numbers_sql[] =
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :last)\n"
    "SELECT i FROM n ORDER BY i";
  static const char count_sql[] = "SELECT count (*) AS n FROM organisation";
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourQuery) numbers = candour_query_new (db, numbers_sql, &error);
  CandourQuery *count;
  CandourQueryStep step;
  gint64 rows = 0;
  gint64 sum = 0;

  ck_assert_msg (numbers != NULL, "%s", error ? error->message : "");
  candour_query_read_in_batches (numbers);

  /* Two and a half batches on a server, with a question between rows of each. */
  candour_query_bind_int64 (numbers, ":last", 25001);
  while ((step = candour_query_step (numbers, &error)) == CANDOUR_QUERY_ROW)
    {
      rows++;
      sum += candour_query_get_int64 (numbers, "i");
      ck_assert_int_eq (candour_query_get_int64 (numbers, "i"), rows);
      if (rows == 1 || rows == 10000 || rows == 10001 || rows == 25001)
        {
          count = candour_database_query (db, count_sql, &error);
          ck_assert_int_eq (candour_query_step (count, &error), CANDOUR_QUERY_ROW);
          ck_assert_int_eq (candour_query_get_int64 (count, "n"), 0);
          candour_query_reset (count);
        }
      /* On a server, from a cursor: the rows are not all here at once. */
      if (server && rows == 1)
        ck_assert_int_eq (query_number (db, open_cursors_sql), 1);
    }
  ck_assert_msg (step == CANDOUR_QUERY_DONE, "%s", error ? error->message : "");
  ck_assert_int_eq (rows, 25001);
  ck_assert_int_eq (sum, (gint64)25001 * 25002 / 2);

  /* Stopped after three rows, then asked again: exactly one batch. */
  candour_query_bind_int64 (numbers, ":last", 100);
  for (int i = 0; i < 3; i++)
    ck_assert_int_eq (candour_query_step (numbers, &error), CANDOUR_QUERY_ROW);
  candour_query_reset (numbers);
  candour_query_bind_int64 (numbers, ":last", 10000);
  for (rows = 0; (step = candour_query_step (numbers, &error)) == CANDOUR_QUERY_ROW; rows++)
    ;
  ck_assert_int_eq (step, CANDOUR_QUERY_DONE);
  ck_assert_int_eq (rows, 10000);

  /* In a transaction, with a change made between rows, which the transaction keeps. */
  ck_assert (candour_database_begin (db, &error));
  candour_query_bind_int64 (numbers, ":last", 15000);
  for (rows = 0; (step = candour_query_step (numbers, &error)) == CANDOUR_QUERY_ROW; rows++)
    if (rows == 12000)
      ck_assert_int_gt (insert_organisation (db, "ORG-BETWEEN", "Between the rows", &error), 0);
  ck_assert_int_eq (step, CANDOUR_QUERY_DONE);
  ck_assert_int_eq (rows, 15000);
  ck_assert (candour_database_end (db, TRUE, &error));
  ck_assert_int_eq (query_number (db, count_sql), 1);
  ck_assert_ptr_null (error);
}

START_TEST (test_rows_are_read_in_batches)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();

  assert_rows_read_in_batches (db, FALSE);
}
END_TEST

START_TEST (test_rows_are_read_in_batches_from_a_server)
{
  const char *server = g_getenv ("CANDOUR_TEST_PG");
  g_autoptr(CandourDatabase) db = NULL;
  g_autofree char *own = NULL;

  if (server == NULL)
    return;
  own = test_make_server_database (server, "candour_batches");
  db = test_open_server_database (own);
  assert_rows_read_in_batches (db, TRUE);
  /* Every cursor closed once its rows were read or it was stopped. */
  ck_assert_int_eq (query_number (db, open_cursors_sql), 0);
  g_clear_object (&db);
  test_drop_server_database (server, own);
}
END_TEST

Suite *
candour_query_suite (void)
{
  Suite *suite = suite_create ("query");
  TCase *tcase = tcase_create ("query");

  tcase_add_test (tcase, test_rows_are_read_by_column_name);
  tcase_add_test (tcase, test_changes_are_counted);
  tcase_add_test (tcase, test_a_broken_rule_is_named);
  tcase_add_test (tcase, test_a_long_query_stops_when_cancelled);
  tcase_add_test (tcase, test_rows_are_read_in_batches);
  tcase_add_test (tcase, test_rows_are_read_in_batches_from_a_server);
  suite_add_tcase (suite, tcase);
  return suite;
}
