/* candour-rules.h: the engine's rules that more than one place needs, written once
 *
 * The reports (candour-reports.c) are the engine. A finding's story, a contract's
 * detail window and the Payments page show parts of the same figures and must agree
 * with them to the penny, so what they share is defined here: in C for C, and for SQL
 * as fragments and as functions registered on every connection
 * (candour-sql-functions.c). docs/reconciliation.md says the same in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a subcontract has made payable by day D (days as candour_date_to_days()):
 * value × clamp((D − terms − start + 1) / (end − start + 1), 0, 1), rounded half away
 * from zero to the penny. Nothing before the first day's invoice falls due; all of it
 * once the last day's has (at once, for a period that ends before it starts). In SQL:
 * candour_due (value, start_day, end_day, terms_days, day). */
gint64 candour_rules_due (gint64 value,
                          gint64 start_day,
                          gint64 end_day,
                          gint64 terms_days,
                          gint64 day);

/* Who pays whom, as organisation ids in SQL over contract c and its subcontract s: on a
 * contract the commissioner pays the lead provider, on a subcontract the lead provider
 * pays the partner. */
#define CANDOUR_RULES_CONTRACT_PAYER    "c.commissioner_id"
#define CANDOUR_RULES_CONTRACT_PAYEE    "c.lead_id"
#define CANDOUR_RULES_SUBCONTRACT_PAYER "c.lead_id"
#define CANDOUR_RULES_SUBCONTRACT_PAYEE "s.partner_id"

/* A smaller organisation, in SQL over the organisation `partner` and contract c: its
 * annual income is known and below the contract's limit (an unknown income is not
 * counted as smaller). */
#define CANDOUR_RULES_IS_SMALLER(partner) "(" partner ".annual_income < c.small_income_limit)"

G_END_DECLS
