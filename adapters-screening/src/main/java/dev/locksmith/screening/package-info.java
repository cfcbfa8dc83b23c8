/**
 * Screening of new passwords: {@link dev.locksmith.screening.BloomFilterBlocklist} implements core's blocklist
 * port (the 100,000 most common passwords, further lists and the administrator's banned words, in a Guava Bloom
 * filter; the list is nbvcxz's, read from its jar) and {@link dev.locksmith.screening.ZxcvbnStrengthEstimator}
 * implements its strength port (zxcvbn's score 0 to 4 and advice, from zxcvbn4j, checked against the reference
 * zxcvbn 4.4.2 by a differential test). Both are immutable and thread-safe once built, and throw only core's
 * exceptions.
 *
 * <h2>Measured cost</h2>
 *
 * Measured on the project's build machine (2 cores shared with other builds, OpenJDK 17.0.15) with
 * {@code benchmarks/}'s {@code ScreeningFootprint} (heap in use after full collections, before and after a
 * build, serial collector) and JMH ({@code BlocklistBenchmark}, {@code BlocklistLoadBenchmark},
 * {@code StrengthBenchmark}); {@code benchmarks/README.md} has the commands and every figure.
 *
 * <ul>
 *   <li><b>Blocklist memory</b>: 360 KB retained (360,464 bytes) for the bundled list at the default
 *       false-positive probability of 10⁻⁶ (100,002 lines, 2.88 million bits, 20 hash functions); once loaded,
 *       the filter estimates its own false-positive probability at 6.1 × 10⁻⁷, below the configured one because
 *       3,482 lines are case variants of others. At 10⁻³: 180 KB. The same list as a lower-cased
 *       {@code HashSet<String>} retains 8.3 MB. The first blocklist in a JVM also loads about 0.2 to 0.35 MB of
 *       one-time JDK and Guava data (Unicode normalization tables, constants).</li>
 *   <li><b>Blocklist load time</b>: 250 to 320 ms for the first load in a fresh JVM (class loading and a cold
 *       JIT included), 41 to 57 ms for later loads; 37 MB of short-lived garbage per load.</li>
 *   <li><b>Blocklist check</b>: 0.14 to 0.20 µs for a listed password and 0.32 to 0.42 µs for an unlisted one
 *       (12 to 20 characters), against 0.016 to 0.028 µs for a {@code HashSet} lookup in the same run; about
 *       0.35 to 0.39 KB of short-lived garbage per check.</li>
 *   <li><b>False positives</b>: none among 100,000 random passwords at the default probability (0.1 expected).</li>
 *   <li><b>Strength estimator</b>: see {@code benchmarks/README.md} ("Strength estimate"): building one loads
 *       zxcvbn4j's dictionaries; a typical estimate takes well under a millisecond, and the worst crafted
 *       inputs are bounded by the 128 code points estimated by default.</li>
 * </ul>
 */
package dev.locksmith.screening;
