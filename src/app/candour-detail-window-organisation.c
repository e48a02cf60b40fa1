/* candour-detail-window-organisation.c: the small charity's question
 *
 * "What were we promised, and what have we had?" Every bid that named the
 * organisation as a partner, won or not, with what the bid promised it and what came:
 * the engine's findings, as the Findings page judges them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-date.h"
#include "candour-detail-window-private.h"
#include "candour-finding.h"
#include "candour-record.h"
#include "candour-money.h"
#include "candour-record-query.h"

static char *
compose_summary (CandourDetailWindow *self,
                 GPtrArray           *named)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *as_of = candour_session_dup_as_of (self->session);
  g_autofree char *day = candour_date_format_display (as_of);
  gint64 promised = 0, subcontracted = 0, paid = 0, due = 0;
  guint won = 0, candy = 0;

  if (named->len == 0)
    /* Translators: an organisation's detail when no bid names it */
    return g_strdup_printf (_("No bid recorded here names %s as a partner."), self->name);

  for (guint i = 0; i < named->len; i++)
    {
      CandourFinding *finding = g_ptr_array_index (named, i);

      if (g_strcmp0 (candour_finding_get_status (finding), "not_awarded") == 0)
        continue;
      won++;
      promised += candour_finding_get_promised (finding);
      subcontracted += candour_finding_get_subcontracted (finding);
      paid += candour_finding_get_paid (finding);
      due += candour_finding_get_due (finding);
      if (g_strcmp0 (candour_finding_get_status (finding), "bid_candy") == 0)
        candy++;
    }

  /* Translators: "Kindred Pathways was named as a partner in 3 bids, 2 of them won." */
  g_string_append_printf (text, ngettext ("%s was named as a partner in %u bid, %u of them won.",
                                          "%s was named as a partner in %u bids, %u of them won.",
                                          named->len),
                          self->name, named->len, won);
  if (won > 0 && subcontracted == 0)
    {
      g_autofree char *promised_text = candour_money_format_display (promised);

      g_string_append_c (text, ' ');
      /* Translators: "In the won bids it was promised £145,000.00, and nothing has been subcontracted to it." */
      g_string_append_printf (text, _("In the won bids it was promised %s, and nothing has been subcontracted "
                                      "to it."), promised_text);
    }
  else if (won > 0)
    {
      g_autofree char *promised_text = candour_money_format_display (promised);
      g_autofree char *subcontracted_text = candour_money_format_display (subcontracted);
      g_autofree char *paid_text = candour_money_format_display (paid);
      g_autofree char *due_text = candour_money_format_display (due);

      g_string_append_c (text, ' ');
      /* Translators: "In the won bids it was promised £210,000.00; £120,000.00 was
       * subcontracted to it, and by 30/06/2025 it had been paid £46,666.62 of the £66,958.90 due." */
      g_string_append_printf (text, _("In the won bids it was promised %s; %s was subcontracted to it, and by "
                                      "%s it had been paid %s of the %s due."),
                              promised_text, subcontracted_text, day, paid_text, due_text);
    }
  if (candy > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("In %u of them it was bid candy: named, then given no work.",
                                              "In %u of them it was bid candy: named, then given no work.",
                                              candy),
                              candy);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
candour_detail_window_fill_organisation (CandourDetailWindow *self)
{
  CandourDatabase *db = candour_session_get_database (self->session);
  CandourReconcileOptions options;
  CandourFindingScope scope = { .partner_id = self->id };
  g_autoptr(GPtrArray) named = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  DetailList *list;

  /* Every bid, not only won ones: "we were named and the bid was lost" is an answer too.
   * Its own findings only: judging a national prime's 120,000 would take a second. */
  candour_session_get_options (self->session, &options);
  options.include_not_awarded = TRUE;
  named = candour_finding_array_load (db, &options, &scope, NULL, &error);
  candour_reconcile_options_clear (&options);
  if (named == NULL)
    {
      g_warning ("Could not judge the findings: %s", error->message);
      named = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* Bids by their titles, which say more to people than refs. */
  for (guint i = 0; i < named->len; i++)
    {
      CandourFinding *finding = named->pdata[i];
      g_auto(GStrv) bid = candour_record_load (db, CANDOUR_TABLE_BIDS, candour_finding_get_bid_id (finding), NULL);

      if (bid != NULL)
        g_hash_table_replace (titles, g_strdup (candour_finding_get_bid_ref (finding)), g_strdup (bid[1]));
    }

  summary = compose_summary (self, named);
  candour_detail_window_set_summary (self, summary);

  list = candour_detail_window_add_list (self, "named-in", _("Bids That Named It"),
                                         _("What each bid promised it, and what came: subcontracts and "
                                           "payments. Open one for the whole story."),
                                         NULL, 0);
  {
    /* Translators: the title of an organisation's PDF, "What Kindred Pathways was promised, and what it has had" */
    g_autofree char *title = g_strdup_printf (_("What %s was promised, and what it has had"), self->name);
    /* Translators: a file name, "ORG-ACWH promised and paid" (.pdf…) */
    g_autofree char *file_name = g_strdup_printf (_("%s promised and paid"), self->ref);

    candour_detail_window_offer_findings (self, list, named, title, file_name,
                                          _("Save or print what it was promised and what it has had, to hand "
                                            "to a funder or commissioner"));
  }
  for (guint i = 0; i < named->len; i++)
    {
      CandourFinding *finding = g_ptr_array_index (named, i);
      const char *bid_title = g_hash_table_lookup (titles, candour_finding_get_bid_ref (finding));
      g_autofree char *figures = candour_detail_window_finding_figures (finding);
      /* Translators: "BID-01, led by Kindred Pathways · Promised £90,000.00 · …" */
      g_autofree char *subtitle = g_strdup_printf (_("%s, led by %s · %s"), candour_finding_get_bid_ref (finding),
                                                   candour_finding_get_lead_name (finding), figures);

      candour_detail_window_add_finding_row (self, list, finding,
                                             bid_title != NULL ? bid_title : candour_finding_get_bid_ref (finding),
                                             subtitle);
    }
  if (named->len == 0)
    candour_detail_window_add_empty_row (self, list, _("No bid names it as a partner."));
}
