package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.LocksmithFixture.password;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import dev.locksmith.core.testing.TestUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The authorization matrix of DESIGN.md, cell by cell, through the real use cases on the in-memory fakes:
 * every (actor kind x target kind x action), self-targets, disabled actors, provider users known by their
 * record and known only because a security provider claims them, an unknown actor and a missing target.
 * A denied or not-found cell must also leave the store unchanged and be audited.
 *
 * <p>Cell codes: ok, SELF (DENIED_SELF_TARGET), NP (DENIED_NOT_PERMITTED), ADM (DENIED_TARGET_IS_ADMINISTRATOR),
 * PROV (DENIED_TARGET_MANAGED_BY_PROVIDER), DIS (DENIED_ACTOR_DISABLED), UNK (DENIED_ACTOR_UNKNOWN),
 * SADM (DENIED_SELF_ADMINISTRATION), LOCAL (DENIED_NOT_LOCAL), CHG (DENIED_PASSWORD_CHANGE_REQUIRED: an actor who
 * must change their password may do nothing else), WCP (DENIED_WRONG_CURRENT_PASSWORD: the self-service change
 * answers an unknown, provider or expired-temporary-password actor as it answers a wrong password), 404 (NOT_FOUND).
 */
class AuthorizationMatrixTest {

    // Actor kinds -> the username acting. UNKNOWN does not exist.
    private static final Map<String, String> ACTORS = Map.of(
            "ADMIN", "admin",
            "PRIVILEGED", "rep",
            "PLAIN", "plain",
            "DISABLED_ADMIN", "offadmin",
            "DISABLED_PRIV", "offrep",
            "PROVIDER_ADMIN", "ldapadmin", // administrator whose record says LDAP
            "CLAIMED_PRIV", "shadowrep", // local record, but a provider claims the name
            "MUSTCHG_ADMIN", "chgadmin", // administrator who must change their password
            "EXPTMP_PRIV", "chgrep", // privileged user whose temporary password expired
            "UNKNOWN", "ghost");

    // Target kinds -> the target username (SELF is the actor itself).
    private static final Map<String, String> TARGETS = Map.of(
            "ADMIN", "admin2",
            "PRIV", "rep2",
            "PLAIN", "plain2",
            "DISAB", "offuser",
            "PROV", "ldapuser",
            "PADM", "ldapboss",
            "CLAIM", "shadow", // local record, claimed by a provider only
            "CADM", "shadowadmin", // local administrator, claimed by a provider only
            "MISS", "nobody");

    /**
     * The actors refused every targeted action whatever the target, and their cell code: a plain user may do none,
     * a disabled or unknown actor nothing at all, and one who must change their password nothing else. The
     * tables of the targeted actions below hold the other actors' rows.
     */
    private static final Map<String, String> REFUSED_WHATEVER_THE_TARGET = Map.of(
            "PLAIN", "NP",
            "DISABLED_ADMIN", "DIS",
            "DISABLED_PRIV", "DIS",
            "MUSTCHG_ADMIN", "CHG",
            "EXPTMP_PRIV", "CHG",
            "UNKNOWN", "UNK");

    /**
     * The targeted actions' cells for every actor not refused whatever the target, by kind of action (see
     * {@link #KIND_OF}). EDIT_LIKE is editing the profile and taking every permission away (other administrators
     * remain).
     */
    private static final String TARGETED = """
                                          SELF  ADMIN PRIV  PLAIN DISAB PROV  PADM  CLAIM CADM  MISS
            SET_LIKE      ADMIN           SELF  ok    ok    ok    ok    PROV  PROV  PROV  PROV  404
            SET_LIKE      PRIVILEGED      SELF  ADM   ok    ok    ok    PROV  PROV  PROV  PROV  404
            SET_LIKE      PROVIDER_ADMIN  SELF  ok    ok    ok    ok    PROV  PROV  PROV  PROV  404
            SET_LIKE      CLAIMED_PRIV    SELF  ADM   ok    ok    ok    PROV  PROV  PROV  PROV  404
            RESET         ADMIN           SELF  ok    ok    ok    ok    ok    ok    ok    ok    404
            RESET         PRIVILEGED      SELF  ADM   ok    ok    ok    ok    ADM   ok    ADM   404
            RESET         PROVIDER_ADMIN  SELF  ok    ok    ok    ok    ok    ok    ok    ok    404
            RESET         CLAIMED_PRIV    SELF  ADM   ok    ok    ok    ok    ADM   ok    ADM   404
            EDIT_LIKE     ADMIN           ok    ok    ok    ok    ok    ok    ok    ok    ok    404
            EDIT_LIKE     PRIVILEGED      NP    NP    NP    NP    NP    NP    NP    NP    NP    NP
            EDIT_LIKE     PROVIDER_ADMIN  ok    ok    ok    ok    ok    ok    ok    ok    ok    404
            EDIT_LIKE     CLAIMED_PRIV    NP    NP    NP    NP    NP    NP    NP    NP    NP    NP
            DISABLE_LIKE  ADMIN           SADM  ok    ok    ok    ok    ok    ok    ok    ok    404
            DISABLE_LIKE  PRIVILEGED      NP    NP    NP    NP    NP    NP    NP    NP    NP    NP
            DISABLE_LIKE  PROVIDER_ADMIN  SADM  ok    ok    ok    ok    ok    ok    ok    ok    404
            DISABLE_LIKE  CLAIMED_PRIV    NP    NP    NP    NP    NP    NP    NP    NP    NP    NP
            """;

