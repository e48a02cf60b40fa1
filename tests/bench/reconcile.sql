-- reconcile.sql: Candour's `reconcile` as an analyst would write it for the sqlite3 shell
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The baseline of build-aux/bench: the same rows and columns as
--   candour-cli reconcile --as-of D --output F
-- worked out from docs/reconciliation.md with sqlite3's own functions (julianday for
-- days, round, sum), run as
--   sqlite3 -csv -header -cmd ".parameter set :as_of '2026-06-30'" DB < reconcile.sql > F
-- Grace 90 days, tolerance 10 % (Candour's defaults), partners of won bids only.

WITH paid AS (
  -- what was paid on each subcontract by the day
  SELECT subcontract_id, sum (amount) AS paid
  FROM payment
  WHERE subcontract_id IS NOT NULL AND paid_on <= :as_of
  GROUP BY subcontract_id
),
sub AS (
  SELECT s.contract_id, s.partner_id, s.value, coalesce (paid.paid, 0) AS paid,
         julianday (:as_of) - s.payment_terms_days - julianday (coalesce (s.start_on, c.start_on)) + 1
           AS days_payable,
         julianday (coalesce (s.end_on, c.end_on)) - julianday (coalesce (s.start_on, c.start_on)) + 1
           AS days_long
  FROM subcontract s
  JOIN contract c ON c.id = s.contract_id
  LEFT JOIN paid ON paid.subcontract_id = s.id
),
per_partner AS (
  -- the work done by the day, less the payment terms, should have been paid
  SELECT contract_id, partner_id, sum (value) AS subcontracted, sum (paid) AS paid,
         sum (CASE WHEN days_payable <= 0 THEN 0
                   WHEN days_payable >= days_long THEN value
                   ELSE round (value * days_payable / days_long) END) AS due
  FROM sub
  GROUP BY contract_id, partner_id
),
finding AS (
  SELECT b.ref AS bid_ref, c.ref AS contract_ref, b.lead_id, bp.partner_id, bp.consent,
         c.id AS contract_id,
         julianday (:as_of) - julianday (c.start_on) AS days_since_start,
         CASE WHEN bp.promised_value IS NOT NULL THEN bp.promised_value
              WHEN bp.promised_share IS NOT NULL
              THEN round (coalesce (c.value, b.value) * bp.promised_share / 10000.0) END AS promised,
         coalesce (pp.subcontracted, 0) AS subcontracted,
         coalesce (pp.due, 0) AS due,
         coalesce (pp.paid, 0) AS paid
  FROM bid_partner bp
  JOIN bid b ON b.id = bp.bid_id
  LEFT JOIN contract c ON c.bid_id = b.id
  LEFT JOIN per_partner pp ON pp.contract_id = c.id AND pp.partner_id = bp.partner_id
  WHERE b.outcome = 'won'
)
SELECT f.bid_ref, f.contract_ref, lead.ref AS lead_ref, lead.name AS lead_name,
       partner.ref AS partner_ref, partner.name AS partner_name,
       CASE WHEN partner.annual_income IS NULL THEN 'unknown'
            WHEN partner.annual_income < 1000000 THEN 'micro'
            WHEN partner.annual_income < 10000000 THEN 'small'
            WHEN partner.annual_income < 100000000 THEN 'medium'
            WHEN partner.annual_income < 1000000000 THEN 'large'
            WHEN partner.annual_income < 10000000000 THEN 'major'
            ELSE 'super_major' END AS partner_size,
       f.consent,
       CASE WHEN f.promised IS NOT NULL THEN printf ('%.2f', f.promised / 100.0) END AS promised,
       printf ('%.2f', f.subcontracted / 100.0) AS subcontracted,
       printf ('%.2f', f.due / 100.0) AS due,
       printf ('%.2f', f.paid / 100.0) AS paid,
       CASE WHEN f.contract_id IS NULL OR f.days_since_start < 0 THEN 'pending'
            WHEN f.subcontracted = 0 AND f.days_since_start <= 90 THEN 'awaiting_subcontract'
            WHEN f.subcontracted = 0 THEN 'bid_candy'
            WHEN f.promised IS NOT NULL AND f.subcontracted < f.promised THEN 'short_changed'
            WHEN f.paid * 100 < f.due * 90 THEN 'underpaid'
            ELSE 'honoured' END AS status
FROM finding f
JOIN organisation lead ON lead.id = f.lead_id
JOIN organisation partner ON partner.id = f.partner_id
ORDER BY f.bid_ref, partner.ref;
