package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Username prefix search: exact answers, keyset pages, and a plan that walks the primary-key index rather
 * than the table, which is what keeps it fast at a million users. The test class it is nested in gives the database.
 */
abstract class PrefixSearchScenarios extends DatabaseScenarios {
    private TestStores.Location location;
    private JdbiStore store;

    @BeforeEach
    void open() {
        location = newLocation();
        store = stores.open(location);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            users.add(Fixtures.localUser(String.format("user%05d", i)));
        }
        users.add(Fixtures.localUser("user_x"));
        users.add(Fixtures.localUser("userz"));
        users.add(Fixtures.localUser("use"));
        store.userAccounts().addAll(users);
    }

    @Test
    void prefix_search_finds_exactly_the_usernames_starting_with_the_text_in_order() {
        assertThat(prefix("USER0100", 50))
                .containsExactly(
                        "user01000",
                        "user01001",
                        "user01002",
                        "user01003",
                        "user01004",
                        "user01005",
                        "user01006",
                        "user01007",
                        "user01008",
                        "user01009");
        assertThat(prefix("user_", 50)).containsExactly("user_x");
        assertThat(prefix("use", 3)).containsExactly("use", "user00000", "user00001");
        assertThat(prefix("nobody", 50)).isEmpty();
    }

    @Test
    void prefix_search_pages_by_username() {
        List<String> seen = new ArrayList<>();
        Optional<Username> after = Optional.empty();
        int pages = 0;
        do {
            Page<User> page = store.userAccounts().searchByUsernamePrefix(new UserSearch("user019", after, 30));
            page.items().forEach(u -> seen.add(u.username().value()));
            after = page.nextCursor().map(Username::of);
            pages++;
        } while (after.isPresent());
        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(100).first().isEqualTo("user01900");
        assertThat(seen).last().isEqualTo("user01999");
        assertThat(seen).isSorted();
    }

    @Test
    void prefix_lookup_walks_the_username_index() throws SQLException {
        String sql = store.userAccounts().prefixSearchSql(true, true, false);
        String plan =
                explain(sql, Map.of("lower", "user0100", "upper", "user0101", "pattern", "user0100%", "rows", 51));
        assertThat(database().usesUsernameIndex(plan)).as(plan).isTrue();
    }

    @Test
    void the_next_page_walks_the_username_index_too() throws SQLException {
        String sql = store.userAccounts().prefixSearchSql(true, true, true);
        String plan = explain(
                sql,
                Map.of("lower", "user01", "upper", "user02", "pattern", "user01%", "after", "user01500", "rows", 51));
        assertThat(database().usesUsernameIndex(plan)).as(plan).isTrue();
    }

    private List<String> prefix(String text, int limit) {
        return store
                .userAccounts()
                .searchByUsernamePrefix(new UserSearch(text, Optional.empty(), limit))
                .items()
                .stream()
                .map(u -> u.username().value())
                .toList();
    }

    /** EXPLAIN of a statement with Jdbi's named parameters, bound by name. */
    private String explain(String sql, Map<String, Object> values) throws SQLException {
        List<Object> ordered = new ArrayList<>();
        Matcher m = Pattern.compile(":(\\w+)").matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            ordered.add(values.get(m.group(1)));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        try (Connection c = connect(location)) {
            database().preferIndexes(c);
            return explain(c, "EXPLAIN " + positional, ordered);
        }
    }

    private static String explain(Connection c, String explain, List<Object> ordered) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(explain)) {
            for (int i = 0; i < ordered.size(); i++) {
                s.setObject(i + 1, ordered.get(i));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
