/* check-import.c: the CSV import, its messages and its all-or-nothing promise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <string.h>

#include "check-suites.h"
#include "test-util.h"
#include "candour-import.h"
#include "candour-money.h"

static const char organisations[] =
  "ref,name,org_id,kind,annual_income,locality,led_by,notes\n"
  "LEAD,Big Lead Ltd,GB-COH-00012345,private_company,\"£250,000,000\",national,,\n"
  "COMM,Harrowfield Council,,local authority,,LOCAL,,\n"
  "SMALL,Small Charity,GB-CHC-1234567,Charity,\"45,000.50\",local,user-led,\"Notes, with a comma\"\n"
  "TINY,Tiny Group,,community_group,4000,local,,\n";

static const char bids[] =
  "ref,title,lead_ref,commissioner_ref,value,submitted_on,outcome\n"
  "B1,Wellbeing service,LEAD,COMM,1000000,01/02/2024,Won\n"
  "B2,Other service,LEAD,COMM,,2024-02-01,lost\n";

static const char bid_partners[] =
  "bid_ref,partner_ref,role,promised_value,promised_share,consent\n"
  "B1,SMALL,peer support,100000,,yes\n"
  "B1,TINY,outreach,,12.5%,\n";

static const char contracts[] =
  "ref,bid_ref,value,start_on,end_on\n"
  "C1,B1,900000,2024-04-01,2026-03-31\n";

/* Imports one file into a database that already holds the base records and returns
 * the problems; the database content must be unchanged whenever there are any. */
static char *
import_into_base (const char *file_name,
                  const char *text)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *problems;

  test_assert_imports (db, "organisations.csv", organisations, "bids.csv", bids,
                       "bid_partners.csv", bid_partners, "contracts.csv", contracts, NULL);
  before = test_dump_content (db);
  problems = test_import (db, file_name, text, NULL);
  after = test_dump_content (db);
  if (problems[0] != '\0')
    ck_assert_str_eq (before, after);
  return problems;
}

#define assert_import_problem(file_name, text, expected) \
  G_STMT_START { \
    g_autofree char *problems_ = import_into_base (file_name, text); \
    ck_assert_str_eq (problems_, expected); \
  } G_STMT_END

START_TEST (test_values_as_people_type_them)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *row = NULL;

  test_assert_imports (db, "organisations.csv", organisations, "bids.csv", bids,
                       "bid_partners.csv", bid_partners, "contracts.csv", contracts, NULL);

  row = test_query_text (db, "SELECT group_concat (ref || '|' || kind || '|' || coalesce (annual_income, '') || '|' "
                        "|| coalesce (locality, '') || '|' || coalesce (org_id, ''), ';') FROM organisation");
  ck_assert_str_eq (row, "LEAD|private_company|25000000000|national|GB-COH-00012345;"
                         "COMM|local_authority||local|;"
                         "SMALL|charity|4500050|local|GB-CHC-1234567;"
                         "TINY|community_group|400000|local|");
  g_free (row);

  row = test_query_text (db, "SELECT group_concat (ref || '|' || submitted_on || '|' || outcome || '|' "
                        "|| coalesce (value, ''), ';') FROM bid");
  ck_assert_str_eq (row, "B1|2024-02-01|won|100000000;B2|2024-02-01|lost|");
  g_free (row);

  row = test_query_text (db, "SELECT group_concat (coalesce (promised_value, '') || '|' || coalesce (promised_share, '') "
                        "|| '|' || consent, ';') FROM bid_partner");
  ck_assert_str_eq (row, "10000000||yes;|1250|unknown");
  g_free (row);

  /* A contract from a bid takes the bid's lead and commissioner. */
  row = test_query_text (db, "SELECT l.ref || '|' || c.ref || '|' || k.small_income_limit FROM contract k "
                        "JOIN organisation l ON l.id = k.lead_id JOIN organisation c ON c.id = k.commissioner_id");
  ck_assert_str_eq (row, "LEAD|COMM|100000000");
}
END_TEST

