/**
 * Helpers shared by the use cases (the transaction-and-audit runner, the full policy check). Public for the
 * composition root only: not exported by the module, not API, may change at any time.
 */
package dev.locksmith.core.internal;
