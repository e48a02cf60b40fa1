/* check-scope.c: one edit costs what it changes, and changes nothing else
 *
 * After an edit the window judges again only the findings the edited record can alter
 * (candour_finding_scopes_for_record) and patches its list and headline figures by the
 * difference (candour_finding_list_patch). This property test makes 300 random edits
 * to a generated scale-0.01 country, through the forms' own calls (candour_record_load,
 * candour_record_save, candour_record_delete), and after each compares the patched list
 * and figures with a fresh judgement of everything, exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <string.h>

#include "candour-database-sqlite.h"
#include "test-util.h"
#include "candour-demo.h"
#include "candour-finding-list.h"
#include "candour-generate.h"
#include "candour-record.h"

Suite *candour_scope_suite (void);

#define N_EDITS 300
#define AS_OF "2026-06-30"

static char *
describe (CandourFinding *finding)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s %s %s %s %s %s %s %s %s %d:%" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s",
                          candour_finding_get_bid_partner_id (finding),
                          candour_finding_get_bid_ref (finding),
                          candour_finding_get_contract_ref (finding) ? candour_finding_get_contract_ref (finding) : "-",
                          candour_finding_get_lead_ref (finding), candour_finding_get_lead_name (finding),
                          candour_finding_get_partner_ref (finding), candour_finding_get_partner_name (finding),
                          candour_finding_get_partner_size (finding), candour_finding_get_consent (finding),
                          candour_finding_get_status (finding),
                          candour_finding_has_promise (finding), candour_finding_get_promised (finding),
                          candour_finding_get_subcontracted (finding), candour_finding_get_due (finding),
                          candour_finding_get_paid (finding),
                          candour_finding_get_paid_of_due (finding) >= 0 ? "due" : "none");
}

static char *
dump_list (GListModel *findings)
{
  GString *text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *line = describe (finding);

      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (text, FALSE);
}

static gint64
random_id (CandourDatabase *db,
           GRand           *rand,
           const char      *table,
           const char      *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s ORDER BY id LIMIT 1 OFFSET "
                                          "(SELECT abs (:pick) %% max (count (*), 1) FROM %s WHERE %s)",
                                          table, where, table, where);
  sqlite3_stmt *stmt;
  gint64 id = 0;

  ck_assert_int_eq (sqlite3_prepare_v2 (candour_database_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":pick"), g_rand_int (rand));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

static char *
query_text (CandourDatabase *db,
            const char      *sql,
            gint64           id)
{
  sqlite3_stmt *stmt;
  char *text = NULL;

  ck_assert_int_eq (sqlite3_prepare_v2 (candour_database_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Sets field of the record to text and saves it as a form would; FALSE when the rules
 * refuse it (the test then tries another edit). */
static gboolean
save_field (CandourDatabase *db,
            CandourTable     table,
            gint64           id,
            const char      *field,
            const char      *text)
{
  g_auto(GStrv) texts = candour_record_load (db, table, id, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  ck_assert_ptr_nonnull (texts);
  for (guint i = 0; i < candour_table_get_n_fields (table); i++)
    if (g_str_equal (candour_table_get_field_name (table, i), field))
      {
        g_free (texts[i]);
        texts[i] = g_strdup (text);
      }
  return candour_record_save (db, table, (const char * const *)texts, &id, problems, NULL);
}

static gboolean
save_new (CandourDatabase     *db,
          CandourTable         table,
          const char * const  *texts,
          gint64              *out_id)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  *out_id = 0;
  return candour_record_save (db, table, texts, out_id, problems, NULL);
}

static char *
random_date (GRand *rand)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 2017, 2027),
                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
}

static char *
random_money (GRand *rand)
{
  return g_strdup_printf ("%d.%02d", g_rand_int_range (rand, 0, 200000), g_rand_int_range (rand, 0, 100));
}

#define N_KINDS 12

/* An edit of a kind, in two steps: before (choose the record, or make a new one) and
 * after (change or delete it), so that the caller can find the record's scopes at both
 * moments. Returns FALSE when the rules refuse the edit (the caller tries another). */
