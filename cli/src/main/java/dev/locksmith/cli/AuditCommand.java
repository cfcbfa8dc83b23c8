package dev.locksmith.cli;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.usecase.ReadAuditTrail;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code locksmith audit}: the audit trail, newest first. */
@Command(
        name = "audit",
        description = "Show the audit trail, newest first (administrators only): who did what to "
                + "whom, when, and how it ended, refusals included. Filters by user, time and action; prints a table, "
                + "JSON (--json) or CSV (--csv).")
final class AuditCommand extends ActingCommand {
    /** The most records read per call of the use case while filtering. */
    private static final int PAGE = 1000;

    @Option(names = "--user", paramLabel = "USERNAME", description = "Only events whose actor or target is this user.")
    String user;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "How many events, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--before",
            paramLabel = "SEQ",
            description = "Only events older than this sequence number (the next page).")
    Long before;

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description = "Only events at or after this time, ISO-8601 UTC, " + "e.g. 2026-01-31T00:00:00Z.")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only events before this time, ISO-8601 UTC.")
    String until;

    @Option(
            names = "--action",
            paramLabel = "ACTION",
            description =
                    "Only events of this action, e.g. SET_PASSWORD, " + "AUTHENTICATE, ACCOUNT_LOCKED; repeatable.")
    List<String> actions = new ArrayList<>();

    @Mixin
    JsonOption output = new JsonOption();

    @Option(
            names = "--csv",
            description =
                    "Print CSV with a header row: sequence, at, actor, action, target, outcome, " + "code, details.")
    boolean csv;

    @Override
    void check() {
        super.check();
        Values.range(limit, 1, 1000, "--limit");
        if (user != null) {
            Values.username(user, "--user");
        }
        if (output.json && csv) {
            throw new InvalidInputException("--json", "and --csv exclude each other");
        }
        time(since, "--since");
        time(until, "--until");
        actions();
    }

    @Override
    int run(Session session) {
        Optional<Instant> from = time(since, "--since");
        Optional<Instant> to = time(until, "--until");
        Set<Operation> wanted = actions();
        boolean filtered = from.isPresent() || to.isPresent() || !wanted.isEmpty();
        Optional<Username> who = Optional.ofNullable(user).map(u -> Values.username(u, "--user"));
        List<AuditRecord> records = new ArrayList<>();
        Optional<Long> cursor = Optional.ofNullable(before);
        boolean more = true;
        while (more && records.size() < limit) {
            int size = filtered ? PAGE : limit - records.size();
            List<AuditRecord> page = session.locksmith()
                    .readAuditTrail()
                    .execute(new ReadAuditTrail.Command(actor(), new AuditTrail.Query(who, cursor, size)));
            for (AuditRecord r : page) {
                Instant at = r.event().at();
                if (from.isPresent() && at.isBefore(from.get())) {
                    more = false; // newest first: everything further is older still
                    break;
                }
                if ((to.isEmpty() || at.isBefore(to.get()))
                        && (wanted.isEmpty() || wanted.contains(r.event().action()))
                        && records.size() < limit) {
                    records.add(r);
                }
            }
            more = more && page.size() == size;
            cursor = page.isEmpty()
                    ? cursor
                    : Optional.of(page.get(page.size() - 1).sequence());
        }
        Optional<Long> next = records.size() == limit
                ? Optional.of(records.get(records.size() - 1).sequence())
                : Optional.empty();
        PrintWriter out = out();
        if (output.json) {
            Json.print(JsonViews.audit(records, next), out);
        } else if (csv) {
            out.println("sequence,at,actor,action,target,outcome,code,details");
            for (AuditRecord r : records) {
                AuditEvent e = r.event();
                out.println(String.join(
                        ",",
                        String.valueOf(r.sequence()),
                        Describe.time(e.at()),
                        csv(e.actor().map(Username::value).orElse("")),
                        e.action().name(),
                        csv(e.target().map(Username::value).orElse("")),
                        e.outcome().name(),
                        csv(e.code()),
                        csv(new TreeMap<>(e.details())
                                .entrySet().stream()
                                        .map(d -> d.getKey() + "=" + d.getValue())
                                        .collect(Collectors.joining(" ")))));
            }
        } else {
            Describe.audit(records, "").forEach(out::println);
            next.ifPresent(n -> out.println("More events: add --before " + n));
        }
        return ExitCode.OK.code();
    }

    /**
     * A CSV field (RFC 4180): quoted when it holds a comma, quote or line end; a leading {@code = + - @} is
     * neutralised with a quote mark, so a spreadsheet never runs a value as a formula.
     */
    static String csv(String value) {
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static Optional<Instant> time(String text, String option) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option, "not a time like 2026-01-31T00:00:00Z");
        }
    }

    private Set<Operation> actions() {
        Set<Operation> set = EnumSet.noneOf(Operation.class);
        for (String name : actions) {
            String upper = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                set.add(Operation.valueOf(upper));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--action", "must be one of " + EnumSet.allOf(Operation.class));
            }
        }
        return set;
    }
}
