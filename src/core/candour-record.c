/* candour-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-record.h"
#include "candour-error.h"
#include "candour-export.h"
#include "candour-import-private.h"

static const char * const delete_sql[CANDOUR_N_TABLES] = {
  "DELETE FROM organisation WHERE id = :id",
  "DELETE FROM consortium WHERE id = :id",
  "DELETE FROM consortium_member WHERE id = :id",
  "DELETE FROM bid WHERE id = :id",
  "DELETE FROM bid_partner WHERE id = :id",
  "DELETE FROM contract WHERE id = :id",
  "DELETE FROM subcontract WHERE id = :id",
  "DELETE FROM payment WHERE id = :id",
};

/* What still points at a record of each table, for the message when it cannot go. */
static const char * const referred_by[CANDOUR_N_TABLES] = {
  "bids, named partners, consortia, contracts or subcontracts",
  "bids",
  NULL,
  "a contract",
  NULL,
  "subcontracts or payments",
  "payments",
  NULL,
};

char **
candour_record_load (CandourDatabase  *db,
                     CandourTable      table,
                     gint64            id,
                     GError          **error)
{
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_fields = candour_table_get_n_fields (table);
  char **texts;

  report = candour_export_record (db, table, id, error);
  if (report == NULL)
    return NULL;

  g_assert (candour_report_get_n_columns (report) == n_fields);

  if (!candour_report_next (report, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NOT_FOUND,
                     "That record is no longer in the database; someone may have deleted it.");
      return NULL;
    }

  texts = g_new0 (char *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    {
      g_assert (g_str_equal (candour_report_get_column (report, i)->name,
                             candour_table_get_field_name (table, i)));
      texts[i] = candour_report_format_cell (report, i, CANDOUR_CELL_FORMAT_CSV);
    }
  return texts;
}

gboolean
candour_record_save (CandourDatabase     *db,
                     CandourTable         table,
                     const char * const  *texts,
                     gint64              *inout_id,
                     GPtrArray           *problems,
                     GError             **error)
{
  return candour_import_write_record (db, table, texts, inout_id, TRUE, problems, NULL, error);
}

/* "name “Alpha” → “Alpha Ltd”; notes (empty) → “Met”": what changed between two loads. */
static char *
describe_changes (CandourTable         table,
                  const char * const  *before,
                  const char * const  *after)
{
  GString *changes = g_string_new (NULL);

  for (guint i = 0; before[i] != NULL && after[i] != NULL; i++)
    {
      g_autofree char *was = NULL;
      g_autofree char *now = NULL;

      if (g_str_equal (before[i], after[i]))
        continue;
      was = before[i][0] != '\0' ? g_strdup_printf ("“%s”", before[i]) : g_strdup ("(empty)");
      now = after[i][0] != '\0' ? g_strdup_printf ("“%s”", after[i]) : g_strdup ("(empty)");
      g_string_append_printf (changes, "%s%s %s → %s", changes->len > 0 ? "; " : "",
                              candour_table_get_field_name (table, i), was, now);
    }
  return g_string_free (changes, FALSE);
}

gboolean
candour_record_save_over (CandourDatabase     *db,
                          CandourTable         table,
                          const char * const  *loaded,
                          const char * const  *texts,
                          gint64               id,
                          GPtrArray           *problems,
                          GError             **error)
{
  g_auto(GStrv) now = NULL;
  gboolean saved;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (loaded != NULL && texts != NULL, FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  /* Read and written in one transaction, the record held meanwhile: nobody can change
   * it between the look and the save. */
  if (!candour_database_begin (db, error))
    return FALSE;
  if (!candour_database_hold_record (db, candour_import_sql_table (table), id, error) ||
      (now = candour_record_load (db, table, id, error)) == NULL)
    {
      candour_database_end (db, FALSE, NULL);
      return FALSE;
    }

  if (!g_strv_equal ((const char * const *)now, loaded))
    {
      g_autofree char *changes = describe_changes (table, loaded, (const char * const *)now);

      candour_database_end (db, FALSE, NULL);
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_CONFLICT,
                   "While you were editing, this record was changed elsewhere: %s. Nothing of yours "
                   "was saved yet. Save again to put what you typed in place of that change, or "
                   "close the form to keep it.", changes);
      return FALSE;
    }

  saved = candour_record_save (db, table, texts, &id, problems, error);
  return candour_database_end (db, saved, saved ? error : NULL) && saved;
}

gboolean
candour_record_check (CandourDatabase     *db,
                      CandourTable         table,
                      const char * const  *texts,
                      gint64               id,
                      GPtrArray           *problems,
                      GPtrArray           *warnings,
                      GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean checked;

  /* The check writes and rolls back, so it needs the write lock for a moment. If
   * another process is saving, asking again later beats freezing the window. */
  candour_database_set_wait_when_busy (db, FALSE);
  checked = candour_import_write_record (db, table, texts, &id, FALSE, problems, warnings, &local_error);
  candour_database_set_wait_when_busy (db, TRUE);

  if (checked)
    return TRUE;
  if (problems->len == 0)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
candour_record_delete (CandourDatabase  *db,
                       CandourTable      table,
                       gint64            id,
                       GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  CandourQuery *query;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (table < CANDOUR_N_TABLES, FALSE);

  if (!candour_database_begin (db, error))
    return FALSE;

  query = candour_database_query (db, delete_sql[table], error);
  if (query == NULL)
    {
      candour_database_end (db, FALSE, NULL);
      return FALSE;
    }

  candour_query_bind_int64 (query, ":id", id);
  if (candour_query_run (query, &local_error))
    return candour_database_end (db, TRUE, error);

  /* Records still pointing at this one: say which, in the domain's words. */
  if (candour_query_get_constraint (query)->kind == CANDOUR_CONSTRAINT_FOREIGN_KEY &&
      referred_by[table] != NULL)
    g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                 "This record was kept: %s still refer to it. Change or delete those first.",
                 referred_by[table]);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));

  candour_database_end (db, FALSE, NULL);
  return FALSE;
}

gboolean
candour_record_delete_over (CandourDatabase     *db,
                            CandourTable         table,
                            gint64               id,
                            const char * const  *loaded,
                            GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) now = NULL;
  gboolean deleted;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (loaded != NULL, FALSE);

  /* Looked at and deleted in one transaction, the record held meanwhile. */
  if (!candour_database_begin (db, error))
    return FALSE;
  if (!candour_database_hold_record (db, candour_import_sql_table (table), id, error))
    {
      candour_database_end (db, FALSE, NULL);
      return FALSE;
    }
  if ((now = candour_record_load (db, table, id, &local_error)) == NULL)
    {
      candour_database_end (db, FALSE, NULL);
      /* Deleted elsewhere already: what was asked for is done. */
      if (g_error_matches (local_error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!g_strv_equal ((const char * const *)now, loaded))
    {
      g_autofree char *changes = describe_changes (table, loaded, (const char * const *)now);

      candour_database_end (db, FALSE, NULL);
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_CONFLICT,
                   "Since you asked to delete it, this record was changed elsewhere: %s. It was kept.",
                   changes);
      return FALSE;
    }

  deleted = candour_record_delete (db, table, id, error);
  return candour_database_end (db, deleted, deleted ? error : NULL) && deleted;
}
