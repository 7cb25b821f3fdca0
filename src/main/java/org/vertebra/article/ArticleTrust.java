package org.vertebra.article;

import org.vertebra.author.Author;
import org.vertebra.evidence.EvidenceReport;
import org.vertebra.trust.TrustPolicy;
import org.vertebra.trust.TrustSubject;

/** The facts of an article the trust benchmarks look at, gathered once for the page and the desk. */
final class ArticleTrust {

    private ArticleTrust() {
    }

    /** @param evidence the evidence check of its text, or null where only the facts readers see are needed */
    public static TrustSubject subject(Article article, Author author, TrustPolicy policy, EvidenceReport evidence) {
        return new TrustSubject(author == null ? null : author.name(), author == null ? null : author.credentials(),
                author == null ? null : author.url(), article.reviewedBy(), article.reviewedOn(),
                policy.disclosureFor(article.disclosure()), article.references(), evidence, article.publishedAt(),
                article.updatedAt());
    }
}
