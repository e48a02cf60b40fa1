-- 0003-never-reused-keys.sql: keys that are never reused, and an audit trail any
-- program's changes reach.
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 1. Every record table is rebuilt with AUTOINCREMENT, so the id of a deleted record is
--    never given to a new one: the audit trail keys records by table and id, and a new
--    record must never inherit a deleted one's history. The counters start above every
--    id the audit trail has ever seen, so ids deleted before this upgrade stay unused too.
--    (SQLite changes a table's definition by building a new table and copying the rows;
--    the migration runner turns foreign keys off around it, and the rows are unchanged.)
-- 2. The audit triggers no longer call a function only Candour defines, so another
--    program (the sqlite3 shell, a script) can write too, and is audited: they read the
--    writer's name from audit_writer, which Candour fills inside each of its write
--    transactions and clears before committing. A change by anything else is recorded
--    as made by 'unknown'.
-- 3. backup: where Candour copied the database, so a damaged file can be pointed at its
--    latest copy.

DROP TRIGGER organisation_audit_insert;
DROP TRIGGER organisation_audit_update;
DROP TRIGGER organisation_audit_delete;
DROP TRIGGER consortium_audit_insert;
DROP TRIGGER consortium_audit_update;
DROP TRIGGER consortium_audit_delete;
DROP TRIGGER consortium_member_audit_insert;
DROP TRIGGER consortium_member_audit_update;
DROP TRIGGER consortium_member_audit_delete;
DROP TRIGGER bid_audit_insert;
DROP TRIGGER bid_audit_update;
DROP TRIGGER bid_audit_delete;
DROP TRIGGER bid_partner_audit_insert;
DROP TRIGGER bid_partner_audit_update;
DROP TRIGGER bid_partner_audit_delete;
DROP TRIGGER contract_audit_insert;
DROP TRIGGER contract_audit_update;
DROP TRIGGER contract_audit_delete;
DROP TRIGGER subcontract_audit_insert;
DROP TRIGGER subcontract_audit_update;
DROP TRIGGER subcontract_audit_delete;
DROP TRIGGER payment_audit_insert;
DROP TRIGGER payment_audit_update;
DROP TRIGGER payment_audit_delete;

CREATE TABLE audit_writer (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  name  TEXT                          -- who is saving: set by Candour inside each write transaction, NULL once committed
);
INSERT INTO audit_writer (id, name) VALUES (1, NULL);

CREATE TABLE backup (
  id    INTEGER PRIMARY KEY AUTOINCREMENT,
  at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')), -- when, UTC
  actor TEXT NOT NULL,                -- who made it
  path  TEXT NOT NULL                 -- where the checked copy was written
);

CREATE TABLE organisation_rebuilt (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  ref           TEXT NOT NULL UNIQUE,        -- stable reference, e.g. ORG-HCVS
  name          TEXT NOT NULL,               -- the organisation's own name
  org_id        TEXT,                        -- org-id.guide identifier: GB-CHC-1234567, GB-COH-01234567, 360G-...; leading zeros kept
  kind          TEXT NOT NULL DEFAULT 'other'
                CHECK (kind IN ('charity', 'social_enterprise', 'cic', 'community_group',
                                'housing_association', 'local_authority', 'nhs_body',
                                'public_body', 'private_company', 'infrastructure_body',
                                'other')),
  annual_income INTEGER CHECK (annual_income >= 0), -- pence a year; NULL when unknown (size band 'unknown')
  locality      TEXT CHECK (locality IN ('local', 'regional', 'national')), -- where it works; NULL when unknown
  led_by        TEXT,                        -- who leads it, in its own words: user-led, led by and for Black and minoritised communities...
  notes         TEXT
);
INSERT INTO organisation_rebuilt SELECT * FROM organisation;
DROP TABLE organisation;
ALTER TABLE organisation_rebuilt RENAME TO organisation;
DELETE FROM sqlite_sequence WHERE name = 'organisation';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'organisation', max (coalesce ((SELECT max (id) FROM organisation), 0),
                 coalesce ((SELECT max (coalesce (last_record_id, record_id)) FROM audit WHERE table_name = 'organisation'), 0));

