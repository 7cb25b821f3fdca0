package org.vertebra.module;

import java.util.function.Supplier;

/**
 * A figure a feature reports on {@code /metrics}, read when the metrics are scraped (the outbox's
 * depth, say). The server registers every feature's gauges once, when it is built.
 *
 * @param name the metric's name, dotted ({@code vertebra.outbox.waiting}); Prometheus sees it with underscores
 */
public record Gauge(String name, String description, Supplier<Number> value) {
}
