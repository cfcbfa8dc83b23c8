package dev.locksmith.benchmarks.crypto;

import org.openjdk.jmh.annotations.Fork;

/** {@link Argon2HashBenchmark} in a JVM limited to a 512 MiB heap. */
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class Argon2SmallHeapBenchmark extends Argon2HashBenchmark {}
