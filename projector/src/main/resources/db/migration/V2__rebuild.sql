-- Rebuilds: a generation records the projection version that builds it, when it went live and was
-- retired, and how far a rebuild got. A generation under construction is BUILDING (at most one);
-- a cancelled one is CANCELLED, a retired one RETIRED until its partitions are dropped (DROPPED).

ALTER TABLE generation DROP CONSTRAINT generation_state_check;
ALTER TABLE generation ADD CONSTRAINT generation_state_check
    CHECK (state IN ('BUILDING', 'LIVE', 'RETIRED', 'CANCELLED', 'DROPPED'));
ALTER TABLE generation ADD COLUMN projection_version integer NOT NULL DEFAULT 1;
ALTER TABLE generation ADD COLUMN requested_by text;
ALTER TABLE generation ADD COLUMN indexed_at timestamptz;
ALTER TABLE generation ADD COLUMN retired_at timestamptz;
ALTER TABLE generation ADD COLUMN ended_at timestamptz;
ALTER TABLE generation ALTER COLUMN projection_version DROP DEFAULT;

-- at most one rebuild at a time
CREATE UNIQUE INDEX generation_single_building ON generation (state) WHERE state = 'BUILDING';
