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

/* Within a transaction: holds the record and compares it with what was loaded. A
 * record changed (or, when gone_is_conflict, deleted) since is a conflict, in words
 * naming it as what ("this record", "the named partner …"). */
static gboolean
still_as_loaded (CandourDatabase     *db,
                 CandourTable         table,
                 gint64               id,
                 const char * const  *loaded,
                 const char          *what,
                 gboolean             gone_is_conflict,
                 GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) now = NULL;
  g_autofree char *changes = NULL;

  if (!candour_database_hold_record (db, candour_import_sql_table (table), id, error))
    return FALSE;
  now = candour_record_load (db, table, id, &local_error);
  if (now == NULL)
    {
      if (!gone_is_conflict && g_error_matches (local_error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NOT_FOUND))
        return TRUE;
      if (g_error_matches (local_error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NOT_FOUND))
        g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_CONFLICT,
                     "While you were editing, %s was deleted elsewhere. Nothing of yours was saved yet. "
                     "Save again to add it back as you typed it, or close the form.", what);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_strv_equal ((const char * const *)now, loaded))
    return TRUE;

  changes = describe_changes (table, loaded, (const char * const *)now);
  g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_CONFLICT,
               "While you were editing, %s was changed elsewhere: %s. Nothing of yours "
               "was saved yet. Save again to put what you typed in place of that change, or "
               "close the form to keep it.", what, changes);
  return FALSE;
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
  gboolean saved;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (loaded != NULL && texts != NULL, FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  /* Read and written in one transaction, the record held meanwhile: nobody can change
   * it between the look and the save. */
  if (!candour_database_begin (db, error))
    return FALSE;
  if (!still_as_loaded (db, table, id, loaded, "this record", TRUE, error))
    {
      candour_database_end (db, FALSE, NULL);
      return FALSE;
    }

  saved = candour_record_save (db, table, texts, &id, problems, error);
  return candour_database_end (db, saved, saved ? error : NULL) && saved;
}

static const char list_bid_partners_sql[] =
  "SELECT id FROM bid_partner WHERE bid_id = :bid ORDER BY id";

GArray *
candour_record_list_bid_partners (CandourDatabase  *db,
                                  gint64            bid_id,
                                  GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CandourQuery *query;
  CandourQueryStep step;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);

  query = candour_database_query (db, list_bid_partners_sql, error);
  if (query == NULL)
    return NULL;
  candour_query_bind_int64 (query, ":bid", bid_id);
  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    {
      gint64 id = candour_query_get_int64 (query, "id");

      g_array_append_val (ids, id);
    }
  if (step == CANDOUR_QUERY_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}

static int
field_index (CandourTable  table,
             const char   *name)
{
  for (guint i = 0; i < candour_table_get_n_fields (table); i++)
    if (g_str_equal (candour_table_get_field_name (table, i), name))
      return i;
  g_assert_not_reached ();
}

/* "the named partner ORG-KINDRED": how a conflict names a partner. */
static char *
partner_words (const CandourPartnerEdit *partner)
{
  int index = field_index (CANDOUR_TABLE_BID_PARTNERS, "partner_ref");
  const char *ref = partner->loaded != NULL ? partner->loaded[index] : NULL;

  return ref != NULL && ref[0] != '\0' ? g_strdup_printf ("the named partner %s", ref)
                                       : g_strdup ("a named partner");
}

