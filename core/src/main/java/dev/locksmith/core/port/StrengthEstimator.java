package dev.locksmith.core.port;

import dev.locksmith.core.domain.Password;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Estimates how hard a password is to guess (zxcvbn-style score 0 to 4). Thread-safe. */
public interface StrengthEstimator {

    /**
     * The estimated strength of the password; {@code userInputs} (username, names, email) count as guessable.
     */
    Strength estimate(Password password, List<String> userInputs);

    /** A score from 0 (guessable) to 4 (very unguessable) and optional advice; never contains the password. */
    record Strength(int score, Optional<String> feedback) {
        public Strength {
            if (score < 0 || score > 4) {
                throw new IllegalArgumentException("score must be 0 to 4");
            }
            Objects.requireNonNull(feedback, "feedback");
        }
    }
}
