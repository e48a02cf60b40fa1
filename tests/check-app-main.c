/* check-app-main.c: the runner for the GTK application's suites
 *
 * GTK cannot be used from forked children once it has a display, so the tests run in
 * this one process (CK_NOFORK). Without a display the suites are skipped (exit 77);
 * tests/run-under-display.sh gives them one with Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "check-app-suites.h"
#include "test-util.h"
#include "candour-read-job.h"
#include "candour-row-feeder.h"
#include "candour-toasts.h"

#define DEMO_TODAY "2025-06-30"

#define EXIT_SKIPPED 77

static CandourApplication *application;

CandourApplication *
test_app_get_application (void)
{
  return application;
}

void
test_app_wait (void)
{
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  /* What the window asked of workers first (judging findings, reading lists)... */
  while (candour_read_job_get_n_pending () > 0 && g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
  ck_assert_msg (candour_read_job_get_n_pending () == 0, "the window's workers are still busy after a minute");

  /* ...and the lists' first rows, made a few a frame. */
  while (candour_row_feeder_get_n_feeding () > 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_msg (candour_row_feeder_get_n_feeding () == 0, "the lists are still being filled after a minute");

  /* ...then a few rounds: a layout can queue another draw, a draw another idle. */
  for (int round = 0; round < 3; round++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20000);
    }
}

CandourWindow *
test_app_open_demo (char **out_folder)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  CandourWindow *window;

  *out_folder = test_make_temp_dir ();
  path = g_build_filename (*out_folder, "Harrowfield demo.candour", NULL);

  g_settings_reset (candour_application_get_settings (application), "grace-days");
  g_settings_reset (candour_application_get_settings (application), "tolerance");
  candour_application_set_as_of (application, DEMO_TODAY);

  window = g_object_new (CANDOUR_TYPE_WINDOW, "application", application, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert_msg (candour_window_open_demo (window, path, DEMO_TODAY, &error), "%s", error ? error->message : "");
  test_app_wait ();
  return window;
}

void
test_app_close_demo (CandourWindow *window,
                     const char    *folder)
{
  /* As closing by hand does, let its toasts finish moving first (candour-toasts.h). */
  gint64 end = g_get_monotonic_time () +
               candour_toasts_settle_ms (candour_window_get_toast_overlay (window)) * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  /* Forms and details opened over it go with it (destroy-with-parent). */
  gtk_window_destroy (GTK_WINDOW (window));
  test_app_wait ();
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (GTK_IS_WINDOW (l->data) && gtk_window_get_transient_for (l->data) == NULL &&
        !GTK_IS_SHORTCUTS_WINDOW (l->data))
      gtk_window_destroy (l->data);
  test_app_wait ();
  test_remove_tree (folder);
}

CandourFinding *
test_app_find_finding (CandourWindow *window,
                       const char    *bid_ref,
                       const char    *partner_ref)
{
  GListModel *findings = candour_session_get_findings (candour_window_get_session (window));

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CandourFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (candour_finding_get_bid_ref (finding), bid_ref) &&
          g_str_equal (candour_finding_get_partner_ref (finding), partner_ref))
        return g_steal_pointer (&finding);
    }
  ck_abort_msg ("no finding for %s in %s", partner_ref, bid_ref);
  return NULL;
}

