/* candour-integrity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-integrity.h"
#include "candour-database-private.h"
#include "candour-money.h"

/* Each rule is a query returning one sentence (problem) per record that breaks it. The
 * schema's CHECK constraints already hold for rows Candour wrote; these catch files
 * edited by other tools, and rules a CHECK cannot state. */
static const char * const rules[] = {
  "SELECT 'Table ' || \"table\" || ', row ' || rowid || ': refers to a missing record in ' || parent "
  "AS problem FROM pragma_foreign_key_check",

  "SELECT 'Organisation ' || ref || ': annual income is negative' AS problem FROM organisation "
  "WHERE annual_income < 0",

  "SELECT 'Consortium ' || c.ref || ': ' || o.ref || ' left before joining' AS problem "
  "FROM consortium_member m JOIN consortium c ON c.id = m.consortium_id "
  "JOIN organisation o ON o.id = m.member_id WHERE m.left_on < m.joined_on",

  "SELECT 'Bid ' || b.ref || ': partner ' || o.ref || ' is promised both a value and a share' AS problem "
  "FROM bid_partner bp JOIN bid b ON b.id = bp.bid_id JOIN organisation o ON o.id = bp.partner_id "
  "WHERE bp.promised_value IS NOT NULL AND bp.promised_share IS NOT NULL",

  "SELECT 'Contract ' || c.ref || ': its lead or commissioner differs from bid ' || b.ref AS problem "
  "FROM contract c JOIN bid b ON b.id = c.bid_id "
  "WHERE c.lead_id <> b.lead_id OR c.commissioner_id <> b.commissioner_id",

  "SELECT 'Contract ' || ref || ': ends before it starts' AS problem FROM contract WHERE end_on < start_on",

  "SELECT 'Subcontract ' || s.ref || ': ends before it starts' AS problem "
  "FROM subcontract s JOIN contract c ON c.id = s.contract_id "
  "WHERE coalesce (s.end_on, c.end_on) < coalesce (s.start_on, c.start_on)",

  "SELECT 'Payment ' || coalesce (ref, '#' || id) || ': must be against exactly one contract or subcontract' "
  "AS problem "
  "FROM payment WHERE (contract_id IS NULL) = (subcontract_id IS NULL)",

  "SELECT what || ': ' || label || ' is not a real date (' || value || ')' AS problem FROM ("
  "  SELECT 'Contract ' || ref AS what, 'start' AS label, start_on AS value FROM contract"
  "  UNION ALL SELECT 'Contract ' || ref, 'end', end_on FROM contract"
  "  UNION ALL SELECT 'Subcontract ' || ref, 'start', start_on FROM subcontract"
  "  UNION ALL SELECT 'Subcontract ' || ref, 'end', end_on FROM subcontract"
  "  UNION ALL SELECT 'Bid ' || ref, 'submitted date', submitted_on FROM bid"
  "  UNION ALL SELECT 'Consortium ' || ref, 'agreement date', agreement_on FROM consortium"
  "  UNION ALL SELECT 'Payment ' || coalesce (ref, '#' || id), 'paid date', paid_on FROM payment"
  "  UNION ALL SELECT 'Payment ' || coalesce (ref, '#' || id), 'invoice date', invoiced_on FROM payment"
  ") WHERE value IS NOT NULL AND (candour_days (value) IS NULL OR length (value) <> 10)",

  /* Above the ceiling no report could add figures up safely (candour-money.h). */
  "SELECT what || ': ' || label || ' (' || value || ' pence) is over Candour''s ceiling of "
  "£1,000,000,000,000 for one figure' AS problem FROM ("
  "  SELECT 'Organisation ' || ref AS what, 'annual income' AS label, annual_income AS value FROM organisation"
  "  UNION ALL SELECT 'Bid ' || ref, 'value', value FROM bid"
  "  UNION ALL SELECT 'Contract ' || ref, 'value', value FROM contract"
  "  UNION ALL SELECT 'Contract ' || ref, 'smaller-organisation income limit', small_income_limit FROM contract"
  "  UNION ALL SELECT 'Subcontract ' || ref, 'value', value FROM subcontract"
  "  UNION ALL SELECT 'Payment ' || coalesce (ref, '#' || id), 'amount', amount FROM payment"
  "  UNION ALL SELECT 'Bid ' || b.ref || ', partner ' || o.ref, 'promised value', bp.promised_value "
  "    FROM bid_partner bp JOIN bid b ON b.id = bp.bid_id JOIN organisation o ON o.id = bp.partner_id"
  ") WHERE abs (value) > " G_STRINGIFY (CANDOUR_MONEY_MAX_PENCE),
};

static gboolean
run_rule (CandourDatabase  *db,
          const char       *sql,
          GPtrArray        *problems,
          GError          **error)
{
  CandourQuery *query = candour_database_query (db, sql, error);
  CandourQueryStep step;

  if (query == NULL)
    return FALSE;

  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    g_ptr_array_add (problems, candour_query_dup_text (query, "problem"));
  return step == CANDOUR_QUERY_DONE;
}

