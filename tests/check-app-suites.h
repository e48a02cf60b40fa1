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
Suite *candour_app_keyring_suite   (void);
Suite *candour_app_accessibility_suite (void);
Suite *candour_app_columns_suite  (void);

/* The application every suite shares: registered, so windows can belong to it. */
CandourApplication *test_app_get_application (void);
/* Lets GTK lay out, draw and deliver its signals until it has nothing left to do. */
void                test_app_wait            (void);

/* The finding for a partner named in a bid, from the window's session (a new
 * reference); the test fails when there is none. */
CandourFinding     *test_app_find_finding    (CandourWindow   *window,
                                              const char      *bid_ref,
                                              const char      *partner_ref);
/* The first visible widget below widget (itself included) with this CSS name. */
GtkWidget          *test_app_find_css_name   (GtkWidget       *widget,
                                              const char      *css_name);
/* The first label below widget (itself included) that says text exactly. */
GtkWidget          *test_app_find_label      (GtkWidget       *widget,
                                              const char      *text);
/* The first widget below widget (itself included) whose tooltip is tooltip. */
GtkWidget          *test_app_find_by_tooltip (GtkWidget       *widget,
                                              const char      *tooltip);
/* The message dialog on screen now (after the window's work is done), or NULL. */
AdwMessageDialog   *test_app_find_message_dialog (void);
/* The first entry row below widget whose title is title (with its underline). */
GtkWidget          *test_app_find_entry_row  (GtkWidget       *widget,
                                              const char      *title);
/* Waits up to ten seconds for overlay's toast to say expected (one before it may
 * still be going), and returns what the toast on screen then says. */
const char         *test_app_toast_title     (AdwToastOverlay *overlay,
                                              const char      *expected);

/* Dismisses overlay's toasts, the one shown and those waiting, one by one as a person
 * would, so that a later test's toast is not kept waiting behind them. */
void                test_app_dismiss_toasts  (AdwToastOverlay *overlay);
void                test_app_choose_file     (GtkNativeDialog *chooser,
                                              const char      *path);

/* A window on a fresh Harrowfield demo in a new temporary folder (*out_folder), dated
 * and judged as of 30/06/2025 with the default rules. */
CandourWindow      *test_app_open_demo       (char          **out_folder);
/* Closes the window and every window opened over it, and removes the folder. */
void                test_app_close_demo      (CandourWindow  *window,
                                              const char     *folder);
