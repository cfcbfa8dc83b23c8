package dev.locksmith.benchmarks.jdbc;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import dev.locksmith.jdbc.JdbiStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * User search on the JDBC adapter over H2 (in memory), at 10k, 100k and 1M users: exact username lookup,
 * username prefix lookup and substring search, each beside a plain Java scan of the same strings held in
 * arrays (the floor). Sample time, so JMH reports p50 and p99.
 *
 * <p>Users are {@code user0000000}... with realistic names and addresses; the prefix {@code user00050}
 * matches 100 users at every size (a page of 50 is read); the substring {@code quartzite} is in one private
 * display name only, the last user's, so the search reads every row: the worst case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SearchBenchmark {
    private static final String PREFIX = "user00050";
    private static final String RARE = "quartzite";
    private static final int PAGE = 50;
    private static final String[] FIRST = {
        "Alice",
        "Bruno",
        "Chloé",
        "Dmitri",
        "Emma",
        "Farid",
        "Grace",
        "Hiroshi",
        "Ines",
        "Jonas",
        "Kateřina",
        "Liam",
        "Maya",
        "Noah",
        "Olga",
        "Pedro",
        "Quinn",
        "Rosa",
        "Sven",
        "Tariq"
    };
    private static final String[] LAST = {
        "Anderson",
        "Becker",
        "Costa",
        "Dubois",
        "Evans",
        "Fischer",
        "García",
        "Hansen",
        "Ivanova",
        "Jensen",
        "Kowalski",
        "López",
        "Müller",
        "Nakamura",
        "O'Brien",
        "Petrov",
        "Rossi",
        "Schmidt",
        "Tanaka",
        "Weber"
    };

    @Param({"10000", "100000", "1000000"})
    public int users;

    private String url;
    private JdbiStore store;
    private String exact;
    // The floor's data: the same searchable strings, folded as the store folds them, in username order.
    private String[] usernames;
    private String[] publicNames;
    private String[] privateNames;
    private String[] emails;

    @Setup(Level.Trial)
    public void populate() {
        url = "jdbc:h2:mem:search" + users + ";DB_CLOSE_DELAY=-1";
        store = JdbiStore.builder().jdbcUrl(url).maximumPoolSize(2).build();
        usernames = new String[users];
        publicNames = new String[users];
        privateNames = new String[users];
        emails = new String[users];
        PasswordHash hash = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA");
        Instant now = Instant.parse("2031-01-01T00:00:00Z");
        List<User> batch = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String name = String.format(Locale.ROOT, "user%07d", i);
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length) % LAST.length];
            String publicName = first + " " + last;
            String privateName =
                    publicName + (i == users - 1 ? " (" + RARE + " team)" : " (support, floor " + (i % 40) + ")");
            String email = first.toLowerCase(Locale.ROOT) + "." + i + "@example.com";
            Profile profile = new Profile(publicName, privateName, Optional.of(EmailAddress.of(email)), "");
            batch.add(User.newLocal(Username.of(name), profile, Set.of(), hash, now, false, Optional.empty()));
            usernames[i] = name;
            publicNames[i] = profile.publicName().toLowerCase(Locale.ROOT);
            privateNames[i] = profile.privateName().toLowerCase(Locale.ROOT);
            emails[i] = email.toLowerCase(Locale.ROOT);
            if (batch.size() == 20_000) {
                store.userAccounts().addAll(batch);
                batch.clear();
            }
        }
        store.userAccounts().addAll(batch);
        exact = usernames[users / 2];
        if (store.userAccounts().count() != users) {
            throw new IllegalStateException("population failed");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        store.close();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    @Benchmark
    public Optional<User> exactLookup() {
        return store.userAccounts().find(Username.of(exact));
    }

    @Benchmark
    public int exactLookupJavaScan() {
        for (int i = 0; i < usernames.length; i++) {
            if (usernames[i].equals(exact)) {
                return i;
            }
        }
        return -1;
    }

    @Benchmark
    public Page<User> prefixLookup() {
        return store.userAccounts().searchByUsernamePrefix(new UserSearch(PREFIX, Optional.empty(), PAGE));
    }

    @Benchmark
    public List<String> prefixLookupJavaScan() {
        List<String> page = new ArrayList<>(PAGE);
        for (int i = 0; i < usernames.length && page.size() < PAGE; i++) {
            if (usernames[i].startsWith(PREFIX)) {
                page.add(usernames[i]);
            }
        }
        return page;
    }

    @Benchmark
    public Page<User> substringSearch() {
        return store.userAccounts().search(new UserSearch(RARE, Optional.empty(), PAGE));
    }

    @Benchmark
    public List<String> substringSearchJavaScan() {
        List<String> page = new ArrayList<>(PAGE);
        for (int i = 0; i < usernames.length && page.size() < PAGE; i++) {
            if (usernames[i].contains(RARE)
                    || publicNames[i].contains(RARE)
                    || privateNames[i].contains(RARE)
                    || emails[i].contains(RARE)) {
                page.add(usernames[i]);
            }
        }
        return page;
    }
}