static gboolean
edit (CandourDatabase *db,
      GRand           *rand,
      guint            kind,
      CandourTable    *out_table,
      gint64          *out_id,
      gboolean         before)
{
  g_autofree char *text = NULL;

  switch (kind)
    {
    case 0:                     /* a payment to a partner */
      *out_table = CANDOUR_TABLE_PAYMENTS;
      if (before)
        {
          gint64 sub = random_id (db, rand, "subcontract", "1");
          g_autofree char *ref = query_text (db, "SELECT ref FROM subcontract WHERE id = ?", sub);
          g_autofree char *amount = random_money (rand);
          g_autofree char *paid_on = random_date (rand);
          const char *texts[] = { NULL, NULL, ref, amount, paid_on, NULL };

          *out_id = 0;
          return save_new (db, CANDOUR_TABLE_PAYMENTS, texts, out_id);
        }
      return TRUE;

    case 1:                     /* a payment's amount, or its date */
      *out_table = CANDOUR_TABLE_PAYMENTS;
      if (before)
        *out_id = random_id (db, rand, "payment", "subcontract_id IS NOT NULL");
      else if (g_rand_boolean (rand))
        return save_field (db, CANDOUR_TABLE_PAYMENTS, *out_id, "amount", (text = random_money (rand)));
      else
        return save_field (db, CANDOUR_TABLE_PAYMENTS, *out_id, "paid_on", (text = random_date (rand)));
      return TRUE;

    case 2:                     /* a payment deleted */
      *out_table = CANDOUR_TABLE_PAYMENTS;
      if (before)
        *out_id = random_id (db, rand, "payment", "subcontract_id IS NOT NULL");
      else
        return candour_record_delete (db, CANDOUR_TABLE_PAYMENTS, *out_id, NULL);
      return TRUE;

    case 3:                     /* a subcontract's value */
      *out_table = CANDOUR_TABLE_SUBCONTRACTS;
      if (before)
        *out_id = random_id (db, rand, "subcontract", "1");
      else
        return save_field (db, CANDOUR_TABLE_SUBCONTRACTS, *out_id, "value", (text = random_money (rand)));
      return TRUE;

    case 4:                     /* a subcontract given to another organisation */
      *out_table = CANDOUR_TABLE_SUBCONTRACTS;
      if (before)
        *out_id = random_id (db, rand, "subcontract", "1");
      else
        {
          gint64 partner = random_id (db, rand, "bid_partner", "1");
          g_autofree char *ref = query_text (db, "SELECT o.ref FROM bid_partner bp JOIN organisation o "
                                                 "ON o.id = bp.partner_id WHERE bp.id = ?", partner);
          return save_field (db, CANDOUR_TABLE_SUBCONTRACTS, *out_id, "partner_ref", ref);
        }
      return TRUE;

    case 5:                     /* a subcontract deleted, with its payments */
      *out_table = CANDOUR_TABLE_SUBCONTRACTS;
      if (before)
        *out_id = random_id (db, rand, "subcontract", "id NOT IN (SELECT subcontract_id FROM payment "
                                                      "WHERE subcontract_id IS NOT NULL)");
      else
        return candour_record_delete (db, CANDOUR_TABLE_SUBCONTRACTS, *out_id, NULL);
      return TRUE;

    case 6:                     /* a promise changed: a sum, a share, or none */
      *out_table = CANDOUR_TABLE_BID_PARTNERS;
      if (before)
        *out_id = random_id (db, rand, "bid_partner", "1");
      else
        {
          gboolean share = g_rand_boolean (rand);

          if (!save_field (db, CANDOUR_TABLE_BID_PARTNERS, *out_id, "promised_value", ""))
            return FALSE;
          if (share)
            return save_field (db, CANDOUR_TABLE_BID_PARTNERS, *out_id, "promised_share",
                               (text = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 60))));
          return save_field (db, CANDOUR_TABLE_BID_PARTNERS, *out_id, "promised_value",
                             (text = random_money (rand)));
        }
      return TRUE;

    case 7:                     /* a bid won or lost */
      *out_table = CANDOUR_TABLE_BIDS;
      if (before)
        *out_id = random_id (db, rand, "bid", "1");
      else
        return save_field (db, CANDOUR_TABLE_BIDS, *out_id, "outcome", g_rand_boolean (rand) ? "won" : "lost");
      return TRUE;

    case 8:                     /* a named partner dropped */
      *out_table = CANDOUR_TABLE_BID_PARTNERS;
      if (before)
        *out_id = random_id (db, rand, "bid_partner", "1");
      else
        return candour_record_delete (db, CANDOUR_TABLE_BID_PARTNERS, *out_id, NULL);
      return TRUE;

    case 9:                     /* a contract's start, which moves what is due */
      *out_table = CANDOUR_TABLE_CONTRACTS;
      if (before)
        *out_id = random_id (db, rand, "contract", "bid_id IS NOT NULL");
      else
        return save_field (db, CANDOUR_TABLE_CONTRACTS, *out_id, "start_on",
                           (text = g_strdup_printf ("%04d-01-01", g_rand_int_range (rand, 2016, 2027))));
      return TRUE;

    case 10:                    /* an organisation renamed, or its income changed */
      *out_table = CANDOUR_TABLE_ORGANISATIONS;
      if (before)
        *out_id = random_id (db, rand, "organisation", "id IN (SELECT partner_id FROM bid_partner) "
                                                       "OR id IN (SELECT lead_id FROM bid)");
      else if (g_rand_boolean (rand))
        return save_field (db, CANDOUR_TABLE_ORGANISATIONS, *out_id, "name",
                           (text = g_strdup_printf ("Renamed %u", g_rand_int (rand))));
      else
        return save_field (db, CANDOUR_TABLE_ORGANISATIONS, *out_id, "annual_income",
                           (text = random_money (rand)));
      return TRUE;

    default:                    /* a partner newly named in a bid */
      *out_table = CANDOUR_TABLE_BID_PARTNERS;
      if (before)
        {
          gint64 bid = random_id (db, rand, "bid", "1");
          gint64 org = random_id (db, rand, "organisation", "1");
          g_autofree char *bid_ref = query_text (db, "SELECT ref FROM bid WHERE id = ?", bid);
          g_autofree char *org_ref = query_text (db, "SELECT ref FROM organisation WHERE id = ?", org);
          g_autofree char *value = random_money (rand);
          const char *texts[] = { bid_ref, org_ref, "new partner", value, NULL, "yes" };

          return save_new (db, CANDOUR_TABLE_BID_PARTNERS, texts, out_id);
        }
      return TRUE;
    }
}

