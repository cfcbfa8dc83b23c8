package dev.locksmith.benchmarks.crypto;

import org.openjdk.jmh.annotations.Fork;

/** {@link Argon2HashBenchmark} in a JVM with its default heap (a quarter of physical memory). */
@Fork(1)
public class Argon2DefaultHeapBenchmark extends Argon2HashBenchmark {}
