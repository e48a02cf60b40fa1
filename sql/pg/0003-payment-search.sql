-- pg/0003-payment-search.sql: payments found by amount and by date, on a server
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- SQLite's 0006-payment-search.sql: "£1,234.50", "01/04/2025" or a quarter's payments
-- from an index, not the whole table; the date's also orders the Payments page, a page
-- at a time. PostgreSQL orders an index's equal keys by where their rows lie, not by
-- id, so the date's index carries the id for "ORDER BY paid_on, id".

CREATE INDEX payment_by_paid_on ON payment (paid_on, id);
CREATE INDEX payment_by_amount ON payment (amount);

UPDATE schema_version SET version = 6;
