/* check-record.c: records typed in a form, through the import's rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <unistd.h>

#include "candour-database-sqlite.h"
#include "check-suites.h"
#include "test-fixture.h"
#include "test-util.h"
#include "candour-record.h"
#include "candour-record-query.h"
#include "candour-error.h"

static char *
joined (GPtrArray *problems)
{
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("\n", (char **)problems->pdata);
}

START_TEST (test_insert_load_update)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *typed[] = { " NEW-1 ", "Eastfield Food Bank", "GB-CHC-0123456", "Charity", "£45,000.5",
                          "local", "user-led", "", NULL };
  g_auto(GStrv) loaded = NULL;
  gint64 id = 0;

  ck_assert_uint_eq (candour_table_get_n_fields (CANDOUR_TABLE_ORGANISATIONS), 8);
  ck_assert_msg (candour_record_save (db, CANDOUR_TABLE_ORGANISATIONS, typed, &id, problems, &error),
                 "%s", error ? error->message : "");
  ck_assert_int_gt (id, 0);
  ck_assert_uint_eq (problems->len, 0);
  /* A good record checks clean, and checking it again does not trip over its own ref. */
  ck_assert (candour_record_check (db, CANDOUR_TABLE_ORGANISATIONS, typed, id, problems, NULL, NULL));
  ck_assert_uint_eq (problems->len, 0);

  loaded = candour_record_load (db, CANDOUR_TABLE_ORGANISATIONS, id, &error);
  ck_assert_ptr_nonnull (loaded);
  ck_assert_str_eq (loaded[0], "NEW-1");
  ck_assert_str_eq (loaded[3], "charity");
  ck_assert_str_eq (loaded[4], "45000.50");
  ck_assert_str_eq (loaded[7], "");

  /* Keeping its own ref is no clash; the change goes into the audit trail. */
  g_free (loaded[1]);
  loaded[1] = g_strdup ("Eastfield Community Food Bank");
  ck_assert (candour_record_save (db, CANDOUR_TABLE_ORGANISATIONS, (const char * const *)loaded, &id, problems, &error));
  {
    g_auto(GStrv) again = candour_record_load (db, CANDOUR_TABLE_ORGANISATIONS, id, NULL);
    ck_assert_str_eq (again[1], "Eastfield Community Food Bank");
  }
  {
    sqlite3_stmt *stmt;
    ck_assert_int_eq (sqlite3_prepare_v2 (candour_database_get_handle (db),
                                          "SELECT group_concat (action) FROM audit", -1, &stmt, NULL), SQLITE_OK);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
    ck_assert_str_eq ((const char *)sqlite3_column_text (stmt, 0), "insert,update");
    sqlite3_finalize (stmt);
  }
}
END_TEST

START_TEST (test_bad_entry_names_each_field_and_writes_nothing)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump_content (db);
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  const char *typed[] = { "S9", "C9", "P1", "12.345", "31/02/2025", "", "", NULL };
  gint64 id = 0;

  /* Checking as the person types says the same as saving, and writes nothing either. */
  ck_assert (!candour_record_check (db, CANDOUR_TABLE_SUBCONTRACTS, typed, 0, problems, NULL, NULL));
  ck_assert_uint_eq (problems->len, 3);
  g_ptr_array_set_size (problems, 0);

  ck_assert (!candour_record_save (db, CANDOUR_TABLE_SUBCONTRACTS, typed, &id, problems, &error));
  ck_assert_int_eq (id, 0);
  text = joined (problems);
  ck_assert_str_eq (text,
    "contract_ref: contract_ref 'C9' points nowhere: there is no such ref in contracts.csv or in the database\n"
    "value: value '12.345' has more than two decimal places; money is in pounds and pence, such as 1234.50\n"
    "start_on: start_on '31/02/2025' is not a real date: February 2025 has 28 days");
  ck_assert_str_eq (error->message, "contract_ref: contract_ref 'C9' points nowhere: there is no such ref in "
                                    "contracts.csv or in the database");
  after = test_dump_content (db);
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_duplicate_ref_and_second_contract)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const char *organisation[] = { "P1", "Someone else", NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  const char *contract[] = { "C3", "B1", "", "", "", "5000", "2025-01-01", "2025-12-31", "", "", "", NULL };
  g_autofree char *text = NULL;
  gint64 id = 0;

  ck_assert (!candour_record_save (db, CANDOUR_TABLE_ORGANISATIONS, organisation, &id, problems, NULL));
  ck_assert (!candour_record_save (db, CANDOUR_TABLE_CONTRACTS, contract, &id, problems, NULL));
  text = joined (problems);
  ck_assert_str_eq (text,
    "ref: ref 'P1' is already used by another record in organisations; each ref must be unique\n"
    "bid_ref: bid 'B1' already has a contract; a bid leads to at most one contract");
}
END_TEST

