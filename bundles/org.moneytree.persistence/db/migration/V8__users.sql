-- Version 8: the users of the web console. One row per user: the login name, the role ('admin' or
-- 'analyst', see org.moneytree.api.user.Role) and the password's salted Argon2id hash as a PHC string
-- ($argon2id$v=19$m=19456,t=2,p=1$salt$hash, about 100 characters), which carries its own parameters so that
-- they can change without invalidating the hashes kept. No password is ever stored. Times in UTC. Portable
-- SQL (H2 2 and PostgreSQL 15): no placeholder is needed.
CREATE TABLE MT_USER (
    NAME          VARCHAR(64)  NOT NULL,
    USER_ROLE     VARCHAR(20)  NOT NULL,
    PASSWORD_HASH VARCHAR(400) NOT NULL,
    CREATED_AT    TIMESTAMP    NOT NULL,
    LAST_LOGIN    TIMESTAMP,
    CONSTRAINT MT_USER_PK PRIMARY KEY (NAME)
);
