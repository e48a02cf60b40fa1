/* candour-detail-window-bid.c: a bid and the partners it named
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-detail-window-private.h"
#include "candour-record-query.h"

/* "peer support · £180,000.00 promised · agreed to be named" */
static char *
partner_subtitle (CandourReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *role = candour_report_get_text_by_name (report, "role");
  const char *consent = candour_report_get_text_by_name (report, "consent");

  if (role != NULL && role[0] != '\0')
    g_string_append_printf (text, "%s · ", role);

  if (!candour_report_cell_is_null_by_name (report, "promised_value"))
    {
      g_autofree char *value = candour_report_format_cell_by_name (report, "promised_value",
                                                                   CANDOUR_CELL_FORMAT_DISPLAY);
      /* Translators: a named partner's promise, "£180,000.00 promised" */
      g_string_append_printf (text, _("%s promised"), value);
    }
  else if (!candour_report_cell_is_null_by_name (report, "promised_share"))
    {
      g_autofree char *share = candour_report_format_cell_by_name (report, "promised_share",
                                                                   CANDOUR_CELL_FORMAT_DISPLAY);
      /* Translators: "5% of the contract promised" */
      g_string_append_printf (text, _("%s of the contract promised"), share);
    }
  else
    g_string_append (text, _("no sum or share recorded"));

  g_string_append (text, " · ");
  if (g_strcmp0 (consent, "yes") == 0)
    g_string_append (text, _("agreed to be named"));
  else if (g_strcmp0 (consent, "no") == 0)
    g_string_append (text, _("did not agree to be named"));
  else
    g_string_append (text, _("not known whether it agreed to be named"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
outcome_sentence (CandourDetailWindow *self,
                  const char          *contract_ref)
{
  const char *outcome = candour_detail_window_field (self, "outcome");

  if (g_str_equal (outcome, "won") && contract_ref != NULL)
    /* Translators: "The bid was won and led to contract CON-01." */
    return g_strdup_printf (_("The bid was won and led to contract %s."), contract_ref);
  if (g_str_equal (outcome, "won"))
    return g_strdup (_("The bid was won; no contract is recorded yet."));
  if (g_str_equal (outcome, "lost"))
    return g_strdup (_("The bid was lost."));
  if (g_str_equal (outcome, "withdrawn"))
    return g_strdup (_("The bid was withdrawn."));
  return g_strdup (_("The bid is awaiting a decision."));
}

void
candour_detail_window_fill_bid (CandourDetailWindow *self)
{
  CandourDatabase *db = candour_session_get_database (self->session);
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contract_ref = candour_record_contract_of_bid (db, self->id);
  g_autofree char *outcome = outcome_sentence (self, contract_ref);
  g_autofree char *summary = NULL;
  DetailList *list;
  guint n = 0;

  list = candour_detail_window_add_list (self, "partners", _("Named Partners"),
                                         _("The partners the bid named, and what it promised each. "
                                           "Open one to change its role, promise or consent."),
                                         _("_Add Partner…"), CANDOUR_TABLE_BID_PARTNERS);

  report = candour_report_bid_partners (db, self->id, &error);
  while (report != NULL && candour_report_next (report, &error))
    {
      gint64 id = candour_report_get_int64_by_name (report, "id");
      const char *partner_ref = candour_report_get_text_by_name (report, "partner_ref");
      g_autofree char *subtitle = NULL;

      /* The audit names a named partner "BID/PARTNER". */
      g_ptr_array_add (self->history_refs, g_strdup_printf ("%s/%s", self->ref, partner_ref));
      if (candour_session_is_hidden (self->session, CANDOUR_TABLE_BID_PARTNERS, id))
        continue;

      subtitle = partner_subtitle (report);
      candour_detail_window_add_row (self, list, candour_report_get_text_by_name (report, "partner_name"), subtitle,
                                     CANDOUR_TABLE_BID_PARTNERS, id, TRUE, NULL);
      n++;
    }
  g_clear_pointer (&report, candour_report_free);
  if (error != NULL)
    g_warning ("Could not read the partners of %s: %s", self->ref, error->message);
  if (n == 0)
    candour_detail_window_add_empty_row (self, list, _("The bid names no partners yet."));

  /* Translators: "The bid was won and led to contract CON-01. It names 5 partners." */
  summary = g_strdup_printf (ngettext ("%s It names %u partner.", "%s It names %u partners.", n), outcome, n);
  candour_detail_window_set_summary (self, summary);

  /* Won, and no contract yet: one made from the bid, its lead and commissioner taken from it. */
  if (contract_ref == NULL && g_str_equal (candour_detail_window_field (self, "outcome"), "won"))
    {
      DetailList *contract = candour_detail_window_add_list (self, "contract", _("Contract"),
                                                             _("The contract the bid won, once it is signed: its "
                                                               "lead provider and commissioner come from the bid."),
                                                             _("_Add Contract…"), CANDOUR_TABLE_CONTRACTS);

      candour_detail_window_add_empty_row (self, contract, _("No contract is recorded yet."));
    }

  if (contract_ref != NULL)
    {
      DetailList *contract = candour_detail_window_add_list (self, "contract", _("Contract"), NULL, NULL, 0);
      gint64 contract_id = candour_record_find_id (db, CANDOUR_TABLE_CONTRACTS, contract_ref, NULL);
      g_autofree char *described = candour_record_describe (db, CANDOUR_TABLE_CONTRACTS, contract_id);

      candour_detail_window_add_row (self, contract, described != NULL ? described : contract_ref,
                                     _("Its subcontracts, payments and where the money goes"),
                                     CANDOUR_TABLE_CONTRACTS, contract_id, FALSE, NULL);
    }
}
