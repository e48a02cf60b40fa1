/* bench-minimal-window.c: the least a GTK 4 + libadwaita window costs, as a baseline
 *
 * A GtkApplication whose window has a header bar, a sidebar of eight rows and a small
 * form: what any libadwaita application pays before it shows anything of its own.
 * build-aux/bench starts it exactly as it starts Candour, with the same probe
 * (src/app/candour-bench-probe.c), and compares their first frames. Not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "candour-bench-probe.h"

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
  candour_bench_probe_watch (GTK_APPLICATION (application));
  return g_application_run (G_APPLICATION (application), argc, argv);
}
