/* candour-people.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-database-private.h"
#include "candour-people.h"

/* The strongest role each login holds, directly or through another role; superusers
 * are members of every role, so they read as admins. The owner of the tables is listed
 * as such: it sets up and migrates, and needs no Candour role. */
static const char people_sql[] =
  "SELECT r.rolname AS login, "
  "       CASE WHEN r.oid = (SELECT relowner FROM pg_class WHERE oid = 'organisation'::regclass) "
  "                 AND NOT r.rolsuper THEN 'owner' "
  "            WHEN pg_has_role (r.oid, 'candour_admin', 'MEMBER') THEN 'admin' "
  "            WHEN pg_has_role (r.oid, 'candour_finance', 'MEMBER') THEN 'finance' "
  "            WHEN pg_has_role (r.oid, 'candour_editor', 'MEMBER') THEN 'editor' "
  "            ELSE 'viewer' END AS role, "
  "       CASE WHEN r.rolname = session_user THEN 1 ELSE 0 END AS you "
  "FROM pg_roles r "
  "WHERE r.rolcanlogin "
  "  AND (r.rolname = session_user "
  "       OR r.oid = (SELECT relowner FROM pg_class WHERE oid = 'organisation'::regclass) "
  "       OR (NOT r.rolsuper AND pg_has_role (r.oid, 'candour_viewer', 'MEMBER'))) "
  "ORDER BY r.rolname COLLATE \"C\"";

static const CandourReportColumn people_columns[] = {
  { "login", CANDOUR_CELL_TEXT },
  { "role", CANDOUR_CELL_KEYWORD },
  { "you", CANDOUR_CELL_YES_NO },
};

CandourReport *
candour_report_people (CandourDatabase  *db,
                       GError          **error)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);

  if (!candour_database_is_server (db))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, CANDOUR_NO_PEOPLE_IN_A_FILE);
      return NULL;
    }
  return candour_report_new (db, people_sql, people_columns, G_N_ELEMENTS (people_columns), error);
}

const char *
candour_role_describe (const char *role)
{
  static const struct { const char *role; const char *words; } roles[] = {
    { "viewer", "reads everything, the audit trail included" },
    { "editor", "adds, changes and removes records, except payments" },
    { "finance", "adds, changes and removes payments, and closes periods" },
    { "admin", "all of these, and says who may do what" },
    { "owner", "sets the register up and migrates it" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (role, roles[i].role) == 0)
      return roles[i].words;
  return NULL;
}
