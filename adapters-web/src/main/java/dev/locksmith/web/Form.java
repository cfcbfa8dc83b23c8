package dev.locksmith.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one form being shown: values to show again (never passwords, unless generated) and errors per
 * field, each rendered next to its field and tied to it with {@code aria-describedby}, plus a summary. Not
 * thread-safe; one per response.
 */
final class Form {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    Form value(String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
        return this;
    }

    String value(String field) {
        return values.getOrDefault(field, "");
    }

    boolean checked(String field) {
        return "on".equals(values.get(field));
    }

    Form error(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    /** An error about the whole form (shown in the summary only). */
    Form general(String message) {
        general.add(message);
        return this;
    }

    boolean hasErrors() {
        return !errors.isEmpty() || !general.isEmpty();
    }

    List<String> errors(String field) {
        return errors.getOrDefault(field, List.of());
    }

    /** The summary at the top of the form: every error, each field's linking to the field. */
    Html summary(Map<String, String> labels) {
        if (!hasErrors()) {
            return Html.EMPTY;
        }
        List<Html> items = new ArrayList<>();
        for (String message : general) {
            items.add(Html.of("<li>{}</li>", message));
        }
        errors.forEach((field, messages) -> {
            for (String message : messages) {
                items.add(Html.of(
                        "<li><a href=\"#{}\">{}: {}</a></li>", field, labels.getOrDefault(field, field), message));
            }
        });
        return Html.of(
                "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">"
                        + "<h2 id=\"error-summary-title\">There is a problem</h2><ul>{}</ul></div>",
                Html.join(items));
    }

    /** The field's own errors, with the id its input points to. */
    Html fieldErrors(String field) {
        List<String> messages = errors(field);
        if (messages.isEmpty()) {
            return Html.EMPTY;
        }
        List<Html> items = new ArrayList<>();
        for (String message : messages) {
            items.add(Html.of("<li>{}</li>", message));
        }
        return Html.of("<ul class=\"field-error\" id=\"{}-error\">{}</ul>", field, Html.join(items));
    }

    /**
     * The attributes tying an input to its hint and errors: {@code aria-describedby} and, with errors,
     * {@code aria-invalid}.
     */
    Html describedBy(String field, String... hints) {
        List<String> ids = new ArrayList<>(List.of(hints));
        boolean invalid = !errors(field).isEmpty();
        if (invalid) {
            ids.add(field + "-error");
        }
        if (ids.isEmpty()) {
            return Html.EMPTY;
        }
        return Html.of(
                " aria-describedby=\"{}\"{}",
                String.join(" ", ids),
                Html.when(invalid, Html.of(" aria-invalid=\"true\"")));
    }
}