/* What European Excel and LibreOffice save: semicolons, or tabs, read as commas are. */
START_TEST (test_semicolon_and_tab_files)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *row = NULL;

  test_assert_imports (db,
                       "organisations.csv", "\xEF\xBB\xBFref;name;kind;annual_income\r\n"
                                            "ORG-A;\"Alpha, Beta; and Co\";charity;\"£1,200.50\"\r\n"
                                            "ORG-B;Bravo Trust;;\r\n",
                       "consortia.csv", "ref\tname\tlead_ref\nCONS-1\tThe Alpha, Bravo Partnership\tORG-A\n",
                       NULL);
  row = test_query_text (db, "SELECT group_concat (ref || '|' || name || '|' || kind || '|' || "
                        "coalesce (annual_income, ''), ';') FROM organisation");
  ck_assert_str_eq (row, "ORG-A|Alpha, Beta; and Co|charity|120050;ORG-B|Bravo Trust|other|");
  g_free (row);
  row = test_query_text (db, "SELECT c.name || '|' || o.ref FROM consortium c JOIN organisation o ON o.id = c.lead_id");
  ck_assert_str_eq (row, "The Alpha, Bravo Partnership|ORG-A");
}
END_TEST

/* A Companies House number a spreadsheet shortened: imported as written, and named with
 * its fix among the things to check. */
START_TEST (test_short_companies_house_number)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(CandourImport) import = candour_import_new (db);
  GPtrArray *warnings;
  g_autoptr(GError) error = NULL;
  static const char organisations_csv[] =
    "ref,name,org_id\nORG-A,Alpha Ltd,GB-COH-4417283\nORG-B,Bravo Ltd,GB-COH-04417284\n"
    "ORG-C,Charlie Ltd,GB-COH-SC123456\nORG-D,Delta Trust,GB-CHC-1234567\n";

  g_autoptr(GBytes) data = g_bytes_new_static (organisations_csv, strlen (organisations_csv));

  candour_import_add_data (import, "organisations.csv", data);
  ck_assert_msg (candour_import_run (import, NULL, &error), "%s", error ? error->message : "");
  warnings = candour_import_get_warnings (import);
  ck_assert_uint_eq (warnings->len, 1);
  ck_assert_str_eq (g_ptr_array_index (warnings, 0),
                    "organisations.csv:2:3: org_id 'GB-COH-4417283' is short of the eight characters of a "
                    "Companies House number, as when a spreadsheet drops leading zeros; it is probably "
                    "GB-COH-04417283");
  ck_assert_int_eq (test_query_int (db, "SELECT count (*) FROM organisation WHERE org_id = 'GB-COH-4417283'"), 1);
}
END_TEST

START_TEST (test_header_rules)
{
  assert_import_problem ("subcontracts.csv",
                         "REF, Contract_Ref ,partner_ref,value,colour\nS1,C1,SMALL,10,blue\n",
                         "subcontracts.csv:1:5: unknown column 'colour'; the columns of subcontracts.csv are "
                         "ref, contract_ref, partner_ref, value, start_on, end_on, payment_terms_days");
  assert_import_problem ("subcontracts.csv", "ref,contract_ref,value\nS1,C1,10\n",
                         "subcontracts.csv:1:1: the required column 'partner_ref' is missing");
  assert_import_problem ("subcontracts.csv", "ref,contract_ref,partner_ref,value,ref\nS1,C1,SMALL,10,S1\n",
                         "subcontracts.csv:1:5: column 'ref' appears twice (also column 1)");
  assert_import_problem ("payments.csv", "amount,paid_on\n10,2024-05-01\n",
                         "payments.csv:1:1: the file needs a contract_ref or a subcontract_ref column");
  assert_import_problem ("subcontracts.csv", "",
                         "subcontracts.csv:1:1: the file is empty; its first row must name the columns, such as "
                         "ref, contract_ref, partner_ref, value, start_on, end_on, payment_terms_days");
  assert_import_problem ("grants.csv", "ref\n1\n",
                         "grants.csv:1:1: Candour does not know which table this file holds; name it after its "
                         "table: organisations.csv, consortia.csv, consortium_members.csv, bids.csv, "
                         "bid_partners.csv, contracts.csv, subcontracts.csv, payments.csv");
}
END_TEST

