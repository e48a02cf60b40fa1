/* check-app-suites.h: the Check suites of the GTK application, run by check-app-main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <check.h>
#include <gtk/gtk.h>

#include "candour-application.h"

Suite *candour_app_templates_suite (void);
Suite *candour_app_window_suite    (void);

/* The application every suite shares: registered, so windows can belong to it. */
CandourApplication *test_app_get_application (void);
/* Lets GTK lay out, draw and deliver its signals until it has nothing left to do. */
void                test_app_wait            (void);
