/* check-period.c: closed periods, whose payments are final
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>

#include "check-suites.h"
#include "test-util.h"
#include "candour-demo.h"
#include "candour-error.h"
#include "candour-period.h"

static CandourDatabase *
open_demo (void)
{
  CandourDatabase *db = test_open_memory_database ();
  g_autoptr(GError) error = NULL;

  ck_assert (candour_demo_load (db, "2026-12-06", &error));
  return db;
}

/* Runs sql through the same path every writer takes; the error, if any. */
static GError *
run_sql (CandourDatabase *db,
         const char      *sql)
{
  g_autoptr(CandourQuery) query = NULL;
  GError *error = NULL;

  query = candour_query_new (db, sql, &error);
  ck_assert_ptr_nonnull (query);
  candour_query_run (query, &error);
  return error;
}

static void
assert_refused (CandourDatabase *db,
                const char      *sql)
{
  g_autoptr(GError) error = run_sql (db, sql);

  ck_assert_error_matches (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CONSTRAINT);
  ck_assert_str_eq (error->message, "The change was refused: the payment is dated in a closed period; "
                                    "an admin can reopen the period. Nothing was changed.");
}

START_TEST (test_a_closed_period_keeps_its_payments)
{
  g_autoptr(CandourDatabase) db = open_demo ();
  g_autoptr(GError) error = NULL;
  gint64 payments = test_query_int (db, "SELECT count (*) FROM payment");
  gint64 in_april = test_query_int (db, "SELECT count (*) FROM payment WHERE paid_on LIKE '2025-04-%'");

  ck_assert_int_gt (in_april, 0);
  ck_assert (candour_period_close (db, "2025-04-01", "2025-04-30", &error));

  assert_refused (db, "INSERT INTO payment (ref, contract_id, amount, paid_on) "
                      "VALUES ('PAY-LATE', 1, 100, '2025-04-15')");
  assert_refused (db, "DELETE FROM payment WHERE paid_on = (SELECT min (paid_on) FROM payment "
                      "WHERE paid_on LIKE '2025-04-%')");
  assert_refused (db, "UPDATE payment SET amount = amount + 1 WHERE paid_on LIKE '2025-04-%'");
  /* Nor may a payment be moved into the period, or out of it. */
  assert_refused (db, "UPDATE payment SET paid_on = '2025-04-02' WHERE paid_on LIKE '2025-05-%'");
  assert_refused (db, "UPDATE payment SET paid_on = '2025-05-02' WHERE paid_on LIKE '2025-04-%'");
  ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM payment"), payments);

  /* Either side of it, payments change as before. */
  g_clear_error (&error);
  error = run_sql (db, "INSERT INTO payment (ref, contract_id, amount, paid_on) VALUES ('PAY-MAY', 1, 100, '2025-05-01')");
  ck_assert_ptr_null (error);
  error = run_sql (db, "INSERT INTO payment (ref, contract_id, amount, paid_on) VALUES ('PAY-MAR', 1, 100, '2025-03-31')");
  ck_assert_ptr_null (error);

  /* Closing it again changes nothing; reopened, it takes payments again. */
  ck_assert (candour_period_close (db, "2025-04-01", "2025-04-30", &error));
  ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM closed_period"), 1);
  ck_assert (candour_period_reopen (db, "2025-04-01", "2025-04-30", &error));
  error = run_sql (db, "INSERT INTO payment (ref, contract_id, amount, paid_on) VALUES ('PAY-APR', 1, 100, '2025-04-15')");
  ck_assert_ptr_null (error);

  /* Closing and reopening are in the audit trail. */
  ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM audit WHERE table_name = 'closed_period' "
                                        "AND record_ref = '2025-04-01/2025-04-30'"), 2);
}
END_TEST

START_TEST (test_periods_are_checked)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GError) error = NULL;

  ck_assert (!candour_period_close (db, "2025-04-30", "2025-04-01", &error));
  ck_assert_str_eq (error->message, "The period would end (01/04/2025) before it starts (30/04/2025): "
                                    "give the first day first.");
  g_clear_error (&error);
  ck_assert (!candour_period_close (db, "2025-02-30", "2025-03-31", &error));
  ck_assert_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!candour_period_reopen (db, "2024-04-01", "2025-03-31", &error));
  ck_assert_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NOT_FOUND);
  ck_assert_str_eq (error->message, "No period from 01/04/2024 to 31/03/2025 is closed. Nothing was "
                                    "changed; candour-cli periods lists the closed ones.");
}
END_TEST

Suite *
candour_period_suite (void)
{
  Suite *suite = suite_create ("period");
  TCase *tcase = tcase_create ("period");

  tcase_add_test (tcase, test_a_closed_period_keeps_its_payments);
  tcase_add_test (tcase, test_periods_are_checked);
  suite_add_tcase (suite, tcase);
  return suite;
}