CREATE TABLE consortium_rebuilt (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  ref           TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  model         TEXT CHECK (model IN ('prime', 'consortium', 'alliance', 'joint_venture', 'network')), -- NULL when not recorded
  lead_id       INTEGER REFERENCES organisation (id) ON DELETE RESTRICT, -- the lead organisation, if it has one
  agreement     INTEGER NOT NULL DEFAULT 0 CHECK (agreement IN (0, 1)), -- 1 when an MoU or partnership agreement exists
  agreement_on  TEXT,                        -- the date the agreement was signed
  due_diligence INTEGER NOT NULL DEFAULT 0 CHECK (due_diligence IN (0, 1)), -- 1 when members' due diligence was done
  notes         TEXT
);
INSERT INTO consortium_rebuilt SELECT * FROM consortium;
DROP TABLE consortium;
ALTER TABLE consortium_rebuilt RENAME TO consortium;
DELETE FROM sqlite_sequence WHERE name = 'consortium';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'consortium', max (coalesce ((SELECT max (id) FROM consortium), 0),
                 coalesce ((SELECT max (coalesce (last_record_id, record_id)) FROM audit WHERE table_name = 'consortium'), 0));

CREATE TABLE consortium_member_rebuilt (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  consortium_id INTEGER NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,
  member_id     INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
  joined_on     TEXT,                        -- NULL when not recorded
  left_on       TEXT CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on),
  UNIQUE (consortium_id, member_id, joined_on)
);
INSERT INTO consortium_member_rebuilt SELECT * FROM consortium_member;
DROP TABLE consortium_member;
ALTER TABLE consortium_member_rebuilt RENAME TO consortium_member;
DELETE FROM sqlite_sequence WHERE name = 'consortium_member';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'consortium_member', max (coalesce ((SELECT max (id) FROM consortium_member), 0),
                 coalesce ((SELECT max (coalesce (last_record_id, record_id)) FROM audit WHERE table_name = 'consortium_member'), 0));

CREATE TABLE bid_rebuilt (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  ref             TEXT NOT NULL UNIQUE,
  title           TEXT NOT NULL,
  lead_id         INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT, -- the lead provider that bid
  commissioner_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT, -- who tendered the contract
  value           INTEGER CHECK (value >= 0), -- pence the bid was for; NULL when not recorded
  submitted_on    TEXT,
  outcome         TEXT NOT NULL DEFAULT 'pending'
                  CHECK (outcome IN ('pending', 'won', 'lost', 'withdrawn')),
  consortium_id   INTEGER REFERENCES consortium (id) ON DELETE SET NULL -- the consortium that bid, if any
);
INSERT INTO bid_rebuilt SELECT * FROM bid;
DROP TABLE bid;
ALTER TABLE bid_rebuilt RENAME TO bid;
DELETE FROM sqlite_sequence WHERE name = 'bid';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'bid', max (coalesce ((SELECT max (id) FROM bid), 0),
                 coalesce ((SELECT max (coalesce (last_record_id, record_id)) FROM audit WHERE table_name = 'bid'), 0));

CREATE TABLE bid_partner_rebuilt (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  bid_id           INTEGER NOT NULL REFERENCES bid (id) ON DELETE CASCADE,
  partner_id       INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
  role             TEXT,                     -- the role the bid gave the partner, in the bid's words
  promised_value   INTEGER CHECK (promised_value >= 0), -- pence promised; NULL when promised as a share or not at all
  promised_share   INTEGER CHECK (promised_share BETWEEN 0 AND 10000), -- basis points of the contract value
  consent          TEXT NOT NULL DEFAULT 'unknown' CHECK (consent IN ('yes', 'no', 'unknown')), -- did the partner agree to be named
  UNIQUE (bid_id, partner_id),               -- a bid names a partner at most once
  CHECK (promised_value IS NULL OR promised_share IS NULL)
);
INSERT INTO bid_partner_rebuilt SELECT * FROM bid_partner;
DROP TABLE bid_partner;
ALTER TABLE bid_partner_rebuilt RENAME TO bid_partner;
DELETE FROM sqlite_sequence WHERE name = 'bid_partner';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'bid_partner', max (coalesce ((SELECT max (id) FROM bid_partner), 0),
                 coalesce ((SELECT max (coalesce (last_record_id, record_id)) FROM audit WHERE table_name = 'bid_partner'), 0));

