package org.vertebra.media;

/**
 * Something on the site that shows a library image: an article or page whose text links to it
 * or that has it as its featured image, or an author's photo.
 *
 * @param title     what the editor knows it by (the article's title, the author's name)
 * @param adminUrl  where the editor opens it to change it
 * @param how       how it uses the image, in words: "in the text", "as the featured image", ...
 * @param state     its state, when it matters to whether readers see it ("draft", "in the trash"), else null
 */
public record MediaUse(String title, String adminUrl, String how, String state) {
}
