/**
 * Screening of new passwords: {@link dev.locksmith.screening.BloomFilterBlocklist} implements core's blocklist
 * port (the 100,000 most common passwords, further lists and the administrator's banned words, in a Guava Bloom
 * filter) and {@link dev.locksmith.screening.NbvcxzStrengthEstimator} implements its strength port (zxcvbn-style
 * score 0 to 4 and advice, from nbvcxz). Both are immutable and thread-safe once built, and throw only core's
 * exceptions.
 *
 * <h2>Measured cost</h2>
 *
 * Measured on the project's build machine (2 shared cores, OpenJDK 17.0.15, load average 4 to 6 from other
 * work) with {@code benchmarks/}'s {@code ScreeningFootprint} (heap in use after full collections, before and
 * after a build, serial collector) and JMH ({@code BlocklistBenchmark}, {@code BlocklistLoadBenchmark},
 * {@code StrengthBenchmark}); {@code benchmarks/README.md} has the commands and every figure.
 *
 * <ul>
 *   <li><b>Blocklist memory</b>: 360 KB retained (360,464 bytes) for the bundled list at the default
 *       false-positive probability of 10⁻⁶: 100,002 lines, 2.88 million bits, 20 hash functions; the filter's
 *       own estimate of its false-positive probability once loaded is 6.1 × 10⁻⁷, below the configured rate
 *       because case folding merges 3,482 lines into others. At 10⁻³: 180 KB. The same list as a lower-cased
 *       {@code HashSet<String>} retains 8.3 MB. The first blocklist in a JVM also loads about 0.2 to 0.35 MB of
 *       one-time JDK and Guava data (Unicode normalization tables, classes' constants).</li>
 *   <li><b>Blocklist load time</b>: 250 to 350 ms for the first load in a fresh JVM (class loading and a cold
 *       JIT included), 41 to 52 ms for later loads.</li>
 *   <li><b>Blocklist check</b>: about 0.16 µs for a listed password and 0.4 µs for an unlisted one, against
 *       0.04 to 0.09 µs for the {@code HashSet} floor; about 0.35 to 0.39 KB of short-lived garbage per check.</li>
 *   <li><b>Strength estimator</b>: its first build in a JVM loads nbvcxz's dictionaries, 0.28 to 0.34 s and
 *       18.9 MB retained (held statically by nbvcxz and shared by every estimator); an estimate of an
 *       ordinary password takes 0.1 to 0.6 ms, and a crafted 256-character repetitive one is cut off by the
 *       length limit and time budget (nbvcxz's own defaults spend over a second on it).</li>
 * </ul>
 */
package dev.locksmith.screening;
