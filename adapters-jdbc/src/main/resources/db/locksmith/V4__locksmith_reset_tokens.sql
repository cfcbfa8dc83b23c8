-- Locksmith schema, version 4. Portable SQL, placeholders as in V1 (${prefix}, ${usernameCollation}).
--
-- One-time password-reset links. Only the SHA-256 of a link's token is stored (64 hex digits), so reading this
-- table gives nobody a working link. A token names the user's identity (never reused), not only the name, and a
-- fingerprint of the password hash it was issued against: any other password change voids it. No foreign key
-- to the users table: a deleted user's tokens are refused by identity and removed when they expire.

CREATE TABLE ${prefix}reset_tokens (
    token_hash  CHAR(64) NOT NULL,
    user_id     VARCHAR(36) NOT NULL,
    username    VARCHAR(256) ${usernameCollation} NOT NULL,
    credential  CHAR(64) NOT NULL,
    issued_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ${prefix}reset_tokens_pk PRIMARY KEY (token_hash)
);

CREATE INDEX ${prefix}reset_tokens_user_ix ON ${prefix}reset_tokens (user_id);
CREATE INDEX ${prefix}reset_tokens_expiry_ix ON ${prefix}reset_tokens (expires_at);
