/* candour-bench-probe.h: what build-aux/bench reads from a window
 *
 * With CANDOUR_BENCH_FIRST_FRAME=1 set, the first window prints how long after exec its
 * first frame was painted, then the longest the main loop stalled until the window had
 * been idle for 2 s and when that quiet began, and the application quits. With
 * CANDOUR_BENCH_PAGES="findings bids …" it first shows each of those pages in turn
 * (the window's win.show-page action, as a click in the sidebar), and prints the same
 * two figures for each, counted from the moment it was asked for. Candour and
 * tests/bench-minimal-window both carry this probe, so both are timed alike; it is kept
 * apart from the application so it measures it without changing it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Does nothing unless CANDOUR_BENCH_FIRST_FRAME=1; call before g_application_run(). */
void candour_bench_probe_watch (GtkApplication *application);

G_END_DECLS