/* Another person's edits, as a window learns of them: from the audit trail afterwards,
 * a few at a time, with where each record was before read from the values its audit
 * row kept. */
static void
patch_from_audit_trail (CandourDatabase *db,
                        GListStore      *findings,
                        const CandourReconcileOptions *options,
                        CandourFindingTotals *totals,
                        gint64          *inout_seen,
                        guint            n_edits)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (CandourChange));
  g_autoptr(GArray) scopes = g_array_new (FALSE, FALSE, sizeof (CandourFindingScope));
  g_autoptr(GError) error = NULL;
  gboolean too_many = TRUE;

  ck_assert (candour_change_log_read (db, *inout_seen, 256, changes, inout_seen, &too_many, &error));
  ck_assert (!too_many);
  /* Every edit is there (a deletion's cascade may add records). */
  ck_assert_uint_ge (changes->len, n_edits);
  for (guint i = 0; i < changes->len; i++)
    ck_assert (candour_finding_scopes_for_change (db, &g_array_index (changes, CandourChange, i), scopes, NULL));
  ck_assert_msg (candour_finding_list_patch (findings, db, options, scopes, totals, &error),
                 "%s", error ? error->message : "");
}

/* N_EDITS random edits; after each (or each few, when learnt from the audit trail) the
 * patched list and figures must equal a fresh judgement of everything. */
