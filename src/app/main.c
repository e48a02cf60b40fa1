/* main.c: candour, the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "candour-application.h"
#include "candour-bench-probe.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(CandourApplication) application = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GSettings aborts on a missing schema; say what to do instead. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_printerr (_("candour: the settings schema %s is not installed. Install Candour (meson "
                    "install), or start it with build-aux/dev run.\n"), APPLICATION_ID);
      return EXIT_FAILURE;
    }

  application = candour_application_new ();
  candour_bench_probe_watch (GTK_APPLICATION (application));
  status = g_application_run (G_APPLICATION (application), argc, argv);
  return status != EXIT_SUCCESS ? status : candour_application_get_exit_status (application);
}