/* SQLite's own check of every page, as one line however many places it found: the
 * first says where, the count how bad. Its rows can hold several lines each. */
static gboolean
check_pages (CandourDatabase  *db,
             GPtrArray        *problems,
             GError          **error)
{
  static const char sql[] = "PRAGMA integrity_check (100)";
  CandourQuery *query = candour_database_query (db, sql, error);
  g_autofree char *first = NULL;
  CandourQueryStep step;
  guint count = 0;

  if (query == NULL)
    return FALSE;

  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    {
      g_auto(GStrv) lines = g_strsplit (candour_query_get_text (query, "integrity_check"), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_str_equal (lines[i], "ok") || g_str_has_prefix (lines[i], "*** in database") ||
              lines[i][0] == '\0')
            continue;
          if (count++ == 0)
            first = g_strdup (lines[i]);
        }
    }
  if (step == CANDOUR_QUERY_ERROR)
    return FALSE;

  if (count == 1)
    g_ptr_array_add (problems, g_strdup_printf ("The file is damaged: SQLite's integrity check "
                                                "found a problem (%s).", first));
  else if (count > 1)
    g_ptr_array_add (problems, g_strdup_printf ("The file is damaged: SQLite's integrity check "
                                                "found %u%s problems (the first: %s).", count,
                                                count >= 100 ? " or more" : "", first));
  return TRUE;
}

/* The schema */

typedef struct
{
  char *type;
  char *name;
  char *table;
  char *expected;               /* Candour's SQL for it; NULL when Candour has no such object */
  char *actual;                 /* the file's; NULL when the file lacks it */
} SchemaDifference;

static void
schema_difference_free (gpointer data)
{
  SchemaDifference *difference = data;

  g_free (difference->type);
  g_free (difference->name);
  g_free (difference->table);
  g_free (difference->expected);
  g_free (difference->actual);
  g_free (difference);
}

/* type:name → (tbl_name, sql) of every object SQLite did not make itself. */
static GHashTable *
read_schema (CandourDatabase  *db,
             GError          **error)
{
  static const char sql[] =
    "SELECT type, name, tbl_name, sql FROM sqlite_schema "
    "WHERE sql IS NOT NULL AND substr (name, 1, 7) <> 'sqlite_'";
  g_autoptr(GHashTable) schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify)g_strfreev);
  CandourQuery *query = candour_database_query (db, sql, error);
  CandourQueryStep step;

  if (query == NULL)
    return NULL;
  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    {
      char **value = g_new0 (char *, 3);

      value[0] = candour_query_dup_text (query, "tbl_name");
      value[1] = candour_query_dup_text (query, "sql");
      g_hash_table_insert (schema, g_strdup_printf ("%s:%s", candour_query_get_text (query, "type"),
                                                    candour_query_get_text (query, "name")), value);
    }
  if (step == CANDOUR_QUERY_ERROR)
    return NULL;
  return g_steal_pointer (&schema);
}

static void
add_difference (GPtrArray  *differences,
                const char *key,
                const char *table,
                const char *expected,
                const char *actual)
{
  SchemaDifference *difference = g_new0 (SchemaDifference, 1);
  const char *colon = strchr (key, ':');

  difference->type = g_strndup (key, colon - key);
  difference->name = g_strdup (colon + 1);
  difference->table = g_strdup (table);
  difference->expected = g_strdup (expected);
  difference->actual = g_strdup (actual);
  g_ptr_array_add (differences, difference);
}

/* What differs between the file's schema and the one a new database of this version
 * gets: the same migrations made both, so the SQL text matches exactly. Extra tables
 * and indexes of another program's are its own business; extra triggers on Candour's
 * tables are not, since they can change records. */
static GPtrArray *
compare_schema (CandourDatabase  *db,
                GError          **error)
{
  g_autoptr(CandourDatabase) reference = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (schema_difference_free);
  g_autoptr(GList) keys = NULL;

  reference = candour_database_open (":memory:", error);
  if (reference == NULL || (expected = read_schema (reference, error)) == NULL ||
      (actual = read_schema (db, error)) == NULL)
    return NULL;

  keys = g_list_sort (g_hash_table_get_keys (expected), (GCompareFunc)g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      char **want = g_hash_table_lookup (expected, l->data);
      char **have = g_hash_table_lookup (actual, l->data);

      if (have == NULL || g_strcmp0 (want[1], have[1]) != 0)
        add_difference (differences, l->data, want[0], want[1], have != NULL ? have[1] : NULL);
    }

  g_clear_pointer (&keys, g_list_free);
  keys = g_list_sort (g_hash_table_get_keys (actual), (GCompareFunc)g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      char **have = g_hash_table_lookup (actual, l->data);

      if (g_str_has_prefix (l->data, "trigger:") && !g_hash_table_contains (expected, l->data))
        {
          g_autofree char *table_key = g_strconcat ("table:", have[0], NULL);

          if (g_hash_table_contains (expected, table_key))
            add_difference (differences, l->data, have[0], NULL, have[1]);
        }
    }

  return g_steal_pointer (&differences);
}