START_TEST (test_header_only_is_an_empty_table)
{
  assert_import_problem ("subcontracts.csv", "ref,contract_ref,partner_ref,value\r\n", "");
}
END_TEST

START_TEST (test_row_rules)
{
  assert_import_problem ("subcontracts.csv", "ref,contract_ref,partner_ref,value\nS1,C1,SMALL\n",
                         "subcontracts.csv:2:4: this row has 3 fields but the header has 4; check for a "
                         "missing or extra comma, or a comma in a value that needs double quotes");
  assert_import_problem ("subcontracts.csv", "ref,contract_ref,partner_ref,value\nS1,C9,SMALL,10\n",
                         "subcontracts.csv:2:2: contract_ref 'C9' points nowhere: there is no such ref in "
                         "contracts.csv or in the database");
  assert_import_problem ("subcontracts.csv", "ref,contract_ref,partner_ref,value\nS1,C1,SMALL,\n",
                         "subcontracts.csv:2:4: value is empty; every row needs one");
  assert_import_problem ("subcontracts.csv", "ref,contract_ref,partner_ref,value\nS1,C1,SMALL,-5\n",
                         "subcontracts.csv:2:4: value is negative (-5); it must be zero or more");
  assert_import_problem ("subcontracts.csv",
                         "ref,contract_ref,partner_ref,value,start_on,end_on\nS1,C1,SMALL,5,2025-01-01,2024-12-31\n",
                         "subcontracts.csv:2:6: end_on (2024-12-31) is before start_on (2025-01-01)");
  assert_import_problem ("subcontracts.csv",
                         "ref,contract_ref,partner_ref,value,start_on\nS1,C1,SMALL,5,2026-04-01\n",
                         "subcontracts.csv:2:5: start_on (2026-04-01) is after the end of contract 'C1' "
                         "(2026-03-31); give the subcontract its own end_on");
  assert_import_problem ("subcontracts.csv",
                         "ref,contract_ref,partner_ref,value,payment_terms_days\nS1,C1,SMALL,5,thirty\n",
                         "subcontracts.csv:2:5: payment_terms_days is 'thirty'; it must be a whole number "
                         "of days from 0 to 3650, such as 30");
  assert_import_problem ("subcontracts.csv",
                         "ref,contract_ref,partner_ref,value\nS1,C1,SMALL,5\nS1,C1,TINY,6\n",
                         "subcontracts.csv:3:1: ref 'S1' is already used by another record in subcontracts; "
                         "each ref must be unique");
  assert_import_problem ("contracts.csv",
                         "ref,bid_ref,value,start_on,end_on\nC2,B1,5,2024-04-01,2025-03-31\n",
                         "contracts.csv:2:2: bid 'B1' already has a contract; a bid leads to at most one contract");
  assert_import_problem ("contracts.csv",
                         "ref,bid_ref,lead_ref,value,start_on,end_on\nC2,B2,SMALL,5,2024-04-01,2025-03-31\n",
                         "contracts.csv:2:3: lead_ref 'SMALL' is not the lead of bid 'B2'; leave it empty to "
                         "take the bid's lead");
  assert_import_problem ("contracts.csv",
                         "ref,value,start_on,end_on\nC2,5,2024-04-01,2025-03-31\n",
                         "contracts.csv:2:1: a contract needs bid_ref, or lead_ref and commissioner_ref for a "
                         "direct award");
  assert_import_problem ("contracts.csv",
                         "ref,bid_ref,value,start_on,end_on\nC2,B2,-1,2024-04-01,2025-03-31\n",
                         "contracts.csv:2:3: value is negative (-1); it must be zero or more");
  assert_import_problem ("bid_partners.csv",
                         "bid_ref,partner_ref,promised_value,promised_share\nB2,SMALL,100,10\n",
                         "bid_partners.csv:2:4: the promise is given both as a value and as a share; keep "
                         "only the one the bid stated");
  assert_import_problem ("bid_partners.csv", "bid_ref,partner_ref\nB1,SMALL\n",
                         "bid_partners.csv:2:2: bid 'B1' already names partner 'SMALL'; a bid names each "
                         "partner once");
  assert_import_problem ("bid_partners.csv", "bid_ref,partner_ref,consent\nB2,SMALL,maybe\n",
                         "bid_partners.csv:2:3: 'maybe' is not a consent answer; use one of yes, no, unknown");
  assert_import_problem ("payments.csv",
                         "contract_ref,subcontract_ref,amount,paid_on\nC1,,10,2024-05-01\n,,10,2024-05-01\n",
                         "payments.csv:3:2: the payment names neither contract_ref nor subcontract_ref; give "
                         "subcontract_ref for a payment to a partner, or contract_ref for one from the "
                         "commissioner to the lead provider");
  assert_import_problem ("organisations.csv", "ref,name,kind\nX,Xeno,charitable trust\n",
                         "organisations.csv:2:3: 'charitable trust' is not a kind of organisation; use one of "
                         "charity, social_enterprise, cic, community_group, housing_association, "
                         "local_authority, nhs_body, public_body, private_company, infrastructure_body, other");
  assert_import_problem ("consortia.csv", "ref,name,agreement,agreement_on\nK,Kin,no,2024-01-01\n",
                         "consortia.csv:2:4: agreement_on is given but agreement says no; clear one of them");
}
END_TEST