CREATE TABLE contract_rebuilt (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  ref                  TEXT NOT NULL UNIQUE,
  bid_id               INTEGER UNIQUE REFERENCES bid (id) ON DELETE RESTRICT, -- NULL for a direct award; a bid leads to at most one contract
  title                TEXT,
  commissioner_id      INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
  lead_id              INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
  value                INTEGER NOT NULL CHECK (value >= 0), -- pence
  start_on             TEXT NOT NULL,
  end_on               TEXT NOT NULL CHECK (end_on >= start_on),
  model                TEXT,                 -- delivery model in the commissioner's words (prime, consortium, ...)
  required_small_share INTEGER CHECK (required_small_share BETWEEN 0 AND 10000), -- basis points that must go to smaller organisations; NULL when none
  small_income_limit   INTEGER NOT NULL DEFAULT 100000000 CHECK (small_income_limit >= 0) -- pence: below this annual income an organisation counts as smaller
);
INSERT INTO contract_rebuilt SELECT * FROM contract;
DROP TABLE contract;
ALTER TABLE contract_rebuilt RENAME TO contract;
DELETE FROM sqlite_sequence WHERE name = 'contract';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'contract', max (coalesce ((SELECT max (id) FROM contract), 0),
                 coalesce ((SELECT max (coalesce (last_record_id, record_id)) FROM audit WHERE table_name = 'contract'), 0));

CREATE TABLE subcontract_rebuilt (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  ref                TEXT NOT NULL UNIQUE,
  contract_id        INTEGER NOT NULL REFERENCES contract (id) ON DELETE RESTRICT,
  partner_id         INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
  value              INTEGER NOT NULL CHECK (value >= 0), -- pence
  start_on           TEXT,                   -- NULL: the contract's start
  end_on             TEXT,                   -- NULL: the contract's end
  payment_terms_days INTEGER NOT NULL DEFAULT 30 CHECK (payment_terms_days >= 0) -- Procurement Act 2023 flow-down: 30 days
);
INSERT INTO subcontract_rebuilt SELECT * FROM subcontract;
DROP TABLE subcontract;
ALTER TABLE subcontract_rebuilt RENAME TO subcontract;
DELETE FROM sqlite_sequence WHERE name = 'subcontract';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'subcontract', max (coalesce ((SELECT max (id) FROM subcontract), 0),
                 coalesce ((SELECT max (coalesce (last_record_id, record_id)) FROM audit WHERE table_name = 'subcontract'), 0));

CREATE TABLE payment_rebuilt (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  ref            TEXT UNIQUE,                -- optional; NULL values never clash
  contract_id    INTEGER REFERENCES contract (id) ON DELETE RESTRICT,    -- commissioner → lead
  subcontract_id INTEGER REFERENCES subcontract (id) ON DELETE RESTRICT, -- lead → partner
  amount         INTEGER NOT NULL,           -- pence; negative for a refund or clawback
  paid_on        TEXT NOT NULL,
  invoiced_on    TEXT,                       -- NULL when the invoice date is not known
  CHECK ((contract_id IS NULL) <> (subcontract_id IS NULL))
);
INSERT INTO payment_rebuilt SELECT * FROM payment;
DROP TABLE payment;
ALTER TABLE payment_rebuilt RENAME TO payment;
DELETE FROM sqlite_sequence WHERE name = 'payment';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'payment', max (coalesce ((SELECT max (id) FROM payment), 0),
                 coalesce ((SELECT max (coalesce (last_record_id, record_id)) FROM audit WHERE table_name = 'payment'), 0));

