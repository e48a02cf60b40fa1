/* candour-findings-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-finding.h"
#include "candour-findings-pdf.h"
#include "candour-labels.h"
#include "candour-money.h"
#include "candour-percent.h"

char *
candour_findings_description (const char *shown)
{
  const char *what = _("Each partner named in a won bid: what the bid promised it, what it was subcontracted, "
                       "what was due by the date and what it was paid, and the finding.");

  if (shown == NULL)
    return g_strdup (what);
  /* Translators: the PDF's description, then which findings it lists: "Shown: Bid candy only." */
  return g_strdup_printf (_("%s Shown: %s."), what, shown);
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b)
{
  CandourFinding *x = *(CandourFinding * const *)a;
  CandourFinding *y = *(CandourFinding * const *)b;
  CandourFindingRank x_rank = candour_finding_get_rank (x);
  CandourFindingRank y_rank = candour_finding_get_rank (y);

  return x_rank < y_rank ? -1 : x_rank > y_rank;
}

void
candour_findings_sort_by_rank (GPtrArray *findings)
{
  g_return_if_fail (findings != NULL);

  /* A stable sort (GLib's is, since 2.32), as the page's GtkSortListModel is. */
  g_ptr_array_sort (findings, compare_ranks);
}

/* The PDF's columns: the page's, in its order. */
enum
{
  PDF_PARTNER,
  PDF_LEAD,
  PDF_BID,
  PDF_FINDING,
  PDF_PROMISED,
  PDF_SUBCONTRACTED,
  PDF_DUE,
  PDF_PAID,
  PDF_PAID_OF_DUE,
  N_PDF_COLUMNS
};

static GStrv
pdf_row (CandourFinding *finding)
{
  GStrv cells = g_new0 (char *, N_PDF_COLUMNS + 1);
  gint64 paid_of_due = candour_finding_get_paid_of_due (finding);

  cells[PDF_PARTNER] = g_strdup (candour_finding_get_partner_name (finding));
  cells[PDF_LEAD] = g_strdup (candour_finding_get_lead_name (finding));
  cells[PDF_BID] = g_strdup (candour_finding_get_bid_ref (finding));
  cells[PDF_FINDING] = g_strdup (candour_status_label (candour_finding_get_status (finding)));
  cells[PDF_PROMISED] = candour_finding_has_promise (finding)
    ? candour_money_format_display (candour_finding_get_promised (finding))
    : g_strdup (_("not recorded"));
  cells[PDF_SUBCONTRACTED] = candour_money_format_display (candour_finding_get_subcontracted (finding));
  cells[PDF_DUE] = candour_money_format_display (candour_finding_get_due (finding));
  cells[PDF_PAID] = candour_money_format_display (candour_finding_get_paid (finding));
  if (paid_of_due >= 0)
    {
      g_autofree char *percent = candour_percent_format_tenths (paid_of_due);

      cells[PDF_PAID_OF_DUE] = g_strconcat (percent, "%", NULL);
    }
  else
    cells[PDF_PAID_OF_DUE] = g_strdup ("");
  return cells;
}

static void
add_figure (GPtrArray  *labels,
            GPtrArray  *values,
            const char *label,
            char       *value)
{
  g_ptr_array_add (labels, g_strdup (label));
  g_ptr_array_add (values, value);
}

CandourPdfReport *
candour_findings_pdf_new (GListModel *findings,
                          const char *title,
                          const char *subtitle,
                          const char *dateline,
                          const char *description)
{
  static const char * const headings[N_PDF_COLUMNS] = {
    N_("Partner"), N_("Lead provider"), N_("Bid"), N_("Finding"), N_("Promised"),
    N_("Subcontracted"), N_("Due"), N_("Paid"), N_("Paid of due"),
  };
  CandourPdfReport *report;
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  CandourFindingTotals totals;
  g_autoptr(GPtrArray) present = g_ptr_array_new ();
  gboolean seen[CANDOUR_N_STATUSES] = { FALSE };
  guint n = g_list_model_get_n_items (findings);

  g_return_val_if_fail (G_IS_LIST_MODEL (findings), NULL);

  report = candour_pdf_report_new ();
  report->title = g_strdup (title);
  report->subtitle = g_strdup (subtitle);
  report->dateline = g_strdup (dateline);
  report->description = g_strdup (description);

  candour_finding_totals_compute (findings, &totals);
  add_figure (labels, values, _("Findings"), candour_count_format (n));
  add_figure (labels, values, _("Bid candy"), candour_count_format (totals.bid_candy));
  add_figure (labels, values, _("Short-changed"), candour_count_format (totals.short_changed));
  add_figure (labels, values, _("Underpaid"), candour_count_format (totals.underpaid));
  add_figure (labels, values, _("Promised to them"), candour_money_format_display (totals.promised));
  add_figure (labels, values, _("Paid to them"), candour_money_format_display (totals.paid));
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (values, NULL);
  report->figure_labels = (GStrv)g_ptr_array_free (labels, FALSE);
  report->figure_values = (GStrv)g_ptr_array_free (values, FALSE);

  report->n_columns = N_PDF_COLUMNS;
  report->headings = g_new0 (char *, N_PDF_COLUMNS + 1);
  report->numeric = g_new0 (gboolean, N_PDF_COLUMNS);
  for (guint c = 0; c < N_PDF_COLUMNS; c++)
    {
      report->headings[c] = g_strdup (_(headings[c]));
      report->numeric[c] = c >= PDF_PROMISED;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourFinding) finding = g_list_model_get_item (findings, i);

      g_ptr_array_add (report->rows, pdf_row (finding));
      /* Ranks are in the statuses' order. */
      seen[MIN (candour_finding_get_rank (finding), CANDOUR_N_STATUSES - 1)] = TRUE;
    }

  /* What the statuses in the table mean, most serious first. */
  for (guint i = 0; i < CANDOUR_N_STATUSES; i++)
    if (seen[i])
      g_ptr_array_add (present, (gpointer)candour_statuses[i]);
  g_ptr_array_add (present, NULL);
  candour_status_glossary ((const char * const *)present->pdata, &report->glossary_terms,
                           &report->glossary_meanings);
  return report;
}
