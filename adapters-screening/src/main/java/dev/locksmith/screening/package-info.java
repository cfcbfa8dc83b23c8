/**
 * Screening of new passwords: {@link dev.locksmith.screening.BloomFilterBlocklist} (common passwords and the
 * administrator's banned words, Guava Bloom filter) and {@link dev.locksmith.screening.NbvcxzStrengthEstimator}
 * (zxcvbn-style score and advice, nbvcxz).
 *
 * <p>MEASUREMENTS_PLACEHOLDER
 */
package dev.locksmith.screening;
