/* candour-labels.h: the words people read for the keywords the database stores
 *
 * The core stores keywords ("bid_candy", "social_enterprise"); the screen and the
 * PDFs show translated words ("Bid candy", "Social enterprise"). The closures in
 * src/app/candour-label-closures.h let .ui expressions do the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "candour-finding.h"
#include "candour-money.h"   /* candour_count_format () */

G_BEGIN_DECLS

/* Finding statuses, most serious first, and "not_awarded" last. */
extern const char * const candour_statuses[];
#define CANDOUR_N_STATUSES 7

const char *candour_status_label         (const char *status);
/* One sentence on what the status means, for tooltips. */
const char *candour_status_explanation   (const char *status);
/* statuses (NULL-terminated; NULL for those of a won bid's partners) as a printed
 * report's glossary: labels into *terms, explanations into *meanings. */
void        candour_status_glossary      (const char * const *statuses,
                                          GStrv              *terms,
                                          GStrv              *meanings);
/* "bid-candy": the CSS class that colours a badge for the status. */
const char *candour_status_css_class     (const char *status);

const char *candour_kind_label           (const char *kind);
const char *candour_size_label           (const char *band);
const char *candour_locality_label       (const char *locality);
const char *candour_outcome_label        (const char *outcome);
const char *candour_consent_label        (const char *consent);
const char *candour_model_label          (const char *model);
const char *candour_yes_no_label         (gboolean    value);

/* What a finding is about in a few words, for lists: "Kindred Pathways · BID-01 ·
 * £90,000.00 promised, nothing subcontracted". */
char       *candour_finding_summary      (CandourFinding *finding);

/* "14 days", "" for a negative (not recorded) count. */
char       *candour_days_text            (gint64      days);

G_END_DECLS