START_TEST (test_delete)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 partner_id, payment_id;

  ck_assert_int_eq (sqlite3_prepare_v2 (candour_database_get_handle (db),
                                        "SELECT (SELECT id FROM organisation WHERE ref = 'P1'), "
                                        "(SELECT id FROM payment WHERE ref = 'PS1')", -1, &stmt, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  partner_id = sqlite3_column_int64 (stmt, 0);
  payment_id = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);

  ck_assert (!candour_record_delete (db, CANDOUR_TABLE_ORGANISATIONS, partner_id, &error));
  ck_assert_str_eq (error->message, "This record was kept: bids, named partners, consortia, contracts or "
                                    "subcontracts still refer to it. Change or delete those first.");
  ck_assert (candour_record_delete (db, CANDOUR_TABLE_PAYMENTS, payment_id, NULL));
  g_clear_error (&error);
  ck_assert_ptr_null (candour_record_load (db, CANDOUR_TABLE_PAYMENTS, payment_id, &error));
  ck_assert_str_eq (error->message, "That record is no longer in the database; someone may have deleted it.");
}
END_TEST

START_TEST (test_field_descriptions)
{
  CandourTable target;
  const char * const *choices;

  ck_assert_str_eq (candour_table_get_field_name (CANDOUR_TABLE_BID_PARTNERS, 4), "promised_share");
  ck_assert (candour_table_get_field_required (CANDOUR_TABLE_BID_PARTNERS, 0));
  ck_assert (!candour_table_get_field_required (CANDOUR_TABLE_BID_PARTNERS, 2));
  ck_assert (candour_table_get_field_target (CANDOUR_TABLE_BID_PARTNERS, 1, &target));
  ck_assert_int_eq (target, CANDOUR_TABLE_ORGANISATIONS);
  ck_assert (!candour_table_get_field_target (CANDOUR_TABLE_BID_PARTNERS, 2, NULL));
  choices = candour_table_get_field_choices (CANDOUR_TABLE_BID_PARTNERS, 5);
  ck_assert_str_eq (choices[0], "yes");
  ck_assert_str_eq (choices[2], "unknown");
  ck_assert_ptr_null (choices[3]);
  ck_assert_ptr_null (candour_table_get_field_choices (CANDOUR_TABLE_BID_PARTNERS, 2));
}
END_TEST

/* Two people with the same record open: the second save is told what the first
 * changed, and goes in only when saved again. */
