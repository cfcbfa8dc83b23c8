package dev.locksmith.jdbc;

import org.junit.jupiter.api.extension.ExtendWith;

/** The store's scenarios and contracts ({@link StoreScenarios}) on a real PostgreSQL server, a fresh schema each. */
@ExtendWith(PostgresServer.class)
class PostgresScenariosTest extends StoreScenarios {}