-- The reconciliation sums payments per subcontract up to a date, and payment times
-- count days from invoice to payment per subcontract: a covering index answers both
-- without touching the table.
CREATE INDEX payment_by_subcontract ON payment (subcontract_id, paid_on, amount, invoiced_on)
  WHERE subcontract_id IS NOT NULL;
CREATE INDEX payment_by_contract ON payment (contract_id) WHERE contract_id IS NOT NULL;
CREATE INDEX subcontract_by_contract ON subcontract (contract_id, partner_id);
CREATE INDEX bid_partner_by_partner ON bid_partner (partner_id);
CREATE INDEX bid_by_lead ON bid (lead_id);
CREATE INDEX consortium_member_by_member ON consortium_member (member_id);

CREATE TRIGGER organisation_audit_insert AFTER INSERT ON organisation
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'organisation', NEW.id, NEW.ref, 'insert');
END;

CREATE TRIGGER organisation_audit_update AFTER UPDATE ON organisation
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'organisation', NEW.id, NEW.ref, 'update',
          json_object ('ref', OLD.ref, 'name', OLD.name, 'org_id', OLD.org_id, 'kind', OLD.kind, 'annual_income', OLD.annual_income, 'locality', OLD.locality, 'led_by', OLD.led_by, 'notes', OLD.notes),
          json_object ('ref', NEW.ref, 'name', NEW.name, 'org_id', NEW.org_id, 'kind', NEW.kind, 'annual_income', NEW.annual_income, 'locality', NEW.locality, 'led_by', NEW.led_by, 'notes', NEW.notes));
END;

CREATE TRIGGER organisation_audit_delete BEFORE DELETE ON organisation
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'organisation', OLD.id, OLD.ref, 'delete',
          json_object ('ref', OLD.ref, 'name', OLD.name, 'org_id', OLD.org_id, 'kind', OLD.kind, 'annual_income', OLD.annual_income, 'locality', OLD.locality, 'led_by', OLD.led_by, 'notes', OLD.notes));
END;

CREATE TRIGGER consortium_audit_insert AFTER INSERT ON consortium
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'consortium', NEW.id, NEW.ref, 'insert');
END;

CREATE TRIGGER consortium_audit_update AFTER UPDATE ON consortium
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'consortium', NEW.id, NEW.ref, 'update',
          json_object ('ref', OLD.ref, 'name', OLD.name, 'model', OLD.model, 'lead_id', OLD.lead_id, 'agreement', OLD.agreement, 'agreement_on', OLD.agreement_on, 'due_diligence', OLD.due_diligence, 'notes', OLD.notes),
          json_object ('ref', NEW.ref, 'name', NEW.name, 'model', NEW.model, 'lead_id', NEW.lead_id, 'agreement', NEW.agreement, 'agreement_on', NEW.agreement_on, 'due_diligence', NEW.due_diligence, 'notes', NEW.notes));
END;

CREATE TRIGGER consortium_audit_delete BEFORE DELETE ON consortium
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'consortium', OLD.id, OLD.ref, 'delete',
          json_object ('ref', OLD.ref, 'name', OLD.name, 'model', OLD.model, 'lead_id', OLD.lead_id, 'agreement', OLD.agreement, 'agreement_on', OLD.agreement_on, 'due_diligence', OLD.due_diligence, 'notes', OLD.notes));
END;

CREATE TRIGGER consortium_member_audit_insert AFTER INSERT ON consortium_member
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'consortium_member', NEW.id, (SELECT c.ref FROM consortium c WHERE c.id = NEW.consortium_id) || '/' || (SELECT o.ref FROM organisation o WHERE o.id = NEW.member_id), 'insert');
END;

CREATE TRIGGER consortium_member_audit_update AFTER UPDATE ON consortium_member
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'consortium_member', NEW.id, (SELECT c.ref FROM consortium c WHERE c.id = NEW.consortium_id) || '/' || (SELECT o.ref FROM organisation o WHERE o.id = NEW.member_id), 'update',
          json_object ('consortium_id', OLD.consortium_id, 'member_id', OLD.member_id, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on),
          json_object ('consortium_id', NEW.consortium_id, 'member_id', NEW.member_id, 'joined_on', NEW.joined_on, 'left_on', NEW.left_on));
