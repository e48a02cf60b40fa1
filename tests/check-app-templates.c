/* check-app-templates.c: every .ui file builds
 *
 * The version macros stop C code from using API newer than GTK 4.8 and libadwaita 1.2,
 * but nothing checks a .ui file until it is built: one naming a newer widget or
 * property fails here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "check-app-suites.h"
#include "candour-as-of-popover.h"
#include "candour-bar-chart.h"
#include "candour-bid-partners-group.h"
#include "candour-connect-dialog.h"
#include "candour-detail-window.h"
#include "candour-findings-page.h"
#include "candour-import-dialog.h"
#include "candour-line-chart.h"
#include "candour-overview-page.h"
#include "candour-payments-page.h"
#include "candour-preferences-window.h"
#include "candour-record-form.h"
#include "candour-record-picker.h"
#include "candour-records-page.h"
#include "candour-report-view.h"
#include "candour-reports-page.h"
#include "candour-status-badge.h"
#include "candour-story-window.h"
#include "candour-window.h"

#define UI_FOLDER "/io/github/candour/Candour/ui/"

static void
ensure_types (void)
{
  g_type_ensure (CANDOUR_TYPE_BAR_CHART);
  g_type_ensure (CANDOUR_TYPE_BID_PARTNERS_GROUP);
  g_type_ensure (CANDOUR_TYPE_CONNECT_DIALOG);
  g_type_ensure (CANDOUR_TYPE_AS_OF_POPOVER);
  g_type_ensure (CANDOUR_TYPE_DETAIL_WINDOW);
  g_type_ensure (CANDOUR_TYPE_FINDINGS_PAGE);
  g_type_ensure (CANDOUR_TYPE_IMPORT_DIALOG);
  g_type_ensure (CANDOUR_TYPE_LINE_CHART);
  g_type_ensure (CANDOUR_TYPE_OVERVIEW_PAGE);
  g_type_ensure (CANDOUR_TYPE_PAYMENTS_PAGE);
  g_type_ensure (CANDOUR_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (CANDOUR_TYPE_RECORD_FORM);
  g_type_ensure (CANDOUR_TYPE_RECORD_PICKER);
  g_type_ensure (CANDOUR_TYPE_RECORDS_PAGE);
  g_type_ensure (CANDOUR_TYPE_REPORT_VIEW);
  g_type_ensure (CANDOUR_TYPE_REPORTS_PAGE);
  g_type_ensure (CANDOUR_TYPE_STATUS_BADGE);
  g_type_ensure (CANDOUR_TYPE_STORY_WINDOW);
  g_type_ensure (CANDOUR_TYPE_WINDOW);
}

/* "candour-records-page.ui" → "CandourRecordsPage" */
static char *
type_name_for (const char *file)
{
  g_auto(GStrv) words = NULL;
  GString *name = g_string_new (NULL);
  g_autofree char *stem = g_strndup (file, strlen (file) - strlen (".ui"));

  words = g_strsplit (stem, "-", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      words[i][0] = g_ascii_toupper (words[i][0]);
      g_string_append (name, words[i]);
    }
  return g_string_free (name, FALSE);
}

START_TEST (test_every_template_builds)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = g_resources_enumerate_children (UI_FOLDER, 0, &error);
  guint built = 0;

  ck_assert_msg (files != NULL, "%s", error ? error->message : "");
  ensure_types ();

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *type_name = type_name_for (files[i]);
      GType type = g_type_from_name (type_name);
      GObject *object;

      ck_assert_msg (type != 0, "%s has no type %s: one class per template", files[i], type_name);

      object = g_object_new (type, NULL);
      ck_assert_msg (GTK_IS_WIDGET (object), "%s did not build a widget", files[i]);

      if (GTK_IS_WINDOW (object))
        gtk_window_destroy (GTK_WINDOW (object));
      else
        {
          g_object_ref_sink (object);
          g_object_unref (object);
        }
      built++;
    }

  /* Eighteen templates today; a new one is picked up by its file name. */
  ck_assert_uint_eq (built, 18);
}
END_TEST

START_TEST (test_shortcuts_window_builds)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GObject *overlay;

  ck_assert_msg (gtk_builder_add_from_resource (builder, "/io/github/candour/Candour/gtk/help-overlay.ui", &error),
                 "%s", error ? error->message : "");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  ck_assert (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}
END_TEST

START_TEST (test_windows_show)
{
  CandourApplication *application = test_app_get_application ();
  GtkWindow *window = g_object_new (CANDOUR_TYPE_WINDOW, "application", application, NULL);
  GtkWindow *preferences = candour_preferences_window_new (candour_application_get_settings (application));

  gtk_window_present (window);
  gtk_window_present (preferences);
  test_app_wait ();
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (window)));
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (preferences)));
  /* No database yet: the welcome page. */
  ck_assert_ptr_null (candour_window_get_session (CANDOUR_WINDOW (window)));

  gtk_window_destroy (preferences);
  gtk_window_destroy (window);
  test_app_wait ();
}
END_TEST

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Preferences' Style: Follow System, Light or Dark, kept in the settings and applied. */
START_TEST (test_style_preference)
{
  CandourApplication *application = test_app_get_application ();
  GSettings *settings = candour_application_get_settings (application);
  GtkWindow *preferences = candour_preferences_window_new (settings);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *chosen = NULL;
  AdwComboRow *row;

  gtk_window_present (preferences);
  test_app_wait ();
  row = ADW_COMBO_ROW (find_row (GTK_WIDGET (preferences), "St_yle"));
  ck_assert_ptr_nonnull (row);
  ck_assert_uint_eq (adw_combo_row_get_selected (row), 0);
  ck_assert_int_eq (adw_style_manager_get_color_scheme (style), ADW_COLOR_SCHEME_DEFAULT);

  adw_combo_row_set_selected (row, 2);
  chosen = g_settings_get_string (settings, "style");
  ck_assert_str_eq (chosen, "dark");
  ck_assert_int_eq (adw_style_manager_get_color_scheme (style), ADW_COLOR_SCHEME_FORCE_DARK);
  ck_assert (adw_style_manager_get_dark (style));

  adw_combo_row_set_selected (row, 1);
  ck_assert_int_eq (adw_style_manager_get_color_scheme (style), ADW_COLOR_SCHEME_FORCE_LIGHT);
  ck_assert (!adw_style_manager_get_dark (style));

  adw_combo_row_set_selected (row, 0);
  g_free (chosen);
  chosen = g_settings_get_string (settings, "style");
  ck_assert_str_eq (chosen, "follow");
  ck_assert_int_eq (adw_style_manager_get_color_scheme (style), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (preferences);
  test_app_wait ();
}
END_TEST

Suite *
candour_app_templates_suite (void)
{
  Suite *suite = suite_create ("app-templates");
  TCase *tc = tcase_create ("templates");

  tcase_add_test (tc, test_every_template_builds);
  tcase_add_test (tc, test_shortcuts_window_builds);
  tcase_add_test (tc, test_windows_show);
  tcase_add_test (tc, test_style_preference);
  suite_add_tcase (suite, tc);
  return suite;
}