/* The bid as saved or checked, then its partners; the caller ends the transaction. */
static gboolean
write_bid_and_partners (CandourDatabase     *db,
                        const char * const  *loaded,
                        const char * const  *texts,
                        gint64              *inout_id,
                        CandourPartnerEdit  *partners,
                        guint                n_partners,
                        GArray              *partner_ids,
                        GPtrArray           *problems,
                        GPtrArray           *warnings,
                        GError             **error)
{
  int bid_ref_index = field_index (CANDOUR_TABLE_BID_PARTNERS, "bid_ref");
  g_autoptr(GError) bid_error = NULL;
  gboolean bid_saved;
  gboolean partners_ok = TRUE;

  if (*inout_id > 0 && loaded != NULL &&
      !still_as_loaded (db, CANDOUR_TABLE_BIDS, *inout_id, loaded, "this bid", TRUE, error))
    return FALSE;
  for (guint i = 0; i < n_partners; i++)
    if (partners[i].id > 0 && partners[i].loaded != NULL)
      {
        g_autofree char *what = partner_words (&partners[i]);

        /* One removed here and elsewhere is gone as asked. */
        if (!still_as_loaded (db, CANDOUR_TABLE_BID_PARTNERS, partners[i].id,
                              (const char * const *)partners[i].loaded, what, !partners[i].remove, error))
          return FALSE;
      }

  bid_saved = candour_import_write_record (db, CANDOUR_TABLE_BIDS, texts, inout_id, TRUE, problems, warnings,
                                           &bid_error);
  if (!bid_saved && problems->len == 0)
    {
      /* Not a problem with what was typed: the database could not be asked. */
      g_propagate_error (error, g_steal_pointer (&bid_error));
      return FALSE;
    }

  /* Removals first: a partner taken off and named again is no clash with itself. */
  for (guint i = 0; i < n_partners; i++)
    if (partners[i].remove && partners[i].id > 0 &&
        !candour_record_delete (db, CANDOUR_TABLE_BID_PARTNERS, partners[i].id, error))
      return FALSE;

  for (guint i = 0; i < n_partners; i++)
    {
      CandourPartnerEdit *partner = &partners[i];
      g_autoptr(GError) partner_error = NULL;
      g_auto(GStrv) row = NULL;
      gint64 id = partner->id;

      g_array_index (partner_ids, gint64, i) = partner->id;
      if (partner->remove)
        continue;

      /* The partner belongs to this bid, by the bid's ref as typed now. */
      row = g_strdupv (partner->texts);
      g_free (row[bid_ref_index]);
      row[bid_ref_index] = g_strdup (texts[0] != NULL ? texts[0] : "");

      if (candour_import_write_record (db, CANDOUR_TABLE_BID_PARTNERS, (const char * const *)row, &id, TRUE,
                                       partner->problems, warnings, &partner_error))
        {
          g_array_index (partner_ids, gint64, i) = id;
          continue;
        }
      if (partner->problems->len == 0)
        {
          g_propagate_error (error, g_steal_pointer (&partner_error));
          return FALSE;
        }
      partners_ok = FALSE;

      /* A bid that could not be saved is the bid's problem, said once, above. */
      if (!bid_saved)
        for (guint j = partner->problems->len; j > 0; j--)
          if (g_str_has_prefix (g_ptr_array_index (partner->problems, j - 1), "bid_ref:"))
            g_ptr_array_remove_index (partner->problems, j - 1);
    }

  if (bid_saved && partners_ok)
    return TRUE;

  if (!bid_saved)
    g_propagate_error (error, g_steal_pointer (&bid_error));
  else
    for (guint i = 0; i < n_partners; i++)
      if (partners[i].problems->len > 0)
        {
          g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                       "named partner %u: %s", i + 1, (const char *)g_ptr_array_index (partners[i].problems, 0));
          break;
        }
  return FALSE;
}

gboolean
candour_record_save_bid (CandourDatabase     *db,
                         const char * const  *loaded,
                         const char * const  *texts,
                         gint64              *inout_id,
                         CandourPartnerEdit  *partners,
                         guint                n_partners,
                         gboolean             keep,
                         GPtrArray           *problems,
                         GPtrArray           *warnings,
                         GError             **error)
{
  g_autoptr(GArray) partner_ids = NULL;
  gint64 id;
  gboolean written;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (texts != NULL, FALSE);
  g_return_val_if_fail (inout_id != NULL, FALSE);
  g_return_val_if_fail (partners != NULL || n_partners == 0, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);
  for (guint i = 0; i < n_partners; i++)
    g_return_val_if_fail (partners[i].texts != NULL && partners[i].problems != NULL, FALSE);

  id = *inout_id;
  partner_ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n_partners);
  g_array_set_size (partner_ids, n_partners);

  /* A check while someone else saves asks again later rather than freeze the window. */
  if (!keep)
    candour_database_set_wait_when_busy (db, FALSE);
  if (!candour_database_begin (db, error))
    {
      candour_database_set_wait_when_busy (db, TRUE);
      return FALSE;
    }
  written = write_bid_and_partners (db, loaded, texts, &id, partners, n_partners, partner_ids,
                                    problems, warnings, error);
  if (!keep || !written)
    {
      candour_database_end (db, FALSE, NULL);
      candour_database_set_wait_when_busy (db, TRUE);
      return written;
    }
  if (!candour_database_end (db, TRUE, error))
    return FALSE;

  *inout_id = id;
  for (guint i = 0; i < n_partners; i++)
    partners[i].id = partners[i].remove ? 0 : g_array_index (partner_ids, gint64, i);
  return TRUE;
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
