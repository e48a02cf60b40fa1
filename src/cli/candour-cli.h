/* candour-cli.h: Candour from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs one command line, as main () would: returns the exit status (0 done, 1 the
 * work failed, 2 usage). A function of its own so that the argument fuzzer can call it
 * with any argument vector. */
int candour_cli_run (int    argc,
                     char **argv);

G_END_DECLS