    private static final String UNTARGETED = """
                            SEARCH GENERATE CREATE SYNC READ_POLICY CHANGE_POLICY READ_AUDIT CHANGE_OWN
            ADMIN           ok     ok       ok     ok   ok          ok            ok         ok
            PRIVILEGED      ok     ok       NP     NP   ok          NP            NP         ok
            PLAIN           NP     NP       NP     NP   ok          NP            NP         ok
            DISABLED_ADMIN  DIS    DIS      DIS    DIS  DIS         DIS           DIS        DIS
            DISABLED_PRIV   DIS    DIS      DIS    DIS  DIS         DIS           DIS        DIS
            PROVIDER_ADMIN  ok     ok       ok     ok   ok          ok            ok         WCP
            CLAIMED_PRIV    ok     ok       NP     NP   ok          NP            NP         WCP
            MUSTCHG_ADMIN   CHG    CHG      CHG    CHG  ok          CHG           CHG        ok
            EXPTMP_PRIV     CHG    CHG      CHG    CHG  ok          CHG           CHG        WCP
            UNKNOWN         UNK    UNK      UNK    UNK  UNK         UNK           UNK        WCP
            """;

    private static final Map<String, BiConsumer<Locksmith, Username[]>> TARGETED_ACTIONS = Map.of(
            "OPEN_FORM", (l, u) -> l.openChangePasswordForm().execute(new OpenChangePasswordForm.Command(u[0], u[1])),
            "SET_PASSWORD",
                    (l, u) -> l.setPassword()
                            .execute(new SetPassword.Command(
                                    u[0], u[1], password("a brand new passphrase 42"), false, false)),
            "REQUIRE_CHANGE",
                    (l, u) -> l.requirePasswordChange().execute(new RequirePasswordChange.Command(u[0], u[1])),
            "RESET", (l, u) -> l.resetFailedLogins().execute(new ResetFailedLogins.Command(u[0], u[1])),
            "EDIT_PROFILE",
                    (l, u) -> l.editUser().execute(EditUser.Command.profile(u[0], u[1], Profile.named("Renamed"))),
            "REVOKE_ALL", (l, u) -> l.editUser().execute(EditUser.Command.permissions(u[0], u[1], Set.of())),
            "DISABLE", (l, u) -> l.editUser().execute(EditUser.Command.enabled(u[0], u[1], false)),
            "DELETE", (l, u) -> l.deleteUser().execute(new DeleteUser.Command(u[0], u[1])));

    /** The kind of each targeted action: its rows in {@link #TARGETED}. */
    private static final Map<String, String> KIND_OF = Map.of(
            "OPEN_FORM", "SET_LIKE",
            "SET_PASSWORD", "SET_LIKE",
            "REQUIRE_CHANGE", "SET_LIKE",
            "RESET", "RESET",
            "EDIT_PROFILE", "EDIT_LIKE",
            "REVOKE_ALL", "EDIT_LIKE",
            "DISABLE", "DISABLE_LIKE",
            "DELETE", "DISABLE_LIKE");

    private static final Map<String, BiConsumer<Locksmith, Username>> UNTARGETED_ACTIONS = Map.of(
            "SEARCH", (l, a) -> l.searchUsers().execute(SearchUsers.Command.of(a, "", Optional.empty(), 50)),
            "GENERATE",
                    (l, a) -> l.generateTemporaryPassword()
                            .execute(GenerateTemporaryPassword.Command.of(a))
                            .wipe(),
            "CREATE",
                    (l, a) -> l.createUser()
                            .execute(new CreateUser.Command(
                                    a,
                                    name("newbie"),
                                    Profile.named("New"),
                                    Set.of(),
                                    password("a brand new passphrase 42"),
                                    true)),
            "SYNC",
                    (l, a) -> l.registerProviderUser()
                            .execute(new RegisterProviderUser.Command(
                                    a, name("dirnew"), new Source.Provider("ldap"), Profile.named("Dir New"))),
            "READ_POLICY", (l, a) -> l.readPolicy().execute(new ReadPolicy.Command(a)),
            "CHANGE_POLICY",
                    (l, a) -> l.changePolicy().execute(new ChangePolicy.Command(a, PasswordPolicy.classicComplex())),
            "READ_AUDIT",
                    (l, a) -> l.readAuditTrail().execute(new ReadAuditTrail.Command(a, AuditTrail.Query.latest(10))),
            "CHANGE_OWN",
                    (l, a) -> l.changeOwnPassword()
                            .execute(new ChangeOwnPassword.Command(
                                    a, password(TestUsers.DEFAULT_PASSWORD), password("another fresh passphrase 7"))));

