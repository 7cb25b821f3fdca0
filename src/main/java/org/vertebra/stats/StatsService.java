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

    private final StatsRepository repository;
    private final Transactor transactor;
    private final ConsentService consent;
    private final String siteHost;
    private final Clock clock;
    private volatile Map.Entry<LocalDate, String> salt;

    public StatsService(Jdbi jdbi, Transactor transactor, ConsentService consent, String baseUrl, Clock clock) {
        this.repository = new StatsRepository(jdbi);
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
        transactor.run(() -> repository.add(today, totals, visitors));
    }

    /**
     * Writes down the number of visitors of every day before today, then forgets those days'
     * hashes and salts. Housekeeping runs it hourly; idempotent, so every server may.
     */
    public int forgetPastVisitors() {
        return transactor.inTransaction(() -> repository.forgetVisitorsBefore(today()));
    }

    /** The last {@code days} days' totals, newest day last. */
    public StatsReport report(int days) {
        LocalDate today = today();
        return repository.report(today.minusDays(days - 1L), today);
    }

    private String salt(LocalDate day) {
        Map.Entry<LocalDate, String> known = salt;
        if (known != null && known.getKey().equals(day)) {
            return known.getValue();
        }
        String value = repository.saltOf(day, SecretTokens.newToken());
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
