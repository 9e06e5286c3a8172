package io.flipside.report.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report typeface, DejaVu Sans (regular and bold), shipped in this module so output does not depend
 * on the machine's fonts. The same files back the embedded PDF fonts and the AWT fonts JFreeChart
 * measures text with, so chart labels are laid out with the metrics they are drawn with.
 */
public final class ReportFonts {
    private static final String REGULAR = "fonts/DejaVuSans.ttf";
    private static final String BOLD = "fonts/DejaVuSans-Bold.ttf";
    private static final Font AWT_REGULAR = awt(REGULAR);
    private static final Font AWT_BOLD = awt(BOLD);

    final PDType0Font regular;
    final PDType0Font bold;

    ReportFonts(PDDocument doc) {
        try (InputStream r = open(REGULAR); InputStream b = open(BOLD)) {
            this.regular = PDType0Font.load(doc, r, true);
            this.bold = PDType0Font.load(doc, b, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the report fonts", e);
        }
    }

    /** The chart font at a size, bold or not. */
    public static Font chartFont(float size, boolean bold) {
        return (bold ? AWT_BOLD : AWT_REGULAR).deriveFont(size);
    }

    private static Font awt(String resource) {
        try (InputStream in = open(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = ReportFonts.class.getResourceAsStream("/io/flipside/report/" + resource);
        if (in == null) {
            throw new IllegalStateException("the report font " + resource + " is missing from the class path");
        }
        return in;
    }
}
