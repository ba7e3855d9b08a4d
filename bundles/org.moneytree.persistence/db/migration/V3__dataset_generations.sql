-- Version 3: datasets in generations, so that a large load can be written in many small committed
-- transactions and still become visible all at once. MT_DATASET.GENERATION names the generation readers
-- see (NULL: none yet, the dataset's first load has not finished); rows of any other generation belong to
-- a load in progress, or to one that was killed or failed, and are invisible until cleaned up.
-- (V2 is reserved for the archive tables, which reference MT_DATASET(NAME); that key stays as it is.)
ALTER TABLE MT_DATASET ADD COLUMN GENERATION BIGINT;
UPDATE MT_DATASET SET GENERATION = 0;

ALTER TABLE MT_PURCHASE ADD COLUMN GENERATION BIGINT DEFAULT 0 NOT NULL;
-- The purchase key is now unique per generation; its index is also the one by which loads compare, carry
-- over and clean up generations.
ALTER TABLE MT_PURCHASE DROP CONSTRAINT MT_PURCHASE_KEY;
ALTER TABLE MT_PURCHASE ADD CONSTRAINT MT_PURCHASE_KEY UNIQUE (DATASET, GENERATION, PURCHASE_KEY);
-- The foreign key to MT_DATASET goes. H2 keeps an index on DATASET alone for it, and its planner chose that
-- index for the MERGE of a load (scanning the whole dataset for every merged row: 70,000 rows took over
-- ten minutes instead of seconds); it also cost every inserted row an index entry. Loads create a dataset
-- before writing its purchases and nothing deletes datasets, so the key guarded nothing the code does not.
ALTER TABLE MT_PURCHASE DROP CONSTRAINT MT_PURCHASE_DATASET;
