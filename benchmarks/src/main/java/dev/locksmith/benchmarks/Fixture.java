package dev.locksmith.benchmarks;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import dev.locksmith.core.usecase.CreateUser;
import dev.locksmith.crypto.Argon2PasswordHasher;
import dev.locksmith.crypto.Argon2Settings;
import dev.locksmith.jdbc.JdbiStore;
import dev.locksmith.jdbc.RunningPostgres;
import dev.locksmith.screening.BloomFilterBlocklist;
import dev.locksmith.screening.ZxcvbnStrengthEstimator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a benchmark trial runs against, as a host would set it up: a store with its defaults (the embedded H2
 * file, or a throwaway PostgreSQL server through a {@code jdbc:postgresql:} URL, {@link RunningPostgres} started
 * for {@link RunningPostgres.Purpose#MEASUREMENTS}; the store's own pool of {@value JdbiStore#DEFAULT_POOL_SIZE}
 * connections and its default timeouts), the Argon2id hasher at its default settings (cost and hashing gate) or one
 * the benchmark gives, the bundled blocklist and the zxcvbn estimator; an administrator
 * ({@link #ADMIN}), a privileged user with {@code SET_PASSWORDS} ({@link #HELPDESK}), and {@code users} local
 * users {@code user0000}, {@code user0001}, ... sharing one initial password, hashed once (a real Argon2id hash
 * at the default cost). Safe to use from many threads once built, as {@link Locksmith} is.
 */
public final class Fixture implements AutoCloseable {
    /** The administrator. */
    public static final Username ADMIN = Username.of("admin");
    /** The privileged user, with {@code SET_PASSWORDS}. */
    public static final Username HELPDESK = Username.of("helpdesk");

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    /** The use cases, over the store. */
    public final Locksmith locksmith;
    /** The local users, {@code user0000} first. */
    public final Username[] users;
    /** The users' shared initial password. */
    public final String initialPassword;
    /** Its hash, as stored for every user. */
    public final PasswordHash initialHash;

    private final JdbiStore store;
    private final RunningPostgres postgres;
    private final Path folder;
    private volatile boolean closed;
    private volatile long serverCpuAtClose = -1;

    private Fixture(
            Locksmith locksmith,
            Username[] users,
            String initialPassword,
            PasswordHash initialHash,
            JdbiStore store,
            RunningPostgres postgres,
            Path folder) {
        this.locksmith = locksmith;
        this.users = users;
        this.initialPassword = initialPassword;
        this.initialHash = initialHash;
        this.store = store;
        this.postgres = postgres;
        this.folder = folder;
    }

    /**
     * Builds a fixture with the Argon2id hasher at its default settings.
     *
     * @param kind {@code h2} (the embedded file store in a temporary folder) or {@code postgres} (a throwaway
     *             server started for the trial)
     */
    public static Fixture open(String kind, PasswordPolicy policy, int userCount) {
        return open(kind, policy, userCount, new Argon2PasswordHasher(Argon2Settings.defaults()));
    }

    /**
     * Builds a fixture whose use cases hash with {@code hasher}, which also hashes the initial password once.
     *
     * @param kind {@code h2} (the embedded file store in a temporary folder) or {@code postgres} (a throwaway
     *             server started for the trial)
     */
    public static Fixture open(String kind, PasswordPolicy policy, int userCount, PasswordHasher hasher) {
        Path folder = null;
        RunningPostgres postgres = null;
        JdbiStore store;
        try {
            switch (kind) {
                case "h2" -> {
                    folder = Files.createTempDirectory("locksmith-bench");
                    store = JdbiStore.embedded(folder.resolve("locksmith"));
                }
                case "postgres" -> {
                    postgres = RunningPostgres.start(RunningPostgres.Purpose.MEASUREMENTS);
                    store = JdbiStore.builder().jdbcUrl(postgres.url()).build();
                }
                default -> throw new IllegalArgumentException("store: h2 or postgres, not " + kind);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.policyStore().save(policy);
        Locksmith locksmith = Locksmith.builder()
                .store(store)
                .passwordHasher(hasher)
                .blocklist(BloomFilterBlocklist.ofCommonPasswords())
                .strengthEstimator(ZxcvbnStrengthEstimator.create())
                .build();
        locksmith
                .bootstrapAdministrator()
                .execute(new BootstrapAdministrator.Command(
                        ADMIN, Profile.named("Administrator"), Password.of(randomPassword())));
        locksmith
                .createUser()
                .execute(new CreateUser.Command(
                        ADMIN,
                        HELPDESK,
                        Profile.named("Help Desk"),
                        Set.of(Permission.SET_PASSWORDS),
                        Password.of(randomPassword()),
                        false));

        String initial = randomPassword();
        PasswordHash initialHash = hasher.hash(Password.of(initial));
        Instant now = Instant.now();
        Username[] users = new Username[userCount];
        List<User> batch = new ArrayList<>(userCount);
        for (int i = 0; i < userCount; i++) {
            users[i] = Username.of(String.format(Locale.ROOT, "user%04d", i));
            batch.add(User.newLocal(
                    users[i], Profile.named("User " + i), Set.of(), initialHash, now, false, Optional.empty()));
        }
        store.userAccounts().addAll(batch);
        return new Fixture(locksmith, users, initial, initialHash, store, postgres, folder);
    }

    /** 20 random letters and digits: strong (nbvcxz score 4), never on the blocklist, never repeated. */
    public static String randomPassword() {
        SecureRandom random = RANDOM.get();
        StringBuilder text = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /**
     * CPU time used so far by the PostgreSQL server (after {@link #close()}, what it had used then): the postmaster
     * and its live children (the backends serving the pool, the background workers) from {@code /proc/<pid>/stat},
     * plus the children that have ended. Clock ticks of 10 ms; -1 on H2, or when {@code /proc} cannot be read.
     */
    public long serverCpuNanos() {
        return postgres == null || closed ? serverCpuAtClose : cpuNanos(postgres);
    }

    @Override
    public void close() {
        store.close();
        if (postgres != null) {
            serverCpuAtClose = cpuNanos(postgres); // what the iteration being closed reports
            closed = true;
            postgres.close();
        }
        if (folder != null) {
            try {
                Folders.delete(folder);
            } catch (IOException e) {
                // Best effort: a temporary folder.
            }
        }
    }

    private static long cpuNanos(RunningPostgres server) {
        try {
            long parent = server.processId();
            String[] own = statFields(parent);
            long ticks = Long.parseLong(own[13])
                    + Long.parseLong(own[14])
                    + Long.parseLong(own[15])
                    + Long.parseLong(own[16]);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String name = process.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String[] fields = statFields(Long.parseLong(name));
                        if (Long.parseLong(fields[3]) == parent) {
                            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                        }
                    } catch (IOException | RuntimeException e) {
                        // The process ended meanwhile.
                    }
                }
            }
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The fields of {@code /proc/<pid>/stat}, numbered from 0 (the command, in parentheses, skipped over). */
    private static String[] statFields(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        String[] fields = new String[rest.length + 2];
        fields[0] = Long.toString(pid);
        fields[1] = "";
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }
}
