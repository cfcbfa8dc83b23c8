package dev.locksmith.benchmarks.ldap;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A per-thread position in a benchmark's {@value #NAMES} pre-built names, cycled so no single entry stays hot. */
@State(Scope.Thread)
public class NameCursor {
    /** How many names a benchmark builds (a power of two). */
    static final int NAMES = 1024;

    int next;

    int advance() {
        next = (next + 1) & (NAMES - 1);
        return next;
    }
}