static void
assert_patches_equal_full_judgement (gboolean from_audit_trail)
{
  g_autofree char *folder = test_make_temp_dir ();
  g_autofree char *country = g_build_filename (folder, "country", NULL);
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(GListStore) findings = g_list_store_new (CANDOUR_TYPE_FINDING);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GError) error = NULL;
  CandourReconcileOptions options;
  CandourFindingTotals totals;
  guint edits = 0;
  guint refused = 0;
  gint64 seen = 0;

  ck_assert_msg (candour_generate (country, 0.01, 1, NULL, NULL, &error), "%s", error ? error->message : "");
  {
    g_autofree char *problems = NULL;
    g_autoptr(CandourImport) import = candour_import_new (db);

    ck_assert (candour_import_add_path (import, country, NULL));
    ck_assert_msg (candour_import_run (import, NULL, &error), "%s", error ? error->message : "");
  }

  candour_reconcile_options_init (&options);
  options.as_of = g_strdup (AS_OF);
  options.include_not_awarded = TRUE;

  first = candour_finding_array_load (db, &options, NULL, NULL, &error);
  ck_assert_ptr_nonnull (first);
  g_list_store_splice (findings, 0, 0, first->pdata, first->len);
  candour_finding_totals_compute (G_LIST_MODEL (findings), &totals);
  ck_assert (candour_change_log_get_last (db, &seen, NULL));
  ck_assert_int_gt (seen, 0);

  while (edits < N_EDITS)
    {
      g_autoptr(GArray) scopes = g_array_new (FALSE, FALSE, sizeof (CandourFindingScope));
      g_autoptr(GListModel) fresh = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;
      CandourFindingTotals fresh_totals;
      CandourTable table = 0;
      guint batch = from_audit_trail ? (guint)g_rand_int_range (rand, 1, 5) : 1;
      guint done = 0;
      gint64 id = 0;

      while (done < batch)
        {
          guint kind = g_rand_int_range (rand, 0, N_KINDS);

          /* Where the record is before the edit (or, for a new one, after). */
          if (!edit (db, rand, kind, &table, &id, TRUE) || id == 0)
            {
              refused++;
              continue;
            }
          if (!from_audit_trail)
            ck_assert (candour_finding_scopes_for_record (db, table, id, scopes, NULL));
          if (!edit (db, rand, kind, &table, &id, FALSE))
            {
              refused++;
              continue;
            }
          if (!from_audit_trail)
            ck_assert (candour_finding_scopes_for_record (db, table, id, scopes, NULL));
          done++;
        }

      if (from_audit_trail)
        patch_from_audit_trail (db, findings, &options, &totals, &seen, batch);
      else
        ck_assert_msg (candour_finding_list_patch (findings, db, &options, scopes, &totals, &error),
                       "%s", error ? error->message : "");
      edits += batch;

      fresh = candour_finding_list_load (db, &options, &error);
      ck_assert_ptr_nonnull (fresh);
      expected = dump_list (fresh);
      actual = dump_list (G_LIST_MODEL (findings));
      ck_assert_msg (g_str_equal (expected, actual), "edit %u (table %d, id %" G_GINT64_FORMAT
                     ") left the list different from a fresh judgement", edits, table, id);
      candour_finding_totals_compute (fresh, &fresh_totals);
      ck_assert_int_eq (memcmp (&fresh_totals, &totals, sizeof totals), 0);
    }

  /* The edits were real ones, not mostly refused. */
  ck_assert_uint_lt (refused, N_EDITS);
  candour_reconcile_options_clear (&options);
  test_remove_tree (folder);
}

START_TEST (test_scoped_refresh_equals_full_judgement)
{
  assert_patches_equal_full_judgement (FALSE);
}
END_TEST

START_TEST (test_changes_from_the_audit_trail_equal_full_judgement)
{
  assert_patches_equal_full_judgement (TRUE);
}
END_TEST

/* An import is too much to patch record by record: the log says so, and where it ends. */
START_TEST (test_change_log_says_when_too_many)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (CandourChange));
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gint64 last = -1;
  gint64 seen = 0;
  gboolean too_many = TRUE;
  gint64 id = 0;
  const char *texts[] = { "ORG-ONE", "One Trust", NULL, NULL, NULL, NULL, NULL, NULL, NULL };

  ck_assert (candour_change_log_read (db, 0, 10, changes, &last, &too_many, NULL));
  ck_assert (!too_many);
  ck_assert_uint_eq (changes->len, 0);
  ck_assert_int_eq (last, 0);

  /* The demo's import: one audit row per file, far more records than the limit. */
  ck_assert (candour_demo_load (db, NULL, NULL));
  ck_assert (candour_change_log_read (db, 0, 10, changes, &last, &too_many, NULL));
  ck_assert (too_many);
  ck_assert_uint_eq (changes->len, 0);
  ck_assert_int_eq (last, test_query_int (db, "SELECT max (id) FROM audit"));

  /* One record more: just that one. */
  ck_assert (candour_record_save (db, CANDOUR_TABLE_ORGANISATIONS, texts, &id, problems, NULL));
  ck_assert (candour_change_log_read (db, last, 10, changes, &seen, &too_many, NULL));
  ck_assert (!too_many);
  ck_assert_uint_eq (changes->len, 1);
  ck_assert_int_eq (g_array_index (changes, CandourChange, 0).table, CANDOUR_TABLE_ORGANISATIONS);
  ck_assert_int_eq (g_array_index (changes, CandourChange, 0).id, id);
  ck_assert_int_eq (g_array_index (changes, CandourChange, 0).audit_id, seen);
  ck_assert_int_eq (seen, last + 1);
}
END_TEST

Suite *
candour_scope_suite (void)
{
  Suite *suite = suite_create ("scope");
  TCase *tc = tcase_create ("scope");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_scoped_refresh_equals_full_judgement);
  tcase_add_test (tc, test_changes_from_the_audit_trail_equal_full_judgement);
  tcase_add_test (tc, test_change_log_says_when_too_many);
  suite_add_tcase (suite, tc);
  return suite;
}