static void
assert_save_over (CandourDatabase *alice,
                  CandourDatabase *bob)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *ref = g_strdup_printf ("ORG-SAVE-%d", (int)getpid ());
  const char *typed[] = { ref, "Eastfield Food Bank", "", "charity", "", "", "", "", NULL };
  g_auto(GStrv) alice_loaded = NULL;
  g_auto(GStrv) bob_loaded = NULL;
  g_auto(GStrv) now = NULL;
  gint64 id = 0;

  ck_assert (candour_record_save (alice, CANDOUR_TABLE_ORGANISATIONS, typed, &id, problems, &error));
  alice_loaded = candour_record_load (alice, CANDOUR_TABLE_ORGANISATIONS, id, &error);
  bob_loaded = candour_record_load (bob, CANDOUR_TABLE_ORGANISATIONS, id, &error);

  /* Bob saves first: his form was up to date. */
  {
    g_auto(GStrv) bobs = g_strdupv (bob_loaded);

    g_free (bobs[1]);
    bobs[1] = g_strdup ("Eastfield Community Food Bank");
    ck_assert (candour_record_save_over (bob, CANDOUR_TABLE_ORGANISATIONS, (const char * const *)bob_loaded,
                                         (const char * const *)bobs, id, problems, &error));
  }

  /* Alice's form was opened before: told, nothing of hers written. */
  {
    g_auto(GStrv) alices = g_strdupv (alice_loaded);

    g_free (alices[7]);
    alices[7] = g_strdup ("Meets on Tuesdays");
    ck_assert (!candour_record_save_over (alice, CANDOUR_TABLE_ORGANISATIONS, (const char * const *)alice_loaded,
                                          (const char * const *)alices, id, problems, &error));
    ck_assert_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_CONFLICT);
    ck_assert_str_eq (error->message, "While you were editing, this record was changed elsewhere: name "
                                      "“Eastfield Food Bank” → “Eastfield Community Food Bank”. Nothing of "
                                      "yours was saved yet. Save again to put what you typed in place of "
                                      "that change, or close the form to keep it.");
    now = candour_record_load (alice, CANDOUR_TABLE_ORGANISATIONS, id, NULL);
    ck_assert_str_eq (now[1], "Eastfield Community Food Bank");
    ck_assert_str_eq (now[7], "");

    /* She chooses hers: saved over what she has now seen. */
    g_clear_error (&error);
    ck_assert (candour_record_save_over (alice, CANDOUR_TABLE_ORGANISATIONS, (const char * const *)now,
                                         (const char * const *)alices, id, problems, &error));
  }
  {
    g_auto(GStrv) last = candour_record_load (bob, CANDOUR_TABLE_ORGANISATIONS, id, NULL);

    ck_assert_str_eq (last[1], "Eastfield Food Bank");
    ck_assert_str_eq (last[7], "Meets on Tuesdays");
  }
  ck_assert (candour_record_delete (bob, CANDOUR_TABLE_ORGANISATIONS, id, &error));
}

/* Alice deletes what Bob has just renamed: it is kept and she is told; deleted when she
 * asks again over what she has now seen; and a record Bob deleted first is simply gone. */
static void
assert_delete_over (CandourDatabase *alice,
                    CandourDatabase *bob)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *ref = g_strdup_printf ("ORG-DELETE-%d", (int)getpid ());
  const char *typed[] = { ref, "Westfield Men's Shed", "", "charity", "", "", "", "", NULL };
  g_auto(GStrv) alice_loaded = NULL;
  g_auto(GStrv) now = NULL;
  gint64 id = 0;

  ck_assert (candour_record_save (alice, CANDOUR_TABLE_ORGANISATIONS, typed, &id, problems, &error));
  alice_loaded = candour_record_load (alice, CANDOUR_TABLE_ORGANISATIONS, id, &error);
  {
    g_auto(GStrv) bobs = g_strdupv (alice_loaded);

    g_free (bobs[3]);
    bobs[3] = g_strdup ("community_group");
    ck_assert (candour_record_save (bob, CANDOUR_TABLE_ORGANISATIONS, (const char * const *)bobs, &id, problems,
                                    &error));
  }

  ck_assert (!candour_record_delete_over (alice, CANDOUR_TABLE_ORGANISATIONS, id,
                                          (const char * const *)alice_loaded, &error));
  ck_assert_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_CONFLICT);
  ck_assert_str_eq (error->message, "Since you asked to delete it, this record was changed elsewhere: kind "
                                    "“charity” → “community_group”. It was kept.");
  g_clear_error (&error);
  now = candour_record_load (alice, CANDOUR_TABLE_ORGANISATIONS, id, &error);
  ck_assert_ptr_nonnull (now);
  ck_assert_str_eq (now[3], "community_group");

  ck_assert (candour_record_delete_over (alice, CANDOUR_TABLE_ORGANISATIONS, id, (const char * const *)now, &error));
  ck_assert_ptr_null (candour_record_load (bob, CANDOUR_TABLE_ORGANISATIONS, id, NULL));
  /* Deleted already: asking again has nothing left to do. */
  ck_assert (candour_record_delete_over (alice, CANDOUR_TABLE_ORGANISATIONS, id, (const char * const *)now, &error));
}

