package dev.locksmith.screening;

import dev.locksmith.core.port.Blocklist;
import dev.locksmith.core.testing.contract.BlocklistContract;
import java.util.Set;

/** Core's blocklist contract against the Bloom filter, with the bundled list loaded as in production. */
class BloomFilterBlocklistContractTest extends BlocklistContract {
    @Override
    protected Blocklist blocklistContaining(Set<String> words) {
        return BloomFilterBlocklist.builder().bannedWords(words).build();
    }
}
