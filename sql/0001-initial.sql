-- 0001-initial.sql: the first Candour schema.
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Money is integer pence. Percentages are integer basis points (hundredths of a
-- percent: 100 % is 10000). Dates are ISO 8601 text, 'YYYY-MM-DD'. Every business
-- record has a `ref`: the stable reference people use in CSV files and reports.
-- Keyword columns hold the lower-case keyword; CHECK constraints keep them honest
-- even when something other than Candour writes to the file.

CREATE TABLE organisation (
  id            INTEGER PRIMARY KEY,
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

CREATE TABLE consortium (
  id            INTEGER PRIMARY KEY,
  ref           TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  model         TEXT CHECK (model IN ('prime', 'consortium', 'alliance', 'joint_venture', 'network')), -- NULL when not recorded
  lead_id       INTEGER REFERENCES organisation (id) ON DELETE RESTRICT, -- the lead organisation, if it has one
  agreement     INTEGER NOT NULL DEFAULT 0 CHECK (agreement IN (0, 1)), -- 1 when an MoU or partnership agreement exists
  agreement_on  TEXT,                        -- the date the agreement was signed
  due_diligence INTEGER NOT NULL DEFAULT 0 CHECK (due_diligence IN (0, 1)), -- 1 when members' due diligence was done
  notes         TEXT
);

CREATE TABLE consortium_member (
  id            INTEGER PRIMARY KEY,
  consortium_id INTEGER NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,
  member_id     INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
  joined_on     TEXT,                        -- NULL when not recorded
  left_on       TEXT CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on),
  UNIQUE (consortium_id, member_id, joined_on)
);

CREATE TABLE bid (
  id              INTEGER PRIMARY KEY,
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

CREATE TABLE bid_partner (
  id               INTEGER PRIMARY KEY,
  bid_id           INTEGER NOT NULL REFERENCES bid (id) ON DELETE CASCADE,
  partner_id       INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
  role             TEXT,                     -- the role the bid gave the partner, in the bid's words
  promised_value   INTEGER CHECK (promised_value >= 0), -- pence promised; NULL when promised as a share or not at all
  promised_share   INTEGER CHECK (promised_share BETWEEN 0 AND 10000), -- basis points of the contract value
  consent          TEXT NOT NULL DEFAULT 'unknown' CHECK (consent IN ('yes', 'no', 'unknown')), -- did the partner agree to be named
  UNIQUE (bid_id, partner_id),               -- a bid names a partner at most once
  CHECK (promised_value IS NULL OR promised_share IS NULL)
);

CREATE TABLE contract (
  id                   INTEGER PRIMARY KEY,
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

CREATE TABLE subcontract (
  id                 INTEGER PRIMARY KEY,
  ref                TEXT NOT NULL UNIQUE,
  contract_id        INTEGER NOT NULL REFERENCES contract (id) ON DELETE RESTRICT,
  partner_id         INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
  value              INTEGER NOT NULL CHECK (value >= 0), -- pence
  start_on           TEXT,                   -- NULL: the contract's start
  end_on             TEXT,                   -- NULL: the contract's end
  payment_terms_days INTEGER NOT NULL DEFAULT 30 CHECK (payment_terms_days >= 0) -- Procurement Act 2023 flow-down: 30 days
);

CREATE TABLE payment (
  id             INTEGER PRIMARY KEY,
  ref            TEXT UNIQUE,                -- optional; NULL values never clash
  contract_id    INTEGER REFERENCES contract (id) ON DELETE RESTRICT,    -- commissioner → lead
  subcontract_id INTEGER REFERENCES subcontract (id) ON DELETE RESTRICT, -- lead → partner
  amount         INTEGER NOT NULL,           -- pence; negative for a refund or clawback
  paid_on        TEXT NOT NULL,
  invoiced_on    TEXT,                       -- NULL when the invoice date is not known
  CHECK ((contract_id IS NULL) <> (subcontract_id IS NULL))
);

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
