-- scorecard.sql: Candour's `scorecard` as an analyst would write it for the sqlite3 shell
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The baseline of build-aux/bench: the same rows and columns as
--   candour-cli scorecard --as-of D --output F
-- run as
--   sqlite3 -csv -header -cmd ".parameter set :as_of \"'2026-06-30'\"" DB < scorecard.sql > F
-- The findings are reconcile.sql's, copied (a view cannot take a parameter), with
-- their status; then counted and summed per lead provider of a won bid.

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
),
status AS (
  SELECT f.*,
         CASE WHEN f.contract_id IS NULL OR f.days_since_start < 0 THEN 'pending'
              WHEN f.subcontracted = 0 AND f.days_since_start <= 90 THEN 'awaiting_subcontract'
              WHEN f.subcontracted = 0 THEN 'bid_candy'
              WHEN f.promised IS NOT NULL AND f.subcontracted < f.promised THEN 'short_changed'
              WHEN f.paid * 100 < f.due * 90 THEN 'underpaid'
              ELSE 'honoured' END AS status
  FROM finding f
),
won AS (
  SELECT lead_id, count (*) AS bids_won FROM bid WHERE outcome = 'won' GROUP BY lead_id
)
SELECT lead.ref AS lead_ref, lead.name AS lead_name, won.bids_won,
       count (s.partner_id) AS partners_named,
       count (CASE WHEN s.status = 'honoured' THEN 1 END) AS honoured,
       count (CASE WHEN s.status = 'bid_candy' THEN 1 END) AS bid_candy,
       count (CASE WHEN s.status = 'short_changed' THEN 1 END) AS short_changed,
       count (CASE WHEN s.status = 'underpaid' THEN 1 END) AS underpaid,
       count (CASE WHEN s.status = 'awaiting_subcontract' THEN 1 END) AS awaiting_subcontract,
       count (CASE WHEN s.status = 'pending' THEN 1 END) AS pending,
       printf ('%.2f', total (s.promised) / 100.0) AS promised,
       printf ('%.2f', total (s.subcontracted) / 100.0) AS subcontracted,
       printf ('%.2f', total (s.paid) / 100.0) AS paid,
       CASE WHEN sum (s.promised) > 0
            THEN printf ('%.1f', round (100.0 * sum (CASE WHEN s.promised IS NOT NULL
                                                          THEN min (s.subcontracted, s.promised) END)
                                        / sum (s.promised), 1)) END AS promise_kept_percent
FROM won
JOIN organisation lead ON lead.id = won.lead_id
LEFT JOIN status s ON s.lead_id = won.lead_id
GROUP BY won.lead_id
ORDER BY lead.ref;
