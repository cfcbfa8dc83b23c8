-- Locksmith schema, version 2. Portable SQL, placeholders as in V1 (${prefix}).
--
-- Named rows that transactions lock to take turns where there may be no other row to lock. The row
-- 'administrators' is locked by every count of enabled administrators before it counts: two
-- first-administrator bootstraps on a store without one would otherwise both count zero (no administrator
-- row exists to lock), both insert, and both commit.

CREATE TABLE ${prefix}guards (
    name VARCHAR(64) NOT NULL,
    CONSTRAINT ${prefix}guards_pk PRIMARY KEY (name)
);

INSERT INTO ${prefix}guards (name) VALUES ('administrators');
