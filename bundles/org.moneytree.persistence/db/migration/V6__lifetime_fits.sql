-- Version 6: lifetime-value fits. Each fit of a dataset: the transaction model (BG/NBD, Pareto/NBD or sBG) and
-- the Gamma-Gamma spend model with their diagnostics, and the calibration data they were fitted to (every
-- customer's frequency, recency, age, average value and holdout purchases), encoded and compressed by the
-- lifetime service in one value: forecasts and criteria read it whole, never by customer, and a million
-- customers are a few megabytes there against a million rows. Portable SQL (H2 2 and PostgreSQL 15); BYTEA is
-- PostgreSQL's binary type and an H2 alias of VARBINARY. Parameters and standard errors are the family's
-- parameters in order, as decimal numbers separated by spaces (NaN where there is none). Times in UTC.
CREATE SEQUENCE MT_CLV_FIT_ID START WITH 1 INCREMENT BY 1;

CREATE TABLE MT_CLV_FIT (
    ID                    BIGINT           NOT NULL,
    DATASET               VARCHAR(100)     NOT NULL,
    SECTOR                VARCHAR(100),
    CALIBRATION_START     DATE             NOT NULL,
    CALIBRATION_END       DATE             NOT NULL,
    HOLDOUT_END           DATE,
    TIME_UNIT_DAYS        DOUBLE PRECISION NOT NULL,
    FITTED_AT             TIMESTAMP        NOT NULL,
    FAMILY                VARCHAR(20)      NOT NULL,
    CONVERGED             BOOLEAN          NOT NULL,
    PROBLEM               VARCHAR(2000),
    LOG_LIKELIHOOD        DOUBLE PRECISION NOT NULL,
    PARAMETERS            VARCHAR(400)     NOT NULL,
    STANDARD_ERRORS       VARCHAR(400)     NOT NULL,
    ITERATIONS            INTEGER          NOT NULL,
    EVALUATIONS           INTEGER          NOT NULL,
    STARTS                INTEGER          NOT NULL,
    STARTS_AGREEING       INTEGER          NOT NULL,
    CUSTOMERS             DOUBLE PRECISION NOT NULL,
    MILLIS                BIGINT           NOT NULL,
    SPEND_CONVERGED       BOOLEAN,
    SPEND_PROBLEM         VARCHAR(2000),
    SPEND_LOG_LIKELIHOOD  DOUBLE PRECISION,
    SPEND_PARAMETERS      VARCHAR(400),
    SPEND_STANDARD_ERRORS VARCHAR(400),
    SPEND_ITERATIONS      INTEGER,
    SPEND_EVALUATIONS     INTEGER,
    SPEND_STARTS          INTEGER,
    SPEND_STARTS_AGREEING INTEGER,
    SPEND_CUSTOMERS       DOUBLE PRECISION,
    SPEND_MILLIS          BIGINT,
    CALIBRATION           BYTEA            NOT NULL,
    CONSTRAINT MT_CLV_FIT_PK PRIMARY KEY (ID),
    CONSTRAINT MT_CLV_FIT_DATASET FOREIGN KEY (DATASET) REFERENCES MT_DATASET (NAME)
);
CREATE INDEX MT_CLV_FIT_BY_DATASET ON MT_CLV_FIT (DATASET);
