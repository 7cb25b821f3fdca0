package org.vertebra.trust;

/**
 * Whether an article meets one benchmark, and in a sentence why (what it shows, or what is missing).
 */
public record BenchmarkResult(Benchmark benchmark, boolean met, String detail) {
}
