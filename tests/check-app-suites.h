/* check-app-suites.h: the Check suites of the GTK application, run by check-app-main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <check.h>
#include <gtk/gtk.h>

#include "candour-application.h"
#include "candour-window.h"

Suite *candour_app_templates_suite (void);
Suite *candour_app_window_suite    (void);
Suite *candour_app_forms_suite     (void);
Suite *candour_app_import_suite    (void);

/* The application every suite shares: registered, so windows can belong to it. */
CandourApplication *test_app_get_application (void);
/* Lets GTK lay out, draw and deliver its signals until it has nothing left to do. */
void                test_app_wait            (void);

/* A window on a fresh Harrowfield demo in a new temporary folder (*out_folder), dated
 * and judged as of 30/06/2025 with the default rules. */
CandourWindow      *test_app_open_demo       (char          **out_folder);
/* Closes the window and every window opened over it, and removes the folder. */
void                test_app_close_demo      (CandourWindow  *window,
                                              const char     *folder);
