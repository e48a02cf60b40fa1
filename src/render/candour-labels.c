/* candour-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "candour-labels.h"

typedef struct
{
  const char *keyword;
  const char *label;
} Label;

const char * const candour_statuses[CANDOUR_N_STATUSES + 1] = {
  "bid_candy", "short_changed", "underpaid", "awaiting_subcontract", "pending", "honoured",
  "not_awarded", NULL
};

static const char *
lookup (const Label *labels,
        gsize        n_labels,
        const char  *keyword)
{
  if (keyword == NULL || keyword[0] == '\0')
    return "";

  for (gsize i = 0; i < n_labels; i++)
    if (g_str_equal (labels[i].keyword, keyword))
      return _(labels[i].label);

  /* A keyword this build does not know: show it rather than nothing. */
  return keyword;
}

#define LOOKUP(labels, keyword) lookup (labels, G_N_ELEMENTS (labels), keyword)

const char *
candour_status_label (const char *status)
{
  static const Label labels[] = {
    { "bid_candy", N_("Bid candy") },
    { "short_changed", N_("Short-changed") },
    { "underpaid", N_("Underpaid") },
    { "awaiting_subcontract", N_("Awaiting subcontract") },
    { "pending", N_("Pending") },
    { "honoured", N_("Honoured") },
    { "not_awarded", N_("Not awarded") },
  };
  return LOOKUP (labels, status);
}

const char *
candour_status_explanation (const char *status)
{
  static const Label labels[] = {
    { "bid_candy", N_("Named in the bid, but no subcontract once the days allowed had passed") },
    { "short_changed", N_("Subcontracted for less than the bid promised") },
    { "underpaid", N_("Paid less than was due on the payment terms, beyond the tolerance") },
    { "awaiting_subcontract", N_("No subcontract yet, but still within the days allowed") },
    { "pending", N_("No contract yet, or the contract has not started") },
    { "honoured", N_("Subcontracted as promised and paid what was due") },
    { "not_awarded", N_("The bid was not won") },
  };
  return LOOKUP (labels, status);
}

void
candour_status_glossary (const char * const *statuses,
                         GStrv              *terms,
                         GStrv              *meanings)
{
  /* Not "not awarded" unless asked: the reports judge won bids only. */
  guint n = statuses != NULL ? g_strv_length ((GStrv)statuses) : CANDOUR_N_STATUSES - 1;

  if (statuses == NULL)
    statuses = candour_statuses;
  *terms = g_new0 (char *, n + 1);
  *meanings = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      (*terms)[i] = g_strdup (candour_status_label (statuses[i]));
      (*meanings)[i] = g_strdup (candour_status_explanation (statuses[i]));
    }
}

const char *
candour_status_css_class (const char *status)
{
  static const Label classes[] = {
    { "bid_candy", "bid-candy" },
    { "short_changed", "short-changed" },
    { "underpaid", "underpaid" },
    { "awaiting_subcontract", "awaiting" },
    { "pending", "pending" },
    { "honoured", "honoured" },
    { "not_awarded", "not-awarded" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i].keyword, status) == 0)
      return classes[i].label;
  return "not-awarded";
}

const char *
candour_kind_label (const char *kind)
{
  static const Label labels[] = {
    { "charity", N_("Charity") },
    { "social_enterprise", N_("Social enterprise") },
    { "cic", N_("Community interest company") },
    { "community_group", N_("Community group") },
    { "housing_association", N_("Housing association") },
    { "local_authority", N_("Local authority") },
    { "nhs_body", N_("NHS body") },
    { "public_body", N_("Public body") },
    { "private_company", N_("Private company") },
    { "infrastructure_body", N_("Infrastructure body") },
    { "other", N_("Other") },
  };
  return LOOKUP (labels, kind);
}

const char *
candour_size_label (const char *band)
{
  static const Label labels[] = {
    /* Translators: size bands of the NCVO Civil Society Almanac, by annual income */
    { "micro", N_("Micro") },
    { "small", N_("Small") },
    { "medium", N_("Medium") },
    { "large", N_("Large") },
    { "major", N_("Major") },
    { "super_major", N_("Super-major") },
    { "unknown", N_("Unknown") },
  };
  return LOOKUP (labels, band);
}

const char *
candour_locality_label (const char *locality)
{
  static const Label labels[] = {
    { "local", N_("Local") },
    { "regional", N_("Regional") },
    { "national", N_("National") },
  };
  return LOOKUP (labels, locality);
}

const char *
candour_outcome_label (const char *outcome)
{
  static const Label labels[] = {
    { "pending", N_("Awaiting decision") },
    { "won", N_("Won") },
    { "lost", N_("Lost") },
    { "withdrawn", N_("Withdrawn") },
  };
  return LOOKUP (labels, outcome);
}

const char *
candour_consent_label (const char *consent)
{
  static const Label labels[] = {
    { "yes", N_("Yes") },
    { "no", N_("No") },
    { "unknown", N_("Not known") },
  };
  return LOOKUP (labels, consent);
}

const char *
candour_model_label (const char *model)
{
  static const Label labels[] = {
    { "prime", N_("Prime") },
    { "consortium", N_("Consortium") },
    { "alliance", N_("Alliance") },
    { "joint_venture", N_("Joint venture") },
    { "network", N_("Network") },
  };
  return LOOKUP (labels, model);
}

const char *
candour_yes_no_label (gboolean value)
{
  return value ? _("Yes") : _("No");
}

char *
candour_days_text (gint64 days)
{
  if (days < 0)
    return g_strdup ("");
  days = MIN (days, G_MAXINT);
  return g_strdup_printf (ngettext ("%d day", "%d days", (gulong)days), (int)days);
}

char *
candour_finding_summary (CandourFinding *finding)
{
  const char *status;
  g_autofree char *detail = NULL;
  g_autofree char *promised = NULL;
  g_autofree char *subcontracted = NULL;
  g_autofree char *due = NULL;
  g_autofree char *paid = NULL;

  g_return_val_if_fail (CANDOUR_IS_FINDING (finding), NULL);

  status = candour_finding_get_status (finding);
  g_object_get (finding,
                "promised-text", &promised,
                "subcontracted-text", &subcontracted,
                "due-text", &due,
                "paid-text", &paid,
                NULL);

  if (g_strcmp0 (status, "bid_candy") == 0 || g_strcmp0 (status, "awaiting_subcontract") == 0)
    detail = candour_finding_has_promise (finding)
      /* Translators: "£90,000.00 promised, nothing subcontracted" */
      ? g_strdup_printf (_("%s promised, nothing subcontracted"), promised)
      : g_strdup (_("no sum recorded, nothing subcontracted"));
  else if (g_strcmp0 (status, "short_changed") == 0)
    detail = g_strdup_printf (_("%s promised, %s subcontracted"), promised, subcontracted);
  else if (g_strcmp0 (status, "underpaid") == 0 || g_strcmp0 (status, "honoured") == 0)
    detail = g_strdup_printf (_("%s paid of %s due"), paid, due);
  else if (candour_finding_has_promise (finding))
    detail = g_strdup_printf (_("%s promised"), promised);
  else
    detail = g_strdup (_("no sum recorded"));

  return g_strdup_printf ("%s · %s · %s", candour_finding_get_lead_name (finding),
                          candour_finding_get_bid_ref (finding), detail);
}
