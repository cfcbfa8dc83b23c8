-- Locksmith schema, version 3. Portable SQL, placeholders as in V1 (${prefix}) and:
--   ${randomUuid}  an expression giving a new random UUID as text, per row:
--                  CAST(gen_random_uuid() AS VARCHAR(36)) on PostgreSQL (13+),
--                  CAST(RANDOM_UUID() AS VARCHAR(36)) on H2.
--
-- 1. Every user gets an identity (users.id), a UUID assigned once and never reused. Optimistic writes match
--    it with the version, so a write meant for a deleted account can never land on a new account of the
--    same name. Existing users get a random one here.
-- 2. The login state (failed count, last failure, lock, last login) moves to a table of its own, keyed by
--    the identity: logins change it with row locks there, never on the users row, and never bump the users
--    row's version, so guessing never makes administration conflict and never waits for it.
-- 3. Password history is keyed by the identity too, and goes with its user: a user created again under a
--    removed user's name does not inherit the removed user's history.

ALTER TABLE ${prefix}users ADD COLUMN id VARCHAR(36);

UPDATE ${prefix}users SET id = ${randomUuid};

ALTER TABLE ${prefix}users ALTER COLUMN id SET NOT NULL;

ALTER TABLE ${prefix}users ADD CONSTRAINT ${prefix}users_id_uk UNIQUE (id);

ALTER TABLE ${prefix}users ADD CONSTRAINT ${prefix}users_id_ck CHECK (CHAR_LENGTH(id) = 36);

CREATE TABLE ${prefix}login_state (
    user_id         VARCHAR(36) NOT NULL,
    failed_logins   INTEGER NOT NULL,
    last_failure_at TIMESTAMP(6) WITH TIME ZONE,
    lock_since      TIMESTAMP(6) WITH TIME ZONE,
    lock_until      TIMESTAMP(6) WITH TIME ZONE,
    last_login_at   TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT ${prefix}login_state_pk PRIMARY KEY (user_id),
    CONSTRAINT ${prefix}login_state_user_fk FOREIGN KEY (user_id) REFERENCES ${prefix}users (id) ON DELETE CASCADE,
    CONSTRAINT ${prefix}login_state_failed_ck CHECK (failed_logins >= 0)
);

-- The time of earlier failures was not kept: a count carried over starts its observation window now.
INSERT INTO ${prefix}login_state (user_id, failed_logins, last_failure_at, lock_since, lock_until, last_login_at)
SELECT id, failed_logins, CASE WHEN failed_logins > 0 THEN CURRENT_TIMESTAMP END, lock_since, lock_until, NULL
FROM ${prefix}users;

ALTER TABLE ${prefix}users DROP CONSTRAINT ${prefix}users_failed_ck;

ALTER TABLE ${prefix}users DROP COLUMN failed_logins;

ALTER TABLE ${prefix}users DROP COLUMN lock_since;

ALTER TABLE ${prefix}users DROP COLUMN lock_until;

-- History rows of users deleted before this version (nothing to keep them for), then the identity key.
DELETE FROM ${prefix}password_history
WHERE NOT EXISTS (SELECT 1 FROM ${prefix}users u WHERE u.username = ${prefix}password_history.username);

ALTER TABLE ${prefix}password_history ADD COLUMN user_id VARCHAR(36);

UPDATE ${prefix}password_history
SET user_id = (SELECT u.id FROM ${prefix}users u WHERE u.username = ${prefix}password_history.username);

ALTER TABLE ${prefix}password_history ALTER COLUMN user_id SET NOT NULL;

DROP INDEX ${prefix}password_history_user_ix;

ALTER TABLE ${prefix}password_history DROP COLUMN username;

CREATE INDEX ${prefix}password_history_user_ix ON ${prefix}password_history (user_id, id);

ALTER TABLE ${prefix}password_history ADD CONSTRAINT ${prefix}password_history_user_fk
    FOREIGN KEY (user_id) REFERENCES ${prefix}users (id) ON DELETE CASCADE;

-- The lockout's observation window (ISO-8601 duration; NULL: the lockout duration).
ALTER TABLE ${prefix}password_policy ADD COLUMN lockout_window VARCHAR(64);

-- How long a one-time reset link works (ISO-8601 duration; NULL: the default, one hour).
ALTER TABLE ${prefix}password_policy ADD COLUMN reset_link_lifetime VARCHAR(64);
