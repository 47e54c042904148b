-- The read model of AccountView. Owned by the projector; the query-api reads only the live_* views.
--
-- Generations: every row belongs to a generation of the read model. The live one is served; a
-- rebuild writes a new one beside it (its own partitions, its own stored offsets) and the switch is
-- one committed UPDATE of generation.state, so a query sees the old generation or the new one, never
-- a mix. Tables are partitioned by generation so that retiring a generation is a cheap DROP.

CREATE TABLE generation (
    id          integer     PRIMARY KEY,
    state       text        NOT NULL CHECK (state IN ('BUILDING', 'LIVE', 'RETIRED')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    live_since  timestamptz
);
-- at most one generation is live at any instant
CREATE UNIQUE INDEX generation_single_live ON generation (state) WHERE state = 'LIVE';

-- Accounts, live and deleted. A delete leaves the row with deleted = true and its version, so that
-- an older event delivered late cannot resurrect the account.
CREATE TABLE account (
    generation   integer     NOT NULL,
    account_id   uuid        NOT NULL,
    org_id       text        NOT NULL,
    external_id  text,
    customer_id  uuid,
    status       text,
    created_at   timestamptz,
    updated_at   timestamptz,
    version      numeric     NOT NULL CHECK (version >= 0 AND scale(version) = 0),
    deleted      boolean     NOT NULL,
    event_id     text        NOT NULL,
    event_time   timestamptz NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (generation, account_id)
) PARTITION BY LIST (generation);

CREATE INDEX account_by_external_id ON account (generation, org_id, external_id) WHERE NOT deleted;

-- Contracts, live and deleted; account_id is the account named by the contract's latest version.
CREATE TABLE contract (
    generation   integer     NOT NULL,
    contract_id  uuid        NOT NULL,
    org_id       text        NOT NULL,
    account_id   uuid,
    status       text,
    product_id   text,
    product_name text,
    start_date   timestamptz,
    end_date     timestamptz,
    created_at   timestamptz,
    updated_at   timestamptz,
    version      numeric     NOT NULL CHECK (version >= 0 AND scale(version) = 0),
    deleted      boolean     NOT NULL,
    event_id     text        NOT NULL,
    event_time   timestamptz NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (generation, contract_id)
) PARTITION BY LIST (generation);

CREATE INDEX contract_by_account ON contract (generation, org_id, account_id, start_date DESC) WHERE NOT deleted;

-- The consumed position of each generation in each topic partition, written in the same
-- transaction as the read-model rows it produced (exactly-once effect). applied counts the events
-- applied from that partition, exactly once as well.
CREATE TABLE consumer_offset (
    generation   integer     NOT NULL REFERENCES generation (id),
    topic        text        NOT NULL,
    partition    integer     NOT NULL,
    next_offset  bigint      NOT NULL,
    applied      bigint      NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (generation, topic, partition)
);

-- The first generation is live from the start: there is nothing older to serve meanwhile.
INSERT INTO generation (id, state, live_since) VALUES (1, 'LIVE', now());
CREATE TABLE account_g1 PARTITION OF account FOR VALUES IN (1);
CREATE TABLE contract_g1 PARTITION OF contract FOR VALUES IN (1);

-- Stable names for the query side. They resolve the live generation inside the query's own
-- snapshot, so a switch of generations is atomic for every reader.
CREATE VIEW live_generation AS
SELECT id FROM generation WHERE state = 'LIVE';

CREATE VIEW live_account AS
SELECT a.account_id, a.org_id, a.external_id, a.customer_id, a.status,
       a.created_at, a.updated_at, a.version
FROM account a
WHERE a.generation = (SELECT id FROM generation WHERE state = 'LIVE')
  AND NOT a.deleted;

CREATE VIEW live_contract AS
SELECT c.contract_id, c.org_id, c.account_id, c.status, c.product_id, c.product_name,
       c.start_date, c.end_date, c.created_at, c.updated_at, c.version
FROM contract c
WHERE c.generation = (SELECT id FROM generation WHERE state = 'LIVE')
  AND NOT c.deleted;
