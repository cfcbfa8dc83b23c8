package dev.locksmith.benchmarks.flood;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import dev.locksmith.core.usecase.CreateUser;
import dev.locksmith.crypto.Argon2PasswordHasher;
import dev.locksmith.crypto.Argon2Settings;
import dev.locksmith.jdbc.JdbiStore;
import dev.locksmith.screening.BloomFilterBlocklist;
import dev.locksmith.screening.ZxcvbnStrengthEstimator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a benchmark trial runs against, as a host would set it up: a store with its defaults (the embedded H2
 * file, or a throwaway PostgreSQL server through a {@code jdbc:postgresql:} URL; the store's own pool of
 * {@value JdbiStore#DEFAULT_POOL_SIZE} connections and its default timeouts), the Argon2id hasher at its default
 * settings (cost and hashing gate), the bundled blocklist and the nbvcxz estimator; an administrator
 * ({@link #ADMIN}), a privileged user with {@code SET_PASSWORDS} ({@link #HELPDESK}), and {@code users} local
 * users {@code user0000}, {@code user0001}, ... sharing one initial password, hashed once (a real Argon2id hash
 * at the default cost). Safe to use from many threads once built, as {@link Locksmith} is.
 */
final class Fixture implements AutoCloseable {
    static final Username ADMIN = Username.of("admin");
    static final Username HELPDESK = Username.of("helpdesk");
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    final Argon2PasswordHasher hasher;
    final Locksmith locksmith;
    final Username[] users;
    final String initialPassword;
    final PasswordHash initialHash;
    private final JdbiStore store;
    private final ThrowawayPostgres postgres;
    private final Path folder;

    private Fixture(
            Argon2PasswordHasher hasher,
            Locksmith locksmith,
            Username[] users,
            String initialPassword,
            PasswordHash initialHash,
            JdbiStore store,
            ThrowawayPostgres postgres,
            Path folder) {
        this.hasher = hasher;
        this.locksmith = locksmith;
        this.users = users;
        this.initialPassword = initialPassword;
        this.initialHash = initialHash;
        this.store = store;
        this.postgres = postgres;
        this.folder = folder;
    }

    /**
     * Builds a fixture.
     *
     * @param kind {@code h2} (the embedded file store in a temporary folder) or {@code postgres} (a throwaway
     *             server started for the trial)
     */
    static Fixture open(String kind, PasswordPolicy policy, int userCount) {
        Path folder = null;
        ThrowawayPostgres postgres = null;
        JdbiStore store;
        try {
            switch (kind) {
                case "h2" -> {
                    folder = Files.createTempDirectory("locksmith-flood");
                    store = JdbiStore.embedded(folder.resolve("locksmith"));
                }
                case "postgres" -> {
                    postgres = ThrowawayPostgres.start();
                    Tally.serverCpu(postgres::cpuNanos);
                    store = JdbiStore.builder().jdbcUrl(postgres.url()).build();
                }
                default -> throw new IllegalArgumentException("store: h2 or postgres, not " + kind);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.policyStore().save(policy);
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Settings.defaults());
        Locksmith locksmith = Locksmith.builder()
                .userAccounts(store.userAccounts())
                .passwordHistory(store.passwordHistory())
                .auditTrail(store.auditTrail())
                .policyStore(store.policyStore())
                .transactions(store.transactions())
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
        return new Fixture(hasher, locksmith, users, initial, initialHash, store, postgres, folder);
    }

    /** 20 random letters and digits: strong (nbvcxz score 4), never on the blocklist, never repeated. */
    static String randomPassword() {
        SecureRandom random = RANDOM.get();
        StringBuilder text = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    @Override
    public void close() {
        store.close();
        if (postgres != null) {
            long used = postgres.cpuNanos(); // what the iteration being closed reports
            Tally.serverCpu(() -> used);
            postgres.close();
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // Best effort: a temporary folder.
            }
        }
    }
}
