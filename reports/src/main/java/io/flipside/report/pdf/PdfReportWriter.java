package io.flipside.report.pdf;

import static java.util.Objects.requireNonNull;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.pdfbox.util.Matrix;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.jfree.chart.JFreeChart;

/**
 * A small flowing layout engine over PDFBox for the reports: A4 pages with a running header and a
 * footer carrying "Data as of DATE" and "Page i of n", headings that become bookmarks, wrapped
 * paragraphs, KPI tiles, vector charts and tables that break across pages with their header repeated.
 *
 * <p>Output is PDF/A-2b (embedded fonts, sRGB output intent, XMP metadata) and deterministic: every
 * date inside the file and the document id derive from the report date and the content, so the same
 * content and report date give the same bytes.
 */
public final class PdfReportWriter implements Closeable {
    public static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    public static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    public static final float MARGIN = 50;
    public static final float CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
    private static final float TOP = PAGE_HEIGHT - MARGIN - 18;
    private static final float BOTTOM = MARGIN + 24;

    public static final Color INK = new Color(0x1F, 0x29, 0x37);
    public static final Color MUTED = new Color(0x6B, 0x72, 0x80);
    public static final Color RULE = new Color(0xD1, 0xD5, 0xDB);
    public static final Color ACCENT = new Color(0x0F, 0x76, 0x6E);
    public static final Color NOTE_FILL = new Color(0xFE, 0xF3, 0xC7);
    public static final Color TILE_FILL = new Color(0xF3, 0xF4, 0xF6);

    private final PDDocument doc = new PDDocument();
    private final ReportFonts fonts = new ReportFonts(doc);
    private final String title;
    private final String runningHeader;
    private final String footerLeft;
    private final LocalDate reportDate;
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    /**
     * @param title         the document title (metadata and first heading)
     * @param runningHeader the line at the top of every page
     * @param asOf          the data's as-of date, printed on every page
     * @param reportDate    the date the report is dated; all file dates derive from it
     */
    public PdfReportWriter(String title, String runningHeader, LocalDate asOf, LocalDate reportDate) {
        this.title = requireNonNull(title, "title");
        this.runningHeader = requireNonNull(runningHeader, "runningHeader");
        this.footerLeft = "Data as of " + requireNonNull(asOf, "asOf") + " \u00b7 report dated "
                + requireNonNull(reportDate, "reportDate");
        this.reportDate = reportDate;
        doc.getDocumentCatalog().setDocumentOutline(outline);
        newPage();
    }

    /** The vertical space left on the current page, in points. */
    public float remaining() {
        return y - BOTTOM;
    }

