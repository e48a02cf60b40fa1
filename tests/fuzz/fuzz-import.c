/* fuzz-import.c: any bytes as one table's file, imported over a small area
 *
 * The first byte chooses the table (its value modulo 8, in the order of CandourTable,
 * so a seed file can start with a digit: '0' organisations ... '7' payments); the rest
 * is the file. Each run starts from the same in-memory database holding a few records of
 * every table, so refs in the input can point somewhere. The import must either write
 * rows that pass `candour-cli check`, or list its problems as FILE:LINE:COLUMN and leave
 * the database exactly as it was, and do the same again when run a second time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-database-sqlite.h"
#include "fuzz-target.h"
#include "candour-import.h"
#include "candour-integrity.h"

static const char * const area[] = {
  "organisations.csv",
  "ref,name,kind,annual_income\n"
  "LEAD,Lead Ltd,private_company,5000000\n"
  "COMM,Council,local_authority,\n"
  "P1,Small Charity,charity,45000\n"
  "P2,Tiny Group,community_group,0\n",
  "consortia.csv",
  "ref,name,model,lead_ref\n"
  "CONS,Alliance,alliance,LEAD\n",
  "bids.csv",
  "ref,title,lead_ref,commissioner_ref,value,outcome,consortium_ref\n"
  "B1,Wellbeing,LEAD,COMM,100000,won,CONS\n"
  "B2,Advice,LEAD,COMM,50000,won,\n",
  "bid_partners.csv",
  "bid_ref,partner_ref,promised_value,promised_share\n"
  "B1,P1,20000,\n"
  "B2,P2,,10\n",
  "contracts.csv",
  "ref,bid_ref,value,start_on,end_on\n"
  "C1,B1,90000,2025-01-01,2025-12-31\n",
  "subcontracts.csv",
  "ref,contract_ref,partner_ref,value\n"
  "S1,C1,P1,20000\n",
  "payments.csv",
  "ref,contract_ref,subcontract_ref,amount,paid_on\n"
  "PAY1,,S1,5000,2025-03-31\n",
  NULL,
};

/* Every row of every business table: equal dumps mean equal content. */
static char *
dump_content (CandourDatabase *db)
{
  static const char * const tables[] = {
    "organisation", "consortium", "consortium_member", "bid", "bid_partner",
    "contract", "subcontract", "payment",
  };
  GString *dump = g_string_new (NULL);
  sqlite3 *handle = candour_database_get_handle (db);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[t]);
      sqlite3_stmt *stmt;

      g_assert (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              const char *value = (const char *) sqlite3_column_text (stmt, i);
              g_string_append_printf (dump, "%s%s", i > 0 ? "|" : "", value ? value : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (dump, FALSE);
}

static CandourDatabase *
open_area (void)
{
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(CandourImport) import = NULL;
  g_autoptr(GError) error = NULL;

  db = candour_database_open (":memory:", &error);
  g_assert_no_error (error);

  import = candour_import_new (db);
  for (guint i = 0; area[i] != NULL; i += 2)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (area[i + 1], strlen (area[i + 1]));
      candour_import_add_data (import, area[i], bytes);
    }
  candour_import_run (import, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&db);
}

/* The area is imported once; each run copies it with the backup API into a database
 * opened once, which is as fresh as a new one and a tenth of the cost of migrating and
 * importing every time. */
static CandourDatabase *
reset_database (void)
{
  static CandourDatabase *area_db;
  static CandourDatabase *db;
  sqlite3_backup *backup;

  if (db == NULL)
    {
      g_autoptr(GError) error = NULL;

      area_db = open_area ();
      db = candour_database_open (":memory:", &error);
      g_assert_no_error (error);
    }

  g_assert (!candour_database_in_transaction (db));
  backup = sqlite3_backup_init (candour_database_get_handle (db), "main",
                                candour_database_get_handle (area_db), "main");
  g_assert (backup != NULL);
  g_assert (sqlite3_backup_step (backup, -1) == SQLITE_DONE);
  g_assert (sqlite3_backup_finish (backup) == SQLITE_OK);

  return g_object_ref (db);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(CandourImport) import = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GPtrArray *problems;

  /* A failed g_return_if_fail() is a finding too. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  if (size == 0)
    return 0;

  file_name = g_strconcat (candour_table_get_name (data[0] % CANDOUR_N_TABLES), ".csv", NULL);
  bytes = g_bytes_new (data + 1, size - 1);

  db = reset_database ();
  before = dump_content (db);

  import = candour_import_new (db);
  candour_import_add_data (import, file_name, bytes);

  if (candour_import_run (import, NULL, &error))
    {
      g_autoptr(GPtrArray) broken = g_ptr_array_new_with_free_func (g_free);

      g_assert (candour_integrity_check (db, broken, NULL, NULL));
      for (guint i = 0; i < broken->len; i++)
        g_printerr ("imported, but check finds: %s\n", (char *) broken->pdata[i]);
      g_assert (broken->len == 0);
      return 0;
    }

  g_assert (error != NULL);
  g_assert (!candour_database_in_transaction (db));

  problems = candour_import_get_problems (import);
  g_assert (problems->len >= 1 && problems->len <= CANDOUR_IMPORT_MAX_PROBLEMS);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = problems->pdata[i];
      g_autofree char *prefix = g_strconcat (file_name, ":", NULL);

      /* FILE:LINE:COLUMN: reason, on one line a person can read. */
      g_assert (g_str_has_prefix (problem, prefix));
      g_assert (g_utf8_validate (problem, -1, NULL));
      g_assert (strlen (problem) < 1000);
      g_assert (strpbrk (problem, "\r\n") == NULL);
    }

  after = dump_content (db);
  g_assert (g_str_equal (before, after));

  /* Running the same import again finds the same problems and still writes nothing. */
  {
    g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GError) again = NULL;
    g_autofree char *after_again = NULL;

    for (guint i = 0; i < problems->len; i++)
      g_ptr_array_add (first, g_strdup (problems->pdata[i]));
    g_assert (!candour_import_run (import, NULL, &again));
    g_assert (g_str_equal (again->message, error->message));
    problems = candour_import_get_problems (import);
    g_assert (problems->len == first->len);
    for (guint i = 0; i < problems->len; i++)
      g_assert (g_str_equal (problems->pdata[i], first->pdata[i]));

    after_again = dump_content (db);
    g_assert (g_str_equal (before, after_again));
  }

  return 0;
}
