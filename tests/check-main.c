/* check-main.c: the one runner for every suite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <stdlib.h>

#include "check-suites.h"

int
main (void)
{
  SRunner *runner;
  int failed;

  setlocale (LC_ALL, "");

  runner = srunner_create (candour_money_suite ());
  srunner_add_suite (runner, candour_percent_suite ());
  srunner_add_suite (runner, candour_date_suite ());
  srunner_add_suite (runner, candour_reporting_period_suite ());
  srunner_add_suite (runner, candour_csv_reader_suite ());
  srunner_add_suite (runner, candour_csv_writer_suite ());
  srunner_add_suite (runner, candour_database_suite ());
  srunner_add_suite (runner, candour_query_suite ());
  srunner_add_suite (runner, candour_period_suite ());
  srunner_add_suite (runner, candour_import_suite ());
  srunner_add_suite (runner, candour_export_suite ());
  srunner_add_suite (runner, candour_generate_suite ());
  srunner_add_suite (runner, candour_reconcile_suite ());
  srunner_add_suite (runner, candour_record_suite ());
  srunner_add_suite (runner, candour_reports_suite ());
  srunner_add_suite (runner, candour_safety_suite ());
  srunner_add_suite (runner, candour_reliability_suite ());
  srunner_add_suite (runner, candour_scope_suite ());
  srunner_add_suite (runner, candour_change_watch_suite ());
  srunner_add_suite (runner, candour_query_plans_suite ());
  srunner_add_suite (runner, candour_models_suite ());
  srunner_add_suite (runner, candour_xlsx_suite ());

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);

  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
