package dev.locksmith.core;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.PolicyViolationException;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Execution;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Policies;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.usecase.GenerateTemporaryPassword;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The implementation of {@link GenerateTemporaryPassword}, built by {@link Locksmith}; not API. Thread-safe. */
record GenerateTemporaryPasswordService(UseCaseRunner runner, PolicyStore policies, PasswordChecks checks)
        implements GenerateTemporaryPassword {
    private static final int ATTEMPTS = 100;
    // No look-alikes (0/O, 1/l/I), so a password read off an email can be typed.
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String OTHER = "!#$%&*+-=?@^_~";
    private static final String ALL = UPPER + LOWER + DIGITS + OTHER;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Password execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return runner.runAs(
                Operation.GENERATE_PASSWORD,
                command.actor(),
                command.target(),
                (run, actor) -> {
                    Username username = command.target().orElse(command.actor());
                    // A password is generated for a target only where the actor could set it.
                    Profile profile = command.target().isPresent()
                            ? runner.requireTarget(run, actor, Operation.SET_PASSWORD, username)
                                    .profile()
                            : Profile.empty();
                    PasswordPolicy policy = Policies.inForce(policies);
                    return () -> draw(run, policy, username, profile);
                },
                (run, password) -> {
                    // Still allowed now that it is drawn (a revoked or disabled actor gets nothing).
                    runner.requireActor(run, command.actor(), Operation.GENERATE_PASSWORD);
                    return password;
                });
    }

    /** Draws until a candidate passes the whole policy; any failure later wipes the one handed out. */
    private Password draw(Execution run, PasswordPolicy policy, Username username, Profile profile) {
        List<PolicyViolation> last = List.of();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Password candidate = generate(policy);
            run.onFailure(candidate::wipe);
            last = checks.violations(candidate, policy, username, profile);
            if (last.isEmpty()) {
                run.detail("attempts", attempt);
                return candidate;
            }
            candidate.wipe();
        }
        throw new PolicyViolationException(last);
    }

    private Password generate(PasswordPolicy policy) {
        int length = Math.min(policy.maxLength(), Math.max(policy.minLength(), MIN_GENERATED_LENGTH));
        List<Character> chars = new ArrayList<>(length);
        int upper = Math.max(policy.minUppercase(), policy.complex() ? 1 : 0);
        int lower = Math.max(policy.minLowercase(), policy.complex() ? 1 : 0);
        int digits = Math.max(policy.minDigits(), policy.complex() ? 1 : 0);
        int other = Math.max(policy.minOther(), policy.complex() ? 1 : 0);
        draw(chars, UPPER, upper);
        draw(chars, LOWER, lower);
        draw(chars, DIGITS, digits);
        draw(chars, OTHER, other);
        draw(chars, ALL, length - chars.size());
        char[] out = new char[chars.size()];
        // Fisher-Yates with SecureRandom, so the required classes are not at fixed positions.
        for (int i = out.length - 1; i >= 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            out[i] = chars.get(j);
            chars.set(j, chars.get(i));
        }
        try {
            return Password.of(out);
        } finally {
            Arrays.fill(out, '\0');
            chars.clear();
        }
    }

    private void draw(List<Character> into, String alphabet, int count) {
        for (int i = 0; i < count; i++) {
            into.add(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
    }
}
