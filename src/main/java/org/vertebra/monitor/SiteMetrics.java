package org.vertebra.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The numbers an operator watches, in Prometheus' text format at {@code /metrics}: requests and
 * their latencies, the mail outbox's depth, background job runs, page cache hits, and the JVM's
 * own. Request timers are kept per method and status class only, so the series stay few.
 */
public final class SiteMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> jobCounters = new ConcurrentHashMap<>();

    public SiteMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** One HTTP request answered with this status after this many nanoseconds. */
    public void request(String method, int status, long nanos) {
        String methodTag = switch (method) {
            case "GET", "HEAD", "POST" -> method;
            default -> "OTHER";
        };
        String statusTag = (status / 100) + "xx";
        requestTimers.computeIfAbsent(methodTag + statusTag, key -> Timer.builder("vertebra.http.requests")
                        .description("HTTP requests answered, by method and status class")
                        .tag("method", methodTag)
                        .tag("status", statusTag)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(10))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A background job's run, {@code ok} or {@code failed}. */
    public void jobRun(String job, String outcome) {
        jobCounters.computeIfAbsent(job + "/" + outcome, key -> Counter.builder("vertebra.job.runs")
                        .description("Background job runs on this node, by job and outcome")
                        .tag("job", job)
                        .tag("outcome", outcome)
                        .register(registry))
                .increment();
    }

    /** A value read when scraped, such as the outbox's depth. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** A count kept elsewhere that only grows, such as the page cache's hits. */
    public <T> void counter(String name, String description, T source, ToDoubleFunction<T> count) {
        FunctionCounter.builder(name, source, count).description(description).register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }
}