GtkWidget *
test_app_find_css_name (GtkWidget  *widget,
                        const char *css_name)
{
  if (g_str_equal (gtk_widget_get_css_name (widget), css_name) && gtk_widget_get_visible (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_app_find_css_name (child, css_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
test_app_find_label (GtkWidget  *widget,
                     const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_app_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
test_app_find_entry_row (GtkWidget  *widget,
                         const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_app_find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
test_app_find_by_tooltip (GtkWidget  *widget,
                          const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_app_find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

AdwMessageDialog *
test_app_find_message_dialog (void)
{
  AdwMessageDialog *dialog = NULL;

  test_app_wait ();
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  return dialog;
}

static const char *
current_toast_title (AdwToastOverlay *overlay)
{
  GtkWidget *toast = test_app_find_css_name (GTK_WIDGET (overlay), "toast");
  GtkWidget *label = toast != NULL ? test_app_find_css_name (toast, "label") : NULL;

  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

const char *
test_app_toast_title (AdwToastOverlay *overlay,
                      const char      *expected)
{
  /* A toast shows for five seconds: one that came just before may still be going. */
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  test_app_wait ();
  while (g_strcmp0 (current_toast_title (overlay), expected) != 0 && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return current_toast_title (overlay);
}

/* Lets the overlay's toasts finish moving (candour-toasts.h). */
static void
wait_for_toasts_to_settle (AdwToastOverlay *overlay)
{
  guint ms;

  while ((ms = candour_toasts_settle_ms (overlay)) > 0)
    {
      gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

      while (g_get_monotonic_time () < end)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (5000);
        }
    }
}

/* Answers a save chooser as a person would: once it is on screen, the folder, then the
 * name (the folder is read in the background, so the name waits for it), then the
 * accept button; and nothing left complaining after. */
void
test_app_choose_file (GtkNativeDialog *chooser,
                      const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  gboolean chosen = FALSE;

  /* On screen first: showing it sets its folder. */
  test_app_wait ();
  /* Folder and name apart: set_file() in a save chooser keeps the suggested name. */
  ck_assert (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL));
  /* The folder's files are listed in the background first. */
  test_app_wait ();
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  while (!chosen && g_get_monotonic_time () < end)
    {
      g_autoptr(GFile) now = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      chosen = now != NULL && g_file_equal (now, file);
      if (!chosen)
        g_main_context_iteration (NULL, TRUE);
    }
  ck_assert_msg (chosen, "the file chooser did not take %s", path);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  test_app_wait ();
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    ck_assert_msg (!GTK_IS_MESSAGE_DIALOG (l->data) || !gtk_widget_get_visible (l->data),
                   "the file chooser left a message: %s", gtk_window_get_title (l->data));
}

void
test_app_dismiss_toasts (AdwToastOverlay *overlay)
{
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(AdwToast) toast = NULL;
      GtkWidget *shown;
      gint64 end;

      wait_for_toasts_to_settle (overlay);
      shown = test_app_find_css_name (GTK_WIDGET (overlay), "toast");
      if (shown == NULL)
        return;
      g_object_get (shown, "toast", &toast, NULL);
      if (toast == NULL)
        return;
      adw_toast_dismiss (toast);

      /* Gone once it has slid away, however slowly the machine draws. */
      g_object_add_weak_pointer (G_OBJECT (shown), (gpointer *)&shown);
      end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
      while (shown != NULL && g_get_monotonic_time () < end)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (5000);
        }
      if (shown != NULL)
        g_object_remove_weak_pointer (G_OBJECT (shown), (gpointer *)&shown);
      ck_assert_msg (shown == NULL, "a dismissed toast is still there after ten seconds");
    }
  ck_abort_msg ("the toasts do not go");
}

/* As the application's last window closing does: windows left open go, and whatever
 * is still in flight (a worker's answer, a toast or tooltip on its way out) finishes,
 * so that the sanitizers' leak check at exit sees only what was really lost. */
static void
wind_down (void)
{
  gint64 end;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (GTK_IS_WINDOW (l->data) && gtk_window_get_transient_for (l->data) == NULL)
      gtk_window_destroy (l->data);

  /* No ck_assert() here: Check has finished, and any call to it would end the process. */
  end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (candour_read_job_get_n_pending () > 0 && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  end = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
}

#if defined(__SANITIZE_ADDRESS__)
/* GLib never frees its first table of quarks: past 2,048 quarks (the application's
 * types, properties and signals soon pass that) it copies the table into a larger one
 * and leaves the old, on purpose ("This leaks the old quarks array", gquark.c), so that
 * lookups need no lock. LeakSanitizer would report those 16 KiB at exit, with no stack
 * past g_malloc. The table is made while GLib loads, before main(): the sanitizer's
 * malloc hook (called for every allocation, from the start) keeps what is allocated at
 * that size then reachable for the life of the process, as GLib means it to be.
 * Nothing allocated once main() runs is kept. */
#define GLIB_QUARK_TABLE_SIZE (2048 * sizeof (char *))

void __sanitizer_malloc_hook (const volatile void *ptr,
                              size_t               size);

static const volatile void *kept_while_loading[4];
static volatile gboolean main_started;

void
__sanitizer_malloc_hook (const volatile void *ptr,
                         size_t               size)
{
  static guint n_kept;

  if (!main_started && size == GLIB_QUARK_TABLE_SIZE && n_kept < G_N_ELEMENTS (kept_while_loading))
    kept_while_loading[n_kept++] = ptr;
}
#endif

int
main (void)
{
  g_autoptr(GError) error = NULL;
  SRunner *runner;
  int failed;

#if defined(__SANITIZE_ADDRESS__)
  main_started = TRUE;
#endif
  setlocale (LC_ALL, "");

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the application's tests are skipped.\n");
      return EXIT_SKIPPED;
    }

  application = candour_application_new ();
  /* Never hand the work to a Candour the person has open. */
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    {
      g_printerr ("Could not start the application: %s\n", error->message);
      return EXIT_FAILURE;
    }

  runner = srunner_create (candour_app_templates_suite ());
  srunner_add_suite (runner, candour_app_window_suite ());
  srunner_add_suite (runner, candour_app_forms_suite ());
  srunner_add_suite (runner, candour_app_import_suite ());
  srunner_add_suite (runner, candour_app_keyring_suite ());
  srunner_add_suite (runner, candour_app_accessibility_suite ());
  srunner_add_suite (runner, candour_app_columns_suite ());
  srunner_set_fork_status (runner, CK_NOFORK);

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  wind_down ();
  g_clear_object (&application);

  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
