package dev.locksmith.jdbc;

import org.junit.jupiter.api.extension.ExtendWith;

/** The store's scenarios and contracts ({@link StoreScenarios}) on embedded H2, a fresh in-memory database each. */
@ExtendWith(TestDatabase.H2.Extension.class)
class H2ScenariosTest extends StoreScenarios {}