static char *
describe_difference (const SchemaDifference *difference)
{
  gboolean audit = g_str_has_prefix (difference->name, difference->table) &&
                   strstr (difference->name, "_audit_") != NULL;
  gboolean append_only = g_str_has_prefix (difference->name, "audit_is_append_only");

  if (difference->expected == NULL)
    return g_strdup_printf ("An extra trigger, %s, on %s is not Candour's: another program added it, "
                            "and it could change records unseen.", difference->name, difference->table);

  if (g_str_equal (difference->type, "table"))
    return g_strdup_printf ("The table %s is %s.", difference->name,
                            difference->actual == NULL ? "missing" : "not as Candour made it");

  if (audit || append_only)
    return g_strdup_printf ("The audit trigger %s is %s: %s", difference->name,
                            difference->actual == NULL ? "missing" : "not as Candour made it",
                            append_only ? "the audit trail can be changed or cut short."
                                        : "the audit trail no longer records every change.");

  return g_strdup_printf ("The %s %s is %s.", difference->type, difference->name,
                          difference->actual == NULL ? "missing" : "not as Candour made it");
}

gboolean
candour_integrity_check (CandourDatabase           *db,
                         GPtrArray                 *problems,
                         CandourIntegrityFindings  *out_findings,
                         GError                   **error)
{
  g_autoptr(GPtrArray) differences = NULL;
  CandourIntegrityFindings findings = CANDOUR_INTEGRITY_OK;
  guint before;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (out_findings != NULL)
    *out_findings = CANDOUR_INTEGRITY_OK;

  before = problems->len;
  if (!g_str_equal (candour_database_get_path (db), ":memory:"))
    {
      /* The fields SQLite reads past are only checked when the file's own header is
       * the one in use: otherwise they are its bare first page, waiting for the log. */
      char *header = candour_database_header_problem (candour_database_get_path (db),
                                                      candour_database_header_is_current (db));

      if (header != NULL)
        g_ptr_array_add (problems, g_strdup_printf ("The file is damaged: %s.", header));
      g_free (header);
    }
  if (!check_pages (db, problems, error))
    return FALSE;
  if (problems->len > before)
    findings |= CANDOUR_INTEGRITY_DAMAGED;

  differences = compare_schema (db, error);
  if (differences == NULL)
    return FALSE;
  for (guint i = 0; i < differences->len; i++)
    {
      SchemaDifference *difference = differences->pdata[i];

      g_ptr_array_add (problems, describe_difference (difference));
      findings |= g_str_equal (difference->type, "table") ? CANDOUR_INTEGRITY_SCHEMA_DAMAGED
                                                          : CANDOUR_INTEGRITY_SCHEMA_REPAIRABLE;
    }

  /* The rules read tables by name: with one missing they cannot run. */
  if (findings & CANDOUR_INTEGRITY_SCHEMA_DAMAGED)
    {
      if (out_findings != NULL)
        *out_findings = findings;
      return TRUE;
    }

  before = problems->len;
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (!run_rule (db, rules[i], problems, error))
      return FALSE;
  if (problems->len > before)
    findings |= CANDOUR_INTEGRITY_RECORDS;

  if (out_findings != NULL)
    *out_findings = findings;
  return TRUE;
}

gboolean
candour_integrity_repair (CandourDatabase  *db,
                          GPtrArray        *repairs,
                          GError          **error)
{
  g_autoptr(GPtrArray) differences = NULL;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (repairs != NULL, FALSE);

  differences = compare_schema (db, error);
  if (differences == NULL || !candour_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < differences->len; i++)
    {
      SchemaDifference *difference = differences->pdata[i];
      g_autofree char *drop = NULL;

      if (g_str_equal (difference->type, "table"))
        continue;

      if (difference->actual != NULL)
        {
          drop = g_strdup_printf ("DROP %s \"%s\"", difference->type, difference->name);
          if (!candour_database_exec (db, drop, error))
            goto failed;
        }
      if (difference->expected != NULL && !candour_database_exec (db, difference->expected, error))
        goto failed;

      g_ptr_array_add (repairs, difference->expected == NULL
                       ? g_strdup_printf ("Removed the trigger %s, which was not Candour's.", difference->name)
                       : g_strdup_printf ("Put back Candour's %s %s.", difference->type, difference->name));
    }

  return candour_database_end (db, TRUE, error);

failed:
  candour_database_end (db, FALSE, NULL);
  return FALSE;
}
