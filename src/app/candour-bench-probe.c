/* candour-bench-probe.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "candour-bench-probe.h"

#define BENCH_BUSY_US (16 * G_TIME_SPAN_MILLISECOND)   /* a gap longer than a frame at 60 Hz */
#define BENCH_IDLE_US (2 * G_TIME_SPAN_SECOND)
#define BENCH_GIVE_UP_US (60 * G_TIME_SPAN_SECOND)

static struct
{
  GApplication *application;
  gint64 first_frame;           /* monotonic µs */
  gint64 last_tick;
  gint64 last_busy;             /* a stall, or a frame painted */
  gint64 longest;
  GtkWidget *window;
  char **pages;                 /* still to show, NULL-terminated */
  guint next_page;
  gint64 page_asked;            /* monotonic µs */
} bench;

/* Milliseconds since exec: the kernel's start time of the process, in clock ticks
 * (10 ms) since boot, against the boot-time clock now. */
static double
bench_ms_since_exec (void)
{
  g_autofree char *stat = NULL;
  unsigned long long start_ticks;
  struct timespec now;
  const char *fields;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (fields = strrchr (stat, ')')) == NULL ||
      sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u "
              "%*d %*d %*d %*d %*d %*d %llu", &start_ticks) != 1 ||
      clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6 - start_ticks * 1e3 / sysconf (_SC_CLK_TCK);
}

static gboolean
bench_tick (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  bench.longest = MAX (bench.longest, now - bench.last_tick);
  if (now - bench.last_tick > BENCH_BUSY_US)
    bench.last_busy = now;
  bench.last_tick = now;

  if (now - bench.last_busy < BENCH_IDLE_US &&
      now - MAX (bench.first_frame, bench.page_asked) < BENCH_GIVE_UP_US)
    return G_SOURCE_CONTINUE;

  if (bench.next_page == 0)
    printf ("longest-stall-ms %.1f\nsettled-ms %.0f\n", bench.longest / 1e3,
            bench_ms_since_exec () - (now - bench.last_busy) / 1e3);
  else
    printf ("page-stall-ms %s %.1f\npage-settled-ms %s %.0f\n",
            bench.pages[bench.next_page - 1], bench.longest / 1e3,
            bench.pages[bench.next_page - 1], (bench.last_busy - bench.page_asked) / 1e3);
  fflush (stdout);

  if (bench.pages != NULL && bench.pages[bench.next_page] != NULL)
    {
      const char *page = bench.pages[bench.next_page++];

      bench.page_asked = bench.last_tick = bench.last_busy = g_get_monotonic_time ();
      bench.longest = 0;
      gtk_widget_activate_action (bench.window, "win.show-page", "s", page);
      return G_SOURCE_CONTINUE;
    }
  g_application_quit (bench.application);
  return G_SOURCE_REMOVE;
}

static void
bench_after_paint (GdkFrameClock *clock,
                   gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (bench.first_frame == 0)
    {
      printf ("first-frame-ms %.0f\n", bench_ms_since_exec ());
      fflush (stdout);
      bench.first_frame = bench.last_tick = now;
      /* Every millisecond when the loop is free: a late tick is a stall. */
      g_timeout_add (1, bench_tick, NULL);
    }
  bench.last_busy = now;
}

static void
bench_on_map (GtkWidget *window,
              gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (bench_after_paint), NULL);
}

static void
bench_watch_first_window (GtkApplication *application,
                          GtkWindow      *window,
                          gpointer        user_data)
{
  g_signal_handlers_disconnect_by_func (application, bench_watch_first_window, user_data);
  bench.window = GTK_WIDGET (window);
  g_signal_connect (window, "map", G_CALLBACK (bench_on_map), NULL);
}

static void
bench_on_shutdown (GApplication *application,
                   gpointer      user_data)
{
  g_clear_pointer (&bench.pages, g_strfreev);
}

void
candour_bench_probe_watch (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  if (g_strcmp0 (g_getenv ("CANDOUR_BENCH_FIRST_FRAME"), "1") != 0)
    return;
  bench.application = G_APPLICATION (application);
  bench.pages = g_strsplit_set (g_getenv ("CANDOUR_BENCH_PAGES") ?: "", " ", -1);
  g_signal_connect (application, "window-added", G_CALLBACK (bench_watch_first_window), NULL);
  g_signal_connect (application, "shutdown", G_CALLBACK (bench_on_shutdown), NULL);
}
