package dev.locksmith.cli;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.port.SecurityProviders;
import dev.locksmith.directory.LdapProviderSettings;
import dev.locksmith.directory.LdapSecurityProviders;
import dev.locksmith.jdbc.JdbiStore;
import dev.locksmith.ldap.LdifProvider;
import dev.locksmith.ldap.LdifSecurityProviders;
import dev.locksmith.smtp.SmtpMailer;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The composition root of the command line: from the chosen store, mail settings and security providers,
 * wires the real adapters into a {@link Locksmith}. The only class that names every adapter. Stateless.
 */
final class Wiring {
    private static final System.Logger LOG = System.getLogger(Wiring.class.getName());
    /** The file name of the embedded H2 database inside the data folder (H2 adds {@code .mv.db}). */
    static final String H2_FILE = "locksmith";
    /**
     * Connections of a command's pool: a command runs one use case at a time, which may hold a transaction
     * while its refusal is audited in another; more would only cost start-up time.
     */
    private static final int POOL_SIZE = 3;

    private Wiring() {}

    /** Where users, history, audit and policy are kept. */
    sealed interface Store {
        /**
         * The embedded H2 database in a folder.
         *
         * @param create whether a missing store is created ({@code init} and {@code demo}); otherwise a folder
         *     without one is refused, so a typo in {@code --data} never yields a new empty store
         * @param lockWait how long to wait while another process has the store open (H2 opens a file in one
         *     process at a time), before saying so
         */
        record Embedded(Path folder, boolean create, Duration lockWait) implements Store {
            /** How long a command waits by default for another command on the same store to finish. */
            static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(30);

            public Embedded {
                Objects.requireNonNull(folder, "folder");
                Objects.requireNonNull(lockWait, "lockWait");
            }

            /** A store that may be created, waiting the default time for other processes. */
            static Embedded creating(Path folder) {
                return new Embedded(folder, true, DEFAULT_LOCK_WAIT);
            }

            /** The database file H2 keeps in the folder. */
            Path file() {
                return folder.resolve(H2_FILE + ".mv.db");
            }
        }

        /**
         * A database at a JDBC URL (PostgreSQL, or H2 in server or memory mode). The password array is copied
         * by {@link #open} and may be wiped by the caller afterwards.
         */
        record Jdbc(
                String url,
                Optional<String> user,
                Optional<char[]> password,
                Optional<String> schema,
                Optional<String> tablePrefix)
                implements Store {
            public Jdbc {
                Objects.requireNonNull(url, "url");
                Objects.requireNonNull(user, "user");
                Objects.requireNonNull(password, "password");
                Objects.requireNonNull(schema, "schema");
                Objects.requireNonNull(tablePrefix, "tablePrefix");
            }

            /** A URL with neither schema nor prefix (the defaults). */
            Jdbc(String url, Optional<String> user, Optional<char[]> password) {
                this(url, user, password, Optional.empty(), Optional.empty());
            }

            @Override
            public String toString() {
                // Never the URL: it may carry credentials.
                return "Jdbc[" + DatabaseErrors.server(url) + ", user=" + user.orElse("none") + ", password="
                        + (password.isPresent() ? "[redacted]" : "none") + "]";
            }
        }
    }

    /**
     * Everything the command's options chose.
     *
     * @param clock the clock of the use cases and the mailer
     */
    record Settings(
            Store store,
            MailConfig mail,
            List<ProviderSpec> providers,
            List<LdapProviderSettings> ldapProviders,
            Clock clock) {
        Settings {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(mail, "mail");
            providers = List.copyOf(providers);
            ldapProviders = List.copyOf(ldapProviders);
            Objects.requireNonNull(clock, "clock");
        }

        /** Without live directory providers. */
        Settings(Store store, MailConfig mail, List<ProviderSpec> providers, Clock clock) {
            this(store, mail, providers, List.of(), clock);
        }
    }

