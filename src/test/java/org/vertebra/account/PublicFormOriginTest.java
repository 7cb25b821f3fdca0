package org.vertebra.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicFormOriginTest {

    @Test
    void sameSchemeHostAndPortIsThisSite() {
        assertThat(Access.sameOrigin("https://clinic.example", "https://clinic.example")).isTrue();
        assertThat(Access.sameOrigin("https://clinic.example:443/article/", "https://CLINIC.example")).isTrue();
        assertThat(Access.sameOrigin("http://localhost:8080/x/", "http://localhost:8080")).isTrue();
    }

    @Test
    void anyOtherOriginIsAnotherSite() {
        assertThat(Access.sameOrigin("https://evil.example", "https://clinic.example")).isFalse();
        assertThat(Access.sameOrigin("http://clinic.example", "https://clinic.example")).isFalse();
        assertThat(Access.sameOrigin("https://clinic.example:8443", "https://clinic.example")).isFalse();
        assertThat(Access.sameOrigin("https://clinic.example.evil.example", "https://clinic.example")).isFalse();
        assertThat(Access.sameOrigin("not a url at all", "https://clinic.example")).isFalse();
    }
}
