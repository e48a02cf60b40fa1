/* candour-payment.h: one payment, from commissioner to lead or lead to partner
 *
 * One payment as the Payments list shows it. Read-only properties, so the GUI's
 * lists, sorters and filters bind to it without glue code. Money is pence; a money
 * or count that was not recorded is -1, and its -text property is empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"
#include "candour-rules.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_PAYMENT (candour_payment_get_type ())

G_DECLARE_FINAL_TYPE (CandourPayment, candour_payment, CANDOUR, PAYMENT, GObject)

/* SQL for those columns: CANDOUR_PAYMENT_COLUMNS "FROM payment p\n" CANDOUR_PAYMENT_JOINS
 * "WHERE …". Who paid whom as candour-rules.h has it. Days to pay are empty without an
 * invoice date. */
#define CANDOUR_PAYMENT_COLUMNS \
  "SELECT p.ref AS ref, coalesce (s.ref, c.ref) AS agreement_ref, payer.name AS payer_name,\n" \
  "       payee.name AS payee_name, p.amount AS amount, p.paid_on AS paid_on,\n" \
  "       p.invoiced_on AS invoiced_on,\n" \
  "       candour_days (p.paid_on) - candour_days (p.invoiced_on) AS days_to_pay, p.id AS id\n"
#define CANDOUR_PAYMENT_JOINS \
  "LEFT JOIN subcontract s ON s.id = p.subcontract_id\n" \
  "LEFT JOIN contract c ON c.id = coalesce (p.contract_id, s.contract_id)\n" \
  "LEFT JOIN organisation payer\n" \
  "  ON payer.id = CASE WHEN p.subcontract_id IS NULL THEN " CANDOUR_RULES_CONTRACT_PAYER \
  "                 ELSE " CANDOUR_RULES_SUBCONTRACT_PAYER " END\n" \
  "LEFT JOIN organisation payee\n" \
  "  ON payee.id = CASE WHEN p.subcontract_id IS NULL THEN " CANDOUR_RULES_CONTRACT_PAYEE \
  "                 ELSE " CANDOUR_RULES_SUBCONTRACT_PAYEE " END\n"

/* The current row of a query with CANDOUR_PAYMENT_COLUMNS' columns: ref, agreement_ref,
 * payer_name, payee_name, amount, paid_on, invoiced_on, days_to_pay and id. */
CandourPayment *candour_payment_new_from_query (CandourQuery *query);

/* The id candour_record_load(), _save() and _delete() take: a payment may have no ref. */
gint64          candour_payment_get_id             (CandourPayment *self);
const char     *candour_payment_get_ref            (CandourPayment *self);
const char     *candour_payment_get_agreement_ref  (CandourPayment *self);
const char     *candour_payment_get_payer_name     (CandourPayment *self);
const char     *candour_payment_get_payee_name     (CandourPayment *self);
gint64          candour_payment_get_amount         (CandourPayment *self);
const char     *candour_payment_get_paid_on        (CandourPayment *self);
const char     *candour_payment_get_invoiced_on    (CandourPayment *self);
gint64          candour_payment_get_days_to_pay    (CandourPayment *self);

G_END_DECLS
