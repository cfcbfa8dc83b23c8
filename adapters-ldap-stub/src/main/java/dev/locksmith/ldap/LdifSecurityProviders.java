package dev.locksmith.ldap;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.SecurityProviders;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Core's {@link SecurityProviders} port over configured providers: the first {@link LdifProvider}, in the
 * order the host listed them, that claims a username (through its LDIF data, its given usernames or its rules)
 * is the claimant. Usernames in the data are brought to core's canonical {@link Username} form, so matching is
 * case-insensitive; a value that is not a valid username (whitespace, control characters, too long, not
 * UTF-8) is skipped with a warning naming file and line.
 *
 * <pre>{@code
 * LdifSecurityProviders providers = LdifSecurityProviders.builder()
 *         .provider(LdifProvider.builder("corp-ad", ProviderKind.ACTIVE_DIRECTORY)
 *                 .ldif(Path.of("/etc/appliance/ad-users.ldif"))
 *                 .windowsDomain("CORP")
 *                 .build())
 *         .provider(LdifProvider.builder("kdc", ProviderKind.KERBEROS).kerberosRealm("CORP.EXAMPLE.COM").build())
 *         .pollEvery(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 *
 * <p><b>Reload.</b> All data (every provider, every file) is one immutable snapshot published by a single
 * volatile write, so a lookup during a reload sees the old data or the new, never a mix, and never waits.
 * {@link #reload()} re-reads every file; {@link #reloadIfChanged()} first compares each file's size,
 * modification time and file key with the last read (and re-hashes a file modified within
 * {@link LdifFile#RACY_WINDOW} of its read, whose time cannot be trusted), then skips the swap when the SHA-256
 * of every file is unchanged. With {@link Builder#pollEvery(Duration)}, one daemon thread runs
 * {@code reloadIfChanged()} at that interval until {@link #close()}. Lookups never check files themselves: they
 * sit on the login path and must not do file I/O or wait for a reload. A failed reload throws and keeps the
 * previous data; the poll logs the failure once (at WARNING) and retries when the file changes again. Replace
 * files atomically (write a new file, rename it over the old one); a file that changes while it is read is read
 * again, up to three times.
 *
 * <p>Thread-safe: lookups are lock-free reads of immutable Guava collections; reloads are serialized.
 * Logging goes through {@link System.Logger} named after this class.
 */
public final class LdifSecurityProviders implements SecurityProviders, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LdifSecurityProviders.class.getName());

    private final ImmutableList<LdifProvider> providers;
    private final ImmutableList<Path> files;
    private final ReentrantLock reloadLock = new ReentrantLock();
    private final ScheduledExecutorService poller;

    private volatile Snapshot current;
    /** The fingerprints of the last read of each file, successful or not; guarded by {@link #reloadLock}. */
    private Map<Path, LdifFile.Fingerprint> lastRead = Map.of();
    /** The last poll failure logged, so that a broken file is reported once; poll thread only. */
    private String lastPollFailure;

    private LdifSecurityProviders(ImmutableList<LdifProvider> providers, Duration pollInterval) {
        this.providers = providers;
        this.files = providers.stream()
                .flatMap(p -> p.ldifFiles().stream())
                .distinct()
                .collect(ImmutableList.toImmutableList());
        reloadLock.lock();
        try {
            load(false, 1);
        } finally {
            reloadLock.unlock();
        }
        if (pollInterval == null) {
            poller = null;
        } else {
            poller = Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder()
                    .setNameFormat("locksmith-ldif-reload-%d")
                    .setDaemon(true)
                    .build());
            long millis = pollInterval.toMillis();
            // The poll catches and logs everything itself; the executor is shut down on close.
            var unused = poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts a configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The first provider, in configured order, that claims the username. Reads the current snapshot only: no
     * I/O, no lock, no allocation beyond what the caller sees.
     *
     * @throws InvalidInputException when {@code username} is null
     */
    @Override
    public Optional<Source.Provider> claimant(Username username) {
        InvalidInputException.requireNonNull(username, "username");
        return current.claimant(username.value());
    }

    /** The providers in the order they are consulted. */
    public List<LdifProvider> providers() {
        return providers;
    }

    /**
     * Re-reads every LDIF file and swaps the new data in, atomically.
     *
     * @throws LdifFormatException  when a file is malformed; the previous data stays
     * @throws UnavailableException when a file cannot be read; the previous data stays
     */
    public void reload() {
        reloadLock.lock();
        try {
            load(false, current.generation() + 1);
        } finally {
            reloadLock.unlock();
        }
    }

    /**
     * Reloads when a file changed since it was last read (by size, modification time and file key, then by
     * SHA-256 of the content); what the poll runs.
     *
     * @return whether new data was swapped in
     * @throws LdifFormatException  when a changed file is malformed; the previous data stays
     * @throws UnavailableException when a file cannot be read; the previous data stays
     */
    public boolean reloadIfChanged() {
        reloadLock.lock();
        try {
            return mayHaveChanged() && load(true, current.generation() + 1);
        } finally {
            reloadLock.unlock();
        }
    }

    /**
     * Stops the poll thread, if any, waiting for a reload in progress to finish. Lookups and explicit reloads
     * keep working on the data loaded last. Idempotent.
     */
    @Override
    public void close() {
        if (poller == null || poller.isShutdown()) {
            return;
        }
        poller.shutdown();
        try {
            if (!poller.awaitTermination(30, TimeUnit.SECONDS)) {
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            poller.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("LdifSecurityProviders[");
        for (int i = 0; i < providers.size(); i++) {
            text.append(i == 0 ? "" : ", ")
                    .append(providers.get(i).name())
                    .append(" (")
                    .append(providers.get(i).kind())
                    .append(')');
        }
        return text.append(']').toString();
    }

    /** The data lookups see now; tests use it to check several names against one generation. */
    Snapshot snapshot() {
        return current;
    }

    /** Whether the poll thread is running (for tests of {@link #close()}). */
    boolean polling() {
        return poller != null && !poller.isTerminated();
    }

    /** One poll: reload if changed, log a failure once; never throws (an exception would end the polling). */
    void poll() {
        try {
            if (reloadIfChanged()) {
                lastPollFailure = null;
            }
        } catch (LocksmithException e) {
            if (!Objects.equals(e.getMessage(), lastPollFailure)) {
                LOG.log(Level.WARNING, "reload of LDIF data failed, keeping the previous data: {0}", e.getMessage());
                lastPollFailure = e.getMessage();
            }
        } catch (RuntimeException | Error e) {
            // Never let anything escape, an OutOfMemoryError included: it would cancel every later poll.
            LOG.log(Level.ERROR, "reload of LDIF data failed unexpectedly, keeping the previous data", e);
        }
    }

    /** Cheap check before reading: a stat per file. Caller holds the reload lock. */
    private boolean mayHaveChanged() {
        for (Path file : files) {
            LdifFile.Fingerprint last = lastRead.get(file);
            if (last == null || last.racy()) {
                return true;
            }
            Optional<LdifFile.Stat> stat = LdifFile.stat(file);
            if (stat.isEmpty() || !stat.get().equals(last.stat())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads every file and publishes a new snapshot; caller holds the reload lock.
     *
     * @param onlyIfContentChanged skip the swap when every file hashes as at its last read
     * @return whether a new snapshot was published
     */
    private boolean load(boolean onlyIfContentChanged, long generation) {
        Map<Path, LdifFile.Fingerprint> previous = lastRead;
        Map<Path, LdifFile.Fingerprint> read = new HashMap<>(previous);
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        for (Path file : files) {
            // A file that cannot be read fails the load before anything is recorded: the files read before it
            // keep their old fingerprints, so the next check sees them as changed and loads them again.
            LdifFile.Content content = LdifFile.read(file);
            contents.put(file, content.bytes());
            read.put(file, content.fingerprint());
        }
        // Recorded even if parsing fails below: the poll must not re-read an unchanged broken file.
        lastRead = Map.copyOf(read);
        if (onlyIfContentChanged
                && files.stream()
                        .allMatch(file -> previous.containsKey(file)
                                && previous.get(file)
                                        .sha256()
                                        .equals(read.get(file).sha256()))) {
            return false;
        }
        List<String> warnings = new ArrayList<>();
        Snapshot next = parse(contents, generation, warnings);
        current = next; // the one volatile write that publishes the new generation
        for (String warning : warnings) {
            LOG.log(Level.WARNING, warning);
        }
        LOG.log(Level.INFO, () -> describe(next));
        return true;
    }

    private Snapshot parse(Map<Path, byte[]> contents, long generation, List<String> warnings) {
        // a file shared by providers with the same username attributes is parsed once
        Map<List<Object>, Set<String>> parsed = new HashMap<>();
        ImmutableList.Builder<Snapshot.Claimant> claimants = ImmutableList.builder();
        for (LdifProvider provider : providers) {
            ImmutableSet.Builder<String> usernames =
                    ImmutableSet.<String>builder().addAll(provider.usernames());
            for (Path file : provider.ldifFiles()) {
                usernames.addAll(parsed.computeIfAbsent(
                        List.of(file, provider.attributeTypesToRead()),
                        key -> usernames(file, contents.get(file), provider.attributeTypesToRead(), warnings)));
            }
            claimants.add(new Snapshot.Claimant(provider, usernames.build()));
        }
        return new Snapshot(generation, claimants.build());
    }

    private static Set<String> usernames(Path file, byte[] bytes, Set<String> types, List<String> warnings) {
        LdifParser.Result result = LdifParser.parse(file.toString(), bytes, types);
        warnings.addAll(result.warnings());
        Set<String> usernames = new HashSet<>();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
        for (LdifParser.Entry entry : result.entries()) {
            for (LdifParser.Value value : entry.values()) {
                try {
                    String text = utf8.decode(ByteBuffer.wrap(value.bytes())).toString();
                    usernames.add(Names.canonical(text, value.attribute()));
                } catch (CharacterCodingException e) {
                    warnings.add(file + ":" + value.line() + ": value of " + value.attribute()
                            + " is not valid UTF-8; skipped");
                } catch (InvalidInputException e) {
                    warnings.add(file + ":" + value.line() + ": value of " + value.attribute()
                            + " is not a valid username (" + e.parameters().get("problem") + "); skipped");
                }
            }
        }
        return usernames;
    }

    private static String describe(Snapshot snapshot) {
        StringBuilder text = new StringBuilder("security providers loaded, generation ").append(snapshot.generation());
        for (Snapshot.Claimant claimant : snapshot.claimants()) {
            text.append("; ")
                    .append(claimant.provider().name())
                    .append(": ")
                    .append(claimant.usernames().size())
                    .append(" usernames");
        }
        return text.toString();
    }

    /**
     * Collects the providers, in the order they are consulted, and the reload options; {@link #build()}
     * validates them and loads the data. Not thread-safe.
     */
    public static final class Builder {
        /** The shortest poll interval accepted; a shorter one would only burn a core on stat calls. */
        public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(10);

        private final List<LdifProvider> providers = new ArrayList<>();
        private Duration pollInterval;

        private Builder() {}

        /** Adds a provider after those already added: earlier providers win. */
        public Builder provider(LdifProvider provider) {
            providers.add(InvalidInputException.requireNonNull(provider, "provider"));
            return this;
        }

        /** Polls the LDIF files for changes at this interval (off by default; then only explicit reloads). */
        public Builder pollEvery(Duration interval) {
            this.pollInterval = InvalidInputException.requireNonNull(interval, "pollInterval");
            return this;
        }

        /**
         * Validates the configuration, reads every LDIF file and, when asked, starts the poll thread.
         *
         * @throws InvalidInputException when no provider is given, two share a name (case-insensitively), or
         *                               the poll interval is shorter than {@link #MIN_POLL_INTERVAL}
         * @throws LdifFormatException   when an LDIF file is malformed
         * @throws UnavailableException  when an LDIF file cannot be read
         */
        public LdifSecurityProviders build() {
            if (providers.isEmpty()) {
                throw new InvalidInputException("providers", "at least one security provider is required");
            }
            Set<String> names = new LinkedHashSet<>();
            for (LdifProvider provider : providers) {
                if (!names.add(provider.name().toLowerCase(Locale.ROOT))) {
                    throw new InvalidInputException("providers", "two providers are named " + provider.name());
                }
            }
            if (pollInterval != null && pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
                throw new InvalidInputException("pollInterval", "shorter than " + MIN_POLL_INTERVAL.toMillis() + " ms");
            }
            return new LdifSecurityProviders(ImmutableList.copyOf(providers), pollInterval);
        }
    }
}
