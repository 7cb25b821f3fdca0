package org.vertebra.handout;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.vertebra.web.Templates;

/**
 * Turns a {@link Handout} into a PDF with openhtmltopdf: the jte template handout/handout.jte made
 * into a DOM, Liberation Sans embedded (subset) for every glyph, tagged as PDF/UA with the title
 * and language in its metadata, so that the text is selectable and read aloud in order.
 *
 * <p>The renderer fetches nothing from the network: the only addresses it may open are the site's
 * own media files, read from the library; anything else in the text (an image elsewhere) is left
 * out of the PDF rather than fetched by the server.
 */
final class HandoutPdf {

    static final String FONT_FAMILY = "Liberation Sans";

    /** The four faces the template uses, from openpdf-fonts-extra's jar (SIL Open Font License 1.1). */
    private static final Face[] FACES = {
            new Face("/liberation/LiberationSans-Regular.ttf", 400, FontStyle.NORMAL),
            new Face("/liberation/LiberationSans-Bold.ttf", 700, FontStyle.NORMAL),
            new Face("/liberation/LiberationSans-Italic.ttf", 400, FontStyle.ITALIC),
            new Face("/liberation/LiberationSans-BoldItalic.ttf", 700, FontStyle.ITALIC)};

    static {
        // The library logs through java.util.logging by default, a line for every step; ours speaks SLF4J, warnings only.
        XRLog.setLoggerImpl(new RendererLog());
    }

    private record Face(String resource, int weight, FontStyle style) {
        byte[] bytes() {
            try (InputStream in = HandoutPdf.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the handout's font " + resource + " is missing from the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Templates templates;
    private final String baseUrl;
    private final Function<String, Optional<byte[]>> mediaFile;
    private final byte[][] fonts;

    /**
     * @param baseUrl   the site's address: links in the text become absolute on paper
     * @param mediaFile the bytes of a media library file by its path under /media/
     */
    HandoutPdf(Templates templates, String baseUrl, Function<String, Optional<byte[]>> mediaFile) {
        this.templates = templates;
        this.baseUrl = baseUrl;
        this.mediaFile = mediaFile;
        this.fonts = new byte[FACES.length][];
        for (int i = 0; i < FACES.length; i++) {
            fonts[i] = FACES[i].bytes();
        }
    }

    byte[] render(Handout handout) {
        String html = new String(templates.render("handout/handout.jte", handout), StandardCharsets.UTF_8);
        org.w3c.dom.Document document = W3CDom.convert(Jsoup.parse(html, baseUrl + "/"));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.withProducer("Vertebra");
        for (int i = 0; i < FACES.length; i++) {
            byte[] font = fonts[i];
            builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, FACES[i].weight(), FACES[i].style(), true);
        }
        builder.useProtocolsStreamImplementation(this::open, "http", "https", "file", "jar", "ftp");
        builder.withW3cDocument(document, baseUrl + "/");
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the handout could not be written", e);
        }
        return pdf.toByteArray();
    }

    /** A file of the site's media library; nothing else (a null stream, which the renderer leaves out). */
    private FSStream open(String url) {
        String prefix = baseUrl + "/media/";
        Optional<byte[]> bytes = url.startsWith(prefix) ? mediaFile.apply(url.substring(prefix.length())) : Optional.empty();
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return bytes.map(ByteArrayInputStream::new).orElse(null);
            }

            @Override
            public Reader getReader() {
                return null;
            }
        };
    }
}
