-- export-payments.sql: Candour's `export payments` as an analyst would write it for the sqlite3 shell
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The baseline of build-aux/bench: the same rows and columns as
--   candour-cli export payments --output F
-- (the import format: the refs of each payment's contract or subcontract, amounts in
-- pounds), run as
--   sqlite3 -csv -header DB < export-payments.sql > F

SELECT p.ref, c.ref AS contract_ref, s.ref AS subcontract_ref,
       printf ('%.2f', p.amount / 100.0) AS amount, p.paid_on, p.invoiced_on
FROM payment p
LEFT JOIN contract c ON c.id = p.contract_id
LEFT JOIN subcontract s ON s.id = p.subcontract_id
ORDER BY p.id;
