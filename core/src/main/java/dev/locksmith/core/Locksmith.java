package dev.locksmith.core;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.internal.AuditBacklog;
import dev.locksmith.core.internal.FailedPasswordChecks;
import dev.locksmith.core.internal.NoMail;
import dev.locksmith.core.internal.Notices;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.internal.Verifier;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.port.Blocklist;
import dev.locksmith.core.port.Mailer;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.port.PasswordHistory;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.ResetTokens;
import dev.locksmith.core.port.SecurityProviders;
import dev.locksmith.core.port.Store;
import dev.locksmith.core.port.StrengthEstimator;
import dev.locksmith.core.port.Transactions;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import dev.locksmith.core.usecase.ChangeOwnPassword;
import dev.locksmith.core.usecase.ChangePolicy;
import dev.locksmith.core.usecase.CreateUser;
import dev.locksmith.core.usecase.DeleteUser;
import dev.locksmith.core.usecase.EditUser;
import dev.locksmith.core.usecase.GenerateTemporaryPassword;
import dev.locksmith.core.usecase.IssueResetLink;
import dev.locksmith.core.usecase.OpenChangePasswordForm;
import dev.locksmith.core.usecase.ReadAuditTrail;
import dev.locksmith.core.usecase.ReadPolicy;
import dev.locksmith.core.usecase.RedeemResetLink;
import dev.locksmith.core.usecase.RegisterProviderUser;
import dev.locksmith.core.usecase.RequirePasswordChange;
import dev.locksmith.core.usecase.ResetFailedLogins;
import dev.locksmith.core.usecase.SearchUsers;
import dev.locksmith.core.usecase.SetPassword;
import java.time.Clock;
import java.util.Optional;

/**
 * The composition root: built once from the host's port implementations, it hands out the use cases.
 * Immutable and thread-safe; every use case it returns is thread-safe too.
 *
 * <p>Each use case's implementation is internal and is given exactly the ports its own steps use (deleting a
 * user is given the accounts and the password history; reading the audit trail, the audit trail), the internal
 * helpers it calls (the full password check, the notices), and the one runner every use case runs in: its
 * transactions, its audit event and the authorization matrix. No implementation holds a port it does not use
 * (checked by the architecture tests).
 *
 * <pre>{@code
 * Locksmith locksmith = Locksmith.builder()
 *         .store(jdbiStore)                   // or userAccounts(...), passwordHistory(...), ... one by one
 *         .passwordHasher(hasher).blocklist(blocklist)
 *         .mailer(mailer)                     // optional: mail "not configured" by default
 *         .build();
 * locksmith.setPassword().execute(SetPassword.Command.of(actor, target, password, SetPassword.Option.EMAIL_PASSWORD));
 * }</pre>
 */
public final class Locksmith {
    private final SearchUsers searchUsers;
    private final OpenChangePasswordForm openChangePasswordForm;
    private final SetPassword setPassword;
    private final RequirePasswordChange requirePasswordChange;
    private final GenerateTemporaryPassword generateTemporaryPassword;
    private final ResetFailedLogins resetFailedLogins;
    private final ChangeOwnPassword changeOwnPassword;
    private final Authenticate authenticate;
    private final CreateUser createUser;
    private final EditUser editUser;
    private final DeleteUser deleteUser;
    private final RegisterProviderUser registerProviderUser;
    private final ReadPolicy readPolicy;
    private final ChangePolicy changePolicy;
    private final ReadAuditTrail readAuditTrail;
    private final BootstrapAdministrator bootstrapAdministrator;
    private final IssueResetLink issueResetLink;
    private final RedeemResetLink redeemResetLink;
    private final boolean offersResetLinks;
    private final AuditBacklog auditBacklog;