    public void newPage() {
        closeStream();
        page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try {
            cs = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
    }

    /** Starts a new page when fewer than {@code height} points are left. */
    public void ensureSpace(float height) {
        if (remaining() < height) {
            newPage();
        }
    }

    /** A large title with an optional subtitle line under it. */
    public void title(String text, String subtitle) {
        ensureSpace(60);
        text(fonts.bold, 22, ACCENT, MARGIN, y - 22, text);
        y -= 32;
        if (subtitle != null) {
            text(fonts.regular, 11, MUTED, MARGIN, y - 11, subtitle);
            y -= 22;
        }
        bookmark(text);
        y -= 8;
    }

    /** A section heading, bookmarked; it never stands alone at the foot of a page. */
    public void heading(String text) {
        ensureSpace(80);
        y -= 6;
        text(fonts.bold, 15, INK, MARGIN, y - 15, text);
        y -= 20;
        line(MARGIN, y, MARGIN + CONTENT_WIDTH, y, RULE, 0.8f);
        y -= 10;
        bookmark(text);
    }

    public void subheading(String text) {
        ensureSpace(50);
        text(fonts.bold, 11.5f, INK, MARGIN, y - 11.5f, text);
        y -= 18;
    }

    public void paragraph(String text) {
        paragraph(text, 10.5f, INK);
    }

    public void paragraph(String text, float size, Color color) {
        float leading = size * 1.4f;
        List<String> lines = wrap(text, fonts.regular, size, CONTENT_WIDTH);
        // a short paragraph moves whole rather than leave a line or two on the next page
        if (lines.size() <= 4) {
            ensureSpace(leading * lines.size());
        }
        for (String line : lines) {
            ensureSpace(leading);
            text(fonts.regular, size, color, MARGIN, y - size, line);
            y -= leading;
        }
        y -= size * 0.6f;
    }

    /** A bulleted list item. */
    public void bullet(String text) {
        float size = 10.5f;
        float leading = size * 1.4f;
        List<String> lines = wrap(text, fonts.regular, size, CONTENT_WIDTH - 14);
        ensureSpace(leading * Math.min(lines.size(), 3));
        text(fonts.bold, size, ACCENT, MARGIN, y - size, "\u2022");
        for (String line : lines) {
            ensureSpace(leading);
            text(fonts.regular, size, INK, MARGIN + 14, y - size, line);
            y -= leading;
        }
        y -= 3;
    }

    /** A highlighted note, for suppressed figures and metrics that could not be computed. */
    public void note(String text) {
        float size = 9.5f;
        float leading = size * 1.4f;
        List<String> lines = wrap(text, fonts.regular, size, CONTENT_WIDTH - 16);
        float h = lines.size() * leading + 10;
        ensureSpace(h + 6);
        fill(MARGIN, y - h, CONTENT_WIDTH, h, NOTE_FILL);
        float ty = y - 5;
        for (String line : lines) {
            text(fonts.regular, size, INK, MARGIN + 8, ty - size, line);
            ty -= leading;
        }
        y -= h + 10;
    }

    /** A KPI tile: label, value in large type, and a line under it. */
    public record Tile(String label, String value, String detail) {
    }

    public void tiles(List<Tile> tiles) {
        int perRow = Math.min(4, tiles.size());
        float gap = 10;
        float w = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
        float h = 84;
        for (int i = 0; i < tiles.size(); i += perRow) {
            ensureSpace(h + gap);
            for (int j = 0; j < perRow && i + j < tiles.size(); j++) {
                Tile t = tiles.get(i + j);
                float x = MARGIN + j * (w + gap);
                fill(x, y - h, w, h, TILE_FILL);
                fill(x, y - h, 3, h, ACCENT);
                text(fonts.bold, 8.5f, MUTED, x + 10, y - 16, fit(t.label(), fonts.bold, 8.5f, w - 16));
                text(fonts.bold, 20, INK, x + 10, y - 42, fit(t.value(), fonts.bold, 20, w - 16));
                if (t.detail() != null) {
                    List<String> lines = new ArrayList<>();
                    for (String part : t.detail().split("\n")) {
                        lines.addAll(wrap(part, fonts.regular, 7.5f, w - 16));
                    }
                    for (int k = 0; k < Math.min(2, lines.size()); k++) {
                        String line = k == 1 && lines.size() > 2 ? fit(lines.get(1) + " " + lines.get(2), fonts.regular, 7.5f, w - 16) : lines.get(k);
                        text(fonts.regular, 7.5f, MUTED, x + 10, y - 58 - k * 10, line);
                    }
                }
            }
            y -= h + gap;
        }
        y -= 4;
    }

    /** A chart drawn as vector graphics, full content width, with a caption under it. */
    public void chart(JFreeChart chart, float height, String caption) {
        ensureSpace(height + 24);
        PDFormXObject form = VectorChart.draw(doc, fonts, chart, CONTENT_WIDTH, height);
        try {
            cs.saveGraphicsState();
            // the bridge's form already maps Java2D's y-down space onto PDF's y-up; only place it
            cs.transform(Matrix.getTranslateInstance(MARGIN, y - height));
            cs.drawForm(form);
            cs.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= height + 4;
        if (caption != null) {
            paragraph(caption, 8.5f, MUTED);
        }
    }

    /** Column alignment in {@link #table}. */
    public enum Align { LEFT, RIGHT }

    /**
     * A table with a bold header row, repeated on every page it spans. Column widths are shares of
     * the content width.
     */
    public void table(List<String> header, List<List<String>> rows, float[] widths, List<Align> align) {
        table(header, rows, widths, align, 8.5f);
    }

    /** A table in a smaller or larger type; rows are 1.75 times the type size high. */
    public void table(List<String> header, List<List<String>> rows, float[] widths, List<Align> align, float size) {
        float rowH = size * 1.75f;
        float[] w = new float[widths.length];
        float total = 0;
        for (float f : widths) {
            total += f;
        }
        for (int i = 0; i < widths.length; i++) {
            w[i] = widths[i] / total * CONTENT_WIDTH;
        }
        ensureSpace(rowH * 4);
        headerRow(header, w, align, size);
        for (List<String> row : rows) {
            if (remaining() < rowH) {
                newPage();
                headerRow(header, w, align, size);
            }
            tableRow(row, w, align, fonts.regular, size, rowH);
        }
        y -= 10;
    }

    /** Header cells wrap onto a second line rather than being cut. */
    private void headerRow(List<String> header, float[] w, List<Align> align, float size) {
        List<List<String>> cells = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < header.size(); i++) {
            List<String> l = wrap(header.get(i), fonts.bold, size, w[i] - 8);
            cells.add(l);
            lines = Math.max(lines, Math.min(2, l.size()));
        }
        float h = 6 + lines * size * 1.25f;
        fill(MARGIN, y - h, CONTENT_WIDTH, h, TILE_FILL);
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            List<String> l = cells.get(i);
            for (int k = 0; k < Math.min(2, l.size()); k++) {
                String s = fit(l.get(k), fonts.bold, size, w[i] - 8);
                float tx = align.get(i) == Align.RIGHT ? x + w[i] - 4 - width(s, fonts.bold, size) : x + 4;
                float baseline = y - h + 4.5f + (Math.min(2, l.size()) - 1 - k) * size * 1.25f;
                text(fonts.bold, size, INK, tx, baseline, s);
            }
            x += w[i];
        }
        line(MARGIN, y - h, MARGIN + CONTENT_WIDTH, y - h, RULE, 0.6f);
        y -= h;
    }

