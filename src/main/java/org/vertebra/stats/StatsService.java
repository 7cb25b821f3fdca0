package org.vertebra.stats;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.consent.ConsentCategory;
import org.vertebra.consent.ConsentPolicy;
import org.vertebra.consent.ConsentService;
import org.vertebra.data.Transactor;
import org.vertebra.secret.SecretTokens;
import org.vertebra.web.PageView;

/**
 * Cookieless statistics: daily totals of page views by path, referring hosts, search terms that
 * found nothing, and unique visitors. A visitor is a hash of the day's random salt, the address
 * and the browser's name, so they can be told apart within a day and never across days; the salt
 * is kept in the database (every server of the site uses the same one) and deleted when the day
 * is over, and the day's hashes with it once their number is written down. Robots, staff pages,
 * files and visitors who said no (a privacy signal, or Statistics rejected) are not counted.
 */
public final class StatsService {

    static final String VIEW = "view";
    static final String REFERRER = "referrer";
    static final String SEARCH_MISS = "search_miss";
    static final String VISITORS = "visitors";
    static final int ITEM_MAX = 300;

    private static final Pattern ROBOT = Pattern.compile(
            "bot|crawl|spider|slurp|fetch|preview|monitor|curl|wget|python-|scrapy|lighthouse|facebookexternalhit",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> NOT_PAGES = List.of("/admin/", "/static/", "/media/", "/api/", "/feed/", "/consent/",
            "/privacy/", "/reading/", "/healthz", "/metrics", "/sitemap", "/robots.txt", "/favicon");

    private final Jdbi jdbi;
    private final Transactor transactor;
    private final ConsentService consent;
    private final String siteHost;
    private final Clock clock;
    private volatile Map.Entry<LocalDate, String> salt;

    public StatsService(Jdbi jdbi, Transactor transactor, ConsentService consent, String baseUrl, Clock clock) {
        this.jdbi = jdbi;
        this.transactor = transactor;
        this.consent = consent;
        this.siteHost = URI.create(baseUrl).getHost();
        this.clock = clock;
    }

    /** Whether this view is counted at all. */
    boolean counts(PageView view) {
        String path = view.path();
        if (path == null || NOT_PAGES.stream().anyMatch(path::startsWith) || path.endsWith(".xml") || path.endsWith(".txt")) {
            return false;
        }
        if (view.userAgent() == null || view.userAgent().isBlank() || ROBOT.matcher(view.userAgent()).find()) {
            return false;
        }
        return consent.allows(ConsentCategory.STATISTICS, consentCookie(view.cookies()), view.privacySignal())
                || undecided(view.cookies()) && !view.privacySignal();
    }

    /** Adds a batch of views and search misses to today's totals, in one transaction. */
    void count(List<Object> batch) {
        LocalDate today = today();
        String day = today.toString();
        Map<List<String>, Long> totals = new HashMap<>();
        Set<String> visitors = new HashSet<>();
        String daySalt = salt(today);
        for (Object event : batch) {
            if (event instanceof PageView view && counts(view)) {
                totals.merge(List.of(VIEW, cut(view.path())), 1L, Long::sum);
                referrerHost(view).ifPresent(host -> totals.merge(List.of(REFERRER, host), 1L, Long::sum));
                visitors.add(visitor(daySalt, view));
            } else if (event instanceof StatsRecorder.SearchMiss miss) {
                totals.merge(List.of(SEARCH_MISS, cut(miss.terms().toLowerCase(Locale.ROOT).strip())), 1L, Long::sum);
            }
        }
        if (totals.isEmpty()) {
            return;
        }
        transactor.run(() -> jdbi.useHandle(h -> {
            var add = h.prepareBatch("""
                    INSERT INTO stats_daily (stat_day, kind, item, hits) VALUES (:day, :kind, :item, :hits)
                    ON CONFLICT (stat_day, kind, item) DO UPDATE SET hits = stats_daily.hits + excluded.hits""");
            totals.forEach((key, hits) -> add.bind("day", day).bind("kind", key.get(0)).bind("item", key.get(1))
                    .bind("hits", hits).add());
            add.execute();
            var seen = h.prepareBatch("INSERT INTO stats_visitors (stat_day, visitor) VALUES (:day, :visitor) ON CONFLICT DO NOTHING");
            visitors.forEach(v -> seen.bind("day", day).bind("visitor", v).add());
            if (!visitors.isEmpty()) {
                seen.execute();
            }
        }));
    }

    /**
     * Writes down the number of visitors of every day before today, then forgets those days'
     * hashes and salts. Housekeeping runs it hourly; idempotent, so every server may.
     */
    public int forgetPastVisitors() {
        String today = today().toString();
        return transactor.inTransaction(() -> jdbi.withHandle(h -> {
            h.createUpdate("""
                            INSERT INTO stats_daily (stat_day, kind, item, hits)
                            SELECT stat_day, 'visitors', '', COUNT(*) FROM stats_visitors WHERE stat_day < :today GROUP BY stat_day
                            ON CONFLICT (stat_day, kind, item) DO UPDATE SET hits = excluded.hits""")
                    .bind("today", today).execute();
            int forgotten = h.createUpdate("DELETE FROM stats_visitors WHERE stat_day < :today").bind("today", today).execute();
            h.createUpdate("DELETE FROM stats_salts WHERE stat_day < :today").bind("today", today).execute();
            return forgotten;
        }));
    }

    /** The last {@code days} days' totals, newest day last. */
    public StatsReport report(int days) {
        LocalDate today = today();
        String from = today.minusDays(days - 1L).toString();
        return jdbi.withHandle(h -> new StatsReport(today.minusDays(days - 1L), today,
                daily(h, from, VIEW), visitorsByDay(h, from, today.toString()),
                top(h, from, VIEW), top(h, from, REFERRER), top(h, from, SEARCH_MISS)));
    }

    private Map<String, Long> daily(Handle h, String from, String kind) {
        Map<String, Long> byDay = new HashMap<>();
        h.createQuery("SELECT stat_day, SUM(hits) AS hits FROM stats_daily WHERE kind = :kind AND stat_day >= :from GROUP BY stat_day")
                .bind("kind", kind).bind("from", from)
                .map((rs, ctx) -> Map.entry(rs.getString("stat_day"), rs.getLong("hits"))).forEach(e -> byDay.put(e.getKey(), e.getValue()));
        return byDay;
    }

    private Map<String, Long> visitorsByDay(Handle h, String from, String today) {
        Map<String, Long> byDay = daily(h, from, VISITORS);
        h.createQuery("SELECT COUNT(*) FROM stats_visitors WHERE stat_day = :today").bind("today", today)
                .mapTo(Long.class).findOne().filter(n -> n > 0).ifPresent(n -> byDay.put(today, n));
        return byDay;
    }

    private List<StatsReport.Count> top(Handle h, String from, String kind) {
        return h.createQuery("""
                        SELECT item, SUM(hits) AS hits FROM stats_daily WHERE kind = :kind AND stat_day >= :from
                        GROUP BY item ORDER BY hits DESC, item LIMIT 20""")
                .bind("kind", kind).bind("from", from)
                .map((rs, ctx) -> new StatsReport.Count(rs.getString("item"), rs.getLong("hits"))).list();
    }

    private String salt(LocalDate day) {
        Map.Entry<LocalDate, String> known = salt;
        if (known != null && known.getKey().equals(day)) {
            return known.getValue();
        }
        String value = jdbi.withHandle(h -> {
            h.createUpdate("INSERT INTO stats_salts (stat_day, salt) VALUES (:day, :salt) ON CONFLICT (stat_day) DO NOTHING")
                    .bind("day", day.toString()).bind("salt", SecretTokens.newToken()).execute();
            return h.createQuery("SELECT salt FROM stats_salts WHERE stat_day = :day").bind("day", day.toString())
                    .mapTo(String.class).one();
        });
        salt = Map.entry(day, value);
        return value;
    }

    static String visitor(String daySalt, PageView view) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((daySalt + "\n" + view.address() + "\n" + view.userAgent()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The referring site's host only, and only when it is another site. */
    private java.util.Optional<String> referrerHost(PageView view) {
        if (view.referrer() == null) {
            return java.util.Optional.empty();
        }
        try {
            String host = URI.create(view.referrer().strip()).getHost();
            String own = view.host() == null ? null : view.host().replaceFirst(":\\d+$", "");
            if (host == null || host.equalsIgnoreCase(siteHost) || host.equalsIgnoreCase(own)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(cut(host.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static String consentCookie(String cookies) {
        if (cookies == null) {
            return null;
        }
        for (String pair : cookies.split(";")) {
            String p = pair.strip();
            if (p.startsWith(ConsentPolicy.COOKIE_NAME + "=")) {
                return p.substring(ConsentPolicy.COOKIE_NAME.length() + 1);
            }
        }
        return null;
    }

    /** No choice for the current policy yet: our own cookieless count runs, as it stores nothing about anyone. */
    private boolean undecided(String cookies) {
        return org.vertebra.consent.ConsentChoice.parse(consentCookie(cookies))
                .filter(c -> c.policyVersion() == consent.policy().version()).isEmpty();
    }

    private static String cut(String text) {
        return text.length() <= ITEM_MAX ? text : text.substring(0, ITEM_MAX);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
