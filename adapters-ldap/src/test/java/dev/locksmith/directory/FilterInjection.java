package dev.locksmith.directory;

import java.util.stream.Stream;

/** Usernames that would widen, close or add to an unescaped LDAP filter: each must match only itself. */
final class FilterInjection {
    private FilterInjection() {}

    /** For {@code @MethodSource("dev.locksmith.directory.FilterInjection#usernames")}. */
    static Stream<String> usernames() {
        return Stream.of(
                "*",
                "a*",
                ")(uid=*",
                "alice)(uid=*",
                "*)(|(uid=*",
                "alice)(|(objectClass=*)",
                "\\2a",
                "\\",
                "(uid=alice)",
                "alice*");
    }
}