    private static final Map<String, Reason> CODES = Map.ofEntries(
            Map.entry("SELF", Reason.DENIED_SELF_TARGET),
            Map.entry("NP", Reason.DENIED_NOT_PERMITTED),
            Map.entry("ADM", Reason.DENIED_TARGET_IS_ADMINISTRATOR),
            Map.entry("PROV", Reason.DENIED_TARGET_MANAGED_BY_PROVIDER),
            Map.entry("DIS", Reason.DENIED_ACTOR_DISABLED),
            Map.entry("UNK", Reason.DENIED_ACTOR_UNKNOWN),
            Map.entry("SADM", Reason.DENIED_SELF_ADMINISTRATION),
            Map.entry("LOCAL", Reason.DENIED_NOT_LOCAL),
            Map.entry("CHG", Reason.DENIED_PASSWORD_CHANGE_REQUIRED),
            Map.entry("WCP", Reason.DENIED_WRONG_CURRENT_PASSWORD),
            Map.entry("404", Reason.NOT_FOUND));

    /** The world every cell starts from. */
    static LocksmithFixture world() {
        LocksmithFixture f = LocksmithFixture.create();
        f.given(aUser().named("admin").administrator().email("admin@example.com"));
        f.given(aUser().named("admin2").administrator().email("admin2@example.com"));
        f.given(aUser().named("rep").privileged().email("rep@example.com"));
        f.given(aUser().named("rep2").privileged().email("rep2@example.com"));
        f.given(aUser().named("plain").email("plain@example.com"));
        f.given(aUser().named("plain2").email("plain2@example.com").failedLogins(3));
        f.given(aUser().named("offadmin").administrator().disabled());
        f.given(aUser().named("offrep").privileged().disabled());
        f.given(aUser().named("offuser").disabled());
        f.given(aUser().named("ldapadmin").administrator().fromProvider("ldap"));
        f.given(aUser().named("ldapuser").fromProvider("ldap").failedLogins(2));
        f.given(aUser().named("ldapboss").administrator().fromProvider("ldap"));
        f.given(aUser().named("shadowrep").privileged());
        f.given(aUser().named("shadow"));
        f.given(aUser().named("shadowadmin").administrator());
        f.given(aUser().named("chgadmin").administrator().mustChangePassword());
        f.given(aUser().named("chgrep").privileged().temporaryPasswordUntil(TestClock.START.minusSeconds(1)));
        f.providers().claim("corp-ad", "shadowrep").claim("corp-ad", "shadow").claim("corp-ad", "shadowadmin");
        return f;
    }

    static Stream<Arguments> targetedCells() {
        List<Arguments> cells = new ArrayList<>();
        Map<String, List<String>> rowsOfKind = new HashMap<>();
        parse(TARGETED, 2, (row, column, code) -> {
            String kind = row.split(" ")[0];
            String actor = row.split(" ")[1];
            if (column.equals("SELF")) {
                rowsOfKind
                        .computeIfAbsent(kind, k -> new ArrayList<>(REFUSED_WHATEVER_THE_TARGET.keySet()))
                        .add(actor);
            }
            KIND_OF.forEach((action, kindOfAction) -> {
                if (kindOfAction.equals(kind)) {
                    cells.add(targetedCell(action, actor, column, code));
                }
            });
        });
        KIND_OF.keySet()
                .forEach(action -> REFUSED_WHATEVER_THE_TARGET.forEach((actor, code) ->
                        columns(TARGETED).forEach(column -> cells.add(targetedCell(action, actor, column, code)))));
        assertThat(rowsOfKind.keySet()).isEqualTo(Set.copyOf(KIND_OF.values()));
        rowsOfKind.forEach((kind, actors) -> assertThat(actors)
                .as(kind + ": one row for every actor")
                .containsExactlyInAnyOrderElementsOf(ACTORS.keySet()));
        return cells.stream();
    }

    private static Arguments targetedCell(String action, String actor, String column, String code) {
        String actorName = ACTORS.get(actor);
        String targetName = column.equals("SELF") ? actorName : TARGETS.get(column);
        return Arguments.of(action, actor, column, code, actorName, targetName);
    }

