package dev.locksmith.jdbc;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving tests a real, throwaway PostgreSQL server ({@link RunningPostgres}), started once per
 * test run and shared by every test class that uses it; stopped and deleted when the run ends (or by a
 * shutdown hook if the JVM dies first). Test classes, and the classes nested in them,
 * get it as a {@link TestDatabase} parameter.
 *
 * <p>Fails (does not skip) when the server binaries are missing: the PostgreSQL tests must run.
 */
public final class PostgresServer implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresServer.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new TestDatabase.Postgres(server(context));
    }

    private static RunningPostgres server(ExtensionContext context) {
        // The root context's store lives for the whole run and closes what it holds at the end.
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningPostgres.class, k -> RunningPostgres.start(), RunningPostgres.class);
    }
}