/* Without a joining date SQLite's UNIQUE sees no duplicate; Candour does. */
START_TEST (test_member_listed_once)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *problems = test_import (db,
    "organisations.csv", "ref,name\nA,Alpha\nB,Beta\n",
    "consortia.csv", "ref,name\nK,Kin\n",
    "consortium_members.csv", "consortium_ref,member_ref,joined_on\nK,A,\nK,A,\nK,B,2024-01-01\n"
                              "K,B,01/01/2024\nK,B,2024-02-01\n",
    NULL);

  ck_assert_str_eq (problems,
    "consortium_members.csv:3:2: 'A' is already listed as a member of 'K'\n"
    "consortium_members.csv:5:2: 'B' is already listed as a member of 'K' from that date");
}
END_TEST

START_TEST (test_every_problem_is_listed)
{
  assert_import_problem ("payments.csv",
                         "ref,contract_ref,subcontract_ref,amount,paid_on\n"
                         "P1,C1,,12.345,31/02/2025\n"
                         "P2,C1,S9,£1,2,3,2025-13-01\n"
                         "P3,C1,,1e9,2025-01-01\n",
                         "payments.csv:2:4: amount '12.345' has more than two decimal places; money is in "
                         "pounds and pence, such as 1234.50\n"
                         "payments.csv:2:5: paid_on '31/02/2025' is not a real date: February 2025 has 28 days\n"
                         "payments.csv:3:6: this row has 7 fields but the header has 5; check for a missing or "
                         "extra comma, or a comma in a value that needs double quotes\n"
                         "payments.csv:4:4: amount '1e9' is not an amount of money; write it in full, such as "
                         "1000000000");
}
END_TEST

START_TEST (test_problem_list_stops_at_fifty)
{
  g_autoptr(GString) text = g_string_new ("ref,name,kind\n");
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(CandourImport) import = candour_import_new (db);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 80; i++)
    g_string_append_printf (text, "R%d,Name,nonsense\n", i);
  bytes = g_bytes_new (text->str, text->len);
  candour_import_add_data (import, "organisations.csv", bytes);

  ck_assert (!candour_import_run (import, NULL, &error));
  ck_assert_uint_eq (candour_import_get_problems (import)->len, 50);
  ck_assert_str_eq (error->message, "Nothing was imported: Candour stopped after 50 problems; fix them and "
                                    "import again.");
}
END_TEST

