package dev.locksmith.cli;

import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.usecase.ReadAuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;

/** {@code locksmith audit}: the audit trail, newest first. */
@Command(name = "audit", description = "Show the audit trail, newest first (administrators only): who did what to "
        + "whom, when, and how it ended, refusals included.")
final class AuditCommand extends ActingCommand {
    @Option(names = "--user", paramLabel = "USERNAME", description = "Only events whose actor or target is this user.")
    String user;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many events, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--before", paramLabel = "SEQ", description = "Only events older than this sequence number (the next page).")
    Long before;

    @Override
    void check() {
        super.check();
        Values.range(limit, 1, 1000, "--limit");
        if (user != null) {
            Values.username(user, "--user");
        }
    }

    @Override
    int run(Session session) {
        AuditTrail.Query query = new AuditTrail.Query(Optional.ofNullable(user).map(u -> Values.username(u, "--user")),
                Optional.ofNullable(before), limit);
        List<AuditRecord> records = session.locksmith().readAuditTrail().execute(new ReadAuditTrail.Command(actor(), query));
        Describe.audit(records, "").forEach(out()::println);
        if (records.size() == limit) {
            out().println("More events: add --before " + records.get(records.size() - 1).sequence());
        }
        return ExitCode.OK;
    }
}
