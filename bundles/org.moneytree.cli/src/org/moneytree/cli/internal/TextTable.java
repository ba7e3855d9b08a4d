package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for the terminal, aligned by display width: Chinese characters take two columns, so padding by
 * {@code String.length()} would leave a Chinese table ragged.
 */
final class TextTable {

    private final int[] widths;
    private final List<String[]> rows = new ArrayList<>();

    /** @param widths minimum column widths; negative for right-aligned columns */
    TextTable(int... widths) {
        this.widths = widths.clone();
    }

    void row(String... cells) {
        rows.add(cells.clone());
    }

    void print(PrintWriter out) {
        for (String[] cells : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < cells.length; column++) {
                int width = Math.abs(widths[column]);
                String padding = " ".repeat(Math.max(0, width - displayWidth(cells[column])));
                if (column > 0) {
                    line.append(' ');
                }
                line.append(widths[column] < 0 ? padding + cells[column] : cells[column] + padding);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += isWide(codePoint) ? 2 : 1;
            i += Character.charCount(codePoint);
        }
        return width;
    }

    private static boolean isWide(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60);
    }
}
