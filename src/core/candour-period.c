/* candour-period.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-period.h"
#include "candour-date.h"
#include "candour-error.h"

static gboolean
check_days (const char  *first_day,
            const char  *last_day,
            GError     **error)
{
  g_autofree char *first = candour_date_format_display (first_day);
  g_autofree char *last = candour_date_format_display (last_day);

  if (candour_date_to_days (first_day) == 0 || candour_date_to_days (last_day) == 0)
    {
      g_set_error_literal (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                           "A period runs from one real date to another, such as 01/04/2024 to 31/03/2025.");
      return FALSE;
    }
  if (g_strcmp0 (last_day, first_day) < 0)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "The period would end (%s) before it starts (%s): give the first day first.",
                   last, first);
      return FALSE;
    }
  return TRUE;
}

/* The query for sql with the period's days bound, once they are checked. */
static CandourQuery *
period_query (CandourDatabase  *db,
              const char       *sql,
              const char       *first_day,
              const char       *last_day,
              GError          **error)
{
  CandourQuery *query;

  if (!check_days (first_day, last_day, error) ||
      (query = candour_database_query (db, sql, error)) == NULL)
    return NULL;

  candour_query_bind_text (query, ":first", first_day);
  candour_query_bind_text (query, ":last", last_day);
  return query;
}

gboolean
candour_period_close (CandourDatabase  *db,
                      const char       *first_day,
                      const char       *last_day,
                      GError          **error)
{
  static const char sql[] = "INSERT INTO closed_period (first_day, last_day) VALUES (:first, :last)";
  g_autoptr(GError) local_error = NULL;
  CandourQuery *query;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (first_day != NULL && last_day != NULL, FALSE);

  if ((query = period_query (db, sql, first_day, last_day, error)) == NULL)
    return FALSE;
  if (candour_query_run (query, &local_error))
    return TRUE;

  /* Closed already: nothing to do, and nothing wrong. */
  if (candour_query_get_constraint (query)->kind == CANDOUR_CONSTRAINT_UNIQUE)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
candour_period_reopen (CandourDatabase  *db,
                       const char       *first_day,
                       const char       *last_day,
                       GError          **error)
{
  static const char sql[] = "DELETE FROM closed_period WHERE first_day = :first AND last_day = :last";
  CandourQuery *query;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (first_day != NULL && last_day != NULL, FALSE);

  if ((query = period_query (db, sql, first_day, last_day, error)) == NULL ||
      !candour_query_run (query, error))
    return FALSE;
  if (candour_query_get_changes (query) == 0)
    {
      g_autofree char *first = candour_date_format_display (first_day);
      g_autofree char *last = candour_date_format_display (last_day);

      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NOT_FOUND,
                   "No period from %s to %s is closed. Nothing was changed; candour-cli periods "
                   "lists the closed ones.", first, last);
      return FALSE;
    }
  return TRUE;
}

static const char periods_sql[] =
  "SELECT first_day, last_day FROM closed_period ORDER BY first_day, last_day";

static const CandourReportColumn period_columns[] = {
  { "first_day", CANDOUR_CELL_DATE },
  { "last_day", CANDOUR_CELL_DATE },
};

CandourReport *
candour_report_closed_periods (CandourDatabase  *db,
                               GError          **error)
{
  return candour_report_new (db, periods_sql, period_columns, G_N_ELEMENTS (period_columns), error);
}