    private void tableRow(List<String> cells, float[] w, List<Align> align, PDFont font, float size, float h) {
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            String s = fit(cells.get(i) == null ? "" : cells.get(i), font, size, w[i] - 8);
            float tx = align.get(i) == Align.RIGHT ? x + w[i] - 4 - width(s, font, size) : x + 4;
            text(font, size, INK, tx, y - h + 4.5f, s);
            x += w[i];
        }
        line(MARGIN, y - h, MARGIN + CONTENT_WIDTH, y - h, RULE, 0.4f);
        y -= h;
    }

    /**
     * One heat-map cell: a value coloured on the scale, or a state that is not a number.
     *
     * @param value the number, or null
     * @param text  what the cell says: the formatted value, "suppressed", or "no data"
     */
    public record Cell(Double value, String text) {
    }

    /**
     * A heat map drawn as a grid: row labels on the left, column labels on top, each cell shaded from
     * white at {@code low} to the accent colour at {@code high}. A cell without a value (suppressed or
     * without data) is hatched grey and says so in words, never shaded as if it were 0.
     */
    public void heatMap(String title, List<String> rowLabels, List<String> columnLabels, List<List<Cell>> cells,
            double low, double high) {
        float labelW = 110;
        float cellW = Math.min(110, (CONTENT_WIDTH - labelW) / columnLabels.size());
        float cellH = 22;
        float size = 8.5f;
        ensureSpace(cellH * (rowLabels.size() + 1) + 26);
        text(fonts.bold, 9.5f, INK, MARGIN, y - 11, title);
        y -= 18;
        for (int j = 0; j < columnLabels.size(); j++) {
            String c = fit(columnLabels.get(j), fonts.bold, size, cellW - 6);
            text(fonts.bold, size, INK, MARGIN + labelW + j * cellW + (cellW - width(c, fonts.bold, size)) / 2, y - 12, c);
        }
        y -= 16;
        for (int i = 0; i < rowLabels.size(); i++) {
            text(fonts.regular, size, INK, MARGIN, y - cellH + 7.5f, fit(rowLabels.get(i), fonts.regular, size, labelW - 6));
            for (int j = 0; j < columnLabels.size(); j++) {
                Cell cell = cells.get(i).get(j);
                float x = MARGIN + labelW + j * cellW;
                Color fillColour;
                Color ink = INK;
                if (cell.value() == null) {
                    fillColour = TILE_FILL;
                    ink = MUTED;
                } else {
                    double t = high == low ? 1 : Math.max(0, Math.min(1, (cell.value() - low) / (high - low)));
                    fillColour = blend(Color.WHITE, ACCENT, 0.12 + 0.78 * t);
                    ink = t > 0.55 ? Color.WHITE : INK;
                }
                fill(x + 1, y - cellH + 1, cellW - 2, cellH - 2, fillColour);
                if (cell.value() == null) {
                    hatch(x + 1, y - cellH + 1, cellW - 2, cellH - 2);
                }
                String t = fit(cell.text(), cell.value() == null ? fonts.regular : fonts.bold, size, cellW - 6);
                PDFont f = cell.value() == null ? fonts.regular : fonts.bold;
                text(f, size, ink, x + (cellW - width(t, f, size)) / 2, y - cellH + 7.5f, t);
            }
            y -= cellH;
        }
        y -= 10;
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /** Diagonal lines over a cell, the usual mark for "withheld". */
    private void hatch(float x, float yy, float w, float h) {
        for (float d = 4; d < w + h; d += 6) {
            float x1 = x + Math.max(0, d - h);
            float y1 = yy + Math.min(d, h);
            float x2 = x + Math.min(d, w);
            float y2 = yy + Math.max(0, d - w);
            line(x1, y1, x2, y2, RULE, 0.5f);
        }
    }

    /** Writes the file: footers, bookmarks, metadata, PDF/A identification, a content-derived id. */
    public void save(Path file) {
        closeStream();
        int n = doc.getNumberOfPages();
        try {
            for (int i = 0; i < n; i++) {
                PDPage p = doc.getPage(i);
                try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true,
                        true)) {
                    cs = s;
                    text(fonts.regular, 8, MUTED, MARGIN, PAGE_HEIGHT - MARGIN + 6, runningHeader);
                    line(MARGIN, MARGIN + 14, PAGE_WIDTH - MARGIN, MARGIN + 14, RULE, 0.5f);
                    text(fonts.regular, 8, MUTED, MARGIN, MARGIN, footerLeft);
                    String pageNo = "Page " + (i + 1) + " of " + n;
                    text(fonts.regular, 8, MUTED, PAGE_WIDTH - MARGIN - width(pageNo, fonts.regular, 8), MARGIN, pageNo);
                }
            }
            cs = null;
            metadata();
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            doc.getDocument().setDocumentID(id(new byte[0]));
            doc.save(first);
            doc.getDocument().setDocumentID(id(first.toByteArray()));
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                doc.save(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void metadata() throws IOException {
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        date.clear();
        date.set(reportDate.getYear(), reportDate.getMonthValue() - 1, reportDate.getDayOfMonth(), 0, 0, 0);
        String producer = "Flipside";
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator(producer);
        info.setProducer(producer);
        info.setCreationDate(date);
        info.setModificationDate(date);
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage("en");
        PDViewerPreferences prefs = new PDViewerPreferences(doc.getDocumentCatalog().getCOSObject());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(2);
            id.setConformance("B");
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            dc.addCreator(producer);
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreateDate(date);
            basic.setModifyDate(date);
            basic.setCreatorTool(producer);
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(producer);
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, xml, true);
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xml.toByteArray());
            catalog.setMetadata(metadata);
        } catch (javax.xml.transform.TransformerException | org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IOException("cannot write XMP metadata", e);
        }
        if (catalog.getOutputIntents().isEmpty()) {
            byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(icc));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
        }
    }

    private static COSArray id(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(content);
            COSArray a = new COSArray();
            a.add(new COSString(digest));
            a.add(new COSString(digest));
            return a;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void bookmark(String text) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(text);
        item.setDestination(page);
        outline.addLast(item);
    }

    private void closeStream() {
        if (cs != null) {
            try {
                cs.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cs = null;
        }
    }

    private void text(PDFont font, float size, Color color, float x, float baseline, String s) {
        try {
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(color);
            cs.newLineAtOffset(x, baseline);
            cs.showText(s);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(float x, float yy, float w, float h, Color color) {
        try {
            cs.setNonStrokingColor(color);
            cs.addRect(x, yy, w, h);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(float x1, float y1, float x2, float y2, Color color, float width) {
        try {
            cs.setStrokingColor(color);
            cs.setLineWidth(width);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float width(String s, PDFont font, float size) {
        try {
            return font.getStringWidth(s) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fit(String s, PDFont font, float size, float max) {
        if (width(s, font, size) <= max) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && width(t + "\u2026", font, size) > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "\u2026";
    }

    static List<String> wrap(String text, PDFont font, float size, float max) {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, font, size) <= max || line.length() == 0) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

}
