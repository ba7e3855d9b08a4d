-- Version 4: the tier history. Every period's last tiering run, each customer's tier in it, and the manual
-- overrides with reason and author. Portable SQL (H2 2 and PostgreSQL 15). Periods are kept by their id
-- (2024, 2024-Q3, 2024-07), tiers by their lower-case English id (platinum, gold, iron, lead), times in UTC.

-- A tiering run of one period of a dataset. STATE 'current' is the run readers see; there is one per dataset
-- and period (the code keeps it so, holding the dataset's tier lock while it saves). A save writes its rows
-- under a new run in STATE 'writing', makes it 'current' and the earlier one 'replaced' in one short
-- transaction, then removes the replaced run's rows. 'writing' and 'replaced' runs are invisible; what a
-- failed or killed save leaves is removed by the next save of the dataset or the next start.
CREATE SEQUENCE MT_TIER_RUN_ID START WITH 1 INCREMENT BY 1;

CREATE TABLE MT_TIER_RUN (
    ID         BIGINT       NOT NULL,
    DATASET    VARCHAR(100) NOT NULL,
    PERIOD_ID  VARCHAR(10)  NOT NULL,
    SCHEME     VARCHAR(100) NOT NULL,
    COST_MODEL VARCHAR(100) NOT NULL,
    RAN_AT     TIMESTAMP    NOT NULL,
    CUSTOMERS  INTEGER      NOT NULL,
    STATE      VARCHAR(10)  NOT NULL,
    CONSTRAINT MT_TIER_RUN_PK PRIMARY KEY (ID),
    CONSTRAINT MT_TIER_RUN_STATE CHECK (STATE IN ('writing', 'current', 'replaced')),
    CONSTRAINT MT_TIER_RUN_DATASET FOREIGN KEY (DATASET) REFERENCES MT_DATASET (NAME)
);
CREATE INDEX MT_TIER_RUN_BY_PERIOD ON MT_TIER_RUN (DATASET, PERIOD_ID);

-- One row per customer of a run. ROW_KEY is RUN_ID * 4294967296 + the customer's position in the run, the
-- customers being numbered from 0 in the order of their ids (Java's String order, whatever the database's
-- collation): a run's rows are one range of the primary key, read in customer order, written at the end of
-- the index and removed by range. H2 keeps a table in the order of a single BIGINT primary key, so this
-- table needs no other index (a key on (RUN_ID, CUSTOMER_ID) doubled the time to write a million rows, and
-- a customer's row is found by bisecting the positions). No foreign key to MT_TIER_RUN for the same reason:
-- rows are written before their run becomes visible and removed after it is replaced.
-- Money to the cent, as the purchases; SCORE is 0 to 100.
CREATE TABLE MT_TIER (
    ROW_KEY       BIGINT         NOT NULL,
    RUN_ID        BIGINT         NOT NULL,
    CUSTOMER_ID   VARCHAR(200)   NOT NULL,
    COMPUTED_TIER VARCHAR(10)    NOT NULL,
    SCORE         DOUBLE PRECISION NOT NULL,
    REVENUE       DECIMAL(19, 2) NOT NULL,
    NET_PROFIT    DECIMAL(19, 2) NOT NULL,
    REASON        VARCHAR(2000)  NOT NULL,
    CONSTRAINT MT_TIER_PK PRIMARY KEY (ROW_KEY)
);

-- A person's decision to put a customer in another tier for a period. Kept apart from the runs, so that it
-- survives re-runs of the period, and may be recorded before the period's first run.
CREATE TABLE MT_TIER_OVERRIDE (
    DATASET     VARCHAR(100)  NOT NULL,
    PERIOD_ID   VARCHAR(10)   NOT NULL,
    CUSTOMER_ID VARCHAR(200)  NOT NULL,
    TIER        VARCHAR(10)   NOT NULL,
    REASON      VARCHAR(2000) NOT NULL,
    AUTHOR      VARCHAR(200)  NOT NULL,
    DECIDED_AT  TIMESTAMP     NOT NULL,
    CONSTRAINT MT_TIER_OVERRIDE_PK PRIMARY KEY (DATASET, PERIOD_ID, CUSTOMER_ID),
    CONSTRAINT MT_TIER_OVERRIDE_DATASET FOREIGN KEY (DATASET) REFERENCES MT_DATASET (NAME)
);
