package dev.locksmith.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.PolicyViolationException;
import dev.locksmith.core.domain.Reason;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on how a use case refuses: the exception it throws and the reason, field or violations it names. */
final class Refusals {
    private Refusals() {}

    /** Asserts that {@code call} throws a {@code type} for {@code reason}. */
    static <E extends LocksmithException> void assertRefused(ThrowingCallable call, Class<E> type, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(type, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** Asserts that {@code call} is denied for {@code reason}. */
    static void assertDenied(ThrowingCallable call, Reason reason) {
        assertRefused(call, AccessDeniedException.class, reason);
    }

    /** Asserts that {@code call} is refused as invalid input naming {@code field}. */
    static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    /** Asserts that {@code call} breaks the policy; returns an assertion on the violations, in order. */
    static ListAssert<PolicyViolation> assertViolations(ThrowingCallable call) {
        return assertThatThrownBy(call)
                .asInstanceOf(type(PolicyViolationException.class))
                .extracting(PolicyViolationException::violations, list(PolicyViolation.class));
    }
}