START_TEST (test_save_over_a_change_made_elsewhere)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.candour", NULL);
  const char *server = g_getenv ("CANDOUR_TEST_PG");

  {
    g_autoptr(CandourDatabase) alice = candour_database_open (path, NULL);
    g_autoptr(CandourDatabase) bob = candour_database_open_full (path, CANDOUR_OPEN_EXISTING, NULL);

    assert_save_over (alice, bob);
    ck_assert_int_eq (test_query_int (bob, "SELECT count (*) FROM audit WHERE action = 'update'"), 2);
    assert_delete_over (alice, bob);
  }
  test_remove_tree (dir);

  /* The same on a server (when the tests have one), where the record is locked while
   * it is compared and written. */
  if (server != NULL)
    {
      g_autoptr(CandourDatabase) alice = NULL;
      g_autoptr(CandourDatabase) bob = NULL;

      ck_assert (candour_database_set_up_server (server, NULL));
      alice = candour_database_open_full (server, CANDOUR_OPEN_EXISTING, NULL);
      bob = candour_database_open_full (server, CANDOUR_OPEN_EXISTING, NULL);
      ck_assert_ptr_nonnull (alice);
      assert_save_over (alice, bob);
      assert_delete_over (alice, bob);
    }
}
END_TEST

/* Field by field, as the history shows an update: on a file, and on a server when the
 * tests have one. */
static void
assert_audit_changes (CandourDatabase *db)
{
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = candour_report_audit_changes (db, "{\"ref\":\"ORG-1\",\"name\":\"Alpha\",\"annual_income\":100,\"notes\":null}",
                                         "{\"ref\":\"ORG-1\",\"name\":\"Alpha Ltd\",\"annual_income\":100,\"notes\":\"Met\"}",
                                         &error);
  ck_assert_ptr_nonnull (report);
  ck_assert (candour_report_next (report, &error));
  ck_assert_str_eq (candour_report_get_text (report, 0), "name");
  ck_assert_str_eq (candour_report_get_text (report, 1), "Alpha");
  ck_assert_str_eq (candour_report_get_text (report, 2), "Alpha Ltd");
  ck_assert (candour_report_next (report, &error));
  ck_assert_str_eq (candour_report_get_text (report, 0), "notes");
  ck_assert (candour_report_cell_is_null (report, 1));
  ck_assert_str_eq (candour_report_get_text (report, 2), "Met");
  ck_assert (!candour_report_next (report, &error));
  ck_assert_ptr_null (error);
}

START_TEST (test_audit_changes_on_each_backend)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  const char *server = g_getenv ("CANDOUR_TEST_PG");

  assert_audit_changes (db);
  if (server != NULL)
    {
      g_autoptr(CandourDatabase) on_server = NULL;

      ck_assert (candour_database_set_up_server (server, NULL));
      on_server = candour_database_open_full (server, CANDOUR_OPEN_EXISTING, NULL);
      ck_assert_ptr_nonnull (on_server);
      assert_audit_changes (on_server);
    }
}
END_TEST

/* A payment under nothing: the form is told at the subcontract, where most payments
 * belong, and when the contract is the one instead. */
START_TEST (test_payment_under_nothing)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const char *typed[] = { "", "", "", "1250.50", "2025-06-15", "", NULL };

  ck_assert (!candour_record_check (db, CANDOUR_TABLE_PAYMENTS, typed, 0, problems, NULL, NULL));
  ck_assert_uint_eq (problems->len, 1);
  ck_assert_str_eq (g_ptr_array_index (problems, 0),
                    "subcontract_ref: the payment names neither contract_ref nor subcontract_ref; give "
                    "subcontract_ref for a payment to a partner, or contract_ref for one from the "
                    "commissioner to the lead provider");
}
END_TEST

/* Plausible but odd totals warn under the field, as an import lists them, and the
 * record is still saved: a subcontract paid past its value (new or edited payment), a
 * bid promising its partners more than the whole contract. Exactly the value: no word. */
