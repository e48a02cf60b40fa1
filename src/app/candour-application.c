/* candour-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "candour-application.h"
#include "candour-date.h"
#include "candour-people-page.h"
#include "candour-preferences-window.h"
#include "candour-screenshots.h"
#include "candour-window.h"

struct _CandourApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char *as_of;
  char *screenshots_dir;
  int exit_status;
};

G_DEFINE_FINAL_TYPE (CandourApplication, candour_application, ADW_TYPE_APPLICATION)

static CandourWindow *
new_window (CandourApplication *self)
{
  return g_object_new (CANDOUR_TYPE_WINDOW, "application", self, NULL);
}

/* A window with no database yet, or a new one. */
static CandourWindow *
window_for_opening (CandourApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CANDOUR_IS_WINDOW (active) && candour_window_get_session (CANDOUR_WINDOW (active)) == NULL)
    return CANDOUR_WINDOW (active);
  return new_window (self);
}

static void
candour_application_activate (GApplication *application)
{
  CandourApplication *self = CANDOUR_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_auto(GStrv) recent = NULL;
  CandourWindow *window;

  if (self->screenshots_dir != NULL)
    {
      candour_screenshots_run (self, self->screenshots_dir);
      return;
    }

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  /* Carry on where the person left off: the last database, if it is still there. */
  window = new_window (self);
  recent = g_settings_get_strv (self->settings, "recent-databases");
  if (recent[0] != NULL &&
      (candour_database_is_server_location (recent[0]) || g_file_test (recent[0], G_FILE_TEST_IS_REGULAR)))
    candour_window_open_path (window, recent[0]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
candour_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  CandourApplication *self = CANDOUR_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      /* A server's address is no file: it is opened as it was given. */
      g_autofree char *path = g_file_has_uri_scheme (files[i], "postgresql") ||
                              g_file_has_uri_scheme (files[i], "postgres")
                              ? g_file_get_uri (files[i]) : g_file_get_path (files[i]);
      CandourWindow *window = window_for_opening (self);

      if (path != NULL)
        candour_window_open_path (window, path);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
candour_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  CandourApplication *self = CANDOUR_APPLICATION (application);
  const char *as_of = NULL;
  const char *screenshots = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("candour %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "as-of", "&s", &as_of))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      if (!candour_date_parse (as_of, &iso, &error))
        {
          g_printerr ("candour: --as-of %s\n", error->message);
          return 2;
        }
      candour_application_set_as_of (self, iso);
    }

  if (g_variant_dict_lookup (options, "screenshots", "^&ay", &screenshots))
    {
      self->screenshots_dir = g_strdup (screenshots);
      /* A run of its own: never hand the work to a Candour that is already open. */
      g_application_set_flags (application, g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CandourApplication *self = user_data;
  GtkWindow *window = candour_preferences_window_new (self->settings);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  CandourSession *session = CANDOUR_IS_WINDOW (active) ? candour_window_get_session (CANDOUR_WINDOW (active)) : NULL;

  /* On a server, who may do what there. */
  if (session != NULL && candour_database_is_server (candour_session_get_database (session)))
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *people = candour_people_page_new (candour_session_get_database (session), &error);

      if (people != NULL)
        adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (people));
      else
        g_warning ("Could not read who may do what: %s", error->message);
    }
  gtk_window_set_transient_for (window, active);
  gtk_window_present (window);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CandourApplication *self = user_data;
  static const char *developers[] = { "The Candour contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Candour"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Candour contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Candour checks whether the small organisations named as "
                                      "partners in a winning bid got the work and the money the bid "
                                      "promised them, and shows the evidence to funders and "
                                      "commissioners."),
                        "website", "https://github.com/candour/candour",
                        "issue-url", "https://github.com/candour/candour/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© The Candour contributors"),
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *application = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  /* Closing each window saves its size, as closing it by hand would. */
  for (GList *l = g_list_copy (windows), *next; l != NULL; l = next)
    {
      next = l->next;
      gtk_window_close (l->data);
      g_list_free_1 (l);
    }
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

/* The "style" setting's words, and libadwaita's colour schemes for them. */
static gboolean
color_scheme_from_style (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  g_value_set_enum (value, g_str_equal (style, "light") ? ADW_COLOR_SCHEME_FORCE_LIGHT
                           : g_str_equal (style, "dark") ? ADW_COLOR_SCHEME_FORCE_DARK
                           : ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

static void
candour_application_startup (GApplication *application)
{
  CandourApplication *self = CANDOUR_APPLICATION (application);
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (candour_application_parent_class)->startup (application);

  self->settings = g_settings_new (APPLICATION_ID);
  /* Light or dark as the person chose in Preferences, or as the system says. */
  g_settings_bind_with_mapping (self->settings, "style", adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET, color_scheme_from_style, NULL, NULL, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  candour_window_set_accels (GTK_APPLICATION (self));
}

static void
candour_application_finalize (GObject *object)
{
  CandourApplication *self = (CandourApplication *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_pointer (&self->screenshots_dir, g_free);

  G_OBJECT_CLASS (candour_application_parent_class)->finalize (object);
}

static void
candour_application_class_init (CandourApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = candour_application_finalize;
  application_class->activate = candour_application_activate;
  application_class->open = candour_application_open;
  application_class->startup = candour_application_startup;
  application_class->handle_local_options = candour_application_handle_local_options;
}

static void
candour_application_init (CandourApplication *self)
{
  static const GOptionEntry options[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Judge the findings as of DATE instead of today"), N_("DATE") },
    { "screenshots", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Save a picture of every page of the demo into FOLDER, then quit"), N_("FOLDER") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[DATABASE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Checks what bids promised their named partners "
                                              "against what was subcontracted and paid."));
}

CandourApplication *
candour_application_new (void)
{
  return g_object_new (CANDOUR_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/candour/Candour",
                       NULL);
}

GSettings *
candour_application_get_settings (CandourApplication *self)
{
  g_return_val_if_fail (CANDOUR_IS_APPLICATION (self), NULL);

  return self->settings;
}

const char *
candour_application_get_as_of (CandourApplication *self)
{
  g_return_val_if_fail (CANDOUR_IS_APPLICATION (self), NULL);

  return self->as_of;
}

void
candour_application_set_as_of (CandourApplication *self,
                               const char         *as_of)
{
  g_return_if_fail (CANDOUR_IS_APPLICATION (self));
  g_return_if_fail (as_of == NULL || candour_date_to_days (as_of) > 0);

  g_free (self->as_of);
  self->as_of = g_strdup (as_of);
}

void
candour_application_add_recent (CandourApplication *self,
                                const char         *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_return_if_fail (CANDOUR_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  old = g_settings_get_strv (self->settings, "recent-databases");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < CANDOUR_MAX_RECENT; i++)
    if (!g_str_equal (old[i], path))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-databases", (const char * const *)recent);
}

char *
candour_application_dup_demo_path (CandourApplication *self)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "candour", NULL);

  g_mkdir_with_parents (folder, 0700);
  /* Translators: the file name of the demo database, without its extension */
  return g_strdup_printf ("%s/%s.candour", folder, _("Harrowfield demo"));
}

void
candour_application_set_exit_status (CandourApplication *self,
                                     int                 status)
{
  g_return_if_fail (CANDOUR_IS_APPLICATION (self));

  self->exit_status = status;
}

int
candour_application_get_exit_status (CandourApplication *self)
{
  g_return_val_if_fail (CANDOUR_IS_APPLICATION (self), EXIT_FAILURE);

  return self->exit_status;
}
