package dev.locksmith.core.testing;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.port.StrengthEstimator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simple, deterministic {@link StrengthEstimator} for tests: a password holding any user input of 4 or
 * more characters scores 0; otherwise the score grows with length (under 8: 0, 8: 1, 12: 2, 16: 3,
 * 20 or more: 4). {@link #alwaysScore} pins the score. Feedback never contains the password. Thread-safe.
 */
public final class FakeStrengthEstimator implements StrengthEstimator {
    private static final int UNPINNED = -1;
    private final AtomicInteger pinned = new AtomicInteger(UNPINNED);

    /** Makes every estimate return {@code score} (0 to 4), or -1 to score by length again. */
    public FakeStrengthEstimator alwaysScore(int score) {
        if (score < UNPINNED || score > 4) {
            throw new InvalidInputException("score", "must be -1 to 4");
        }
        pinned.set(score);
        return this;
    }

    @Override
    public Strength estimate(Password password, List<String> userInputs) {
        InvalidInputException.requireNonNull(password, "password");
        InvalidInputException.requireNonNull(userInputs, "userInputs");
        int fixed = pinned.get();
        int score;
        if (fixed != UNPINNED) {
            score = fixed;
        } else if (userInputs.stream()
                .anyMatch(w -> w.codePointCount(0, w.length()) >= 4 && password.containsIgnoreCase(w))) {
            score = 0;
        } else {
            int length = password.codePointCount();
            score = length >= 20 ? 4 : length >= 16 ? 3 : length >= 12 ? 2 : length >= 8 ? 1 : 0;
        }
        return new Strength(score, score < 4 ? Optional.of("Add another word or two.") : Optional.empty());
    }
}
