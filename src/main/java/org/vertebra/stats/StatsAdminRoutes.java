package org.vertebra.stats;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vertebra.access.Action;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;

/** /admin/stats/: the last 30 days as a small bar chart (inline SVG, drawn here) and tables. */
public final class StatsAdminRoutes {

    static final int DAYS = 30;
    static final int CHART_HEIGHT = 120;
    static final int BAR_WIDTH = 18;

    /** One day's bar: its place and height in the chart, and its numbers for the table. */
    public record Day(String iso, String label, long views, long visitors, int x, int height, int visitorsHeight) {
    }

    public record StatsPage(AdminFrame frame, List<Day> days, long totalViews, long maxViews, int chartWidth, int chartHeight,
                            List<StatsReport.Count> topPages, List<StatsReport.Count> referrers,
                            List<StatsReport.Count> searchMisses) {
    }

    private final StatsService stats;
    private final AdminShell shell;

    StatsAdminRoutes(StatsService stats, AdminShell shell) {
        this.stats = stats;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/stats/", this::page, Action.VIEW_STATISTICS);
    }

    private void page(Context ctx) {
        StatsReport report = stats.report(DAYS);
        long max = Math.max(1, report.viewsByDay().values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Day> days = new ArrayList<>();
        int i = 0;
        for (LocalDate day = report.from(); !day.isAfter(report.to()); day = day.plusDays(1), i++) {
            long views = report.viewsByDay().getOrDefault(day.toString(), 0L);
            long visitors = report.visitorsByDay().getOrDefault(day.toString(), 0L);
            days.add(new Day(day.toString(), day.getDayOfMonth() + " " + day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT,
                    java.util.Locale.ENGLISH), views, visitors, i * (BAR_WIDTH + 4), (int) (CHART_HEIGHT * views / max),
                    (int) (CHART_HEIGHT * Math.min(visitors, max) / max)));
        }
        long total = days.stream().mapToLong(Day::views).sum();
        shell.render(ctx, 200, "stats/admin.jte", new StatsPage(shell.frame(ctx, "Statistics", AdminShell.Section.STATISTICS),
                days, total, max, days.size() * (BAR_WIDTH + 4), CHART_HEIGHT, report.topPages(), report.referrers(),
                report.searchMisses()));
    }
}
