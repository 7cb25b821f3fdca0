package org.vertebra.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How old addresses are compared: decoded, one slash at the end unless a file, no query. */
class RedirectPathsTest {

    @Test
    void decodesAddsOneTrailingSlashAndDropsTheQuery() {
        assertThat(RedirectPaths.normalise("/Old%20Page")).contains("/Old Page/");
        assertThat(RedirectPaths.normalise("/2019/05/knee-pain/?utm_source=mail#top")).contains("/2019/05/knee-pain/");
        assertThat(RedirectPaths.normalise(" /a+b ")).contains("/a+b/");
        assertThat(RedirectPaths.normalise("/files/leaflet.pdf")).contains("/files/leaflet.pdf");
        assertThat(RedirectPaths.normalise("/caf%C3%A9/")).contains("/caf\u00e9/");
    }

    @Test
    void refusesWhatIsNotAPathOnThisSite() {
        assertThat(RedirectPaths.normalise("old-page/")).isEmpty();
        assertThat(RedirectPaths.normalise("//elsewhere.example/")).isEmpty();
        assertThat(RedirectPaths.normalise("https://example.org/old/")).isEmpty();
        assertThat(RedirectPaths.normalise("/bad%zzescape/")).isEmpty();
        assertThat(RedirectPaths.normalise(null)).isEmpty();
    }

    @Test
    void keepsOnlyTheReferrersHost() {
        assertThat(RedirectRoutes.referrerHost("https://News.Example.com/health/article?id=7")).isEqualTo("news.example.com");
        assertThat(RedirectRoutes.referrerHost("not a url")).isNull();
        assertThat(RedirectRoutes.referrerHost(null)).isNull();
    }
}
