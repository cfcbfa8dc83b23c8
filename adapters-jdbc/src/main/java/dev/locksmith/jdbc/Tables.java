package dev.locksmith.jdbc;

/**
 * The qualified names of Locksmith's tables for one store ({@code [schema.]prefix + name}). Prefix and schema
 * are checked identifiers (see {@link JdbiStore.Builder}), so these names are safe to put into SQL text.
 */
record Tables(
        String users,
        String loginState,
        String passwordHistory,
        String auditTrail,
        String passwordPolicy,
        String bannedWords,
        String guards) {

    static Tables of(String qualifier) {
        return new Tables(
                qualifier + "users",
                qualifier + "login_state",
                qualifier + "password_history",
                qualifier + "audit_trail",
                qualifier + "password_policy",
                qualifier + "policy_banned_words",
                qualifier + "guards");
    }
}
