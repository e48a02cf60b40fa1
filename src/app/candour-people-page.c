/* candour-people-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-combo-row.h"
#include "candour-people-page.h"
#include "candour-people.h"

/* The roles an admin may give, in the order the dropdown shows them. */
static const char * const roles[] = { "viewer", "editor", "finance", "admin" };

static const char *
role_title (const char *role)
{
  if (g_str_equal (role, "viewer"))
    return _("Viewer");
  if (g_str_equal (role, "editor"))
    return _("Editor");
  if (g_str_equal (role, "finance"))
    return _("Finance");
  if (g_str_equal (role, "admin"))
    return _("Admin");
  return _("Owner");
}

static guint
role_position (const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (role, roles[i]))
      return i;
  return 0;
}

/* "Editor: adds, changes and removes records, except payments" */
static char *
describe (const char *role)
{
  return g_strdup_printf ("%s: %s", role_title (role), candour_role_describe (role));
}

static void
on_role_chosen (AdwComboRow *row)
{
  CandourDatabase *db = g_object_get_data (G_OBJECT (row), "database");
  const char *login = g_object_get_data (G_OBJECT (row), "login");
  const char *had = g_object_get_data (G_OBJECT (row), "role");
  const char *role = roles[MIN (adw_combo_row_get_selected (row), G_N_ELEMENTS (roles) - 1)];
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;

  if (g_str_equal (role, had))
    return;
  if (!candour_database_grant (db, login, role, &error))
    {
      said = g_strdup (error->message);
      /* Back to what the server still says. */
      adw_combo_row_set_selected (row, role_position (had));
    }
  else
    {
      g_autofree char *words = describe (role);

      g_object_set_data_full (G_OBJECT (row), "role", g_strdup (role), g_free);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), words);
      /* Translators: a login's new role, e.g. "alice is now Finance" */
      said = g_strdup_printf (_("%s is now %s"), login, role_title (role));
    }
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (said));
}

static GtkWidget *
person_row (CandourDatabase *db,
            const char      *login,
            const char      *role,
            gboolean         you,
            gboolean         may_change)
{
  g_autofree char *words = describe (role);
  g_autofree char *title = you ? g_strdup_printf (_("%s (you)"), login) : g_strdup (login);
  GtkWidget *row;

  /* Nobody changes their own role here, nor the owner's: an admin could lock themselves
   * out, and the owner holds no role to change. */
  if (!may_change || you || g_str_equal (role, "owner"))
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), words);
      return row;
    }

  row = candour_combo_row_new ();
  {
    g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
      gtk_string_list_append (titles, role_title (roles[i]));
    adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (titles));
  }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), words);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), role_position (role));
  g_object_set_data_full (G_OBJECT (row), "database", g_object_ref (db), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "login", g_strdup (login), g_free);
  g_object_set_data_full (G_OBJECT (row), "role", g_strdup (role), g_free);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_role_chosen), NULL);
  return row;
}

GtkWidget *
candour_people_page_new (CandourDatabase  *db,
                         GError          **error)
{
  g_autoptr(CandourReport) report = candour_report_people (db, error);
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *group_title = NULL;
  g_autofree char *name = NULL;
  gboolean admin = FALSE;
  GtkWidget *page;
  GtkWidget *group;

  if (report == NULL)
    return NULL;

  /* Read first: whether you are an admin decides every row. */
  people = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  while (candour_report_next (report, error))
    {
      char **person = g_new0 (char *, 4);

      person[0] = g_strdup (candour_report_get_text_by_name (report, "login"));
      person[1] = g_strdup (candour_report_get_text_by_name (report, "role"));
      person[2] = g_strdup (candour_report_get_int64_by_name (report, "you") ? "you" : "");
      admin = admin || (person[2][0] != '\0' && g_str_equal (person[1], "admin"));
      g_ptr_array_add (people, person);
    }
  if (error != NULL && *error != NULL)
    return NULL;

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("People"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "system-users-symbolic");

  group = adw_preferences_group_new ();
  name = candour_database_dup_title (db);
  /* Translators: %s is the register's name on the server */
  group_title = g_strdup_printf (_("Who May Do What in “%s”"), name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), group_title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         admin ? _("The server keeps the roles. Choose another for someone "
                                                   "here; it applies from their next change.")
                                               : _("The server keeps the roles; an admin can change them."));
  for (guint i = 0; i < people->len; i++)
    {
      char **person = g_ptr_array_index (people, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 person_row (db, person[0], person[1], person[2][0] != '\0', admin));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return page;
}
