-- Version 7 (version 6 came from another branch): tier runs stored in blocks. A run of a million customers
-- was a million MT_TIER rows, which H2 wrote at about 5 CPU seconds per million (and took seconds more to
-- delete when the run was replaced). A run is now a few hundred blocks of 4,096 customers each (consecutive
-- in customer id order): MT_TIER_BLOCK says which customer a block starts with, MT_TIER_BLOCK_DATA holds the
-- block as one binary value (ids, tiers, scores, revenue and net profit in cents, reasons; see
-- TierBlock.java). A customer's row is found by bisecting the run's block starts in Java's String order,
-- then reading one block.
--
-- Existing runs keep their rows in MT_TIER (LAYOUT 'rows') and are read as before; a re-run of the period
-- replaces them with a run in blocks (LAYOUT 'blocks') and removes the rows.
ALTER TABLE MT_TIER_RUN ADD COLUMN LAYOUT VARCHAR(10) DEFAULT 'rows' NOT NULL;
ALTER TABLE MT_TIER_RUN ADD CONSTRAINT MT_TIER_RUN_LAYOUT CHECK (LAYOUT IN ('rows', 'blocks'));

-- One row per block of a run; no foreign key to MT_TIER_RUN, as for MT_TIER: blocks are written before their
-- run becomes visible and removed after it is replaced.
CREATE TABLE MT_TIER_BLOCK (
    RUN_ID         BIGINT       NOT NULL,
    BLOCK_NO       INTEGER      NOT NULL,
    FIRST_CUSTOMER VARCHAR(200) NOT NULL,
    CUSTOMERS      INTEGER      NOT NULL,
    CONSTRAINT MT_TIER_BLOCK_PK PRIMARY KEY (RUN_ID, BLOCK_NO)
);

-- The blocks' contents, apart, so that finding a customer's block reads only the small rows above. The type
-- is BLOB on H2 (kept apart from the row: removing a replaced run takes milliseconds; as VARBINARY in the row,
-- H2 copied every removed value into its undo log, 19 s and 2 GB of file for a run of 1.8 million customers)
-- and BYTEA on PostgreSQL (Flyway placeholder, see SchemaMigrations).
CREATE TABLE MT_TIER_BLOCK_DATA (
    RUN_ID   BIGINT  NOT NULL,
    BLOCK_NO INTEGER NOT NULL,
    DATA     ${large_binary} NOT NULL,
    CONSTRAINT MT_TIER_BLOCK_DATA_PK PRIMARY KEY (RUN_ID, BLOCK_NO)
);

-- On PostgreSQL the blocks are stored uncompressed (STORAGE EXTERNAL): pglz compressing them took a run of
-- 452 blocks (253 MB) from 2.0 to 2.5 s to 7 to 8.6 s to write. Empty on H2.
${large_binary_storage}
