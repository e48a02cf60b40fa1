/* candour-finding-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-finding-report.h"

typedef struct
{
  GPtrArray *findings;          /* CandourFinding */
  guint next;                   /* the row after the current one */
} Rows;

static void
rows_free (gpointer data)
{
  Rows *rows = data;

  g_ptr_array_unref (rows->findings);
  g_free (rows);
}

static CandourFinding *
current (Rows *rows)
{
  return g_ptr_array_index (rows->findings, rows->next - 1);
}

static gboolean
rows_next (gpointer data)
{
  Rows *rows = data;

  if (rows->next >= rows->findings->len)
    return FALSE;
  rows->next++;
  return TRUE;
}

static const char *
rows_get_text (gpointer data,
               guint    column)
{
  CandourFinding *finding = current (data);

  switch ((CandourFindingColumn)column)
    {
    case CANDOUR_FINDING_BID_REF:
      return candour_finding_get_bid_ref (finding);
    case CANDOUR_FINDING_CONTRACT_REF:
      return candour_finding_get_contract_ref (finding);
    case CANDOUR_FINDING_LEAD_REF:
      return candour_finding_get_lead_ref (finding);
    case CANDOUR_FINDING_LEAD_NAME:
      return candour_finding_get_lead_name (finding);
    case CANDOUR_FINDING_PARTNER_REF:
      return candour_finding_get_partner_ref (finding);
    case CANDOUR_FINDING_PARTNER_NAME:
      return candour_finding_get_partner_name (finding);
    case CANDOUR_FINDING_PARTNER_SIZE:
      return candour_finding_get_partner_size (finding);
    case CANDOUR_FINDING_CONSENT:
      return candour_finding_get_consent (finding);
    case CANDOUR_FINDING_STATUS:
      return candour_finding_get_status (finding);
    case CANDOUR_FINDING_PROMISED:
    case CANDOUR_FINDING_SUBCONTRACTED:
    case CANDOUR_FINDING_DUE:
    case CANDOUR_FINDING_PAID:
    case CANDOUR_FINDING_BID_PARTNER_ID:
    case CANDOUR_FINDING_BID_ID:
    case CANDOUR_FINDING_PARTNER_ID:
    case CANDOUR_FINDING_LEAD_ID:
    case CANDOUR_FINDING_CONTRACT_ID:
    default:
      g_return_val_if_reached (NULL);
    }
}

static gint64
rows_get_int64 (gpointer data,
                guint    column)
{
  CandourFinding *finding = current (data);

  switch ((CandourFindingColumn)column)
    {
    case CANDOUR_FINDING_PROMISED:
      return candour_finding_get_promised (finding);
    case CANDOUR_FINDING_SUBCONTRACTED:
      return candour_finding_get_subcontracted (finding);
    case CANDOUR_FINDING_DUE:
      return candour_finding_get_due (finding);
    case CANDOUR_FINDING_PAID:
      return candour_finding_get_paid (finding);
    default:
      /* As a query does: a text cell read as a number is its number, or 0. */
      {
        const char *text = rows_get_text (data, column);
        return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
      }
    }
}

/* What the findings report leaves empty: the contract before there is one, the
 * promise when the bid recorded none, and whatever the organisation did not say. */
static gboolean
rows_is_null (gpointer data,
              guint    column)
{
  CandourFinding *finding = current (data);

  switch ((CandourFindingColumn)column)
    {
    case CANDOUR_FINDING_PROMISED:
      return !candour_finding_has_promise (finding);
    case CANDOUR_FINDING_SUBCONTRACTED:
    case CANDOUR_FINDING_DUE:
    case CANDOUR_FINDING_PAID:
      return FALSE;
    default:
      return rows_get_text (data, column) == NULL;
    }
}

static const CandourReportSource finding_source = {
  .next = rows_next,
  .is_null = rows_is_null,
  .get_int64 = rows_get_int64,
  .get_text = rows_get_text,
};

CandourReport *
candour_finding_report_new (CandourDatabase *db,
                            GListModel      *findings)
{
  const CandourReportColumn *columns;
  guint n_columns;
  guint n;
  Rows *rows;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (findings), NULL);

  n = g_list_model_get_n_items (findings);
  rows = g_new0 (Rows, 1);
  rows->findings = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows->findings, g_list_model_get_item (findings, i));

  columns = candour_report_findings_columns (&n_columns);
  return candour_report_new_for_rows (db, &finding_source, rows, rows_free, columns, n_columns);
}
