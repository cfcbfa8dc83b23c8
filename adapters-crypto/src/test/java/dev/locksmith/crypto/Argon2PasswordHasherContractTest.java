package dev.locksmith.crypto;

import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.testing.contract.PasswordHasherContract;
import java.util.ArrayList;
import java.util.List;

/** Core's hasher contract against the Argon2 adapter, with fast test-only parameters. */
class Argon2PasswordHasherContractTest extends PasswordHasherContract {
    private static final PasswordHasher HASHER = new Argon2PasswordHasher(Argon2Settings.builder()
            .testOnly()
            .memoryKiB(64)
            .iterations(1)
            .parallelism(1)
            .maxConcurrency(2)
            .maxVerificationMemoryKiB(1024)
            .build());

    @Override
    protected PasswordHasher hasher() {
        return HASHER;
    }

    @Override
    protected List<String> malformedHashes() {
        List<String> all = new ArrayList<>(super.malformedHashes());
        all.addAll(MalformedHashTest.MALFORMED_ARGON2);
        all.addAll(MalformedHashTest.MALFORMED_BCRYPT);
        return all;
    }
}