START_TEST (test_totals_warn_on_the_form)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  const char *exact[] = { "PS3", "", "S1", "60000", "2025-07-15", "", NULL };
  const char *over[] = { "PS3", "", "S1", "70000.01", "2025-07-15", "", NULL };
  const char *edited[] = { "PS2", "", "S1", "90000", "2025-06-15", "2025-04-01", NULL };
  const char *share[] = { "B1", "P2", "", "", "95", "", NULL };
  gint64 ps2 = test_query_int (db, "SELECT id FROM payment WHERE ref = 'PS2'");
  gint64 id = 0;

  ck_assert (candour_record_check (db, CANDOUR_TABLE_PAYMENTS, exact, 0, problems, warnings, NULL));
  ck_assert_uint_eq (warnings->len, 0);

  ck_assert (candour_record_check (db, CANDOUR_TABLE_PAYMENTS, over, 0, problems, warnings, NULL));
  ck_assert_uint_eq (warnings->len, 1);
  ck_assert_str_eq (warnings->pdata[0], "amount: with this payment, subcontract 'S1' is paid £110,000.01 in all, "
                                        "more than its value (£100,000.00)");
  g_ptr_array_set_size (warnings, 0);
  /* The check wrote nothing. */
  ck_assert_int_eq (test_query_int (db, "SELECT count(*) FROM payment WHERE subcontract_id = "
                                        "(SELECT id FROM subcontract WHERE ref = 'S1')"), 2);

  /* An edit counts the payment's new amount, not the old one as well. */
  ck_assert (candour_record_check (db, CANDOUR_TABLE_PAYMENTS, edited, ps2, problems, warnings, NULL));
  ck_assert_uint_eq (warnings->len, 1);
  ck_assert_str_eq (warnings->pdata[0], "amount: with this payment, subcontract 'S1' is paid £110,000.00 in all, "
                                        "more than its value (£100,000.00)");
  g_ptr_array_set_size (warnings, 0);

  /* Partner Two's own row in B1, given 95% beside Partner Five's 10%. */
  id = test_query_int (db, "SELECT bp.id FROM bid_partner bp JOIN bid b ON b.id = bp.bid_id "
                           "JOIN organisation o ON o.id = bp.partner_id WHERE b.ref = 'B1' AND o.ref = 'P2'");
  ck_assert (candour_record_check (db, CANDOUR_TABLE_BID_PARTNERS, share, id, problems, warnings, NULL));
  ck_assert_uint_eq (warnings->len, 1);
  ck_assert_str_eq (warnings->pdata[0], "promised_share: bid 'B1' promises its partners 105% of the contract "
                                        "between them, more than all of it");
  /* Said, not refused. */
  ck_assert (candour_record_save (db, CANDOUR_TABLE_BID_PARTNERS, share, &id, problems, NULL));
  ck_assert_uint_eq (problems->len, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT promised_share FROM bid_partner WHERE id = %" G_GINT64_FORMAT, id);

    ck_assert_int_eq (test_query_int (db, sql), 9500);
  }
}
END_TEST

/* A partner of a bid as a form holds it: bid_ref, partner_ref, role, promised_value,
 * promised_share, consent. */
static void
partner_edit_init (CandourPartnerEdit *partner,
                   gint64              id,
                   const char         *partner_ref,
                   const char         *role,
                   const char         *value,
                   const char         *share,
                   const char         *consent)
{
  const char *texts[] = { "", partner_ref, role, value, share, consent, NULL };

  partner->id = id;
  partner->texts = g_strdupv ((char **)texts);
  partner->loaded = NULL;
  partner->remove = FALSE;
  partner->problems = g_ptr_array_new_with_free_func (g_free);
}

static void
partner_edit_clear (CandourPartnerEdit *partner)
{
  g_clear_pointer (&partner->texts, g_strfreev);
  g_clear_pointer (&partner->loaded, g_strfreev);
  g_clear_pointer (&partner->problems, g_ptr_array_unref);
}

