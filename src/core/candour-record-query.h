/* candour-record-query.h: what a record's form and detail read about it
 *
 * Forms and detail views work on one record at a time: they find it by its ref, offer
 * the records a ref field may point at, and list the records that hang off it (a bid's
 * named partners, a contract's subcontracts and payments, a consortium's members).
 * Each list is a CandourReport whose first column is the id candour_record_load(),
 * _save() and _delete() take.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-import.h"
#include "candour-report.h"

G_BEGIN_DECLS

/* The id of the record of table with this ref; 0 (error unset) when there is none.
 * Named partners and consortium members have no ref of their own: 0 for them. */
gint64         candour_record_find_id               (CandourDatabase  *db,
                                                     CandourTable      table,
                                                     const char       *ref,
                                                     GError          **error);

/* "Kindred Pathways (ORG-KINDRED)", "Work Well Harrowfield (CON-02)": how a record of
 * table is named to people, for details and the audit trail's ids. NULL when there is
 * no such record. */
char          *candour_record_describe              (CandourDatabase  *db,
                                                     CandourTable      table,
                                                     gint64            id);

/* Every record a ref field into table may name: ref, label (an organisation's or
 * consortium's name, a bid's or contract's title, a subcontract's partner and
 * contract), in the order a list offers them. */
CandourReport *candour_report_ref_choices           (CandourDatabase  *db,
                                                     CandourTable      table,
                                                     GError          **error);
/* The same for one record: its ref and label, or no row when there is no such ref. */
CandourReport *candour_report_ref_choice            (CandourDatabase  *db,
                                                     CandourTable      table,
                                                     const char       *ref,
                                                     GError          **error);
/* The first limit of them, in the same order, whose label or ref holds every word of
 * text, whatever the case ("kindred path"); all of them for an empty text. A national
 * register has 50,000 organisations: a field offers what its search finds. */
CandourReport *candour_report_ref_search            (CandourDatabase  *db,
                                                     CandourTable      table,
                                                     const char       *text,
                                                     guint             limit,
                                                     GError          **error);

/* The partners a bid names: id, partner_ref, partner_name, role, promised_value,
 * promised_share, consent, by partner name. */
CandourReport *candour_report_bid_partners          (CandourDatabase  *db,
                                                     gint64            bid_id,
                                                     GError          **error);

/* The ref of the contract a bid led to; NULL when none is recorded. */
char          *candour_record_contract_of_bid       (CandourDatabase  *db,
                                                     gint64            bid_id);

/* A contract's parties and money: ref, title, commissioner_ref, commissioner_name,
 * lead_ref, lead_name, value, required_small_share (basis points), small_income_limit. */
CandourReport *candour_report_contract_parties      (CandourDatabase  *db,
                                                     gint64            contract_id,
                                                     GError          **error);

/* A contract's subcontracts: id, ref, partner_ref, partner_name, smaller (yes when the
 * partner's known income is below the contract's limit), value, start_on, end_on,
 * payment_terms_days, paid (all payments on it), by start and ref. */
CandourReport *candour_report_contract_subcontracts (CandourDatabase  *db,
                                                     gint64            contract_id,
                                                     GError          **error);

/* Payments on a contract and on its subcontracts: id, ref, subcontract_ref (empty for
 * the commissioner's payments to the lead), payee_name, amount, paid_on, invoiced_on,
 * by date paid. */
CandourReport *candour_report_contract_payments     (CandourDatabase  *db,
                                                     gint64            contract_id,
                                                     GError          **error);

/* A contract's subcontracts and payments for its evidence spreadsheet, with refs and
 * names, no record ids: subcontract_ref, partner_ref, partner_name, value, start_on,
 * end_on, payment_terms_days, paid; and paid_on, amount, payee_name, subcontract_ref
 * (empty for the commissioner's payments to the lead), invoiced_on, payment_ref, by
 * the day paid. */
CandourReport *candour_report_contract_subcontracts_evidence (CandourDatabase  *db,
                                                              gint64            contract_id,
                                                              GError          **error);
CandourReport *candour_report_contract_payments_evidence     (CandourDatabase  *db,
                                                              gint64            contract_id,
                                                              GError          **error);

/* A consortium's members: id, member_ref, member_name, joined_on, left_on, by name. */
CandourReport *candour_report_consortium_members    (CandourDatabase  *db,
                                                     gint64            consortium_id,
                                                     GError          **error);

/* What an update in the audit trail changed, from its old_values and new_values
 * (JSON objects): field, old, new, one row per field whose value changed. Values are
 * as stored: pence, basis points, ISO dates, ids. */
CandourReport *candour_report_audit_changes         (CandourDatabase  *db,
                                                     const char       *old_values,
                                                     const char       *new_values,
                                                     GError          **error);

G_END_DECLS
