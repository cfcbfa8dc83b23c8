package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static dev.locksmith.core.usecase.Refusals.assertDenied;
import static dev.locksmith.core.usecase.SearchUsers.Affordance.CHANGE_PASSWORD;
import static dev.locksmith.core.usecase.SearchUsers.Affordance.DELETE;
import static dev.locksmith.core.usecase.SearchUsers.Affordance.EDIT;
import static dev.locksmith.core.usecase.SearchUsers.Affordance.RESET_FAILED_LOGINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchUsersTest {
    private final LocksmithFixture f = LocksmithFixture.create();

    @BeforeEach
    void world() {
        f.given(aUser().named("admin").administrator().displayName("Ada Admin").comments("the boss"));
        f.given(aUser().named("boss").administrator().displayName("Second Admin"));
        f.given(aUser().named("rep").privileged().displayName("Help Desk"));
        f.given(aUser().named("rep2").privileged().displayName("Other Rep"));
        f.given(aUser().named("alice")
                .displayNames("Alice Liddell", "Alice (sales)")
                .email("alice@wonder.example")
                .failedLogins(10)
                .locked(TestClock.START.minusSeconds(5), null));
        f.given(aUser().named("dirk").fromProvider("ldap").displayName("Dirk Directory"));
        f.given(aUser().named("shadow").displayName("Shadowed Local"));
        f.given(aUser().named("plain"));
        f.providers().claim("corp-ad", "shadow");
    }

    private SearchUsers.Result search(String actor, String text, int limit) {
        return f.locksmith().searchUsers().execute(SearchUsers.Command.of(name(actor), text, Optional.empty(), limit));
    }

    /** The rows of all eight users as {@code actor} sees them, after checking that the view is {@code view}. */
    private Map<String, SearchUsers.Row> everyoneAsSeenBy(String actor, Authorization.View view) {
        SearchUsers.Result result = search(actor, "", 50);
        assertThat(result.view()).isEqualTo(view);
        Map<String, SearchUsers.Row> rows = byName(result);
        assertThat(rows).hasSize(8);
        return rows;
    }

    private static Map<String, SearchUsers.Row> byName(SearchUsers.Result result) {
        return result.page().items().stream()
                .collect(Collectors.toMap(r -> r.username().value(), Function.identity()));
    }

    @Test
    void administrators_get_the_full_view_with_edit_and_delete() {
        Map<String, SearchUsers.Row> rows = everyoneAsSeenBy("admin", Authorization.View.FULL);
        assertThat(rows.get("admin").affordances()).containsExactlyInAnyOrder(EDIT);
        assertThat(rows.get("admin").details().orElseThrow().comments()).isEqualTo("the boss");
        assertThat(rows.get("boss").affordances())
                .containsExactlyInAnyOrder(CHANGE_PASSWORD, RESET_FAILED_LOGINS, EDIT, DELETE);
        assertThat(rows.get("alice").affordances())
                .containsExactlyInAnyOrder(CHANGE_PASSWORD, RESET_FAILED_LOGINS, EDIT, DELETE);
        assertThat(rows.get("dirk").affordances()).containsExactlyInAnyOrder(RESET_FAILED_LOGINS, EDIT, DELETE);
        assertThat(rows.get("shadow").affordances()).containsExactlyInAnyOrder(RESET_FAILED_LOGINS, EDIT, DELETE);
        assertThat(rows.get("rep").details().orElseThrow().permissions()).containsExactly(Permission.SET_PASSWORDS);
        assertThat(rows.get("rep").details().orElseThrow().enabled()).isTrue();
    }

    @Test
    void privileged_users_get_the_limited_view_never_edit_or_delete() {
        Map<String, SearchUsers.Row> rows = everyoneAsSeenBy("rep", Authorization.View.LIMITED);
        assertThat(rows.values()).allSatisfy(r -> {
            assertThat(r.details()).isEmpty();
            assertThat(r.affordances()).doesNotContain(EDIT, DELETE);
        });
        assertThat(rows.get("admin").affordances()).isEmpty();
        assertThat(rows.get("rep").affordances()).isEmpty();
        assertThat(rows.get("rep2").affordances()).containsExactlyInAnyOrder(CHANGE_PASSWORD, RESET_FAILED_LOGINS);
        assertThat(rows.get("alice").affordances()).containsExactlyInAnyOrder(CHANGE_PASSWORD, RESET_FAILED_LOGINS);
        assertThat(rows.get("dirk").affordances()).containsExactly(RESET_FAILED_LOGINS);
        assertThat(rows.get("shadow").affordances()).containsExactly(RESET_FAILED_LOGINS);
    }

    @Test
    void rows_carry_the_form_fields_lock_state_and_effective_source() {
        Map<String, SearchUsers.Row> rows = byName(search("rep", "", 50));
        SearchUsers.Row alice = rows.get("alice");
        assertThat(alice.publicName()).isEqualTo("Alice Liddell");
        assertThat(alice.privateName()).isEqualTo("Alice (sales)");
        assertThat(alice.email().orElseThrow().value()).isEqualTo("alice@wonder.example");
        assertThat(alice.failedLogins()).isEqualTo(10);
        assertThat(alice.locked()).isTrue();
        assertThat(rows.get("plain").locked()).isFalse();
        assertThat(rows.get("dirk").source()).isEqualTo(Source.provider("ldap"));
        assertThat(rows.get("shadow").source()).isEqualTo(Source.provider("corp-ad"));
        assertThat(rows.get("plain").source()).isEqualTo(Source.local());
    }

    @Test
    void matches_username_names_and_email_case_insensitively() {
        assertThat(byName(search("rep", "WONDER", 50))).containsOnlyKeys("alice");
        assertThat(byName(search("rep", "sales", 50))).containsOnlyKeys("alice");
        assertThat(byName(search("rep", "ADMIN", 50))).containsOnlyKeys("admin", "boss");
        assertThat(byName(search("rep", "50%_", 50))).isEmpty();
    }

    @Test
    void pages_in_username_order_with_a_cursor() {
        SearchUsers.Result first = search("admin", "", 3);
        assertThat(first.page().items())
                .extracting(r -> r.username().value())
                .containsExactly("admin", "alice", "boss");
        SearchUsers.Result second = f.locksmith()
                .searchUsers()
                .execute(SearchUsers.Command.of(name("admin"), "", first.page().nextCursor(), 3));
        assertThat(second.page().items()).extracting(r -> r.username().value()).containsExactly("dirk", "plain", "rep");
        SearchUsers.Result third = f.locksmith()
                .searchUsers()
                .execute(SearchUsers.Command.of(name("admin"), "", second.page().nextCursor(), 3));
        assertThat(third.page().items()).extracting(r -> r.username().value()).containsExactly("rep2", "shadow");
        assertThat(third.page().nextCursor()).isEmpty();
    }

    @Test
    void other_users_are_denied() {
        assertDenied(() -> search("plain", "", 10), Reason.DENIED_NOT_PERMITTED);
    }

    @Test
    void bad_paging_input_is_a_typed_error() {
        assertThatThrownBy(() -> search("admin", "", 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> search("admin", "", 501)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SearchUsers.Command.of(name("admin"), "", Optional.of("bad cursor"), 5))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> search("admin", "x\r\nBcc: evil", 5)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void is_audited_with_the_view_and_row_count() {
        search("rep", "", 5);
        assertThat(f.lastAuditEvent().details())
                .containsEntry("view", "LIMITED")
                .containsEntry("rows", "5");
        assertThat(Set.of(f.lastAuditEvent().action()))
                .containsExactly(dev.locksmith.core.domain.Operation.SEARCH_USERS);
    }
}