/* "B9,P1,Delivery,1200.50,,yes|B9,P2,,,15,no": a bid's partners as loaded, in order. */
static char *
partners_of (CandourDatabase *db,
             gint64           bid_id)
{
  g_autoptr(GArray) ids = candour_record_list_bid_partners (db, bid_id, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  ck_assert_ptr_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(GStrv) texts = candour_record_load (db, CANDOUR_TABLE_BID_PARTNERS, g_array_index (ids, gint64, i), NULL);
      g_autofree char *row = g_strjoinv (",", texts);

      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", row);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

START_TEST (test_bid_saved_with_its_partners)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump_content (db);
  g_autofree char *after = NULL;
  g_autofree char *saved = NULL;
  const char *bid[] = { "B9", "Carers' breaks", "LEAD", "COMM", "250,000", "01/04/2025", "pending", "", NULL };
  CandourPartnerEdit partners[2];
  gint64 id = 0;

  partner_edit_init (&partners[0], 0, "P1", "Delivery", "£1,200.50", "", "yes");
  partner_edit_init (&partners[1], 0, "P2", "", "", "15%", "no");

  /* A check answers as the save will, and writes nothing. */
  ck_assert_msg (candour_record_save_bid (db, NULL, bid, &id, partners, 2, FALSE, problems, NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_int_eq (id, 0);
  ck_assert_int_eq (partners[0].id, 0);
  after = test_dump_content (db);
  ck_assert_str_eq (after, before);

  ck_assert_msg (candour_record_save_bid (db, NULL, bid, &id, partners, 2, TRUE, problems, NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (problems->len, 0);
  ck_assert_int_eq (id, candour_record_find_id (db, CANDOUR_TABLE_BIDS, "B9", NULL));
  ck_assert_int_gt (partners[0].id, 0);
  ck_assert_int_eq (partners[1].id, partners[0].id + 1);
  saved = partners_of (db, id);
  ck_assert_str_eq (saved, "B9,P1,Delivery,1200.50,,yes|B9,P2,,,15,no");
  /* One transaction: the bid and both partners in the audit trail, one after the other. */
  ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM audit WHERE record_ref LIKE 'B9%'"), 3);

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    partner_edit_clear (&partners[i]);
}
END_TEST

START_TEST (test_bad_partner_refuses_the_whole_bid)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump_content (db);
  g_autofree char *after = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  const char *bid[] = { "B9", "Carers' breaks", "LEAD", "COMM", "250000", "", "", "", NULL };
  CandourPartnerEdit partners[3];
  gint64 id = 0;

  partner_edit_init (&partners[0], 0, "P1", "Delivery", "1200", "", "yes");
  partner_edit_init (&partners[1], 0, "P2", "", "500", "15", "");
  partner_edit_init (&partners[2], 0, "P1", "", "", "", "");

  ck_assert (!candour_record_save_bid (db, NULL, bid, &id, partners, 3, TRUE, problems, NULL, &error));
  ck_assert_int_eq (id, 0);
  ck_assert_int_eq (partners[0].id, 0);
  ck_assert_uint_eq (problems->len, 0);
  ck_assert_uint_eq (partners[0].problems->len, 0);
  second = joined (partners[1].problems);
  ck_assert_str_eq (second, "promised_share: the promise is given both as a value and as a share; "
                            "keep only the one the bid stated");
  third = joined (partners[2].problems);
  ck_assert_str_eq (third, "partner_ref: bid 'B9' already names partner 'P1'; a bid names each partner once");
  ck_assert_str_eq (error->message, "named partner 2: promised_share: the promise is given both as a value "
                                    "and as a share; keep only the one the bid stated");
  after = test_dump_content (db);
  ck_assert_str_eq (after, before);
  ck_assert_int_eq (candour_record_find_id (db, CANDOUR_TABLE_BIDS, "B9", NULL), 0);

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    partner_edit_clear (&partners[i]);
}
END_TEST

/* A bid the form could not save yet: its own problems, and the partners' reference to
 * it not blamed on them. */
START_TEST (test_bad_bid_with_good_partners)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *bid[] = { "B9", "Carers' breaks", "", "COMM", "", "", "", "", NULL };
  CandourPartnerEdit partners[2];
  gint64 id = 0;

  partner_edit_init (&partners[0], 0, "P1", "", "1200", "", "");
  partner_edit_init (&partners[1], 0, "NOBODY", "", "", "", "");

  ck_assert (!candour_record_save_bid (db, NULL, bid, &id, partners, 2, FALSE, problems, NULL, &error));
  text = joined (problems);
  ck_assert_str_eq (text, "lead_ref: lead_ref is empty; every row needs one");
  ck_assert_uint_eq (partners[0].problems->len, 0);
  g_clear_pointer (&text, g_free);
  text = joined (partners[1].problems);
  ck_assert_str_eq (text, "partner_ref: partner_ref 'NOBODY' points nowhere: there is no such ref in "
                          "organisations.csv or in the database");

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    partner_edit_clear (&partners[i]);
}
END_TEST

START_TEST (test_bid_partners_changed_and_removed)
{
  g_autoptr(CandourDatabase) db = test_fixture_open ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 id = candour_record_find_id (db, CANDOUR_TABLE_BIDS, "B1", NULL);
  g_auto(GStrv) loaded = candour_record_load (db, CANDOUR_TABLE_BIDS, id, NULL);
  g_autoptr(GArray) ids = candour_record_list_bid_partners (db, id, NULL);
  g_autofree char *before = partners_of (db, id);
  g_autofree char *after = NULL;
  g_autofree char *untouched = NULL;
  CandourPartnerEdit partners[5];
  const gint64 b1 = id;

  ck_assert_str_eq (before, "B1,P1,,100000.00,,yes|B1,P2,,50000.00,,unknown|B1,P3,,50000.00,,no|"
                            "B1,P4,,,,yes|B1,P5,,,10,yes");
  ck_assert_uint_eq (ids->len, 5);
  for (guint i = 0; i < 5; i++)
    {
      gint64 partner_id = g_array_index (ids, gint64, i);

      partners[i].id = partner_id;
      partners[i].texts = candour_record_load (db, CANDOUR_TABLE_BID_PARTNERS, partner_id, NULL);
      partners[i].loaded = g_strdupv (partners[i].texts);
      partners[i].remove = FALSE;
      partners[i].problems = g_ptr_array_new_with_free_func (g_free);
    }

  /* Someone else changes P1's promise while the form is open: nothing is written. */
  ck_assert (candour_database_exec (db, "UPDATE bid_partner SET role = 'Outreach' WHERE id = (SELECT min (id) FROM bid_partner)", NULL));
  g_free (partners[0].texts[3]);
  partners[0].texts[3] = g_strdup ("90,000");
  partners[2].remove = TRUE;
  ck_assert (!candour_record_save_bid (db, (const char * const *)loaded, (const char * const *)loaded, &id,
                                       partners, 5, TRUE, problems, NULL, &error));
  ck_assert (g_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_CONFLICT));
  ck_assert_str_eq (error->message, "While you were editing, the named partner P1 was changed elsewhere: "
                                    "role (empty) → “Outreach”. Nothing of yours was saved yet. Save again to "
                                    "put what you typed in place of that change, or close the form to keep it.");
  untouched = partners_of (db, id);
  ck_assert_str_eq (untouched, "B1,P1,Outreach,100000.00,,yes|B1,P2,,50000.00,,unknown|B1,P3,,50000.00,,no|"
                               "B1,P4,,,,yes|B1,P5,,,10,yes");
  g_clear_error (&error);

  /* Knowing it, the person saves again over theirs: P1 changed, P3 gone, the rest kept. */
  g_strfreev (partners[0].loaded);
  partners[0].loaded = candour_record_load (db, CANDOUR_TABLE_BID_PARTNERS, partners[0].id, NULL);
  ck_assert_msg (candour_record_save_bid (db, (const char * const *)loaded, (const char * const *)loaded, &id,
                                          partners, 5, TRUE, problems, NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_int_eq (id, b1);
  ck_assert_int_eq (partners[2].id, 0);
  after = partners_of (db, id);
  ck_assert_str_eq (after, "B1,P1,,90000.00,,yes|B1,P2,,50000.00,,unknown|B1,P4,,,,yes|B1,P5,,,10,yes");
  ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM audit WHERE table_name = 'bid_partner' "
                                        "AND action = 'delete'"), 1);

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    partner_edit_clear (&partners[i]);
}
END_TEST

Suite *
candour_record_suite (void)
{
  Suite *suite = suite_create ("record");
  TCase *tc = tcase_create ("record");

  tcase_add_test (tc, test_insert_load_update);
  tcase_add_test (tc, test_save_over_a_change_made_elsewhere);
  tcase_add_test (tc, test_audit_changes_on_each_backend);
  tcase_add_test (tc, test_payment_under_nothing);
  tcase_add_test (tc, test_totals_warn_on_the_form);
  tcase_add_test (tc, test_bad_entry_names_each_field_and_writes_nothing);
  tcase_add_test (tc, test_duplicate_ref_and_second_contract);
  tcase_add_test (tc, test_delete);
  tcase_add_test (tc, test_field_descriptions);
  tcase_add_test (tc, test_bid_saved_with_its_partners);
  tcase_add_test (tc, test_bad_partner_refuses_the_whole_bid);
  tcase_add_test (tc, test_bad_bid_with_good_partners);
  tcase_add_test (tc, test_bid_partners_changed_and_removed);
  suite_add_tcase (suite, tc);
  return suite;
}
