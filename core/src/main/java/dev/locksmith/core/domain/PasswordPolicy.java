package dev.locksmith.core.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The site's password policy: one immutable value, validated when built. Defaults follow NIST SP 800-63B
 * ({@link #nistDefault()}); {@link #classicComplex()} keeps the old "complex, minimum 8" rules.
 *
 * @param minLength minimum length in code points, 8 or more (default 15)
 * @param maxLength maximum length in code points, 64 to 1024 and not below minLength (default 128)
 * @param complex whether complex passwords are required: at least 3 of the 4 character classes
 * @param minUppercase minimum upper-case letters (0 to 16)
 * @param minLowercase minimum lower-case letters (0 to 16)
 * @param minDigits minimum digits (0 to 16)
 * @param minOther minimum other characters (0 to 16)
 * @param bannedWords the administrator's own banned words (case-folded, each character upper- then lower-cased; up
 *     to 10,000 words of 1 to 128 chars)
 * @param minStrength minimum estimated strength score 0 to 4 (0: off)
 * @param historySize how many previous passwords a user's own new password must differ from, besides the current
 *     one (0 to 24). Applies to a user's own change only: a password set by someone else (set-password, generate,
 *     create) is never compared with the target's current or previous passwords, which would let the setter test
 *     guesses of them
 * @param maxAge maximum password age, at most 10 years; empty: passwords never expire
 * @param temporaryLifetime lifetime of a password set by someone else with must-change, at most 90 days;
 *     empty: no expiry (an emailed password still expires, see {@code SetPassword})
 * @param lockoutThreshold consecutive failures that lock an account (0: lockout off; at most 100)
 * @param lockoutDuration how long a lock lasts, at most 1 year; empty: until someone resets it
 * @param lockoutWindow observation window of the lockout, at most 1 year: a failure more than this long after
 *     the previous one starts the count again (as Active Directory's "reset account lockout counter after");
 *     empty: the lockout duration, or no window when locks last until reset. The count also starts again when
 *     a timed lock has ended, so one guess per lock period cannot keep an account locked for ever
 * @param resetLinkLifetime how long a one-time reset link works, 1 minute to 7 days (default 1 hour)
 */
public record PasswordPolicy(
        int minLength,
        int maxLength,
        boolean complex,
        int minUppercase,
        int minLowercase,
        int minDigits,
        int minOther,
        Set<String> bannedWords,
        int minStrength,
        int historySize,
        Optional<Duration> maxAge,
        Optional<Duration> temporaryLifetime,
        int lockoutThreshold,
        Optional<Duration> lockoutDuration,
        Optional<Duration> lockoutWindow,
        Duration resetLinkLifetime) {

    /** Smallest accepted minimum length. */
    public static final int MIN_LENGTH_FLOOR = 8;
    /** Smallest accepted maximum length. */
    public static final int MAX_LENGTH_FLOOR = 64;
    /** Largest accepted maximum length. */
    public static final int MAX_LENGTH_CEILING = 1024;
    /** Largest accepted history size. */
    public static final int MAX_HISTORY = 24;
    /** Longest accepted maximum password age (10 years). */
    public static final Duration MAX_PASSWORD_AGE = Duration.ofDays(3650);
    /** Longest accepted temporary-password lifetime (90 days). */
    public static final Duration MAX_TEMPORARY_LIFETIME = Duration.ofDays(90);
    /** Longest accepted lockout duration (1 year). */
    public static final Duration MAX_LOCKOUT_DURATION = Duration.ofDays(365);
    /** Default lifetime of a one-time reset link (1 hour). */
    public static final Duration DEFAULT_RESET_LINK_LIFETIME = Duration.ofHours(1);
    /** Shortest accepted reset-link lifetime. */
    public static final Duration MIN_RESET_LINK_LIFETIME = Duration.ofMinutes(1);
    /** Longest accepted reset-link lifetime. */
    public static final Duration MAX_RESET_LINK_LIFETIME = Duration.ofDays(7);
    /** Largest accepted lockout threshold. */
    public static final int MAX_LOCKOUT_THRESHOLD = 100;

    /**
     * @throws InvalidInputException naming the first setting out of range
     */
    public PasswordPolicy {
        if (minLength < MIN_LENGTH_FLOOR) {
            throw new InvalidInputException("minLength", "must be at least " + MIN_LENGTH_FLOOR);
        }
        if (maxLength < MAX_LENGTH_FLOOR || maxLength > MAX_LENGTH_CEILING) {
            throw new InvalidInputException(
                    "maxLength", "must be between " + MAX_LENGTH_FLOOR + " and " + MAX_LENGTH_CEILING);
        }
        if (maxLength < minLength) {
            throw new InvalidInputException("maxLength", "must not be below minLength");
        }
        requireRange("minUppercase", minUppercase, 0, 16);
        requireRange("minLowercase", minLowercase, 0, 16);
        requireRange("minDigits", minDigits, 0, 16);
        requireRange("minOther", minOther, 0, 16);
        if (minUppercase + minLowercase + minDigits + minOther > minLength) {
            throw new InvalidInputException("minUppercase", "class minimums add up to more than minLength");
        }
        InvalidInputException.requireNonNull(bannedWords, "bannedWords");
        if (bannedWords.size() > 10_000) {
            throw new InvalidInputException("bannedWords", "more than 10000 words");
        }
        TreeSet<String> words = new TreeSet<>();
        for (String word : bannedWords) {
            words.add(Texts.foldCase(Texts.singleLine(word, "bannedWords", 128, false)));
        }
        bannedWords = Set.copyOf(words);
        requireRange("minStrength", minStrength, 0, 4);
        requireRange("historySize", historySize, 0, MAX_HISTORY);
        InvalidInputException.requireNonNull(maxAge, "maxAge");
        InvalidInputException.requireNonNull(temporaryLifetime, "temporaryLifetime");
        InvalidInputException.requireNonNull(lockoutDuration, "lockoutDuration");
        requireBetween("maxAge", maxAge, MAX_PASSWORD_AGE);
        requireBetween("temporaryLifetime", temporaryLifetime, MAX_TEMPORARY_LIFETIME);
        requireBetween("lockoutDuration", lockoutDuration, MAX_LOCKOUT_DURATION);
        InvalidInputException.requireNonNull(lockoutWindow, "lockoutWindow");
        requireBetween("lockoutWindow", lockoutWindow, MAX_LOCKOUT_DURATION);
        requireRange("lockoutThreshold", lockoutThreshold, 0, MAX_LOCKOUT_THRESHOLD);
        InvalidInputException.requireNonNull(resetLinkLifetime, "resetLinkLifetime");
        if (resetLinkLifetime.compareTo(MIN_RESET_LINK_LIFETIME) < 0
                || resetLinkLifetime.compareTo(MAX_RESET_LINK_LIFETIME) > 0) {
            throw new InvalidInputException("resetLinkLifetime", "must be between 1 minute and 7 days");
        }
    }

    /** NIST SP 800-63B aligned: 15 to 128, no composition rules, lockout after 10 for 30 minutes, 72 h temporary passwords. */
    public static PasswordPolicy nistDefault() {
        return new PasswordPolicy(
                15,
                128,
                false,
                0,
                0,
                0,
                0,
                Set.of(),
                0,
                0,
                Optional.empty(),
                Optional.of(Duration.ofDays(3)),
                10,
                Optional.of(Duration.ofMinutes(30)),
                Optional.empty(),
                DEFAULT_RESET_LINK_LIFETIME);
    }

    /** The classic rules some sites must keep: complex passwords, minimum 8, history of 5, 90-day expiry. */
    public static PasswordPolicy classicComplex() {
        return new PasswordPolicy(
                8,
                128,
                true,
                0,
                0,
                0,
                0,
                Set.of(),
                0,
                5,
                Optional.of(Duration.ofDays(90)),
                Optional.of(Duration.ofDays(3)),
                10,
                Optional.of(Duration.ofMinutes(30)),
                Optional.empty(),
                DEFAULT_RESET_LINK_LIFETIME);
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder starting from {@link #nistDefault()}. */
    public static Builder builder() {
        return new Builder(nistDefault());
    }

    /**
     * The observation window in force: {@link #lockoutWindow()} when set, else the lockout duration; empty when
     * neither is set (failures then count until a success or a reset).
     */
    public Optional<Duration> effectiveLockoutWindow() {
        return lockoutWindow.isPresent() ? lockoutWindow : lockoutDuration;
    }

    /** The lockout settings as the login-state rules take them. */
    public LoginState.Rule lockoutRule() {
        return new LoginState.Rule(lockoutThreshold, lockoutDuration, effectiveLockoutWindow());
    }

    /** Whether lockout is on. */
    public boolean lockoutEnabled() {
        return lockoutThreshold > 0;
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max);
        }
    }

    private static void requireBetween(String field, Optional<Duration> value, Duration max) {
        if (value.isPresent() && (value.get().isNegative() || value.get().isZero())) {
            throw new InvalidInputException(field, "must be positive");
        }
        if (value.isPresent() && value.get().compareTo(max) > 0) {
            throw new InvalidInputException(field, "must be at most " + max.toDays() + " days");
        }
    }

    /** Mutable builder; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private int minLength;
        private int maxLength;
        private boolean complex;
        private int minUppercase;
        private int minLowercase;
        private int minDigits;
        private int minOther;
        private Set<String> bannedWords;
        private int minStrength;
        private int historySize;
        private Optional<Duration> maxAge;
        private Optional<Duration> temporaryLifetime;
        private int lockoutThreshold;
        private Optional<Duration> lockoutDuration;
        private Optional<Duration> lockoutWindow;
        private Duration resetLinkLifetime;

        private Builder(PasswordPolicy p) {
            minLength = p.minLength;
            maxLength = p.maxLength;
            complex = p.complex;
            minUppercase = p.minUppercase;
            minLowercase = p.minLowercase;
            minDigits = p.minDigits;
            minOther = p.minOther;
            bannedWords = p.bannedWords;
            minStrength = p.minStrength;
            historySize = p.historySize;
            maxAge = p.maxAge;
            temporaryLifetime = p.temporaryLifetime;
            lockoutThreshold = p.lockoutThreshold;
            lockoutDuration = p.lockoutDuration;
            lockoutWindow = p.lockoutWindow;
            resetLinkLifetime = p.resetLinkLifetime;
        }

        public Builder minLength(int value) {
            minLength = value;
            return this;
        }

        public Builder maxLength(int value) {
            maxLength = value;
            return this;
        }

        public Builder complex(boolean value) {
            complex = value;
            return this;
        }

        public Builder minUppercase(int value) {
            minUppercase = value;
            return this;
        }

        public Builder minLowercase(int value) {
            minLowercase = value;
            return this;
        }

        public Builder minDigits(int value) {
            minDigits = value;
            return this;
        }

        public Builder minOther(int value) {
            minOther = value;
            return this;
        }

        public Builder bannedWords(Set<String> value) {
            bannedWords = InvalidInputException.requireNonNull(value, "bannedWords");
            return this;
        }

        public Builder minStrength(int value) {
            minStrength = value;
            return this;
        }

        public Builder historySize(int value) {
            historySize = value;
            return this;
        }

        public Builder maxAge(Duration value) {
            maxAge = Optional.ofNullable(value);
            return this;
        }

        public Builder temporaryLifetime(Duration value) {
            temporaryLifetime = Optional.ofNullable(value);
            return this;
        }

        public Builder lockoutThreshold(int value) {
            lockoutThreshold = value;
            return this;
        }
        /**
         * Sets how long a lock lasts.
         *
         * @param value lock duration, or null for "until reset"
         */
        public Builder lockoutDuration(Duration value) {
            lockoutDuration = Optional.ofNullable(value);
            return this;
        }
        /**
         * Sets the lockout's observation window.
         *
         * @param value observation window, or null for "the lockout duration"
         */
        public Builder lockoutWindow(Duration value) {
            lockoutWindow = Optional.ofNullable(value);
            return this;
        }

        /**
         * Sets how long a one-time reset link works.
         *
         * @param value 1 minute to 7 days
         */
        public Builder resetLinkLifetime(Duration value) {
            resetLinkLifetime = value;
            return this;
        }

        /**
         * The policy.
         *
         * @throws InvalidInputException naming the first setting out of range
         */
        public PasswordPolicy build() {
            return new PasswordPolicy(
                    minLength,
                    maxLength,
                    complex,
                    minUppercase,
                    minLowercase,
                    minDigits,
                    minOther,
                    bannedWords,
                    minStrength,
                    historySize,
                    maxAge,
                    temporaryLifetime,
                    lockoutThreshold,
                    lockoutDuration,
                    lockoutWindow,
                    resetLinkLifetime);
        }
    }
}
