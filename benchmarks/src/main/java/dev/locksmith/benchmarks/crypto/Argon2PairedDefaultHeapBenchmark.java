package dev.locksmith.benchmarks.crypto;

import org.openjdk.jmh.annotations.Fork;

/** {@link Argon2PairedBenchmark} in a JVM with its default heap (a quarter of physical memory). */
@Fork(1)
public class Argon2PairedDefaultHeapBenchmark extends Argon2PairedBenchmark {}
