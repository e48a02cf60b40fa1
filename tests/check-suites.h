/* check-suites.h: every Check suite of the core, run by check-main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <check.h>

Suite *candour_change_watch_suite (void);
Suite *candour_csv_reader_suite (void);
Suite *candour_csv_writer_suite (void);
Suite *candour_database_suite   (void);
Suite *candour_date_suite       (void);
Suite *candour_reporting_period_suite (void);
Suite *candour_export_suite     (void);
Suite *candour_generate_suite   (void);
Suite *candour_import_suite     (void);
Suite *candour_models_suite     (void);
Suite *candour_money_suite      (void);
Suite *candour_percent_suite    (void);
Suite *candour_query_plans_suite (void);
Suite *candour_query_suite (void);
Suite *candour_period_suite (void);
Suite *candour_reconcile_suite  (void);
Suite *candour_reliability_suite (void);
Suite *candour_record_suite     (void);
Suite *candour_reports_suite    (void);
Suite *candour_safety_suite     (void);
Suite *candour_scope_suite      (void);
Suite *candour_xlsx_suite       (void);