    /** Wires each use case to the ports it uses, the shared helpers, and the one runner they all run in. */
    private Locksmith(Builder ports) {
        UserAccounts users = ports.userAccounts;
        PasswordHistory history = ports.passwordHistory;
        PolicyStore policies = ports.policyStore;
        PasswordHasher hasher = ports.passwordHasher;
        Mailer mailer = ports.mailer;
        Optional<StrengthEstimator> strengthEstimator = Optional.ofNullable(ports.strengthEstimator);
        Optional<ResetTokens> resetTokens = Optional.ofNullable(ports.resetTokens);
        auditBacklog = new AuditBacklog(ports.transactions, ports.auditTrail);
        UseCaseRunner runner = new UseCaseRunner(
                ports.transactions,
                users,
                policies,
                ports.securityProviders,
                ports.auditTrail,
                auditBacklog,
                ports.clock);
        PasswordChecks checks = new PasswordChecks(ports.blocklist, strengthEstimator, history, hasher);
        Verifier verifier = new Verifier(hasher);
        FailedPasswordChecks failedChecks = new FailedPasswordChecks(users, ports.auditTrail);
        Notices notices = new Notices(mailer, ports.notifyPasswordChanges, auditBacklog, ports.clock);
        offersResetLinks = resetTokens.isPresent();

        searchUsers = new SearchUsersService(runner, users, ports.securityProviders);
        openChangePasswordForm = new OpenChangePasswordFormService(runner, policies, mailer);
        setPassword = new SetPasswordService(runner, users, history, policies, checks, mailer, notices);
        requirePasswordChange = new RequirePasswordChangeService(runner, users);
        generateTemporaryPassword = new GenerateTemporaryPasswordService(runner, policies, checks);
        resetFailedLogins = new ResetFailedLoginsService(runner, users);
        changeOwnPassword = new ChangeOwnPasswordService(
                runner, users, history, policies, checks, verifier, failedChecks, notices, ports.clock);
        authenticate = new AuthenticateService(
                runner, users, policies, ports.securityProviders, hasher, verifier, failedChecks);
        createUser = new CreateUserService(runner, users, policies, checks);
        editUser = new EditUserService(runner, users);
        deleteUser = new DeleteUserService(runner, users, history);
        registerProviderUser = new RegisterProviderUserService(runner, users);
        readPolicy = new ReadPolicyService(runner, policies);
        changePolicy = new ChangePolicyService(runner, policies, strengthEstimator);
        readAuditTrail = new ReadAuditTrailService(runner, ports.auditTrail);
        bootstrapAdministrator = new BootstrapAdministratorService(runner, users, policies, checks);
        issueResetLink = new IssueResetLinkService(runner, policies, mailer, resetTokens);
        redeemResetLink = new RedeemResetLinkService(runner, users, history, policies, checks, notices, resetTokens);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    public SearchUsers searchUsers() {
        return searchUsers;
    }

    public OpenChangePasswordForm openChangePasswordForm() {
        return openChangePasswordForm;
    }

    public SetPassword setPassword() {
        return setPassword;
    }

    public RequirePasswordChange requirePasswordChange() {
        return requirePasswordChange;
    }

    public GenerateTemporaryPassword generateTemporaryPassword() {
        return generateTemporaryPassword;
    }

    public ResetFailedLogins resetFailedLogins() {
        return resetFailedLogins;
    }

    public ChangeOwnPassword changeOwnPassword() {
        return changeOwnPassword;
    }

    public Authenticate authenticate() {
        return authenticate;
    }

    public CreateUser createUser() {
        return createUser;
    }

    public EditUser editUser() {
        return editUser;
    }

    public DeleteUser deleteUser() {
        return deleteUser;
    }

    public RegisterProviderUser registerProviderUser() {
        return registerProviderUser;
    }

    public ReadPolicy readPolicy() {
        return readPolicy;
    }

    public ChangePolicy changePolicy() {
        return changePolicy;
    }

    public ReadAuditTrail readAuditTrail() {
        return readAuditTrail;
    }

    /** Creates the first administrator; denied once an enabled administrator exists. */
    public BootstrapAdministrator bootstrapAdministrator() {
        return bootstrapAdministrator;
    }

    /** Issues and mails one-time password-reset links; refused unless the builder was given {@code resetTokens}. */
    public IssueResetLink issueResetLink() {
        return issueResetLink;
    }

    /** Whether reset links can be issued: the builder was given {@code resetTokens} (mail is needed too). */
    public boolean offersResetLinks() {
        return offersResetLinks;
    }

    /** Redeems one-time password-reset links; refused unless the builder was given {@code resetTokens}. */
    public RedeemResetLink redeemResetLink() {
        return redeemResetLink;
    }

    /**
     * Audit events not yet in the audit trail: events of use cases that failed because the store was
     * unavailable (kept in memory, so a caller never waits a second timeout for them, and recorded with the
     * next use case that commits), plus any dropped because more than 10,000 were waiting. Zero in a healthy
     * system; a host may export it as a metric and alert on it.
     */
    public long unrecordedAuditEvents() {
        return auditBacklog.unrecorded();
    }

    /**
     * Collects the port implementations; {@link #build()} checks that every required one is there. The
     * stores ({@code userAccounts}, {@code passwordHistory}, {@code auditTrail}, {@code policyStore}) must be
     * bound to the same backing store as {@code transactions}. Not thread-safe; use it from one thread.
     */
    public static final class Builder {
        private UserAccounts userAccounts;
        private PasswordHistory passwordHistory;
        private AuditTrail auditTrail;
        private PolicyStore policyStore;
        private Transactions transactions;
        private PasswordHasher passwordHasher;
        private Blocklist blocklist;
        private StrengthEstimator strengthEstimator;
        private SecurityProviders securityProviders = username -> Optional.empty();
        private Mailer mailer = new NoMail();
        private Clock clock = Clock.systemUTC();
        private boolean notifyPasswordChanges;
        private ResetTokens resetTokens;

        private Builder() {}

        /**
         * The four stores and their transactions, from one backing store: the same as calling
         * {@link #userAccounts}, {@link #passwordHistory}, {@link #auditTrail}, {@link #policyStore} and
         * {@link #transactions} with its parts. The reset-token store is given with {@link #resetTokens}.
         */
        public Builder store(Store value) {
            InvalidInputException.requireNonNull(value, "store");
            return userAccounts(value.userAccounts())
                    .passwordHistory(value.passwordHistory())
                    .auditTrail(value.auditTrail())
                    .policyStore(value.policyStore())
                    .transactions(value.transactions());
        }

        /** Required (or {@link #store}). */
        public Builder userAccounts(UserAccounts value) {
            userAccounts = value;
            return this;
        }

        /** Required (or {@link #store}). */
        public Builder passwordHistory(PasswordHistory value) {
            passwordHistory = value;
            return this;
        }

        /** Required (or {@link #store}). */
        public Builder auditTrail(AuditTrail value) {
            auditTrail = value;
            return this;
        }

        /** Required (or {@link #store}). */
        public Builder policyStore(PolicyStore value) {
            policyStore = value;
            return this;
        }

        /** Required (or {@link #store}): the unit of work spanning the four stores above. */
        public Builder transactions(Transactions value) {
            transactions = value;
            return this;
        }

        /** Required. */
        public Builder passwordHasher(PasswordHasher value) {
            passwordHasher = value;
            return this;
        }

        /** Required: common and breached passwords. */
        public Builder blocklist(Blocklist value) {
            blocklist = value;
            return this;
        }

        /** Optional: needed only for a policy with a minimum strength (which is refused without it). */
        public Builder strengthEstimator(StrengthEstimator value) {
            strengthEstimator = value;
            return this;
        }

        /** Optional: by default no security provider claims anyone. */
        public Builder securityProviders(SecurityProviders value) {
            securityProviders = value;
            return this;
        }

        /** Optional: by default mail is not configured and "email password to user" is refused. */
        public Builder mailer(Mailer value) {
            mailer = value;
            return this;
        }

        /** Optional: the system clock in UTC by default. */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /**
         * Optional, off by default: after a password is set by someone else (without emailing it) or changed
         * by its user, send the user a "your password was changed" notice when mail is configured and the
         * user has an address. A failed notice is logged and does not undo the change.
         */
        public Builder notifyPasswordChanges(boolean value) {
            notifyPasswordChanges = value;
            return this;
        }

        /**
         * Optional: the store of one-time reset-link tokens, bound to the same backing store as
         * {@code transactions}. Without it reset links are refused ({@code UNAVAILABLE}).
         */
        public Builder resetTokens(ResetTokens value) {
            resetTokens = value;
            return this;
        }

        /**
         * The configured Locksmith.
         *
         * @throws InvalidInputException naming the first missing setting
         */
        public Locksmith build() {
            require(userAccounts, "userAccounts");
            require(passwordHistory, "passwordHistory");
            require(auditTrail, "auditTrail");
            require(policyStore, "policyStore");
            require(transactions, "transactions");
            require(passwordHasher, "passwordHasher");
            require(blocklist, "blocklist");
            require(securityProviders, "securityProviders");
            require(mailer, "mailer");
            require(clock, "clock");
            return new Locksmith(this);
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new InvalidInputException(name, "is required");
            }
        }
    }
}
