/* bench-minimal-window.c: the least a GTK 4 + libadwaita window costs, as a baseline
 *
 * A GtkApplication whose window has a header bar, a sidebar of eight rows and a small
 * form: what any libadwaita application pays before it shows anything of its own.
 * build-aux/bench starts it exactly as it starts Candour and compares their first
 * frames. Not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The same probe as src/app/main.c's, so both programs are timed alike: with
 * CANDOUR_BENCH_FIRST_FRAME=1 set, the first window prints how long after exec its
 * first frame was painted, then the longest the main loop stalled until the window had
 * been idle for 2 s and when that quiet began, and the application quits. */
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

  if (now - bench.last_busy < BENCH_IDLE_US && now - bench.first_frame < BENCH_GIVE_UP_US)
    return G_SOURCE_CONTINUE;
  printf ("longest-stall-ms %.1f\nsettled-ms %.0f\n", bench.longest / 1e3,
          bench_ms_since_exec () - (now - bench.last_busy) / 1e3);
  fflush (stdout);
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
  g_signal_connect (window, "map", G_CALLBACK (bench_on_map), NULL);
}

/* The window itself. */

static GtkWidget *
new_sidebar (void)
{
  static const char * const pages[] = {
    "Overview", "Findings", "Organisations", "Bids", "Contracts", "Subcontracts", "Payments", "Reports",
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Minimal", "a baseline"));
  gtk_widget_add_css_class (list, "navigation-sidebar");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *label = gtk_label_new (pages[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_size_request (box, 220, -1);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static GtkWidget *
new_form (void)
{
  static const char * const fields[] = { "Reference", "Name", "Register number", "Annual income" };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic ("_Save");

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Organisation", NULL));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), "Details");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fields[i]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  return box;
}

static void
on_activate (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *leaflet = adw_leaflet_new ();

  adw_leaflet_append (ADW_LEAFLET (leaflet), new_sidebar ());
  adw_leaflet_append (ADW_LEAFLET (leaflet), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_append (ADW_LEAFLET (leaflet), new_form ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), leaflet);
  /* Candour's default size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 780);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) application = NULL;

  application = adw_application_new ("io.github.candour.BenchMinimalWindow", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "activate", G_CALLBACK (on_activate), NULL);
  if (g_strcmp0 (g_getenv ("CANDOUR_BENCH_FIRST_FRAME"), "1") == 0)
    {
      bench.application = G_APPLICATION (application);
      g_signal_connect (application, "window-added", G_CALLBACK (bench_watch_first_window), NULL);
    }
  return g_application_run (G_APPLICATION (application), argc, argv);
}
