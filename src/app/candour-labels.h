/* candour-labels.h: the words people read for the keywords the database stores
 *
 * The core stores keywords ("bid_candy", "social_enterprise"); the screen shows
 * translated words ("Bid candy", "Social enterprise"). The closures registered by
 * candour_labels_bind_template_callbacks() let .ui expressions do the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

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

/* Registers status_label, kind_label, size_label, locality_label, outcome_label,
 * consent_label, model_label, yes_no_label, count_text, days_text and
 * money_or_not_recorded for <closure> in templates. */
void        candour_labels_bind_template_callbacks (GtkWidgetClass *widget_class);
/* The same closures for a GtkBuilder of one's own. */
void        candour_labels_add_to_scope            (GtkBuilderCScope *scope);

G_END_DECLS