/* The promise: a bad row in the last file leaves the database as it was, even
 * though every earlier file was fine and already written inside the transaction. */
START_TEST (test_bad_last_row_leaves_database_unchanged)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *problems = NULL;

  test_assert_imports (db, "organisations.csv", "ref,name\nEXISTING,Already here\n", NULL);
  before = test_dump_content (db);

  problems = test_import (db,
                          "payments.csv", "ref,subcontract_ref,amount,paid_on\nP1,S1,100,2024-05-01\n"
                                          "P2,S1,100,2024-06-31\n",
                          "organisations.csv", organisations,
                          "bids.csv", bids,
                          "bid_partners.csv", bid_partners,
                          "contracts.csv", contracts,
                          "subcontracts.csv", "ref,contract_ref,partner_ref,value\nS1,C1,SMALL,1000\n",
                          NULL);
  ck_assert_str_eq (problems, "payments.csv:3:4: paid_on '2024-06-31' is not a real date: June 2024 has 30 days");

  after = test_dump_content (db);
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_files_are_read_in_dependency_order)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(CandourImport) import = candour_import_new (db);
  const char *names[] = { "contracts.csv", "bid_partners.csv", "bids.csv", "organisations.csv" };
  const char *texts[] = { contracts, bid_partners, bids, organisations };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (texts[i], strlen (texts[i]));
      candour_import_add_data (import, names[i], bytes);
    }

  ck_assert (candour_import_run (import, NULL, NULL));
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_ORGANISATIONS), 4);
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_BIDS), 2);
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_BID_PARTNERS), 2);
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_CONTRACTS), 1);
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_PAYMENTS), 0);
}
END_TEST

START_TEST (test_formula_guard_is_taken_off)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *names = NULL;

  test_assert_imports (db, "organisations.csv",
                       "ref,name\nA,'=Equals Trust\nB,'Apostrophe Ltd\nC,'-dash\n", NULL);
  names = test_query_text (db, "SELECT group_concat (name, '|') FROM organisation");
  ck_assert_str_eq (names, "=Equals Trust|'Apostrophe Ltd|-dash");
}
END_TEST

static void
add_text (CandourImport *import,
          const char    *file_name,
          const char    *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  candour_import_add_data (import, file_name, bytes);
}

static guint
count_rows (CandourDatabase *db,
            const char      *sql)
{
  g_autofree char *text = test_query_text (db, sql);

  return (guint)g_ascii_strtoull (text, NULL, 10);
}

/* A dry run counts what the import would write, file by file, and leaves no trace, not
 * even in the audit trail; the real import then writes exactly that. */
