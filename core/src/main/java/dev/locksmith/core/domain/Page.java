package dev.locksmith.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of results and the cursor of the next page (empty on the last page). Immutable.
 *
 * @param <T> the row type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
