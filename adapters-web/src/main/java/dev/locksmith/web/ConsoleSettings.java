package dev.locksmith.web;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the console runs: session timeouts, the public address reset links point to, and what the mail
 * settings page shows. Validated once by {@link Builder#build()}; immutable and thread-safe.
 */
public final class ConsoleSettings {
    /** A session unused this long ends. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(15);
    /** A session ends this long after sign-in, used or not. */
    public static final Duration DEFAULT_ABSOLUTE_TIMEOUT = Duration.ofHours(8);
    /** Most sessions kept at once (the oldest go first). */
    public static final int DEFAULT_MAX_SESSIONS = 10_000;

    /** Sends a test message, for the mail settings page's "Send test email" (the SMTP adapter's {@code sendTestMessage}). */
    @FunctionalInterface
    public interface MailTester {
        /**
         * Sends a test message to {@code to}.
         *
         * @throws dev.locksmith.core.domain.MailException when it cannot be sent
         */
        void sendTestMessage(EmailAddress to);
    }

    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final int maxSessions;
    private final Clock clock;
    private final Optional<URI> publicAddress;
    private final Map<String, String> mailSettings;
    private final Optional<MailTester> mailTester;

    private ConsoleSettings(Builder b) {
        idleTimeout = b.idleTimeout;
        absoluteTimeout = b.absoluteTimeout;
        maxSessions = b.maxSessions;
        clock = b.clock;
        publicAddress = b.publicAddress;
        mailSettings = Collections.unmodifiableMap(new LinkedHashMap<>(b.mailSettings));
        mailTester = b.mailTester;
    }

    /** The defaults: 15 minutes idle, 8 hours absolute, no public address (no reset links), no mail details. */
    public static ConsoleSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    public int maxSessions() {
        return maxSessions;
    }

    public Clock clock() {
        return clock;
    }

    /** The address browsers reach the console at; reset links are offered only when it is known. */
    public Optional<URI> publicAddress() {
        return publicAddress;
    }

    /** The mail settings to show read-only (no secrets: the caller leaves passwords out). */
    public Map<String, String> mailSettings() {
        return mailSettings;
    }

    /** The test sender; empty for a host without mail, whose test sends are refused with {@code MAIL_NOT_CONFIGURED}. */
    public Optional<MailTester> mailTester() {
        return mailTester;
    }

    /** Collects the settings. Not thread-safe. */
    public static final class Builder {
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration absoluteTimeout = DEFAULT_ABSOLUTE_TIMEOUT;
        private int maxSessions = DEFAULT_MAX_SESSIONS;
        private Clock clock = Clock.systemUTC();
        private Optional<URI> publicAddress = Optional.empty();
        private Map<String, String> mailSettings = Map.of();
        private Optional<MailTester> mailTester = Optional.empty();

        private Builder() {}

        /** From 1 minute to 24 hours; 15 minutes by default. */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /** From 1 minute to 7 days, and not below the idle timeout; 8 hours by default. */
        public Builder absoluteTimeout(Duration value) {
            absoluteTimeout = value;
            return this;
        }

        /** From 10 to 1,000,000; 10,000 by default. */
        public Builder maxSessions(int value) {
            maxSessions = value;
            return this;
        }

        /** The clock of the timeouts; the system clock by default. */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /**
         * The absolute http or https address the console is reached at (its mount point), from which reset
         * links are built. Never taken from a request's Host header, which a caller controls.
         */
        public Builder publicAddress(URI value) {
            publicAddress = Optional.ofNullable(value);
            return this;
        }

        /** Mail settings to show read-only, in order (leave secrets out). */
        public Builder mailSettings(Map<String, String> value) {
            mailSettings = value;
            return this;
        }

        /**
         * Offers "Send test email" on the mail settings page. A host without mail gives none (as it gives Locksmith
         * no mailer): a test send is then refused with core's {@code MAIL_NOT_CONFIGURED}.
         */
        public Builder mailTester(MailTester value) {
            mailTester = Optional.ofNullable(value);
            return this;
        }

        /**
         * The settings.
         *
         * @throws InvalidInputException naming the first bad setting
         */
        public ConsoleSettings build() {
            InvalidInputException.requireNonNull(idleTimeout, "idleTimeout");
            InvalidInputException.requireNonNull(absoluteTimeout, "absoluteTimeout");
            InvalidInputException.requireNonNull(clock, "clock");
            InvalidInputException.requireNonNull(mailSettings, "mailSettings");
            requireWithin(
                    idleTimeout, Duration.ofMinutes(1), Duration.ofHours(24), "idleTimeout", "1 minute to 24 hours");
            requireWithin(
                    absoluteTimeout, idleTimeout, Duration.ofDays(7), "absoluteTimeout", "the idle timeout to 7 days");
            if (maxSessions < 10 || maxSessions > 1_000_000) {
                throw new InvalidInputException("maxSessions", "must be from 10 to 1,000,000");
            }
            publicAddress.ifPresent(uri -> {
                if (!uri.isAbsolute()
                        || uri.getHost() == null
                        || uri.getRawQuery() != null
                        || uri.getRawFragment() != null
                        || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                    throw new InvalidInputException(
                            "publicAddress",
                            "must be an absolute http or https address" + " without query or fragment");
                }
            });
            mailSettings.forEach((k, v) -> {
                Objects.requireNonNull(k, "mailSettings key");
                Objects.requireNonNull(v, "mailSettings value");
            });
            return new ConsoleSettings(this);
        }

        private static void requireWithin(Duration value, Duration min, Duration max, String field, String range) {
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new InvalidInputException(field, "must be from " + range);
            }
        }
    }
}
