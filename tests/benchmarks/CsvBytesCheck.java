package org.moneytree.cli.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

/**
 * Run by {@code csv-bytes-check.sh}: the per-customer CSV's byte formatter ({@link CsvBytes}) against what it
 * replaced, Commons CSV's quoting ({@link CsvRows}), {@code BigDecimal.toPlainString} for cents, {@code BigDecimal}'s
 * half-even division for margins, {@link Formats#fixed} for scores and criteria, {@link LocalDate} for dates.
 */
public class CsvBytesCheck {

    private static int mismatches;

    public static void main(String[] arguments) throws Exception {
        String[] values = { "", " a", "a ", "#x", "!x", "\"q", "a,b", "a\"b\"c", "中文", "中,文", "a\\b", "tab\tx", "\r",
                "x\ny", "normal", "x\u0000", "C123", "é", "-5", "$x", "%x", "'x", "a b", "platinum: top 5%, rank 3",
                "why?", "?", "a,b?", "\"?\"", "中?", "é,?", "caf\u00e9, \"x\"", "\u00ff", "\u0100", "x\u00a0y",
                "reason, ".repeat(60), "a\"b,".repeat(50), "中文 ".repeat(40) };
        for (String value : values) {
            for (int position = 0; position < 2; position++) {
                Path file = Files.createTempFile("csv-bytes", ".csv");
                try (CsvRows rows = new CsvRows(file)) {
                    if (position == 1) {
                        rows.plain("p");
                    }
                    rows.text(value);
                    rows.end();
                }
                byte[] expected = Files.readAllBytes(file);
                Files.delete(file);
                CsvBytes bytes = new CsvBytes(16);
                if (position == 1) {
                    bytes.plain("p");
                }
                bytes.text(value);
                bytes.end();
                check("text [" + value + "] at " + position, new String(expected, StandardCharsets.UTF_8), bytes);
                // the same text given as UTF-8 bytes written into the buffer (tier reasons), from a buffer too
                // small for it at first
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                CsvBytes fromBytes = new CsvBytes(1);
                if (position == 1) {
                    fromBytes.plain("p");
                }
                fromBytes.utf8((index, buffer, offset) -> {
                    if (utf8.length > buffer.length - offset) {
                        return -1;
                    }
                    System.arraycopy(utf8, 0, buffer, offset, utf8.length);
                    return utf8.length;
                }, 0);
                fromBytes.end();
                check("utf8 [" + value + "] at " + position, new String(expected, StandardCharsets.UTF_8), fromBytes);
            }
        }
        Random random = new Random(5);
        for (int i = 0; i < 2_000_000; i++) {
            long part = i < 1000 ? i - 500 : random.nextLong() % (random.nextBoolean() ? 1000 : 100_000_000_000L);
            long whole = i < 1000 ? (i % 7) - 1 : random.nextLong() % (random.nextBoolean() ? 1000 : 100_000_000_000L);
            String margin = whole <= 0 ? "" : BigDecimal.valueOf(part, 2).divide(BigDecimal.valueOf(whole, 2), 4,
                    RoundingMode.HALF_EVEN).movePointRight(2).toPlainString();
            check("percent " + part + "/" + whole, margin, new CsvBytes(8).percent(part, whole));
            check("cents " + part, BigDecimal.valueOf(part, 2).toPlainString(), new CsvBytes(8).cents(part));
            double value = i % 3 == 0 ? random.nextDouble() : i % 3 == 1 ? random.nextDouble() * 100
                    : (random.nextDouble() - 0.5) * 1e-3;
            for (int decimals : new int[] { 1, 4 }) {
                check("fixed " + value, Formats.fixed(value, decimals), new CsvBytes(8).fixed(value, decimals));
            }
        }
        // the edges of the digit writer: two digits at a time below 2^32, one at a time above
        for (long edge : new long[] { 0, 9, 10, 99, 100, 101, 999, 1000, 4_294_967_295L, 4_294_967_296L,
                9_999_999_999L, 10_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1 }) {
            for (long value : new long[] { edge, -edge }) {
                check("cents " + value, BigDecimal.valueOf(value, 2).toPlainString(), new CsvBytes(8).cents(value));
                check("integer " + value, Long.toString(value), new CsvBytes(8).integer(value));
            }
        }
        for (double value : new double[] { 0, -0.0, 0.04, 0.05, 0.5, 9.95, 99.95, 1e9 + 0.05, 4_294_967.2955,
                -4_294_967.2955, 1e12 }) {
            for (int decimals : new int[] { 0, 1, 4 }) {
                check("fixed " + value + " " + decimals, Formats.fixed(value, decimals),
                        new CsvBytes(8).fixed(value, decimals));
            }
        }
        for (int day = -1000; day < 120_000; day += 7) {
            check("date " + day, LocalDate.ofEpochDay(day).toString(), new CsvBytes(8).date(day, false));
        }
        System.out.println("CsvBytesCheck: " + mismatches + " mismatches");
        if (mismatches > 0) {
            System.exit(1);
        }
    }

    private static void check(String what, String expected, CsvBytes formatted) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        formatted.writeTo(out);
        String actual = out.toString(StandardCharsets.UTF_8);
        if (!expected.equals(actual) && mismatches++ < 20) {
            System.out.println(what + ": expected [" + expected + "], got [" + actual + "]");
        }
    }
}
