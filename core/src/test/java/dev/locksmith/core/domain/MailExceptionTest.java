package dev.locksmith.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A mail failure says whether anything was sent: "delivery failed" means nothing, "outcome unknown" maybe. */
class MailExceptionTest {

    @Test
    void outcome_unknown_has_its_own_reason_and_kind_and_names_the_problem() {
        IOException cause = new IOException("connection reset");

        MailException unknown = MailException.outcomeUnknown("reply lost", cause);

        assertThat(unknown.reason()).isEqualTo(Reason.MAIL_OUTCOME_UNKNOWN);
        assertThat(unknown.reason().kind()).isEqualTo(Reason.Kind.OUTCOME_UNKNOWN);
        assertThat(unknown.parameters()).containsExactlyEntriesOf(Map.of("problem", "reply lost"));
        assertThat(unknown).hasMessage("mail outcome unknown: reply lost").hasCause(cause);
    }

    @Test
    void delivery_failed_stays_a_mail_failure() {
        MailException failed = MailException.deliveryFailed("recipient refused", null);

        assertThat(failed.reason()).isEqualTo(Reason.MAIL_DELIVERY_FAILED);
        assertThat(failed.reason().kind()).isEqualTo(Reason.Kind.MAIL);
    }

    @Test
    void only_mail_reasons_are_accepted() {
        assertThatThrownBy(() -> new MailException(Reason.OUTCOME_UNKNOWN, "x", Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailException(Reason.UNAVAILABLE, "x", Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
