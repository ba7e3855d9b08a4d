package org.moneytree.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;

/**
 * Formats CSV rows straight into bytes, for the per-customer file of a million customers: money from cents,
 * fixed decimals from doubles and dates from epoch days without a {@code String} per field. The text is what
 * {@link CsvRows} (Commons CSV's default format, rows ending in CRLF) writes for the same values: a field
 * with a comma, quote or line break is quoted with its quotes doubled, any other field that Commons CSV might
 * quote is handed to Commons CSV.
 */
final class CsvBytes {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;
    private static final long[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000 };
    /** "00", "01" ... "99": two digits at a time. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int pair = 0; pair < 100; pair++) {
            PAIRS[2 * pair] = (byte) ('0' + pair / 10);
            PAIRS[2 * pair + 1] = (byte) ('0' + pair % 10);
        }
    }

    private byte[] buffer;
    private int length;
    private boolean first = true;
    private final StringBuilder quoted = new StringBuilder(256);

    CsvBytes(int capacity) {
        buffer = new byte[capacity];
    }

    int length() {
        return length;
    }

    /** Writes what was formatted and starts again. */
    void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }

    private void room(int bytes) {
        if (length + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
        }
    }

    /** A comma unless the row's first field comes: the caller has made room for it. */
    private void separator() {
        if (!first) {
            buffer[length++] = ',';
        }
        first = false;
    }

    /** Bytes already formatted as a field (or several), for example a cached tier label. */
    CsvBytes raw(byte[] field) {
        room(field.length + 1);
        separator();
        System.arraycopy(field, 0, buffer, length, field.length);
        length += field.length;
        return this;
    }

    /** A field that needs no quotes: ASCII digits, letters, dots... */
    CsvBytes plain(String value) {
        room(1);
        separator();
        ascii(value);
        return this;
    }

    private void ascii(String value) {
        int size = value.length();
        room(size);
        for (int index = 0; index < size; index++) {
            buffer[length++] = (byte) value.charAt(index);
        }
    }

    /**
     * A field as Commons CSV prints it: quoted (quotes doubled) when it has a comma, quote or line break,
     * as it is when it is plain ASCII that Commons CSV leaves alone, else as Commons CSV prints it. Decided on
     * the field's bytes: Latin-1 first, for the usual string (kept as Latin-1 by the JVM) a plain copy where
     * UTF-8 checks every byte first (a loop of its own under C1); a byte that is not ASCII, or a '?' (what
     * Latin-1 makes of a character it lacks, or a real one), sends the field to UTF-8.
     */
    CsvBytes text(String value) {
        boolean newRecord = first;
        room(1);
        separator();
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        int marks = marks(bytes, 0, bytes.length, true);
        if (marks == NOT_ASCII) {
            bytes = value.getBytes(StandardCharsets.UTF_8);
            marks = marks(bytes, 0, bytes.length, false);
        }
        int size = bytes.length;
        if ((marks & QUOTE) != 0) {
            inQuotes(bytes, 0, size, marks >>> 2);
        } else if ((marks & LEFT_TO_COMMONS_CSV) == 0) {
            room(size);
            System.arraycopy(bytes, 0, buffer, length, size);
            length += size;
        } else {
            printedByCommonsCsv(value, newRecord);
        }
        return this;
    }

    /** Writes a field's UTF-8 bytes into a buffer from an offset: how many, or -1 when they do not fit. */
    @FunctionalInterface
    interface Utf8Field {
        int write(int index, byte[] buffer, int offset);
    }

    /**
     * A field given as UTF-8 bytes (a tier reason), printed as {@link #text} prints the same text: the bytes are
     * written straight into this buffer, one place to the right, and moved or quoted there.
     */
    CsvBytes utf8(Utf8Field field, int index) {
        boolean newRecord = first;
        room(2);
        separator();
        int start = length + 1;
        int size;
        while ((size = field.write(index, buffer, start)) < 0) {
            if (buffer.length >= Integer.MAX_VALUE / 2) {
                throw new IllegalStateException("a field of more than a gigabyte");
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int marks = marks(buffer, start, size, false);
        if ((marks & QUOTE) != 0 && marks >>> 2 == 0) {
            // the usual reason: quoted for its commas, the bytes already in place after the opening quote
            buffer[length] = '"';
            length = start + size;
            room(1);
            buffer[length++] = '"';
        } else if ((marks & QUOTE) != 0) {
            byte[] bytes = Arrays.copyOfRange(buffer, start, start + size);
            inQuotes(bytes, 0, size, marks >>> 2);
        } else if ((marks & LEFT_TO_COMMONS_CSV) == 0) {
            System.arraycopy(buffer, start, buffer, length, size);
            length += size;
        } else {
            printedByCommonsCsv(new String(buffer, start, size, StandardCharsets.UTF_8), newRecord);
        }
        return this;
    }

    /** A field in quotes, its {@code quotes} quotes doubled. */
    private void inQuotes(byte[] bytes, int from, int size, int quotes) {
        room(size + quotes + 2);
        buffer[length++] = '"';
        if (quotes == 0) {
            System.arraycopy(bytes, from, buffer, length, size);
            length += size;
        } else {
            for (int index = from; index < from + size; index++) {
                byte b = bytes[index];
                if (b == '"') {
                    buffer[length++] = '"';
                }
                buffer[length++] = b;
            }
        }
        buffer[length++] = '"';
    }

    private void printedByCommonsCsv(String value, boolean newRecord) {
        quoted.setLength(0);
        try {
            FORMAT.print(value, quoted, newRecord);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Commons CSV writes the delimiter before a field that does not start the record: written already
        String field = newRecord ? quoted.toString() : quoted.substring(FORMAT.getDelimiterString().length());
        byte[] printed = field.getBytes(StandardCharsets.UTF_8);
        room(printed.length);
        System.arraycopy(printed, 0, buffer, length, printed.length);
        length += printed.length;
    }

    /** {@link #marks}: the field needs quotes. */
    private static final int QUOTE = 1;
    /** {@link #marks}: the field is not plain ASCII that needs no quotes: Commons CSV decides. */
    private static final int LEFT_TO_COMMONS_CSV = 2;
    /** {@link #marks} of Latin-1 bytes with a byte that is not ASCII, or a '?'. */
    private static final int NOT_ASCII = -1;

    /** What a field's bytes need: {@link #QUOTE}, {@link #LEFT_TO_COMMONS_CSV} and the count of quotes from bit 2. */
    private static int marks(byte[] bytes, int from, int size, boolean latin1) {
        int marks = size > 0 && bytes[from] > '#' ? 0 : LEFT_TO_COMMONS_CSV;
        for (int index = from; index < from + size; index++) {
            byte b = bytes[index];
            if (b <= '"' || b == ',' || b == '\\' || b == '?') {
                if (b == ',' || b == '\r' || b == '\n') {
                    marks |= QUOTE | LEFT_TO_COMMONS_CSV;
                } else if (b == '"') {
                    marks = (marks | QUOTE | LEFT_TO_COMMONS_CSV) + 4;
                } else if (latin1 && (b < 0 || b == '?')) {
                    return NOT_ASCII;
                } else if (b != '?') {
                    // '\\', control characters, spaces and non-ASCII (negative bytes) are left to Commons CSV
                    marks |= LEFT_TO_COMMONS_CSV;
                }
            }
        }
        return marks;
    }

    /** A whole number. */
    CsvBytes integer(long value) {
        room(21);
        separator();
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return this;
            }
            buffer[length++] = '-';
            value = -value;
        }
        int end = length + digitCount(value);
        digits(buffer, end, value, end - 1);
        length = end;
        return this;
    }

    /** An amount in cents with two decimals, as {@code BigDecimal.valueOf(cents, 2).toPlainString()}. */
    CsvBytes cents(long cents) {
        room(24);
        separator();
        return hundredths(cents);
    }

    /** Hundredths with two decimals; the separator written and room made by the caller. */
    private CsvBytes hundredths(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(java.math.BigDecimal.valueOf(value, 2).toPlainString());
                return this;
            }
            buffer[length++] = '-';
            value = -value;
        }
        long whole = value / 100;
        int pair = (int) (value - whole * 100) << 1;
        int end = length + digitCount(whole);
        digits(buffer, end, whole, end - 1);
        buffer[end] = '.';
        buffer[end + 1] = PAIRS[pair];
        buffer[end + 2] = PAIRS[pair + 1];
        length = end + 3;
        return this;
    }

    /**
     * Writes a non-negative value's digits backwards from {@code end}, and zeros down to {@code start} when it
     * has fewer. Two digits at a time from a table, dividing by 100 with a multiplication while the value fits in
     * 32 bits: the product's {@code analyze --direct} runs with the C1 compiler only, which divides by a constant
     * with a division instruction (tens of cycles) where C2 multiplies, and makes a call of each small helper.
     * One call per number: a chain of helpers per field was most of the time of a million customers' file.
     */
    private static void digits(byte[] buffer, int end, long value, int start) {
        int at = end;
        while (value >= 0x1_0000_0000L) {
            buffer[--at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        while (value >= 100) {
            long quotient = (value * 0x51EB851FL) >>> 37; // value / 100 for any value below 2^32
            int pair = (int) (value - quotient * 100) << 1;
            buffer[--at] = PAIRS[pair + 1];
            buffer[--at] = PAIRS[pair];
            value = quotient;
        }
        if (value >= 10) {
            int pair = (int) value << 1;
            buffer[--at] = PAIRS[pair + 1];
            buffer[--at] = PAIRS[pair];
        } else {
            buffer[--at] = (byte) ('0' + value);
        }
        while (at > start) {
            buffer[--at] = '0';
        }
    }

    private static int digitCount(long value) {
        if (value < 100_000) {
            return value < 100 ? (value < 10 ? 1 : 2) : value < 1_000 ? 3 : value < 10_000 ? 4 : 5;
        }
        int size = 6;
        for (long limit = 1_000_000; size < 19 && value >= limit; limit *= 10) {
            size++;
        }
        return size;
    }

    /**
     * A ratio as a percentage with two decimals: {@code part.divide(whole, 4, HALF_EVEN).movePointRight(2)
     * .toPlainString()} for amounts in cents, or an empty field when {@code whole} is not positive.
     */
    CsvBytes percent(long part, long whole) {
        if (whole <= 0) {
            return plain("");
        }
        if (Math.abs(part) > Long.MAX_VALUE / 10_000 || whole > Long.MAX_VALUE / 2) {
            return plain(java.math.BigDecimal.valueOf(part).divide(java.math.BigDecimal.valueOf(whole), 4,
                    java.math.RoundingMode.HALF_EVEN).movePointRight(2).toPlainString());
        }
        long scaled = part * 10_000;
        long quotient = scaled / whole;
        long remainder = Math.abs(scaled % whole);
        long twice = remainder * 2;
        if (twice > whole || (twice == whole && (quotient & 1) != 0)) {
            quotient += scaled < 0 ? -1 : 1;
        }
        if (quotient == 0 && scaled < 0) {
            // BigDecimal has no negative zero: -0.00004 rounds to 0.00
            quotient = 0;
        }
        room(24);
        separator();
        return hundredths(quotient);
    }

    /** A number with a fixed count of decimals, rounded half-up, exactly as {@link Formats#fixed}. */
    CsvBytes fixed(double value, int decimals) {
        room(48);
        separator();
        long scale = POWERS[decimals];
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) {
            buffer[length++] = '-';
        }
        long whole = scaled / scale;
        int end = length + digitCount(whole);
        digits(buffer, end, whole, end - 1);
        if (decimals > 0) {
            buffer[end] = '.';
            length = end + 1 + decimals;
            digits(buffer, length, scaled - whole * scale, end + 1);
        } else {
            length = end;
        }
        return this;
    }

    /** A date as {@code yyyy-MM-dd} from its epoch day, or an empty field for {@code NO_DAY}. */
    CsvBytes date(int epochDay, boolean none) {
        room(11);
        separator();
        if (none) {
            return this;
        }
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            ascii(date.toString());
            return this;
        }
        room(10);
        buffer[length++] = (byte) ('0' + year / 1000);
        buffer[length++] = (byte) ('0' + year / 100 % 10);
        buffer[length++] = (byte) ('0' + year / 10 % 10);
        buffer[length++] = (byte) ('0' + year % 10);
        buffer[length++] = '-';
        buffer[length++] = (byte) ('0' + date.getMonthValue() / 10);
        buffer[length++] = (byte) ('0' + date.getMonthValue() % 10);
        buffer[length++] = '-';
        buffer[length++] = (byte) ('0' + date.getDayOfMonth() / 10);
        buffer[length++] = (byte) ('0' + date.getDayOfMonth() % 10);
        return this;
    }

    /** Ends the row with CRLF, as Commons CSV's default format. */
    void end() {
        room(2);
        buffer[length++] = '\r';
        buffer[length++] = '\n';
        first = true;
    }

    /** What Commons CSV prints for a field, as bytes: for the few values repeated on every row. */
    static byte[] printed(String value) {
        StringBuilder text = new StringBuilder();
        try {
            FORMAT.print(value, text, true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
