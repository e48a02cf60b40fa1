/* candour-label-closures.h: the words for keywords, in .ui expressions
 *
 * <closure function="status_label"> and the like, over candour-labels.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Registers status_label, kind_label, size_label, locality_label, outcome_label,
 * consent_label, model_label, yes_no_label, count_text, days_text and
 * money_or_not_recorded for <closure> in templates. */
void candour_label_closures_bind         (GtkWidgetClass   *widget_class);
/* The same closures for a GtkBuilder of one's own. */
void candour_label_closures_add_to_scope (GtkBuilderCScope *scope);

G_END_DECLS
