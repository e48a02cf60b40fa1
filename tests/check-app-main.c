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
  /* A few rounds: a layout can queue another draw, a draw another idle. */
  for (int round = 0; round < 3; round++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20000);
    }
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  SRunner *runner;
  int failed;

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
  srunner_set_fork_status (runner, CK_NOFORK);

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  g_clear_object (&application);

  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
