/* candour-label-closures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-label-closures.h"
#include "candour-labels.h"

/* Closures for templates: the first argument is the object the expression runs on. */

static char *
status_label (gpointer    this,
              const char *status)
{
  return g_strdup (candour_status_label (status));
}

static char *
kind_label (gpointer    this,
            const char *kind)
{
  return g_strdup (candour_kind_label (kind));
}

static char *
size_label (gpointer    this,
            const char *band)
{
  return g_strdup (candour_size_label (band));
}

static char *
locality_label (gpointer    this,
                const char *locality)
{
  return g_strdup (candour_locality_label (locality));
}

static char *
outcome_label (gpointer    this,
               const char *outcome)
{
  return g_strdup (candour_outcome_label (outcome));
}

static char *
consent_label (gpointer    this,
               const char *consent)
{
  return g_strdup (candour_consent_label (consent));
}

static char *
model_label (gpointer    this,
             const char *model)
{
  return g_strdup (candour_model_label (model));
}

static char *
yes_no_label (gpointer this,
              gboolean value)
{
  return g_strdup (candour_yes_no_label (value));
}

static char *
count_text (gpointer this,
            gint64   count)
{
  return count < 0 ? g_strdup ("") : candour_count_format (count);
}

static char *
days_text (gpointer this,
           gint64   days)
{
  return candour_days_text (days);
}

/* A sum the bid did not put a figure on: said, not left blank, which reads as £0. */
static char *
money_or_not_recorded (gpointer    this,
                       const char *money)
{
  return g_strdup (money != NULL && money[0] != '\0' ? money : _("not recorded"));
}

static const struct {
  const char *name;
  GCallback callback;
} callbacks[] = {
  { "status_label", G_CALLBACK (status_label) },
  { "kind_label", G_CALLBACK (kind_label) },
  { "size_label", G_CALLBACK (size_label) },
  { "locality_label", G_CALLBACK (locality_label) },
  { "outcome_label", G_CALLBACK (outcome_label) },
  { "consent_label", G_CALLBACK (consent_label) },
  { "model_label", G_CALLBACK (model_label) },
  { "yes_no_label", G_CALLBACK (yes_no_label) },
  { "count_text", G_CALLBACK (count_text) },
  { "days_text", G_CALLBACK (days_text) },
  { "money_or_not_recorded", G_CALLBACK (money_or_not_recorded) },
};

void
candour_label_closures_bind (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (callbacks); i++)
    gtk_widget_class_bind_template_callback_full (widget_class, callbacks[i].name, callbacks[i].callback);
}

void
candour_label_closures_add_to_scope (GtkBuilderCScope *scope)
{
  for (guint i = 0; i < G_N_ELEMENTS (callbacks); i++)
    gtk_builder_cscope_add_callback_symbol (scope, callbacks[i].name, callbacks[i].callback);
}
