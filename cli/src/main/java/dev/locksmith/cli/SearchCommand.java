package dev.locksmith.cli;

import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.usecase.ReadPolicy;
import dev.locksmith.core.usecase.SearchUsers;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code locksmith search}: users and what the actor may do to each. */
@Command(
        name = "search",
        description = "Search users by username, display name or email (case-insensitive "
                + "substring; all users without TEXT). Administrators see every field; users allowed to set passwords see "
                + "the limited view. The full view also tells when each password was set and when it expires. The ACTIONS "
                + "column lists what the acting user may do to each row.")
final class SearchCommand extends ActingCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT", description = "Text to look for.")
    String text = "";

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "Page size, 1 to 500 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--after", paramLabel = "USERNAME", description = "Start after this username (the next page).")
    String after;

    @Option(
            names = "--json",
            description = "Print one JSON document (fields in the README); the full view adds "
                    + "when each password changed and expires.")
    boolean json;

    @Override
    void check() {
        super.check();
        Values.range(limit, 1, dev.locksmith.core.domain.UserSearch.MAX_LIMIT, "--limit");
    }

    @Override
    int run(Session session) {
        SearchUsers.Result result = session.locksmith()
                .searchUsers()
                .execute(SearchUsers.Command.of(actor(), text, Optional.ofNullable(after), limit));
        // The full view tells when passwords expire, which takes the policy's maximum age.
        Optional<dev.locksmith.core.domain.PasswordPolicy> policy = result.view() == Authorization.View.FULL
                ? Optional.of(session.locksmith().readPolicy().execute(new ReadPolicy.Command(actor())))
                : Optional.empty();
        return print(json, () -> JsonViews.search(result, policy), () -> Describe.search(result, "", policy));
    }
}
