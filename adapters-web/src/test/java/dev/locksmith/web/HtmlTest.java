package dev.locksmith.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void every_value_is_escaped_unless_it_is_html_itself() {
        Html html = Html.of(
                "<p title=\"{}\">{}{}</p>", "\"><script>x</script>", "a & b <i>'`", Html.of("<b>{}</b>", "<safe>"));
        assertThat(html.toString())
                .isEqualTo("<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">"
                        + "a &amp; b &lt;i&gt;&#39;&#96;<b>&lt;safe&gt;</b></p>");
    }

    @Test
    void control_characters_become_replacement_characters_and_null_is_nothing() {
        assertThat(Html.of("{}|{}", "a\u0000b\u001bc\td\n", null).toString()).isEqualTo("a\uFFFDb\uFFFDc\td\n|");
    }

    @Test
    void holes_and_values_must_match() {
        assertThatThrownBy(() -> Html.of("{} {}", "one")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Html.of("{}", "one", "two")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void join_and_when_compose_fragments() {
        assertThat(Html.join(List.of(Html.of("<li>{}</li>", "1"), Html.of("<li>{}</li>", "<2>")))
                        .toString())
                .isEqualTo("<li>1</li><li>&lt;2&gt;</li>");
        assertThat(Html.when(false, Html.of("<hr>"))).isEqualTo(Html.EMPTY);
        assertThat(Html.when(true, Html.of("<hr>")).toString()).isEqualTo("<hr>");
    }
}
