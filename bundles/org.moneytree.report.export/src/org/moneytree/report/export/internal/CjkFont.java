package org.moneytree.report.export.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * A font for Chinese text in PDFs, open for one document. PDFBox embeds only fonts with TrueType outlines as
 * Unicode (Type 0) fonts, so CFF-based OpenType fonts (Noto Sans CJK's {@code .otf} and {@code .ttc}) are passed
 * over; Debian's {@code fonts-wqy-zenhei}, {@code fonts-wqy-microhei} and {@code fonts-arphic-uming} qualify.
 */
final class CjkFont implements Closeable {

    /** The files of the Debian packages that qualify, looked at first. */
    static final List<Path> KNOWN = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    /** The folders searched, in this order, when none of the known files is there. */
    static List<Path> folders() {
        String home = System.getProperty("user.home", "");
        List<Path> folders = new ArrayList<>(List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts")));
        if (!home.isBlank()) {
            folders.add(Path.of(home, ".local", "share", "fonts"));
            folders.add(Path.of(home, ".fonts"));
        }
        return folders;
    }

    private static final int PROBE = '中';

    private final Path path;
    private final TrueTypeFont font;
    private final Closeable owner;

    private CjkFont(Path path, TrueTypeFont font, Closeable owner) {
        this.path = path;
        this.font = font;
        this.owner = owner;
    }

    Path path() {
        return path;
    }

    /** The font to embed (PDFBox's {@code PDType0Font.load} subsets it). */
    TrueTypeFont font() {
        return font;
    }

    /** Whether the font draws the code point. */
    boolean draws(int codePoint) {
        try {
            return font.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        owner.close();
    }

    /**
     * The font file to use: the configured one, else the first known file there is, else the first file in the
     * usual folders with TrueType outlines and Chinese glyphs.
     *
     * @param configured the configured path, or blank to search
     * @throws IOException when the configured file is missing or cannot be used (the message says which)
     */
    static Optional<Path> locate(String configured) throws IOException {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.strip());
            try (CjkFont font = open(path)) {
                return Optional.of(path);
            } catch (IOException e) {
                throw new UnusableFont(path, e.getMessage(), e);
            }
        }
        for (Path known : KNOWN) {
            if (Files.isRegularFile(known)) {
                return Optional.of(known);
            }
        }
        for (Path folder : folders()) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder, 6)) {
                files = walk.filter(Files::isRegularFile).filter(CjkFont::trueTypeName).sorted().toList();
            } catch (IOException | RuntimeException e) {
                continue;
            }
            for (Path file : files) {
                try (CjkFont font = open(file)) {
                    return Optional.of(file);
                } catch (IOException | RuntimeException e) {
                    // Not a font with TrueType outlines and Chinese glyphs: look on.
                }
            }
        }
        return Optional.empty();
    }

    private static boolean trueTypeName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ttf") || name.endsWith(".ttc");
    }

    /**
     * Opens the font for a document.
     *
     * @throws IOException when the file is missing, is no font, has only PostScript (CFF) outlines or no Chinese
     *         glyphs; the message says which
     */
    static CjkFont open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such file");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ttc") || name.endsWith(".otc")) {
            TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
            try {
                TrueTypeFont[] chosen = new TrueTypeFont[1];
                collection.processAllFonts(candidate -> {
                    if (chosen[0] == null && usable(candidate)) {
                        chosen[0] = candidate;
                    }
                });
                if (chosen[0] == null) {
                    throw new IOException("no font in the collection has TrueType outlines and Chinese glyphs"
                            + " (PDFs cannot embed CFF-based fonts such as Noto Sans CJK)");
                }
                return new CjkFont(path, chosen[0], collection);
            } catch (IOException | RuntimeException e) {
                collection.close();
                throw e;
            }
        }
        TrueTypeFont font = name.endsWith(".otf") ? new OTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()))
                : new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
        if (!usable(font)) {
            font.close();
            throw new IOException("the font has no TrueType outlines or no Chinese glyphs"
                    + " (PDFs cannot embed CFF-based fonts such as Noto Sans CJK)");
        }
        return new CjkFont(path, font, font);
    }

    private static boolean usable(TrueTypeFont font) throws IOException {
        if (font instanceof OpenTypeFont openType && openType.isPostScript()) {
            return false;
        }
        return font.getGlyph() != null && font.getUnicodeCmapLookup().getGlyphId(PROBE) > 0;
    }

    /** The configured font file cannot be used. */
    static final class UnusableFont extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path path;
        private final String reason;

        UnusableFont(Path path, String reason, Throwable cause) {
            super(path + ": " + reason, cause);
            this.path = path;
            this.reason = reason;
        }

        Path path() {
            return path;
        }

        String reason() {
            return reason;
        }
    }

    /** The same font for Java2D, to draw Chinese in charts rendered as images. */
    static Font awtFont(Path path) throws IOException {
        try {
            for (Font font : Font.createFonts(path.toFile())) {
                if (font.canDisplay(PROBE)) {
                    return font.deriveFont(Font.PLAIN, 12f);
                }
            }
            throw new IOException("Java cannot draw Chinese with it");
        } catch (FontFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
