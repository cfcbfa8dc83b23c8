package dev.locksmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every reason of core maps to the exit code of its kind. */
class ExitCodeTest {

    @ParameterizedTest
    @EnumSource(Reason.class)
    void every_reason_has_the_exit_code_of_its_kind(Reason reason) {
        String name = reason.name();
        int expected = name.startsWith("DENIED_")
                ? 3
                : name.startsWith("MAIL_")
                        ? 7
                        : switch (reason) {
                            case INVALID_INPUT -> 2;
                            case POLICY_VIOLATED -> 4;
                            case NOT_FOUND -> 5;
                            case CONFLICT, ALREADY_EXISTS -> 6;
                            case UNAVAILABLE, HASH_UNSUPPORTED, BUSY, PROVIDER_UNREACHABLE, OUTCOME_UNKNOWN -> 8;
                            default -> throw new AssertionError("unclassified " + reason);
                        };
        assertThat(ExitCode.of(reason).code()).isEqualTo(expected);
    }
}
