package dev.locksmith.core.fakes;

import dev.locksmith.core.port.Blocklist;
import dev.locksmith.core.port.StrengthEstimator;
import dev.locksmith.core.testing.FakeStrengthEstimator;
import dev.locksmith.core.testing.InMemoryBlocklist;
import dev.locksmith.core.testing.contract.BlocklistContract;
import dev.locksmith.core.testing.contract.StrengthEstimatorContract;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/** The screening ports' contracts, run against core's fakes (the same contracts the screening adapter runs). */
class InMemoryScreeningContractsTest {

    @Nested
    class Blocklists extends BlocklistContract {
        @Override
        protected Blocklist blocklistContaining(Set<String> words) {
            return InMemoryBlocklist.of(words);
        }
    }

    @Nested
    class Strength extends StrengthEstimatorContract {
        @Override
        protected StrengthEstimator estimator() {
            return new FakeStrengthEstimator();
        }
    }
}
