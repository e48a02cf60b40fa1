/* candour-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-demo.h"
#include "candour-database.h"
#include "candour-date.h"
#include "candour-error.h"
#include "candour-import.h"

#define DEMO_RESOURCES "/io/github/candour/Candour/demo/"

static gboolean
replace_day_token (const GMatchInfo *match,
                   GString          *result,
                   gpointer          user_data)
{
  const GDate *today = user_data;
  g_autofree char *sign = g_match_info_fetch (match, 1);
  g_autofree char *count = g_match_info_fetch (match, 2);
  GDate day = *today;
  guint days = (guint)g_ascii_strtoull (count, NULL, 10);
  char iso[16];

  if (sign[0] == '+')
    g_date_add_days (&day, days);
  else
    g_date_subtract_days (&day, days);

  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &day);
  g_string_append (result, iso);
  return FALSE;
}

static gboolean
is_empty (CandourDatabase  *db,
          gboolean         *out_empty,
          GError          **error)
{
  static const char sql[] = "SELECT NOT EXISTS (SELECT 1 FROM organisation) AS empty";
  CandourQuery *query = candour_database_query (db, sql, error);

  if (query == NULL || candour_query_step (query, error) != CANDOUR_QUERY_ROW)
    return FALSE;
  *out_empty = candour_query_get_int64 (query, "empty") != 0;
  candour_query_reset (query);
  return TRUE;
}

gboolean
candour_demo_load (CandourDatabase  *db,
                   const char       *today,
                   GError          **error)
{
  g_autoptr(CandourImport) import = NULL;
  g_autoptr(GRegex) token = NULL;
  g_autofree char *today_iso = NULL;
  g_auto(GStrv) names = NULL;
  gboolean empty = FALSE;
  GDate day;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);

  if (!is_empty (db, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s already holds records; load the demo into a new database",
                   candour_database_get_path (db));
      return FALSE;
    }

  today_iso = today != NULL ? g_strdup (today) : candour_date_today ();
  g_date_clear (&day, 1);
  if (candour_date_to_days (today_iso) <= 0)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "'%s' is not an ISO date", today_iso);
      return FALSE;
    }
  g_date_set_julian (&day, (guint32)candour_date_to_days (today_iso));

  token = g_regex_new ("\\btoday([+-])([0-9]+)\\b", G_REGEX_OPTIMIZE, 0, NULL);
  names = g_resources_enumerate_children (DEMO_RESOURCES, 0, error);
  if (names == NULL)
    return FALSE;

  import = candour_import_new (db);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *resource = g_strconcat (DEMO_RESOURCES, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, error);
      g_autofree char *text = NULL;
      g_autoptr(GBytes) dated = NULL;

      if (bytes == NULL)
        return FALSE;

      text = g_regex_replace_eval (token, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   0, 0, replace_day_token, &day, error);
      if (text == NULL)
        return FALSE;

      dated = g_bytes_new_take (text, strlen (text));
      text = NULL;
      candour_import_add_data (import, names[i], dated);
    }

  if (!candour_import_run (import, NULL, error))
    {
      GPtrArray *problems = candour_import_get_problems (import);

      /* The demo is part of Candour: a problem here is a bug, so name the first one. */
      for (guint i = 0; i < problems->len; i++)
        g_warning ("demo: %s", (const char *)g_ptr_array_index (problems, i));
      return FALSE;
    }

  return TRUE;
}
