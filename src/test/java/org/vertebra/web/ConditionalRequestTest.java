package org.vertebra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The precondition rules on their own: entity tag lists, weak comparison, the three date forms. */
class ConditionalRequestTest {

    private static final Instant CHANGED = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void aTagMatchesInAListWithOrWithoutW() {
        assertThat(ConditionalRequest.matchesAny("\"a\", \"b\"", "\"b\"")).isTrue();
        assertThat(ConditionalRequest.matchesAny("W/\"b\"", "\"b\"")).isTrue();
        assertThat(ConditionalRequest.matchesAny("\"b\"", "W/\"b\"")).isTrue();
        assertThat(ConditionalRequest.matchesAny("\"x,\"b\"\"", "\"b\"")).isFalse();
        assertThat(ConditionalRequest.matchesAny("\"a,b\"", "\"a\"")).isFalse();
        assertThat(ConditionalRequest.matchesAny("\"bb\"", "\"b\"")).isFalse();
        assertThat(ConditionalRequest.matchesAny(" * ", "\"b\"")).isTrue();
        assertThat(ConditionalRequest.matchesAny("b", "\"b\"")).isFalse();
        assertThat(ConditionalRequest.matchesAny("\"b", "\"b\"")).isFalse();
    }

    @Test
    void ifModifiedSinceIsReadInAllThreeDateForms() {
        for (String date : new String[] {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
                "Sun Nov  6 08:49:37 1994"}) {
            assertThat(ConditionalRequest.parseDate(date)).as(date).isEqualTo(CHANGED);
        }
        assertThat(ConditionalRequest.parseDate("yesterday")).isNull();
        assertThat(ConditionalRequest.HTTP_DATE.format(CHANGED)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        String since = "Sun, 06 Nov 1994 08:49:37 GMT";
        assertThat(ConditionalRequest.notModified(null, since, "\"b\"", CHANGED)).isTrue();
        assertThat(ConditionalRequest.notModified(null, since, "\"b\"", CHANGED.plusSeconds(1))).isFalse();
        assertThat(ConditionalRequest.notModified("\"a\"", since, "\"b\"", CHANGED)).isFalse();
        assertThat(ConditionalRequest.notModified(null, null, "\"b\"", CHANGED)).isFalse();
    }

    @Test
    void gzipIsAcceptedUnlessRefusedWithAZeroQuality() {
        assertThat(CachedPage.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(CachedPage.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(CachedPage.acceptsGzip("gzip;q=0.001")).isTrue();
        assertThat(CachedPage.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(CachedPage.acceptsGzip("deflate, gzip ; q=0.0")).isFalse();
        assertThat(CachedPage.acceptsGzip("identity")).isFalse();
        assertThat(CachedPage.acceptsGzip(null)).isFalse();
    }
}
