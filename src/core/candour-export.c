/* candour-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-export.h"
#include "candour-history.h"
#include "candour-import-rules-private.h"
#include "candour-output.h"
#include "candour-xlsx-writer.h"

/* The most fields a table has (a contract's eleven), with room to grow. */
#define MAX_FIELDS 16

/* A field's cells, as an export writes them: what the import reads back. */
static CandourCellKind
cell_kind (FieldKind kind)
{
  switch (kind)
    {
    case FIELD_MONEY:
    case FIELD_MONEY_SIGNED:
      return CANDOUR_CELL_MONEY;
    case FIELD_PERCENT:
      return CANDOUR_CELL_PERCENT_EXACT;
    case FIELD_DATE:
      return CANDOUR_CELL_DATE;
    case FIELD_DAYS:
      return CANDOUR_CELL_COUNT;
    case FIELD_YES_NO:
      return CANDOUR_CELL_YES_NO;
    case FIELD_KEYWORD:
      return CANDOUR_CELL_KEYWORD;
    case FIELD_TEXT:
    case FIELD_IDENTIFIER:
    case FIELD_REF:
    default:
      return CANDOUR_CELL_TEXT;
    }
}

/* Each table's columns, in the import's order and words: the fields are described
 * once, in candour-import-rules.c, and an export is what its import reads. */
static const CandourReportColumn *
export_columns (CandourTable  table,
                guint        *n_columns)
{
  static CandourReportColumn columns[CANDOUR_N_TABLES][MAX_FIELDS];
  static gsize described = 0;

  if (g_once_init_enter (&described))
    {
      for (CandourTable t = 0; t < CANDOUR_N_TABLES; t++)
        {
          const ImportTable *fields = &candour_import_tables[t];

          g_assert (fields->n_fields <= MAX_FIELDS);
          for (guint i = 0; i < fields->n_fields; i++)
            {
              columns[t][i].name = fields->fields[i].name;
              columns[t][i].kind = cell_kind (fields->fields[i].kind);
            }
        }
      g_once_init_leave (&described, 1);
    }
  *n_columns = candour_import_tables[table].n_fields;
  return columns[table];
}

/* Each table's rows in the import's columns, from its main table `x`: ordered for an
 * export, or one record (:id) for a form. */
#define ORGANISATION_SELECT \
  "SELECT x.ref, x.name, x.org_id, x.kind, x.annual_income, x.locality, x.led_by, x.notes " \
  "FROM organisation x"
#define CONSORTIUM_SELECT \
  "SELECT x.ref, x.name, x.model, lead.ref, x.agreement, x.agreement_on, x.due_diligence, x.notes " \
  "FROM consortium x LEFT JOIN organisation lead ON lead.id = x.lead_id"
#define MEMBER_SELECT \
  "SELECT c.ref, o.ref, x.joined_on, x.left_on " \
  "FROM consortium_member x JOIN consortium c ON c.id = x.consortium_id " \
  "JOIN organisation o ON o.id = x.member_id"
#define BID_SELECT \
  "SELECT x.ref, x.title, lead.ref, commissioner.ref, x.value, x.submitted_on, x.outcome, c.ref " \
  "FROM bid x JOIN organisation lead ON lead.id = x.lead_id " \
  "JOIN organisation commissioner ON commissioner.id = x.commissioner_id " \
  "LEFT JOIN consortium c ON c.id = x.consortium_id"
#define BID_PARTNER_SELECT \
  "SELECT b.ref, o.ref, x.role, x.promised_value, x.promised_share, x.consent " \
  "FROM bid_partner x JOIN bid b ON b.id = x.bid_id " \
  "JOIN organisation o ON o.id = x.partner_id"
#define CONTRACT_SELECT \
  "SELECT x.ref, b.ref, x.title, commissioner.ref, lead.ref, x.value, x.start_on, x.end_on, " \
  "x.model, x.required_small_share, x.small_income_limit " \
  "FROM contract x LEFT JOIN bid b ON b.id = x.bid_id " \
  "JOIN organisation commissioner ON commissioner.id = x.commissioner_id " \
  "JOIN organisation lead ON lead.id = x.lead_id"
#define SUBCONTRACT_SELECT \
  "SELECT x.ref, c.ref, o.ref, x.value, x.start_on, x.end_on, x.payment_terms_days " \
  "FROM subcontract x JOIN contract c ON c.id = x.contract_id " \
  "JOIN organisation o ON o.id = x.partner_id"
#define PAYMENT_SELECT \
  "SELECT x.ref, c.ref, s.ref, x.amount, x.paid_on, x.invoiced_on " \
  "FROM payment x LEFT JOIN contract c ON c.id = x.contract_id " \
  "LEFT JOIN subcontract s ON s.id = x.subcontract_id"

#define ONE_RECORD " WHERE x.id = :id"