    static Stream<Arguments> untargetedCells() {
        List<Arguments> cells = new ArrayList<>();
        parse(UNTARGETED, 1, (actor, action, code) -> cells.add(Arguments.of(action, actor, code, ACTORS.get(actor))));
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}: {1} on {2} -> {3}")
    @MethodSource("targetedCells")
    void targeted_action(
            String action, String actorKind, String targetKind, String expected, String actor, String target) {
        LocksmithFixture f = world();
        check(f, expected, target, targeted(f, action, actor, target));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("untargetedCells")
    void untargeted_action(String action, String actorKind, String expected, String actor) {
        LocksmithFixture f = world();
        check(
                f,
                expected,
                Optional.empty(),
                () -> UNTARGETED_ACTIONS.get(action).accept(f.locksmith(), name(actor)));
    }

    @Test
    void the_last_enabled_administrator_cannot_lose_administrator_nor_be_disabled_or_deleted() {
        LocksmithFixture f = LocksmithFixture.create();
        f.given(aUser().named("root").administrator());
        f.given(aUser().named("offroot").administrator().disabled());
        Locksmith l = f.locksmith();

        check(
                f,
                "LAST",
                "root",
                () -> l.editUser()
                        .execute(EditUser.Command.permissions(
                                name("root"), name("root"), Set.of(Permission.SET_PASSWORDS))));
        check(f, "SADM", "root", targeted(f, "DISABLE", "root", "root"));
        check(f, "SADM", "root", targeted(f, "DELETE", "root", "root"));
        // a disabled administrator is not "the last enabled one": it may go
        check(f, "ok", "offroot", targeted(f, "DELETE", "root", "offroot"));
        assertThat(f.user("root").isAdministrator()).isTrue();
    }

    @Test
    void with_a_second_administrator_one_may_give_up_administrator() {
        LocksmithFixture f = LocksmithFixture.create();
        f.given(aUser().named("root").administrator());
        f.given(aUser().named("root2").administrator());
        targeted(f, "REVOKE_ALL", "root", "root").run();
        assertThat(f.user("root").isAdministrator()).isFalse();
        // now root2 is the last one
        check(f, "NP", "root2", targeted(f, "REVOKE_ALL", "root", "root2"));
        check(f, "LAST", "root2", targeted(f, "REVOKE_ALL", "root2", "root2"));
    }

    /** The targeted action (a key of {@link #TARGETED_ACTIONS}) of the actor on the target. */
    private static Runnable targeted(LocksmithFixture f, String action, String actor, String target) {
        return () -> TARGETED_ACTIONS.get(action).accept(f.locksmith(), new Username[] {name(actor), name(target)});
    }

    private static void check(LocksmithFixture f, String expected, String target, Runnable action) {
        check(f, expected, Optional.of(name(target)), action);
    }

    private static void check(LocksmithFixture f, String expected, Optional<Username> target, Runnable action) {
        InMemoryDatabase.State before = f.stateWithoutAudit();
        int events = f.auditEvents().size();
        if (expected.equals("ok")) {
            action.run();
            assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
            return;
        }
        Reason reason = expected.equals("LAST") ? Reason.DENIED_LAST_ADMINISTRATOR : CODES.get(expected);
        assertThatThrownBy(action::run)
                .isInstanceOf(reason == Reason.NOT_FOUND ? NotFoundException.class : AccessDeniedException.class)
                .extracting(e -> ((LocksmithException) e).reason())
                .isEqualTo(reason);
        assertThat(f.stateWithoutAudit()).as("a refusal changes nothing").isEqualTo(before);
        assertThat(f.auditEvents()).hasSize(events + 1);
        AuditEvent event = f.lastAuditEvent();
        assertThat(event.outcome())
                .isEqualTo(reason == Reason.NOT_FOUND ? AuditEvent.Outcome.FAILED : AuditEvent.Outcome.DENIED);
        assertThat(event.code()).isEqualTo(reason.name());
        target.ifPresent(t -> assertThat(event.target()).contains(t));
    }

    private interface Cell {
        void accept(String row, String column, String code);
    }

    /** Each row of {@code table}: its name ({@code named} words), then exactly one cell for each column. */
    private static void parse(String table, int named, Cell cell) {
        List<String> lines = table.lines().filter(l -> !l.isBlank()).toList();
        List<String> columns = columns(table);
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = List.of(line.trim().split("\\s+"));
            assertThat(fields).as(line).hasSize(named + columns.size());
            String row = String.join(" ", fields.subList(0, named));
            for (int i = 0; i < columns.size(); i++) {
                cell.accept(row, columns.get(i), fields.get(named + i));
            }
        }
    }

    /** The column names: the table's first line. */
    private static List<String> columns(String table) {
        String header = table.lines().filter(l -> !l.isBlank()).findFirst().orElseThrow();
        List<String> columns = List.of(header.trim().split("\\s+"));
        assertThat(columns).isNotEmpty();
        return columns;
    }
}