START_TEST (test_dry_run_counts_and_changes_nothing)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(CandourImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CandourTable table;

  test_assert_imports (db, "organisations.csv", organisations, NULL);
  before = test_dump_everything (db);
  ck_assert_uint_eq (count_rows (db, "SELECT count(*) FROM audit"), 1);

  import = candour_import_new (db);
  add_text (import, "contracts.csv", contracts);
  add_text (import, "bids.csv", bids);
  add_text (import, "bid_partners.csv", bid_partners);
  add_text (import, "subcontracts.csv", "ref,contract_ref,partner_ref,value\r\n");
  candour_import_set_dry_run (import, TRUE);

  ck_assert_msg (candour_import_run (import, NULL, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (candour_import_get_problems (import)->len, 0);
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_ORGANISATIONS), 0);
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_BIDS), 2);
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_BID_PARTNERS), 2);
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_CONTRACTS), 1);
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_SUBCONTRACTS), 0);

  /* Files in the order added, each with its table and its rows. */
  ck_assert_uint_eq (candour_import_get_n_files (import), 4);
  ck_assert_str_eq (candour_import_get_file_name (import, 0), "contracts.csv");
  ck_assert (candour_import_get_file_table (import, 0, &table));
  ck_assert_int_eq (table, CANDOUR_TABLE_CONTRACTS);
  ck_assert_uint_eq (candour_import_get_file_count (import, 0), 1);
  ck_assert_str_eq (candour_import_get_file_name (import, 1), "bids.csv");
  ck_assert_uint_eq (candour_import_get_file_count (import, 1), 2);
  ck_assert_uint_eq (candour_import_get_file_count (import, 2), 2);
  ck_assert (candour_import_get_file_table (import, 3, &table));
  ck_assert_int_eq (table, CANDOUR_TABLE_SUBCONTRACTS);
  ck_assert_uint_eq (candour_import_get_file_count (import, 3), 0);

  after = test_dump_everything (db);
  ck_assert_str_eq (before, after);
  ck_assert (!candour_database_in_transaction (db));

  /* The same import for real: the same counts, and now the rows and their audit. */
  candour_import_set_dry_run (import, FALSE);
  ck_assert_msg (candour_import_run (import, NULL, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_BIDS), 2);
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_BID_PARTNERS), 2);
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_CONTRACTS), 1);
  ck_assert_uint_eq (candour_import_get_file_count (import, 1), 2);
  ck_assert_uint_eq (count_rows (db, "SELECT count(*) FROM bid"), 2);
  ck_assert_uint_eq (count_rows (db, "SELECT count(*) FROM contract"), 1);
  /* One audit row per file that brought rows: organisations before, three now. */
  ck_assert_uint_eq (count_rows (db, "SELECT count(*) FROM audit"), 4);
}
END_TEST

/* A dry run finds the problems the real import would, word for word, and so does a run
 * after it on the same import: nothing of the dry run is left behind in between. */
START_TEST (test_dry_run_lists_the_real_problems)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(CandourImport) import = NULL;
  g_autoptr(GError) dry_error = NULL;
  g_autoptr(GError) real_error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) dry_problems = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *problems;

  test_assert_imports (db, "organisations.csv", organisations, "bids.csv", bids, NULL);
  before = test_dump_everything (db);

  import = candour_import_new (db);
  add_text (import, "organisations.csv", "ref,name\nNEW,New Leaf\nLEAD,Lead again\n");
  add_text (import, "bids.csv", "ref,title,lead_ref,commissioner_ref\nB3,Third,NEW,COMM\nB4,Fourth,NOBODY,COMM\n");
  add_text (import, "grants.csv", "ref\n1\n");
  candour_import_set_dry_run (import, TRUE);

  ck_assert (!candour_import_run (import, NULL, &dry_error));
  ck_assert_str_eq (dry_error->message, "Nothing was imported: 3 problems to fix first.");
  problems = candour_import_get_problems (import);
  ck_assert_uint_eq (problems->len, 3);
  ck_assert_str_eq (problems->pdata[0],
                    "grants.csv:1:1: Candour does not know which table this file holds; name it after its "
                    "table: organisations.csv, consortia.csv, consortium_members.csv, bids.csv, "
                    "bid_partners.csv, contracts.csv, subcontracts.csv, payments.csv");
  ck_assert_str_eq (problems->pdata[1],
                    "organisations.csv:3:1: ref 'LEAD' is already used by another record in organisations; "
                    "each ref must be unique");
  ck_assert_str_eq (problems->pdata[2],
                    "bids.csv:3:3: lead_ref 'NOBODY' points nowhere: there is no such ref in "
                    "organisations.csv or in the database");
  ck_assert (!candour_import_get_file_table (import, 2, NULL));
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (dry_problems, g_strdup (problems->pdata[i]));
  after = test_dump_everything (db);
  ck_assert_str_eq (before, after);

  candour_import_set_dry_run (import, FALSE);
  ck_assert (!candour_import_run (import, NULL, &real_error));
  ck_assert_str_eq (real_error->message, dry_error->message);
  problems = candour_import_get_problems (import);
  ck_assert_uint_eq (problems->len, dry_problems->len);
  for (guint i = 0; i < problems->len; i++)
    ck_assert_str_eq (problems->pdata[i], dry_problems->pdata[i]);
  g_free (after);
  after = test_dump_everything (db);
  ck_assert_str_eq (before, after);
}
END_TEST

