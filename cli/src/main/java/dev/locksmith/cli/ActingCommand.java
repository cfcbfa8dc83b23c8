package dev.locksmith.cli;

import dev.locksmith.core.domain.Username;
import picocli.CommandLine.Option;

/**
 * Base of the commands performed as a user ({@code --as}): Locksmith re-reads that user's permissions and
 * decides. The command line authenticates nobody: whoever can open the store can name any actor, as a host
 * application that has authenticated its user does. One instance per execution; not thread-safe.
 */
abstract class ActingCommand extends StoreCommand {
    @Option(
            names = "--as",
            required = true,
            paramLabel = "USERNAME",
            description = "The user performing the command; Locksmith checks their permissions.")
    String as;

    final Username actor() {
        return Values.username(as, "--as");
    }

    @Override
    void check() {
        actor();
    }
}
