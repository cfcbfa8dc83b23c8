package dev.locksmith.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invisible and default-ignorable code points are refused in names, so look-alike names cannot coexist. */
class LookAlikeNamesTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(
            ints = {
                0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x034F, 0x061C, 0x180E,
                0xFE0F, 0x2064, 0xE0041, 0x1D173
            })
    void a_username_or_display_name_holding_an_invisible_code_point_is_refused(int codePoint) {
        String hidden = "ad" + Character.toString(codePoint) + "min";

        assertThatThrownBy(() -> Username.of(hidden)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT);
            assertThat(e.getMessage()).contains("invisible");
        });
        assertThatThrownBy(() -> Profile.named(hidden)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Profile("Visible", hidden, java.util.Optional.empty(), ""))
                .isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "zoë", "δημήτρης", "山田", "नमस्ते", "o'brien", "jean-luc"})
    void visible_names_in_any_script_are_accepted(String name) {
        assertThat(Username.of(name).value()).isNotEmpty();
        assertThat(Profile.named(name).publicName()).isEqualTo(name);
    }
}
