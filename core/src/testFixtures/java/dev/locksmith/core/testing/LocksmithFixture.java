package dev.locksmith.core.testing;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.ChangeOwnPassword;
import dev.locksmith.core.usecase.SetPassword;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A {@link Locksmith} wired on the in-memory fakes, with handles on every fake for arranging and asserting:
 * {@code LocksmithFixture fixture = LocksmithFixture.create(); fixture.given(aUser().named("ann"));}.
 * Thread-safe as far as the fakes are.
 */
public final class LocksmithFixture {
    private final InMemoryStores stores = InMemoryStores.create();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final InMemoryBlocklist blocklist = InMemoryBlocklist.common();
    private final FakeStrengthEstimator strength = new FakeStrengthEstimator();
    private final InMemorySecurityProviders providers = new InMemorySecurityProviders();
    private final RecordingMailer mailer = new RecordingMailer();
    private final TestClock clock = new TestClock();
    private final Locksmith locksmith;

    private LocksmithFixture(Consumer<Locksmith.Builder> customize) {
        Locksmith.Builder builder = requiredPorts()
                .strengthEstimator(strength)
                .securityProviders(providers)
                .mailer(mailer)
                .resetTokens(stores.resetTokens())
                .clock(clock);
        customize.accept(builder);
        locksmith = builder.build();
    }

    /** A fixture with every fake wired and the host's defaults. */
    public static LocksmithFixture create() {
        return new LocksmithFixture(b -> {});
    }

    /** A fixture whose builder is adjusted before it is built (e.g. {@code b -> b.notifyPasswordChanges(true)}). */
    public static LocksmithFixture create(Consumer<Locksmith.Builder> customize) {
        return new LocksmithFixture(customize);
    }

    public Locksmith locksmith() {
        return locksmith;
    }

    /**
     * A new builder wired to this fixture's required ports only: its stores, transactions, hasher and
     * blocklist; not its strength estimator, security providers, mailer, reset tokens nor clock. For a test of a
     * host that leaves optional ports out, or that sets one port again to a test double before building.
     */
    public Locksmith.Builder requiredPorts() {
        return Locksmith.builder().store(stores).passwordHasher(hasher).blocklist(blocklist);
    }

    /** Every in-memory store of this fixture. */
    public InMemoryStores stores() {
        return stores;
    }

    public InMemoryDatabase database() {
        return stores.database();
    }

    public InMemoryUserAccounts users() {
        return stores.userAccounts();
    }

    public InMemoryPasswordHistory history() {
        return stores.passwordHistory();
    }

    public InMemoryAuditTrail audit() {
        return stores.auditTrail();
    }

    public InMemoryPolicyStore policies() {
        return stores.policyStore();
    }

    public InMemoryTransactions transactions() {
        return stores.transactions();
    }

    public FakePasswordHasher hasher() {
        return hasher;
    }

    public InMemoryBlocklist blocklist() {
        return blocklist;
    }

    public FakeStrengthEstimator strength() {
        return strength;
    }

    public InMemoryResetTokens resetTokens() {
        return stores.resetTokens();
    }

    public InMemorySecurityProviders providers() {
        return providers;
    }

    public RecordingMailer mailer() {
        return mailer;
    }

    public TestClock clock() {
        return clock;
    }

    /** Stores the user (its password is {@link TestUsers#DEFAULT_PASSWORD} unless the builder set a hash). */
    public User given(TestUsers.Builder user) {
        User built = user.build();
        stores.userAccounts().add(built);
        return user(built.username().value());
    }

    /** Stores the user with the given password. */
    public User given(TestUsers.Builder user, String password) {
        try (Password secret = Password.of(password)) {
            return given(user.passwordHash(hasher.hash(secret)));
        }
    }

    /** Saves the policy. */
    public LocksmithFixture policy(PasswordPolicy policy) {
        stores.policyStore().save(policy);
        return this;
    }

    /** Saves a policy of the default settings but those given: {@code f.policy(p -> p.lockoutThreshold(3))}. */
    public LocksmithFixture policy(UnaryOperator<PasswordPolicy.Builder> settings) {
        return policy(settings.apply(PasswordPolicy.builder()).build());
    }

    /** The stored user. */
    public User user(String username) {
        return stores.userAccounts()
                .find(Username.of(username))
                .orElseThrow(() -> new AssertionError("no user " + username));
    }

    /** Every audit event, oldest first. */
    public List<AuditEvent> auditEvents() {
        return stores.auditTrail().events();
    }

    /** The newest audit event. */
    public AuditEvent lastAuditEvent() {
        List<AuditEvent> events = auditEvents();
        if (events.isEmpty()) {
            throw new AssertionError("no audit event");
        }
        return events.get(events.size() - 1);
    }

    /** Everything stored but the audit trail, to compare before and after a refusal. */
    public InMemoryDatabase.State stateWithoutAudit() {
        return stores.database().state().withoutAudit();
    }

    /** Logs {@code username} in with {@code password}, through the use case. */
    public AuthenticationOutcome authenticate(String username, String password) {
        return locksmith.authenticate().execute(new Authenticate.Command(Username.of(username), Password.of(password)));
    }

    /** Has {@code actor} set {@code target}'s password, through the use case. */
    public SetPassword.Result setPassword(String actor, String target, String password, SetPassword.Option... options) {
        return locksmith
                .setPassword()
                .execute(SetPassword.Command.of(
                        Username.of(actor), Username.of(target), Password.of(password), options));
    }

    /** Has {@code username} change their own password from {@code current} to {@code next}, through the use case. */
    public void changeOwnPassword(String username, String current, String next) {
        locksmith
                .changeOwnPassword()
                .execute(new ChangeOwnPassword.Command(Username.of(username), Password.of(current), Password.of(next)));
    }

    /** Whether {@code password} verifies against the user's stored hash. */
    public boolean passwordIs(String username, String password) {
        try (Password secret = Password.of(password)) {
            return hasher.verify(secret, user(username).passwordHash().orElseThrow());
        }
    }

    /** A fresh {@link Password} (use cases wipe what they receive). */
    public static Password password(String text) {
        return Password.of(text);
    }

    /** Shorthand for {@link Username#of}. */
    public static Username name(String text) {
        return Username.of(text);
    }
}
