package org.vertebra.handout;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF as a person holding the printed page would read it: its text (PDFBox's text extraction,
 * which also shows the text is selectable) and the QR code on its first page, decoded by ZXing
 * from the page as PDFBox draws it, the way a phone's camera would see the paper.
 */
public final class HandoutPdfReader implements AutoCloseable {

    /** Enough for a 30 mm code of up to about 50 modules a side to have several pixels a module. */
    static final float DPI = 200;

    private final PDDocument document;

    public HandoutPdfReader(byte[] pdf) {
        try {
            this.document = Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF", e);
        }
    }

    public PDDocument document() {
        return document;
    }

    /** Every page's text, in reading order. */
    public String text() {
        try {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text with all white space taken out: a long address or reference may be broken over two
     * lines on paper, which says nothing about whether it is there.
     */
    public String textWithoutSpaces() {
        return withoutSpaces(text());
    }

    public static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }

    public BufferedImage page(int index) {
        try {
            return new PDFRenderer(document).renderImageWithDPI(index, DPI);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the QR code on the first page says; fails when no code can be read there. */
    public String qrCodeOnFirstPage() {
        BufferedImage image = page(0);
        try {
            return decode(image);
        } catch (NotFoundException | ChecksumException | FormatException wholePage) {
            // Text beside the code can look like a finder pattern; the code sits in the page's top part.
            try {
                return decode(image.getSubimage(0, 0, image.getWidth(), image.getHeight() / 3));
            } catch (NotFoundException | ChecksumException | FormatException e) {
                throw new AssertionError("no readable QR code on the first page", e);
            }
        }
    }

    private static String decode(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    /** How many images the pages draw, in them or in the forms they draw (the same image on two pages counts twice). */
    public int images() {
        int count = 0;
        for (var page : document.getPages()) {
            count += images(page.getResources(), 0);
        }
        return count;
    }

    private static int images(org.apache.pdfbox.pdmodel.PDResources resources, int depth) {
        if (resources == null || depth > 8) {
            return 0;
        }
        int count = 0;
        try {
            for (var name : resources.getXObjectNames()) {
                var object = resources.getXObject(name);
                if (object instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                    count++;
                } else if (object instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                    count += images(form.getResources(), depth + 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /** Saves a page as PNG under target/screenshots/, for a person to look at. */
    public Path savePage(int index, String name) {
        Path folder = Path.of(System.getProperty("vertebra.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".png");
            ImageIO.write(page(index), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
