-- 0004-scale-indexes.sql: what a national prime's books need to stay quick.
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- With 50,000 organisations and 48,000 subcontracts, every question by partner, lead
-- provider or commissioner must start from an index, never read a whole table: the
-- Organisations list sums each partner's subcontracts, and an edit to one partner's
-- or lead provider's records judges only their findings again.

CREATE INDEX subcontract_by_partner ON subcontract (partner_id, value);
CREATE INDEX contract_by_lead ON contract (lead_id);
CREATE INDEX contract_by_commissioner ON contract (commissioner_id);
CREATE INDEX bid_by_commissioner ON bid (commissioner_id);
CREATE INDEX bid_by_consortium ON bid (consortium_id) WHERE consortium_id IS NOT NULL;
