package dev.locksmith.directory;

/**
 * The names of the tree both test directories hold, {@link InMemoryDirectory} and {@link RunningSlapd}:
 * {@code dc=example,dc=com} with {@code ou=people} for users and {@code ou=services} for the service account
 * Locksmith binds as.
 */
final class ExampleTree {
    static final String BASE = "dc=example,dc=com";
    static final String PEOPLE = "ou=people," + BASE;
    static final String SERVICES = "ou=services," + BASE;
    static final String SERVICE_DN = "cn=locksmith," + SERVICES;

    private ExampleTree() {}
}
