package dev.locksmith.core.fakes;

import dev.locksmith.core.port.ResetTokens;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.InMemoryResetTokens;
import dev.locksmith.core.testing.contract.ResetTokensContract;

/** The reset-token contract against core's in-memory fake (the same contract the JDBC adapter runs). */
class InMemoryResetTokensContractTest extends ResetTokensContract {
    @Override
    protected ResetTokens newResetTokens() {
        return new InMemoryResetTokens(new InMemoryDatabase());
    }
}
