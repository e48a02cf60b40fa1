/* candour-integrity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-integrity.h"

/* Each rule is a query returning one sentence per record that breaks it. The schema's
 * CHECK constraints already hold for rows Candour wrote; these catch files edited by
 * other tools, and rules a CHECK cannot state. */
static const char * const rules[] = {
  "SELECT 'SQLite integrity check: ' || integrity_check FROM pragma_integrity_check "
  "WHERE integrity_check <> 'ok'",

  "SELECT 'Table ' || \"table\" || ', row ' || rowid || ': refers to a missing record in ' || parent "
  "FROM pragma_foreign_key_check",

  "SELECT 'Organisation ' || ref || ': annual income is negative' FROM organisation "
  "WHERE annual_income < 0",

  "SELECT 'Consortium ' || c.ref || ': ' || o.ref || ' left before joining' "
  "FROM consortium_member m JOIN consortium c ON c.id = m.consortium_id "
  "JOIN organisation o ON o.id = m.member_id WHERE m.left_on < m.joined_on",

  "SELECT 'Bid ' || b.ref || ': partner ' || o.ref || ' is promised both a value and a share' "
  "FROM bid_partner bp JOIN bid b ON b.id = bp.bid_id JOIN organisation o ON o.id = bp.partner_id "
  "WHERE bp.promised_value IS NOT NULL AND bp.promised_share IS NOT NULL",

  "SELECT 'Contract ' || c.ref || ': its lead or commissioner differs from bid ' || b.ref "
  "FROM contract c JOIN bid b ON b.id = c.bid_id "
  "WHERE c.lead_id <> b.lead_id OR c.commissioner_id <> b.commissioner_id",

  "SELECT 'Contract ' || ref || ': ends before it starts' FROM contract WHERE end_on < start_on",

  "SELECT 'Subcontract ' || s.ref || ': ends before it starts' "
  "FROM subcontract s JOIN contract c ON c.id = s.contract_id "
  "WHERE coalesce (s.end_on, c.end_on) < coalesce (s.start_on, c.start_on)",

  "SELECT 'Payment ' || coalesce (ref, '#' || id) || ': must be against exactly one contract or subcontract' "
  "FROM payment WHERE (contract_id IS NULL) = (subcontract_id IS NULL)",

  "SELECT what || ': ' || label || ' is not a real date (' || value || ')' FROM ("
  "  SELECT 'Contract ' || ref AS what, 'start' AS label, start_on AS value FROM contract"
  "  UNION ALL SELECT 'Contract ' || ref, 'end', end_on FROM contract"
  "  UNION ALL SELECT 'Subcontract ' || ref, 'start', start_on FROM subcontract"
  "  UNION ALL SELECT 'Subcontract ' || ref, 'end', end_on FROM subcontract"
  "  UNION ALL SELECT 'Bid ' || ref, 'submitted date', submitted_on FROM bid"
  "  UNION ALL SELECT 'Consortium ' || ref, 'agreement date', agreement_on FROM consortium"
  "  UNION ALL SELECT 'Payment ' || coalesce (ref, '#' || id), 'paid date', paid_on FROM payment"
  "  UNION ALL SELECT 'Payment ' || coalesce (ref, '#' || id), 'invoice date', invoiced_on FROM payment"
  ") WHERE value IS NOT NULL AND (candour_days (value) IS NULL OR length (value) <> 10)",
};

gboolean
candour_integrity_check (CandourDatabase  *db,
                         GPtrArray        *problems,
                         GError          **error)
{
  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      sqlite3_stmt *stmt = candour_database_prepare (db, rules[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (problems, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));

      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return candour_database_set_error (db, error, rules[i]);
    }

  return TRUE;
}
