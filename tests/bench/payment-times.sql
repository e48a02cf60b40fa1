-- payment-times.sql: Candour's `payment-times` as an analyst would write it for the sqlite3 shell
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The baseline of build-aux/bench: the same rows and columns as
--   candour-cli payment-times --output F
-- run as
--   sqlite3 -csv -header DB < payment-times.sql > F
-- Payments with an invoice date, refunds left out; the lead pays a subcontract on its
-- own terms, the commissioner a contract on 30 days; an advance counts within 30 days.
-- Subcontract and contract payments are counted apart, each along its own index; the
-- plus in "+p.amount" keeps SQLite from reading the amount's index instead (it holds
-- nearly every payment, so that would look each one up: several times slower).

WITH counted AS (
  SELECT c.lead_id AS payer_id,
         julianday (p.paid_on) - julianday (p.invoiced_on) AS days,
         s.payment_terms_days AS terms
  FROM payment p
  JOIN subcontract s ON s.id = p.subcontract_id
  JOIN contract c ON c.id = s.contract_id
  WHERE p.invoiced_on IS NOT NULL AND +p.amount >= 0
  UNION ALL
  SELECT c.commissioner_id, julianday (p.paid_on) - julianday (p.invoiced_on), 30
  FROM payment p
  JOIN contract c ON c.id = p.contract_id
  WHERE p.invoiced_on IS NOT NULL AND +p.amount >= 0
)
SELECT payer.ref AS payer_ref, payer.name AS payer_name, count (*) AS payments,
       printf ('%.1f', round (avg (days), 1)) AS average_days,
       printf ('%.1f', round (100.0 * sum (days <= 30) / count (*), 1)) AS within_30_percent,
       printf ('%.1f', round (100.0 * sum (days BETWEEN 31 AND 60) / count (*), 1)) AS days_31_to_60_percent,
       printf ('%.1f', round (100.0 * sum (days > 60) / count (*), 1)) AS over_60_percent,
       printf ('%.1f', round (100.0 * sum (days > terms) / count (*), 1)) AS late_against_terms_percent
FROM counted
JOIN organisation payer ON payer.id = counted.payer_id
GROUP BY payer.id
ORDER BY payer.ref;
