package org.vertebra.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The numbers an operator watches, in Prometheus' text format at {@code /metrics}: requests and
 * their latencies, the mail outbox's depth, background job runs, page cache hits, and the JVM's
 * own. Request timers are kept per method and status class only, with a dozen latency buckets,
 * so the series stay few and timing a request stays cheap (it is on every page's path).
 */
public final class SiteMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static final String[] METHODS = {"GET", "HEAD", "POST", "OTHER"};
    /** Bounds of the latency histogram: what a page, a search and a slow request take. */
    private static final Duration[] BUCKETS = java.util.stream.Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    /** One timer per method and status class (1xx to 5xx), made on first use; found by index, not by a string. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<Timer> requestTimers =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(METHODS.length * 6);
    private final Map<String, Counter> jobCounters = new ConcurrentHashMap<>();

    public SiteMetrics() {
        followPrometheusNaming();
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * Two of Micrometer's JVM metrics break Prometheus' naming rules (promtool refuses them): the
     * process's CPU time is counted in "ns", an abbreviated unit, and the number of processors is a
     * gauge ending in "_count", which belongs to histograms and summaries. The first is counted in
     * seconds under the name Prometheus' own clients give it, the second is renamed.
     */
    private void followPrometheusNaming() {
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.cores") : id;
            }
        });
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, o -> o.getProcessCpuTime() / 1e9)
                    .description("The CPU time the process has used").baseUnit("seconds").register(registry);
        }
    }

    /** One HTTP request answered with this status after this many nanoseconds. */
    public void request(String method, int status, long nanos) {
        int methodIndex = switch (method) {
            case "GET" -> 0;
            case "HEAD" -> 1;
            case "POST" -> 2;
            default -> 3;
        };
        int statusClass = Math.max(0, Math.min(5, status / 100));
        int index = methodIndex * 6 + statusClass;
        Timer timer = requestTimers.get(index);
        if (timer == null) {
            timer = Timer.builder("vertebra.http.requests")
                    .description("HTTP requests answered, by method and status class")
                    .tag("method", METHODS[methodIndex])
                    .tag("status", statusClass + "xx")
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry); // the registry hands back the same timer to a racing thread
            requestTimers.compareAndSet(index, null, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
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
