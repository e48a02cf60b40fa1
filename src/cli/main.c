/* main.c: candour-cli's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include "candour-cli.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  return candour_cli_run (argc, argv);
}
