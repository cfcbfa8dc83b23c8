package dev.locksmith.crypto;

import org.bouncycastle.crypto.params.Argon2Parameters;

/** The three Argon2 variants, with their PHC identifier and Bouncy Castle constant. */
enum Argon2Type {
    ARGON2D("argon2d", Argon2Parameters.ARGON2_d),
    ARGON2I("argon2i", Argon2Parameters.ARGON2_i),
    ARGON2ID("argon2id", Argon2Parameters.ARGON2_id);

    private final String phcId;
    private final int bcType;

    Argon2Type(String phcId, int bcType) {
        this.phcId = phcId;
        this.bcType = bcType;
    }

    String phcId() {
        return phcId;
    }

    int bcType() {
        return bcType;
    }

    /** The variant with this PHC identifier, or null. */
    static Argon2Type ofPhcId(String id) {
        for (Argon2Type t : values()) {
            if (t.phcId.equals(id)) {
                return t;
            }
        }
        return null;
    }
}
