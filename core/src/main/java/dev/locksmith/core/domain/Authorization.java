package dev.locksmith.core.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The authorization matrix of Locksmith, in one place: who may do what to whom. Every use case asks here;
 * nothing else decides. Pure and stateless (the caller supplies the facts, read fresh from the stores in its
 * transaction); thread-safe.
 *
 * <p>Decisions come in two stages so that a caller who may not perform an action at all learns nothing
 * about whether its target exists: {@link #decide(Optional, Operation)} looks at the actor only;
 * {@link #decide(Actor, Operation, Target)} repeats that and adds the rules about the target. A caller looks
 * the target up (and reports "not found") only between the two.
 *
 * <p>A user is provider-managed when its record's source is a security provider <em>or</em> a configured
 * provider claims its username: the stricter answer wins, so a local account cannot shadow a directory
 * account.
 */
public final class Authorization {

    private Authorization() {}

    /** How much of each user a search shows. */
    public enum View {
        /** Every field, with edit and delete (administrators). */
        FULL,
        /** The change-password form's fields only, never edit or delete (privileged users). */
        LIMITED
    }

    /**
     * The acting user as currently stored, the security provider claiming its username, if any, and whether
     * the user must change their own password before anything else (must-change flag set, password or
     * temporary password expired: {@link User#mustChangePasswordAt}).
     */
    public record Actor(User user, Optional<Source.Provider> claimant, boolean passwordChangeRequired) {
        public Actor {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(claimant, "claimant");
        }

        /** An actor free to act (no password change pending). */
        public Actor(User user, Optional<Source.Provider> claimant) {
            this(user, claimant, false);
        }

        /** Whether its password lives in a security provider (by record or by claim). */
        public boolean providerManaged() {
            return !user.source().isLocal() || claimant.isPresent();
        }
    }

    /**
     * The target user as currently stored, the security provider claiming its username, if any, and the
     * number of enabled administrators (needed only for {@link Operation#needsAdministratorCount()} actions).
     */
    public record Target(User user, Optional<Source.Provider> claimant, OptionalLong enabledAdministrators) {
        public Target {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(claimant, "claimant");
            Objects.requireNonNull(enabledAdministrators, "enabledAdministrators");
        }

        /** A target for actions that do not need the administrator count. */
        public static Target of(User user, Optional<Source.Provider> claimant) {
            return new Target(user, claimant, OptionalLong.empty());
        }

        /** Whether its password lives in a security provider (by record or by claim). */
        public boolean providerManaged() {
            return !user.source().isLocal() || claimant.isPresent();
        }

        /** The provider managing it: the record's own, else the claimant. */
        public Optional<Source.Provider> provider() {
            return user.source() instanceof Source.Provider p ? Optional.of(p) : claimant;
        }
    }

    /** The answer: allowed, or denied with the reason naming the rule. */
    public sealed interface Decision permits Allowed, Denied {
        /** Whether the action may go ahead. */
        boolean isAllowed();

        /** Allowed. */
        static Decision allow() {
            return Allowed.INSTANCE;
        }

        /** Denied by the rule {@code reason} (a {@code DENIED_*} reason). */
        static Decision deny(Reason reason) {
            return new Denied(reason);
        }

        /**
         * Throws when denied.
         *
         * @throws AccessDeniedException naming the reason, the action and the target
         */
        default void orThrow(Operation action, Optional<Username> target) {
            if (this instanceof Denied denied) {
                String about = target.map(t -> " on " + t.value()).orElse("");
                throw new AccessDeniedException(
                        denied.reason(),
                        action + about + " denied: " + denied.reason(),
                        target.map(t -> Map.of("action", action.name(), "target", t.value()))
                                .orElse(Map.of("action", action.name())));
            }
        }
    }

    /** The action is allowed. */
    public enum Allowed implements Decision {
        INSTANCE;

        @Override
        public boolean isAllowed() {
            return true;
        }
    }

    /** The action is denied by the rule {@code reason}. */
    public record Denied(Reason reason) implements Decision {
        public Denied {
            Objects.requireNonNull(reason, "reason");
            if (!reason.isDenial()) {
                throw new IllegalArgumentException("not a denial reason: " + reason);
            }
        }

        @Override
        public boolean isAllowed() {
            return false;
        }
    }

    /**
     * Stage one: whether {@code actor} (empty when the acting username does not exist) may perform
     * {@code action} at all, whatever its target.
     */
    public static Decision decide(Optional<Actor> actor, Operation action) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        if (actor.isEmpty()) {
            return Decision.deny(Reason.DENIED_ACTOR_UNKNOWN);
        }
        User user = actor.get().user();
        if (!user.enabled()) {
            return Decision.deny(Reason.DENIED_ACTOR_DISABLED);
        }
        // Half logged in: a user who must change their password may only do that (and read the policy the new
        // password must meet).
        if (actor.get().passwordChangeRequired()
                && action != Operation.CHANGE_OWN_PASSWORD
                && action != Operation.READ_POLICY) {
            return Decision.deny(Reason.DENIED_PASSWORD_CHANGE_REQUIRED);
        }
        return switch (action) {
            case SEARCH_USERS,
                    OPEN_CHANGE_PASSWORD_FORM,
                    SET_PASSWORD,
                    REQUIRE_PASSWORD_CHANGE,
                    GENERATE_PASSWORD,
                    RESET_FAILED_LOGINS ->
                user.maySetPasswords() ? Decision.allow() : Decision.deny(Reason.DENIED_NOT_PERMITTED);
            case CHANGE_OWN_PASSWORD ->
                actor.get().providerManaged() ? Decision.deny(Reason.DENIED_NOT_LOCAL) : Decision.allow();
            case CREATE_USER,
                    EDIT_USER,
                    DISABLE_USER,
                    REVOKE_ADMINISTRATOR,
                    DELETE_USER,
                    REGISTER_PROVIDER_USER,
                    CHANGE_POLICY,
                    READ_AUDIT_TRAIL ->
                user.isAdministrator() ? Decision.allow() : Decision.deny(Reason.DENIED_NOT_PERMITTED);
            case READ_POLICY -> Decision.allow();
            case AUTHENTICATE,
                    BOOTSTRAP_ADMINISTRATOR,
                    ACCOUNT_LOCKED,
                    PASSWORD_CHANGED_NOTICE,
                    ISSUE_RESET_LINK,
                    REDEEM_RESET_LINK ->
                throw new IllegalArgumentException(action + " is not decided by the authorization matrix");
        };
    }

    /**
     * Stage two: whether {@code actor} may perform the targeted {@code action} on the existing {@code target}.
     *
     * @throws IllegalArgumentException if the action is not {@link Operation#targeted()}, or needs the
     *     administrator count and the target does not carry it
     */
    public static Decision decide(Actor actor, Operation action, Target target) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(target, "target");
        if (!action.targeted()) {
            throw new IllegalArgumentException(action + " has no target");
        }
        Decision first = decide(Optional.of(actor), action);
        if (!first.isAllowed()) {
            return first;
        }
        boolean self = actor.user().username().equals(target.user().username());
        boolean privileged = !actor.user().isAdministrator();
        User user = target.user();
        return switch (action) {
            case OPEN_CHANGE_PASSWORD_FORM, SET_PASSWORD, REQUIRE_PASSWORD_CHANGE -> {
                if (self) {
                    yield Decision.deny(Reason.DENIED_SELF_TARGET);
                }
                if (target.providerManaged()) {
                    yield Decision.deny(Reason.DENIED_TARGET_MANAGED_BY_PROVIDER);
                }
                if (privileged && user.isAdministrator()) {
                    yield Decision.deny(Reason.DENIED_TARGET_IS_ADMINISTRATOR);
                }
                yield Decision.allow();
            }
            case RESET_FAILED_LOGINS -> {
                if (self) {
                    yield Decision.deny(Reason.DENIED_SELF_TARGET);
                }
                if (privileged && user.isAdministrator()) {
                    yield Decision.deny(Reason.DENIED_TARGET_IS_ADMINISTRATOR);
                }
                yield Decision.allow();
            }
            case EDIT_USER -> Decision.allow();
            case DISABLE_USER, DELETE_USER -> {
                if (self) {
                    yield Decision.deny(Reason.DENIED_SELF_ADMINISTRATION);
                }
                yield lastAdministrator(target) ? Decision.deny(Reason.DENIED_LAST_ADMINISTRATOR) : Decision.allow();
            }
            case REVOKE_ADMINISTRATOR ->
                lastAdministrator(target) ? Decision.deny(Reason.DENIED_LAST_ADMINISTRATOR) : Decision.allow();
            default -> throw new IllegalArgumentException(action + " has no target");
        };
    }

    /** The view of a search for an actor allowed to search: full for administrators, else limited. */
    public static View searchView(User actor) {
        return actor.isAdministrator() ? View.FULL : View.LIMITED;
    }

    private static boolean lastAdministrator(Target target) {
        if (!target.user().enabled() || !target.user().isAdministrator()) {
            return false;
        }
        long count = target.enabledAdministrators()
                .orElseThrow(() -> new IllegalArgumentException("the number of enabled administrators is needed"));
        return count <= 1;
    }
}
