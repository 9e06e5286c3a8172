package io.flipside.report.pdf;

import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.JFreeChart;

/**
 * Draws a JFreeChart as PDF vector graphics (a form XObject) through pdfbox-graphics2d. Every AWT
 * font maps to the embedded report font, so labels stay real, searchable text.
 */
final class VectorChart {
    private VectorChart() {
    }

    static PDFormXObject draw(PDDocument doc, ReportFonts fonts, JFreeChart chart, float width, float height) {
        try {
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height);
            g.setFontTextDrawer(new EmbeddedFontDrawer(fonts));
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
            g.dispose();
            return g.getXFormObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw chart", e);
        }
    }

    private static final class EmbeddedFontDrawer extends PdfBoxGraphics2DFontTextDrawer {
        private final ReportFonts fonts;

        EmbeddedFontDrawer(ReportFonts fonts) {
            this.fonts = fonts;
        }

        @Override
        protected boolean hasDynamicFontMapping() {
            return true;
        }

        @Override
        protected PDFont mapFont(Font font, IPdfBoxGraphics2DFontTextDrawer.IFontTextDrawerEnv env) {
            return font.isBold() ? fonts.bold : fonts.regular;
        }
    }
}
