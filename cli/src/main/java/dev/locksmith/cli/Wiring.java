package dev.locksmith.cli;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.SecurityProviders;
import dev.locksmith.jdbc.JdbiStore;
import dev.locksmith.ldap.LdifSecurityProviders;
import dev.locksmith.ldap.SecurityProvider;
import dev.locksmith.directory.LdapProviderSettings;
import dev.locksmith.directory.LdapSecurityProviders;
import dev.locksmith.smtp.SmtpMailer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The composition root of the command line: from the chosen store, mail settings and security providers,
 * wires the real adapters into a {@link Locksmith}. The only class that names every adapter. Stateless.
 */
final class Wiring {
    private static final System.Logger LOG = System.getLogger(Wiring.class.getName());
    /** The file name of the embedded H2 database inside the data folder (H2 adds {@code .mv.db}). */
    static final String H2_FILE = "locksmith";

    private Wiring() {
    }

    /** Where users, history, audit and policy are kept. */
    sealed interface Store {
        /** The embedded H2 database in a folder (created when missing). */
        record Embedded(Path folder) implements Store {
            public Embedded {
                Objects.requireNonNull(folder, "folder");
            }
        }

        /**
         * A database at a JDBC URL (PostgreSQL, or H2 in server or memory mode). The password array is copied
         * by {@link #open} and may be wiped by the caller afterwards.
         */
        record Jdbc(String url, Optional<String> user, Optional<char[]> password) implements Store {
            public Jdbc {
                Objects.requireNonNull(url, "url");
                Objects.requireNonNull(user, "user");
                Objects.requireNonNull(password, "password");
            }

            @Override
            public String toString() {
                return "Jdbc[" + url + ", user=" + user.orElse("none") + ", password=" + (password.isPresent() ? "[redacted]" : "none") + "]";
            }
        }
    }

    /**
     * Everything the command's options chose.
     *
     * @param clock the clock of the use cases and the mailer
     */
    record Settings(Store store, MailConfig mail, List<ProviderSpec> providers,
                    List<LdapProviderSettings> ldapProviders, Clock clock) {
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
                    builder.provider(SecurityProvider.builder(spec.name(), spec.kind()).ldif(spec.ldif()).build());
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
                providers = settings.providers().isEmpty() ? ldap : new CombinedSecurityProviders(List.of(providers, ldap));
            }
            Locksmith locksmith = Locksmith.builder()
                    .userAccounts(store.userAccounts())
                    .passwordHistory(store.passwordHistory())
                    .auditTrail(store.auditTrail())
                    .policyStore(store.policyStore())
                    .transactions(store.transactions())
                    .passwordHasher(adapters.passwordHasher())
                    // Loaded on first use, so that a command checking no password never loads the word lists.
                    .blocklist(password -> adapters.blocklist().contains(password))
                    .strengthEstimator((password, inputs) -> adapters.strengthEstimator().estimate(password, inputs))
                    .securityProviders(providers)
                    .mailer(new SmtpMailer(settings.mail().settings(), settings.clock()))
                    .notifyPasswordChanges(settings.mail().notifyPasswordChanges())
                    .clock(settings.clock())
                    .build();
            return new Session(locksmith, settings.mail().settings().isConfigured(), opened);
        } catch (RuntimeException e) {
            Session.closeAll(opened);
            throw e;
        }
    }

    private static JdbiStore store(Store store) {
        if (store instanceof Store.Embedded embedded) {
            try {
                createPrivateFolder(embedded.folder());
            } catch (IOException e) {
                throw new UnavailableException("cannot create the data folder " + embedded.folder(), e);
            }
            JdbiStore opened = JdbiStore.embedded(embedded.folder().resolve(H2_FILE));
            try {
                makePrivate(embedded.folder().resolve(H2_FILE + ".mv.db"));
            } catch (IOException e) {
                opened.close();
                throw new UnavailableException("cannot restrict access to the database in " + embedded.folder(), e);
            }
            return opened;
        }
        Store.Jdbc jdbc = (Store.Jdbc) store;
        JdbiStore.Builder builder = JdbiStore.builder().jdbcUrl(jdbc.url());
        if (jdbc.user().isPresent()) {
            // JDBC takes the password as a String; it lives as long as the pool does.
            builder.credentials(jdbc.user().get(), jdbc.password().map(String::new).orElse(null));
        }
        return builder.build();
    }

    /** Wipes a password array handed to {@link Store.Jdbc}. */
    static void wipe(Optional<char[]> password) {
        password.ifPresent(p -> Arrays.fill(p, '\0'));
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
            LOG.log(System.Logger.Level.WARNING, "the data folder {0} is accessible to other users ({1}); the"
                    + " database in it holds password hashes", folder, PosixFilePermissions.toString(current));
        }
    }

    /** The embedded database file, readable and writable by its owner only (on POSIX file systems). */
    static void makePrivate(Path file) throws IOException {
        if (Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