END;

CREATE TRIGGER consortium_member_audit_delete BEFORE DELETE ON consortium_member
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'consortium_member', OLD.id, (SELECT c.ref FROM consortium c WHERE c.id = OLD.consortium_id) || '/' || (SELECT o.ref FROM organisation o WHERE o.id = OLD.member_id), 'delete',
          json_object ('consortium_id', OLD.consortium_id, 'member_id', OLD.member_id, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on));
END;

CREATE TRIGGER bid_audit_insert AFTER INSERT ON bid
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'bid', NEW.id, NEW.ref, 'insert');
END;

CREATE TRIGGER bid_audit_update AFTER UPDATE ON bid
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'bid', NEW.id, NEW.ref, 'update',
          json_object ('ref', OLD.ref, 'title', OLD.title, 'lead_id', OLD.lead_id, 'commissioner_id', OLD.commissioner_id, 'value', OLD.value, 'submitted_on', OLD.submitted_on, 'outcome', OLD.outcome, 'consortium_id', OLD.consortium_id),
          json_object ('ref', NEW.ref, 'title', NEW.title, 'lead_id', NEW.lead_id, 'commissioner_id', NEW.commissioner_id, 'value', NEW.value, 'submitted_on', NEW.submitted_on, 'outcome', NEW.outcome, 'consortium_id', NEW.consortium_id));
END;

CREATE TRIGGER bid_audit_delete BEFORE DELETE ON bid
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'bid', OLD.id, OLD.ref, 'delete',
          json_object ('ref', OLD.ref, 'title', OLD.title, 'lead_id', OLD.lead_id, 'commissioner_id', OLD.commissioner_id, 'value', OLD.value, 'submitted_on', OLD.submitted_on, 'outcome', OLD.outcome, 'consortium_id', OLD.consortium_id));
END;

CREATE TRIGGER bid_partner_audit_insert AFTER INSERT ON bid_partner
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'bid_partner', NEW.id, (SELECT b.ref FROM bid b WHERE b.id = NEW.bid_id) || '/' || (SELECT o.ref FROM organisation o WHERE o.id = NEW.partner_id), 'insert');
END;

CREATE TRIGGER bid_partner_audit_update AFTER UPDATE ON bid_partner
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'bid_partner', NEW.id, (SELECT b.ref FROM bid b WHERE b.id = NEW.bid_id) || '/' || (SELECT o.ref FROM organisation o WHERE o.id = NEW.partner_id), 'update',
          json_object ('bid_id', OLD.bid_id, 'partner_id', OLD.partner_id, 'role', OLD.role, 'promised_value', OLD.promised_value, 'promised_share', OLD.promised_share, 'consent', OLD.consent),
          json_object ('bid_id', NEW.bid_id, 'partner_id', NEW.partner_id, 'role', NEW.role, 'promised_value', NEW.promised_value, 'promised_share', NEW.promised_share, 'consent', NEW.consent));
END;

CREATE TRIGGER bid_partner_audit_delete BEFORE DELETE ON bid_partner
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'bid_partner', OLD.id, (SELECT b.ref FROM bid b WHERE b.id = OLD.bid_id) || '/' || (SELECT o.ref FROM organisation o WHERE o.id = OLD.partner_id), 'delete',
          json_object ('bid_id', OLD.bid_id, 'partner_id', OLD.partner_id, 'role', OLD.role, 'promised_value', OLD.promised_value, 'promised_share', OLD.promised_share, 'consent', OLD.consent));
END;

CREATE TRIGGER contract_audit_insert AFTER INSERT ON contract
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'contract', NEW.id, NEW.ref, 'insert');
END;

