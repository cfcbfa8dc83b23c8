/**
 * Screening of new passwords: {@link dev.locksmith.screening.BloomFilterBlocklist} implements core's blocklist
 * port (the 100,000 most common passwords, further lists and the administrator's banned words, in a Guava Bloom
 * filter; the list is nbvcxz's, read from its jar) and {@link dev.locksmith.screening.ZxcvbnStrengthEstimator}
 * implements its strength port (zxcvbn's score 0 to 4 and advice, from zxcvbn4j, checked against the reference
 * zxcvbn 4.4.2 by a differential test). Both are immutable and thread-safe once built, and throw only core's
 * exceptions.
 *
 * <h2>Cost</h2>
 *
 * The blocklist's memory, load time, cost per check and false positives, and the strength estimator's cost on
 * typical and worst inputs (bounded by the code points it estimates, 128 by default), are measured with JMH and
 * {@code ScreeningFootprint} in {@code benchmarks/}; {@code benchmarks/README.md} has the commands and every
 * figure.
 */
package dev.locksmith.screening;
