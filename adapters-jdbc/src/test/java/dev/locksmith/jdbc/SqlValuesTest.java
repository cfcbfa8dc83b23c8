package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlValuesTest {

    @Test
    void like_metacharacters_and_the_escape_character_are_escaped() {
        assertThat(SqlValues.escapeLike("50%_off!")).isEqualTo("50!%!_off!!");
        assertThat(SqlValues.containsPattern("a\\b'c")).isEqualTo("%a\\b'c%");
        assertThat(SqlValues.prefixPattern("x_")).isEqualTo("x!_%");
    }

    @Test
    void the_prefix_upper_bound_increments_the_last_character() {
        assertThat(SqlValues.prefixUpperBound("user01")).contains("user02");
        assertThat(SqlValues.prefixUpperBound("a\uD7FF")).contains("a\uE000");
        assertThat(SqlValues.prefixUpperBound("")).isEmpty();
    }

    @Test
    void no_upper_bound_where_utf16_and_code_point_order_disagree() {
        assertThat(SqlValues.prefixUpperBound("a\uFFFF")).isEmpty();
        assertThat(SqlValues.prefixUpperBound("a\uD83D\uDE00")).isEmpty();
    }
}