static const struct {
  const char *sql;
  const char *record_sql;
} exports[CANDOUR_N_TABLES] = {
  { ORGANISATION_SELECT " ORDER BY x.ref", ORGANISATION_SELECT ONE_RECORD },
  { CONSORTIUM_SELECT " ORDER BY x.ref", CONSORTIUM_SELECT ONE_RECORD },
  { MEMBER_SELECT " ORDER BY c.ref, o.ref, x.joined_on", MEMBER_SELECT ONE_RECORD },
  { BID_SELECT " ORDER BY x.ref", BID_SELECT ONE_RECORD },
  { BID_PARTNER_SELECT " ORDER BY b.ref, o.ref", BID_PARTNER_SELECT ONE_RECORD },
  { CONTRACT_SELECT " ORDER BY x.ref", CONTRACT_SELECT ONE_RECORD },
  { SUBCONTRACT_SELECT " ORDER BY x.ref", SUBCONTRACT_SELECT ONE_RECORD },
  { PAYMENT_SELECT " ORDER BY x.id", PAYMENT_SELECT ONE_RECORD },
};

CandourReport *
candour_export_table (CandourDatabase  *db,
                      CandourTable      table,
                      GError          **error)
{
  const CandourReportColumn *columns;
  guint n_columns;

  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);

  columns = export_columns (table, &n_columns);
  return candour_report_new (db, exports[table].sql, columns, n_columns, error);
}

CandourReport *
candour_export_record (CandourDatabase  *db,
                       CandourTable      table,
                       gint64            id,
                       GError          **error)
{
  const CandourReportColumn *columns;
  CandourReport *report;
  guint n_columns;

  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);

  columns = export_columns (table, &n_columns);
  report = candour_report_new (db, exports[table].record_sql, columns, n_columns, error);
  if (report != NULL)
    candour_query_bind_int64 (candour_report_get_query (report), ":id", id);
  return report;
}

gboolean
candour_export_report_to_path (CandourReport  *report,
                               const char     *path,
                               GError        **error)
{
  g_autoptr(CandourOutputFile) output = NULL;

  output = candour_output_file_new (candour_report_get_database (report), path, error);
  return output != NULL &&
         candour_report_write_csv (report, candour_output_file_get_stream (output), error) &&
         candour_output_file_commit (output, error);
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
  g_autoptr(CandourOutputFolder) output = NULL;
  g_auto(GStrv) names = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  names = g_new0 (char *, CANDOUR_N_TABLES + 2);
  for (guint i = 0; i < CANDOUR_N_TABLES; i++)
    names[i] = g_strconcat (candour_table_get_name (i), ".csv", NULL);
  names[CANDOUR_N_TABLES] = g_strdup ("audit.csv");

  /* The folder appears whole or not at all: a kill half way leaves no folder of files
   * that would import as if complete. */
  output = candour_output_folder_new (db, folder, (const char * const *)names, error);
  if (output == NULL)
    return FALSE;

  /* One read transaction: the files describe a single moment of the database. */
  if (!candour_database_exec (db, "BEGIN DEFERRED", error))
    return FALSE;

  for (guint i = 0; ok && i <= CANDOUR_N_TABLES; i++)
    {
      g_autoptr(CandourOutputFile) file = NULL;
      g_autoptr(CandourReport) report = NULL;

      /* The audit trail goes with the records as evidence; it is never imported. */
      report = i < CANDOUR_N_TABLES ? candour_export_table (db, i, error) : candour_report_audit (db, error);
      ok = report != NULL &&
           (file = candour_output_folder_new_file (output, names[i], error)) != NULL &&
           candour_report_write_csv (report, candour_output_file_get_stream (file), error) &&
           candour_output_file_commit (file, error);
    }

  candour_database_exec (db, "COMMIT", NULL);
  return ok && candour_output_folder_commit (output, error);
}

gboolean
candour_export_all_xlsx (CandourDatabase  *db,
                         const char       *path,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(CandourXlsxWriter) writer = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  writer = candour_xlsx_writer_new (db, path, "Every record", NULL, error);
  if (writer == NULL)
    return FALSE;

  /* One read transaction: the sheets describe a single moment of the database. */
  if (!candour_database_exec (db, "BEGIN DEFERRED", error))
    return FALSE;

  for (guint i = 0; ok && i <= CANDOUR_N_TABLES; i++)
    {
      g_autoptr(CandourReport) report = NULL;

      report = i < CANDOUR_N_TABLES ? candour_export_table (db, i, error) : candour_report_audit (db, error);
      ok = report != NULL &&
           candour_xlsx_writer_add_report (writer, i < CANDOUR_N_TABLES ? candour_table_get_name (i) : "audit",
                                           report, cancellable, error);
    }

  candour_database_exec (db, "COMMIT", NULL);
  return ok && candour_xlsx_writer_commit (writer, error);
}