static void
note_progress (double   fraction,
               gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

/* Over 8 MB of payments: the bulk load drops the payment indexes and rebuilds them. A
 * dry run does that too (a rebuild can fail) and its rollback brings back the schema as
 * it was; the progress it reports only grows, and ends at 1. */
START_TEST (test_dry_run_of_a_bulk_load)
{
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autoptr(CandourImport) import = NULL;
  g_autoptr(GString) payments = g_string_new ("ref,contract_ref,amount,paid_on\n");
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n = 0;

  test_assert_imports (db, "organisations.csv", organisations, "bids.csv", bids,
                       "bid_partners.csv", bid_partners, "contracts.csv", contracts, NULL);
  before = test_dump_everything (db);

  while (payments->len <= 8 * 1024 * 1024)
    g_string_append_printf (payments, "PAYMENT-NUMBER-%07u,C1,1234.56,2024-05-01\n", ++n);
  import = candour_import_new (db);
  add_text (import, "payments.csv", payments->str);
  candour_import_set_dry_run (import, TRUE);
  candour_import_set_progress_func (import, note_progress, fractions);

  ck_assert_msg (candour_import_run (import, NULL, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (candour_import_get_count (import, CANDOUR_TABLE_PAYMENTS), n);
  after = test_dump_everything (db);
  ck_assert_str_eq (before, after);

  ck_assert_uint_gt (fractions->len, 10);
  for (guint i = 1; i < fractions->len; i++)
    ck_assert (g_array_index (fractions, double, i) >= g_array_index (fractions, double, i - 1));
  ck_assert (g_array_index (fractions, double, fractions->len - 1) == 1.0);
}
END_TEST

START_TEST (test_table_names)
{
  CandourTable table;

  ck_assert (candour_table_from_name ("Payments.CSV", &table));
  ck_assert_int_eq (table, CANDOUR_TABLE_PAYMENTS);
  ck_assert (candour_table_from_name ("bid_partners", &table));
  ck_assert_int_eq (table, CANDOUR_TABLE_BID_PARTNERS);
  ck_assert (!candour_table_from_name ("grants", &table));
  ck_assert_str_eq (candour_table_get_name (CANDOUR_TABLE_CONSORTIUM_MEMBERS), "consortium_members");
}
END_TEST

/* A field's default is described once, with the field: an empty cell stores it, a form
 * starts with it, and the schema's DEFAULT says the same (checked here, as SQLite has it). */
START_TEST (test_defaults_described_once)
{
  static const char * const sql_tables[CANDOUR_N_TABLES] = {
    "organisation", "consortium", "consortium_member", "bid", "bid_partner", "contract", "subcontract", "payment",
  };
  g_autoptr(CandourDatabase) db = test_open_memory_database ();
  g_autofree char *problems = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *agreements = NULL;
  g_autofree char *terms = NULL;
  guint n_defaults = 0;

  for (CandourTable table = 0; table < CANDOUR_N_TABLES; table++)
    for (guint field = 0; field < candour_table_get_n_fields (table); field++)
      {
        const char *name = candour_table_get_field_name (table, field);
        const char *text = candour_table_get_field_default (table, field);
        g_autofree char *sql = NULL;
        g_autofree char *schema = NULL;
        g_autofree char *expected = NULL;

        if (text == NULL)
          continue;
        n_defaults++;
        sql = g_strdup_printf ("SELECT dflt_value FROM pragma_table_info ('%s') WHERE name = '%s'",
                               sql_tables[table], name);
        schema = test_query_text (db, sql);
        switch (candour_table_get_field_kind (table, field))
          {
          case CANDOUR_FIELD_MONEY:
            {
              gint64 pence;

              ck_assert (candour_money_parse (text, &pence, NULL));
              expected = g_strdup_printf ("%" G_GINT64_FORMAT, pence);
            }
            break;
          case CANDOUR_FIELD_CHOICE:
            if (candour_table_get_field_choices (table, field)[0] != NULL &&
                g_str_equal (candour_table_get_field_choices (table, field)[0], "yes") &&
                g_strv_length ((GStrv)candour_table_get_field_choices (table, field)) == 2)
              expected = g_strdup (g_str_equal (text, "yes") ? "1" : "0");
            else
              expected = g_strdup_printf ("'%s'", text);
            break;
          default:
            expected = g_strdup (text);
          }
        ck_assert_msg (g_strcmp0 (schema, expected) == 0, "%s.%s: the schema's DEFAULT is %s, the description's %s",
                       sql_tables[table], name, schema, expected);
      }
  ck_assert_uint_eq (n_defaults, 7);

  /* Empty cells and missing columns store them; an agreement date with no answer to
   * "agreement" is still an agreement. */
  problems = test_import (db,
    "organisations.csv", "ref,name,kind\nA,Alpha,\nB,Beta,charity\n",
    "consortia.csv", "ref,name,agreement_on\nC1,Circle,2025-01-01\nC2,Square,\n",
    "contracts.csv", "ref,lead_ref,commissioner_ref,value,start_on,end_on\nK,A,B,1000,2025-01-01,2025-12-31\n",
    "subcontracts.csv", "ref,contract_ref,partner_ref,value,payment_terms_days\nS1,K,B,100,\nS2,K,B,100,14\n",
    NULL);
  ck_assert_str_eq (problems, "");
  kinds = test_query_text (db, "SELECT group_concat (kind, ',') FROM (SELECT kind FROM organisation ORDER BY ref)");
  ck_assert_str_eq (kinds, "other,charity");
  agreements = test_query_text (db, "SELECT group_concat (agreement || '/' || due_diligence, ',') FROM "
                                    "(SELECT * FROM consortium ORDER BY ref)");
  ck_assert_str_eq (agreements, "1/0,0/0");
  ck_assert_int_eq (test_query_int (db, "SELECT small_income_limit FROM contract"), 100000000);
  terms = test_query_text (db, "SELECT group_concat (payment_terms_days, ',') FROM "
                               "(SELECT * FROM subcontract ORDER BY ref)");
  ck_assert_str_eq (terms, "30,14");
}
END_TEST

Suite *
candour_import_suite (void)
{
  Suite *suite = suite_create ("import");
  TCase *tc = tcase_create ("import");

  tcase_add_test (tc, test_values_as_people_type_them);
  tcase_add_test (tc, test_semicolon_and_tab_files);
  tcase_add_test (tc, test_short_companies_house_number);
  tcase_add_test (tc, test_header_rules);
  tcase_add_test (tc, test_header_only_is_an_empty_table);
  tcase_add_test (tc, test_row_rules);
  tcase_add_test (tc, test_member_listed_once);
  tcase_add_test (tc, test_every_problem_is_listed);
  tcase_add_test (tc, test_problem_list_stops_at_fifty);
  tcase_add_test (tc, test_bad_last_row_leaves_database_unchanged);
  tcase_add_test (tc, test_files_are_read_in_dependency_order);
  tcase_add_test (tc, test_formula_guard_is_taken_off);
  tcase_add_test (tc, test_dry_run_counts_and_changes_nothing);
  tcase_add_test (tc, test_dry_run_lists_the_real_problems);
  tcase_add_test (tc, test_dry_run_of_a_bulk_load);
  tcase_add_test (tc, test_table_names);
  tcase_add_test (tc, test_defaults_described_once);
  suite_add_tcase (suite, tc);
  return suite;
}
