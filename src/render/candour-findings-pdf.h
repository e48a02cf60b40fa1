/* candour-findings-pdf.h: findings as a PDF for a funder or commissioner
 *
 * Each finding's partner, lead provider, bid and verdict with its money, the headline
 * figures, and what each finding in the table means. The Findings page, the detail
 * windows and candour-cli reconcile --format pdf draw them alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-pdf-report.h"

G_BEGIN_DECLS

/* What a list of findings is, for the PDF's description; with shown (else NULL),
 * which of them it lists: "Bid candy only, lead provider Kindred Pathways". */
char             *candour_findings_description  (const char *shown);

/* Sorts findings (a GPtrArray of CandourFinding in the report's order) most serious
 * first, keeping that order within each finding: as the Findings page lists them. */
void              candour_findings_sort_by_rank (GPtrArray  *findings);

/* The PDF of findings (CandourFinding items, in their order) under title
 * ("Findings"), subtitle (the database's title), dateline (how they were judged,
 * candour_report_judged_line()) and description. */
CandourPdfReport *candour_findings_pdf_new      (GListModel *findings,
                                                 const char *title,
                                                 const char *subtitle,
                                                 const char *dateline,
                                                 const char *description);

G_END_DECLS
