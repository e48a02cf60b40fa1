-- 0006-payment-search.sql: payments found by amount and by date, and added up
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A finance officer looks a payment up by what was paid or when: "£1,234.50",
-- "01/04/2025", or every payment of a quarter. Over a million payments each of those
-- would read the whole table (0.2 s a time); from these indexes it is a look-up. The
-- date's index also gives the Payments page its order, by date paid, a page at a time
-- (ties by the order recorded: the row id is the index's last column), and the amount's
-- holds every amount, so the listed payments are added up without reading the table.

CREATE INDEX payment_by_paid_on ON payment (paid_on);
CREATE INDEX payment_by_amount ON payment (amount);
