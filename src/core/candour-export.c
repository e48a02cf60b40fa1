/* candour-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "candour-export.h"
#include "candour-history.h"

#define COLUMNS(columns) columns, G_N_ELEMENTS (columns)

static const CandourReportColumn organisation_columns[] = {
  { "ref", CANDOUR_CELL_TEXT },
  { "name", CANDOUR_CELL_TEXT },
  { "org_id", CANDOUR_CELL_TEXT },
  { "kind", CANDOUR_CELL_KEYWORD },
  { "annual_income", CANDOUR_CELL_MONEY },
  { "locality", CANDOUR_CELL_KEYWORD },
  { "led_by", CANDOUR_CELL_TEXT },
  { "notes", CANDOUR_CELL_TEXT },
};

static const CandourReportColumn consortium_columns[] = {
  { "ref", CANDOUR_CELL_TEXT },
  { "name", CANDOUR_CELL_TEXT },
  { "model", CANDOUR_CELL_KEYWORD },
  { "lead_ref", CANDOUR_CELL_TEXT },
  { "agreement", CANDOUR_CELL_YES_NO },
  { "agreement_on", CANDOUR_CELL_DATE },
  { "due_diligence", CANDOUR_CELL_YES_NO },
  { "notes", CANDOUR_CELL_TEXT },
};

static const CandourReportColumn member_columns[] = {
  { "consortium_ref", CANDOUR_CELL_TEXT },
  { "member_ref", CANDOUR_CELL_TEXT },
  { "joined_on", CANDOUR_CELL_DATE },
  { "left_on", CANDOUR_CELL_DATE },
};

static const CandourReportColumn bid_columns[] = {
  { "ref", CANDOUR_CELL_TEXT },
  { "title", CANDOUR_CELL_TEXT },
  { "lead_ref", CANDOUR_CELL_TEXT },
  { "commissioner_ref", CANDOUR_CELL_TEXT },
  { "value", CANDOUR_CELL_MONEY },
  { "submitted_on", CANDOUR_CELL_DATE },
  { "outcome", CANDOUR_CELL_KEYWORD },
  { "consortium_ref", CANDOUR_CELL_TEXT },
};

static const CandourReportColumn bid_partner_columns[] = {
  { "bid_ref", CANDOUR_CELL_TEXT },
  { "partner_ref", CANDOUR_CELL_TEXT },
  { "role", CANDOUR_CELL_TEXT },
  { "promised_value", CANDOUR_CELL_MONEY },
  { "promised_share", CANDOUR_CELL_PERCENT_EXACT },
  { "consent", CANDOUR_CELL_KEYWORD },
};

static const CandourReportColumn contract_columns[] = {
  { "ref", CANDOUR_CELL_TEXT },
  { "bid_ref", CANDOUR_CELL_TEXT },
  { "title", CANDOUR_CELL_TEXT },
  { "commissioner_ref", CANDOUR_CELL_TEXT },
  { "lead_ref", CANDOUR_CELL_TEXT },
  { "value", CANDOUR_CELL_MONEY },
  { "start_on", CANDOUR_CELL_DATE },
  { "end_on", CANDOUR_CELL_DATE },
  { "model", CANDOUR_CELL_TEXT },
  { "required_small_share", CANDOUR_CELL_PERCENT_EXACT },
  { "small_income_limit", CANDOUR_CELL_MONEY },
};

static const CandourReportColumn subcontract_columns[] = {
  { "ref", CANDOUR_CELL_TEXT },
  { "contract_ref", CANDOUR_CELL_TEXT },
  { "partner_ref", CANDOUR_CELL_TEXT },
  { "value", CANDOUR_CELL_MONEY },
  { "start_on", CANDOUR_CELL_DATE },
  { "end_on", CANDOUR_CELL_DATE },
  { "payment_terms_days", CANDOUR_CELL_COUNT },
};

static const CandourReportColumn payment_columns[] = {
  { "ref", CANDOUR_CELL_TEXT },
  { "contract_ref", CANDOUR_CELL_TEXT },
  { "subcontract_ref", CANDOUR_CELL_TEXT },
  { "amount", CANDOUR_CELL_MONEY },
  { "paid_on", CANDOUR_CELL_DATE },
  { "invoiced_on", CANDOUR_CELL_DATE },
};

static const struct {
  const char *sql;
  const CandourReportColumn *columns;
  guint n_columns;
} exports[CANDOUR_N_TABLES] = {
  { "SELECT ref, name, org_id, kind, annual_income, locality, led_by, notes "
    "FROM organisation ORDER BY ref",
    COLUMNS (organisation_columns) },
  { "SELECT c.ref, c.name, c.model, lead.ref, c.agreement, c.agreement_on, c.due_diligence, c.notes "
    "FROM consortium c LEFT JOIN organisation lead ON lead.id = c.lead_id ORDER BY c.ref",
    COLUMNS (consortium_columns) },
  { "SELECT c.ref, o.ref, m.joined_on, m.left_on "
    "FROM consortium_member m JOIN consortium c ON c.id = m.consortium_id "
    "JOIN organisation o ON o.id = m.member_id ORDER BY c.ref, o.ref, m.joined_on",
    COLUMNS (member_columns) },
  { "SELECT b.ref, b.title, lead.ref, commissioner.ref, b.value, b.submitted_on, b.outcome, c.ref "
    "FROM bid b JOIN organisation lead ON lead.id = b.lead_id "
    "JOIN organisation commissioner ON commissioner.id = b.commissioner_id "
    "LEFT JOIN consortium c ON c.id = b.consortium_id ORDER BY b.ref",
    COLUMNS (bid_columns) },
  { "SELECT b.ref, o.ref, bp.role, bp.promised_value, bp.promised_share, bp.consent "
    "FROM bid_partner bp JOIN bid b ON b.id = bp.bid_id "
    "JOIN organisation o ON o.id = bp.partner_id ORDER BY b.ref, o.ref",
    COLUMNS (bid_partner_columns) },
  { "SELECT c.ref, b.ref, c.title, commissioner.ref, lead.ref, c.value, c.start_on, c.end_on, "
    "c.model, c.required_small_share, c.small_income_limit "
    "FROM contract c LEFT JOIN bid b ON b.id = c.bid_id "
    "JOIN organisation commissioner ON commissioner.id = c.commissioner_id "
    "JOIN organisation lead ON lead.id = c.lead_id ORDER BY c.ref",
    COLUMNS (contract_columns) },
  { "SELECT s.ref, c.ref, o.ref, s.value, s.start_on, s.end_on, s.payment_terms_days "
    "FROM subcontract s JOIN contract c ON c.id = s.contract_id "
    "JOIN organisation o ON o.id = s.partner_id ORDER BY s.ref",
    COLUMNS (subcontract_columns) },
  { "SELECT p.ref, c.ref, s.ref, p.amount, p.paid_on, p.invoiced_on "
    "FROM payment p LEFT JOIN contract c ON c.id = p.contract_id "
    "LEFT JOIN subcontract s ON s.id = p.subcontract_id ORDER BY p.id",
    COLUMNS (payment_columns) },
};

CandourReport *
candour_export_table (CandourDatabase  *db,
                      CandourTable      table,
                      GError          **error)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);

  return candour_report_new (db, exports[table].sql, exports[table].columns,
                             exports[table].n_columns, error);
}

gboolean
candour_export_report_to_path (CandourReport  *report,
                               const char     *path,
                               GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           NULL, error);
  if (stream == NULL)
    return FALSE;

  if (!candour_report_write_csv (report, G_OUTPUT_STREAM (stream), error))
    {
      /* Closing after a failure would replace the old file with a partial one. */
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();
      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

gboolean
candour_export_to_path (CandourDatabase  *db,
                        CandourTable      table,
                        const char       *path,
                        GError          **error)
{
  g_autoptr(CandourReport) report = candour_export_table (db, table, error);

  return report != NULL && candour_export_report_to_path (report, path, error);
}

gboolean
candour_export_all (CandourDatabase  *db,
                    const char       *folder,
                    GError          **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not create the folder %s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }

  /* One read transaction: the files describe a single moment of the database. */
  if (!candour_database_exec (db, "BEGIN DEFERRED", error))
    return FALSE;

  for (guint i = 0; ok && i < CANDOUR_N_TABLES; i++)
    {
      g_autofree char *name = g_strconcat (candour_table_get_name (i), ".csv", NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      ok = candour_export_to_path (db, i, path, error);
    }

  /* The audit trail goes with the records as evidence; it is never imported. */
  if (ok)
    {
      g_autofree char *path = g_build_filename (folder, "audit.csv", NULL);
      g_autoptr(CandourReport) audit = candour_report_audit (db, error);

      ok = audit != NULL && candour_export_report_to_path (audit, path, error);
    }

  candour_database_exec (db, "COMMIT", NULL);
  return ok;
}