    /**
     * Opens the store (migrating its schema), loads the providers' directory data and wires everything.
     *
     * @throws dev.locksmith.core.domain.InvalidInputException for bad settings or malformed LDIF
     * @throws UnavailableException when the database or a file cannot be reached
     */
    static Session open(Settings settings, Adapters adapters) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            JdbiStore store = store(settings.store());
            opened.add(store);
            SecurityProviders providers = username -> Optional.empty();
            if (!settings.providers().isEmpty()) {
                LdifSecurityProviders.Builder builder = LdifSecurityProviders.builder();
                for (ProviderSpec spec : settings.providers()) {
                    builder.provider(LdifProvider.builder(spec.name(), spec.kind())
                            .ldif(spec.ldif())
                            .build());
                }
                LdifSecurityProviders ldif = builder.build();
                opened.add(ldif);
                providers = ldif;
            }
            if (!settings.ldapProviders().isEmpty()) {
                LdapSecurityProviders.Builder live = LdapSecurityProviders.builder();
                settings.ldapProviders().forEach(live::provider);
                LdapSecurityProviders ldap = live.build();
                opened.add(ldap);
                providers =
                        settings.providers().isEmpty() ? ldap : new CombinedSecurityProviders(List.of(providers, ldap));
            }
            Locksmith.Builder locksmith = Locksmith.builder()
                    .store(store)
                    // Made on first use too: a command that hashes nothing never loads Bouncy Castle.
                    .passwordHasher(lazyHasher(adapters))
                    // Loaded on first use, so that a command checking no password never loads the word lists.
                    .blocklist(password -> adapters.blocklist().contains(password))
                    .strengthEstimator(
                            (password, inputs) -> adapters.strengthEstimator().estimate(password, inputs))
                    .securityProviders(providers)
                    .notifyPasswordChanges(settings.mail().notifyPasswordChanges())
                    .resetTokens(store.resetTokens())
                    .clock(settings.clock());
            // Without mail settings no mailer is given: core's "mail not configured" refuses mail.
            settings.mail().settings().ifPresent(smtp -> locksmith.mailer(new SmtpMailer(smtp, settings.clock())));
            return new Session(
                    locksmith.build(),
                    settings.mail().settings().isPresent(),
                    opened,
                    () -> store.transactions()
                            .inTransaction(() -> store.userAccounts().countEnabledAdministrators() > 0),
                    java.util.stream.Stream.concat(
                                    settings.providers().stream().map(ProviderSpec::name),
                                    settings.ldapProviders().stream().map(LdapProviderSettings::name))
                            .collect(java.util.stream.Collectors.toSet()));
        } catch (RuntimeException e) {
            Session.closeAll(opened);
            throw e;
        }
    }

    private static JdbiStore store(Store store) {
        if (store instanceof Store.Embedded embedded) {
            if (!embedded.create() && !Files.isRegularFile(embedded.file())) {
                throw new InvalidInputException(
                        "--data",
                        "no Locksmith store in " + embedded.folder().toAbsolutePath()
                                + ": name the folder that holds one, or create one there with 'locksmith init'");
            }
            try {
                createPrivateFolder(embedded.folder());
            } catch (IOException e) {
                throw new UnavailableException("cannot create the data folder " + embedded.folder(), e);
            }
            JdbiStore opened = openWaiting(embedded);
            try {
                makePrivate(embedded.folder().resolve(H2_FILE + ".mv.db"));
            } catch (IOException e) {
                opened.close();
                throw new UnavailableException("cannot restrict access to the database in " + embedded.folder(), e);
            }
            return opened;
        }
        Store.Jdbc jdbc = (Store.Jdbc) store;
        JdbiStore.Builder builder = JdbiStore.builder().jdbcUrl(jdbc.url()).maximumPoolSize(POOL_SIZE);
        jdbc.schema().ifPresent(builder::schema);
        jdbc.tablePrefix().ifPresent(builder::tablePrefix);
        if (jdbc.user().isPresent()) {
            // JDBC takes the password as a String; it lives as long as the pool does.
            builder.credentials(
                    jdbc.user().get(), jdbc.password().map(String::new).orElse(null));
        }
        return builder.build();
    }

    /**
     * Opens the embedded store; while another process has it open (H2's file lock, SQLState 90020), waits and
     * tries again, up to the store's lock wait, then says plainly that the store is in use.
     */
    private static JdbiStore openWaiting(Store.Embedded embedded) {
        long deadline = System.nanoTime() + embedded.lockWait().toNanos();
        long pause = 50;
        while (true) {
            try {
                boolean current = SchemaMarker.current(embedded);
                JdbiStore store = JdbiStore.builder()
                        .h2File(embedded.folder().resolve(H2_FILE))
                        .maximumPoolSize(POOL_SIZE)
                        .runMigrations(!current)
                        .build();
                if (!current) {
                    SchemaMarker.record(embedded);
                }
                return store;
            } catch (UnavailableException e) {
                if (!"90020".equals(DatabaseErrors.sqlState(e).orElse(""))) {
                    throw e;
                }
                if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) > deadline) {
                    throw new UnavailableException(
                            "the store in " + embedded.folder().toAbsolutePath() + " is in use by "
                                    + "another process (waited "
                                    + embedded.lockWait().toSeconds() + " s); try again when it "
                                    + "has finished",
                            e);
                }
                LOG.log(System.Logger.Level.DEBUG, "store in use by another process; waiting {0} ms", pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, 400);
            }
        }
    }

    /** A hasher that asks {@code adapters} for the real one when first used. */
    private static PasswordHasher lazyHasher(Adapters adapters) {
        return new PasswordHasher() {
            @Override
            public PasswordHash hash(Password password) {
                return adapters.passwordHasher().hash(password);
            }

            @Override
            public boolean verify(Password password, PasswordHash hash) {
                return adapters.passwordHasher().verify(password, hash);
            }

            @Override
            public boolean needsRehash(PasswordHash hash) {
                return adapters.passwordHasher().needsRehash(hash);
            }
        };
    }

    /** Wipes a password array handed to {@link Store.Jdbc}. */
    static void wipe(Optional<char[]> password) {
        password.ifPresent(p -> Arrays.fill(p, '\0'));
    }

    /** Deletes a folder of the command's own (the demo's, a build's run) and everything in it. */
    static void deleteFolder(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UnavailableException("could not delete the folder " + folder, e);
        }
    }

    /**
     * The data folder holds password hashes: created readable by its owner only (on POSIX file systems); an
     * existing folder that others can read is reported with a warning.
     */
    static void createPrivateFolder(Path folder) throws IOException {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            Files.createDirectories(folder);
            return;
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        if (Files.notExists(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(ownerOnly));
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder");
        }
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(folder);
        if (!ownerOnly.containsAll(current)) {
            // Not changed here: it may be a folder the user shares on purpose. The database file is made private.
            LOG.log(
                    System.Logger.Level.WARNING,
                    "the data folder {0} is accessible to other users ({1}); the"
                            + " database in it holds password hashes",
                    folder,
                    PosixFilePermissions.toString(current));
        }
    }

    /** The embedded database file, readable and writable by its owner only (on POSIX file systems). */
    static void makePrivate(Path file) throws IOException {
        if (Files.exists(file)
                && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