CREATE TRIGGER contract_audit_update AFTER UPDATE ON contract
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'contract', NEW.id, NEW.ref, 'update',
          json_object ('ref', OLD.ref, 'bid_id', OLD.bid_id, 'title', OLD.title, 'commissioner_id', OLD.commissioner_id, 'lead_id', OLD.lead_id, 'value', OLD.value, 'start_on', OLD.start_on, 'end_on', OLD.end_on, 'model', OLD.model, 'required_small_share', OLD.required_small_share, 'small_income_limit', OLD.small_income_limit),
          json_object ('ref', NEW.ref, 'bid_id', NEW.bid_id, 'title', NEW.title, 'commissioner_id', NEW.commissioner_id, 'lead_id', NEW.lead_id, 'value', NEW.value, 'start_on', NEW.start_on, 'end_on', NEW.end_on, 'model', NEW.model, 'required_small_share', NEW.required_small_share, 'small_income_limit', NEW.small_income_limit));
END;

CREATE TRIGGER contract_audit_delete BEFORE DELETE ON contract
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'contract', OLD.id, OLD.ref, 'delete',
          json_object ('ref', OLD.ref, 'bid_id', OLD.bid_id, 'title', OLD.title, 'commissioner_id', OLD.commissioner_id, 'lead_id', OLD.lead_id, 'value', OLD.value, 'start_on', OLD.start_on, 'end_on', OLD.end_on, 'model', OLD.model, 'required_small_share', OLD.required_small_share, 'small_income_limit', OLD.small_income_limit));
END;

CREATE TRIGGER subcontract_audit_insert AFTER INSERT ON subcontract
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'subcontract', NEW.id, NEW.ref, 'insert');
END;

CREATE TRIGGER subcontract_audit_update AFTER UPDATE ON subcontract
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'subcontract', NEW.id, NEW.ref, 'update',
          json_object ('ref', OLD.ref, 'contract_id', OLD.contract_id, 'partner_id', OLD.partner_id, 'value', OLD.value, 'start_on', OLD.start_on, 'end_on', OLD.end_on, 'payment_terms_days', OLD.payment_terms_days),
          json_object ('ref', NEW.ref, 'contract_id', NEW.contract_id, 'partner_id', NEW.partner_id, 'value', NEW.value, 'start_on', NEW.start_on, 'end_on', NEW.end_on, 'payment_terms_days', NEW.payment_terms_days));
END;

CREATE TRIGGER subcontract_audit_delete BEFORE DELETE ON subcontract
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'subcontract', OLD.id, OLD.ref, 'delete',
          json_object ('ref', OLD.ref, 'contract_id', OLD.contract_id, 'partner_id', OLD.partner_id, 'value', OLD.value, 'start_on', OLD.start_on, 'end_on', OLD.end_on, 'payment_terms_days', OLD.payment_terms_days));
END;

CREATE TRIGGER payment_audit_insert AFTER INSERT ON payment
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'payment', NEW.id, coalesce (NEW.ref, '#' || NEW.id), 'insert');
END;

CREATE TRIGGER payment_audit_update AFTER UPDATE ON payment
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'payment', NEW.id, coalesce (NEW.ref, '#' || NEW.id), 'update',
          json_object ('ref', OLD.ref, 'contract_id', OLD.contract_id, 'subcontract_id', OLD.subcontract_id, 'amount', OLD.amount, 'paid_on', OLD.paid_on, 'invoiced_on', OLD.invoiced_on),
          json_object ('ref', NEW.ref, 'contract_id', NEW.contract_id, 'subcontract_id', NEW.subcontract_id, 'amount', NEW.amount, 'paid_on', NEW.paid_on, 'invoiced_on', NEW.invoiced_on));
END;

CREATE TRIGGER payment_audit_delete BEFORE DELETE ON payment
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'payment', OLD.id, coalesce (OLD.ref, '#' || OLD.id), 'delete',
          json_object ('ref', OLD.ref, 'contract_id', OLD.contract_id, 'subcontract_id', OLD.subcontract_id, 'amount', OLD.amount, 'paid_on', OLD.paid_on, 'invoiced_on', OLD.invoiced_on));
END;
