package org.vertebra.trust;

import java.util.List;

/** An article against the four benchmarks, in the order of {@link Benchmark}. */
public record TrustReport(List<BenchmarkResult> results) {

    public TrustReport {
        results = List.copyOf(results);
    }

    public List<BenchmarkResult> missed() {
        return results.stream().filter(r -> !r.met()).toList();
    }

    public boolean meetsAll() {
        return missed().isEmpty();
    }

    public BenchmarkResult of(Benchmark benchmark) {
        return results.stream().filter(r -> r.benchmark() == benchmark).findFirst().orElseThrow();
    }
}
