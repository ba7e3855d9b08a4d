package org.moneytree.analysis.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;


/**
 * Reads the purchase lines of one region of a CSV file (UTF-8, comma-separated, RFC 4180 quotes, LF or CRLF)
 * into {@link LineBuffers}, working on bytes: no {@code String} per line or field, money parsed straight
 * into cents, dates into epoch days. The usual line (a short ASCII id, a date seen before, plain amounts) is
 * added the short way ({@link #plainLine}); any other goes through every check. A line with a quote character
 * at the start of a field takes a slower path that unescapes its fields into a scratch array.
 *
 * <p>The region is {@code [start, end)}: the parser reads every record that <em>starts</em> before
 * {@code end}, reading on past it to finish the last one, and tells where that record ended
 * ({@link #endPosition}). When {@code end} was guessed (the start of the next region, found by looking for a
 * line break without knowing whether it lies inside a quoted field), {@code endPosition != end} shows that
 * the guess was wrong; {@link PurchaseScan} then reads the rest of the file again in one piece.
 *
 * <p>Field values are trimmed (characters up to the space, as the importer's reader trims); a line that is
 * empty or blank is passed over; every line must have as many fields as the header.
 */
final class PurchaseLineParser {

    /** Bytes read at a time. */
    static final int BUFFER = 1 << 22;
    /** The longest line taken; a longer one most likely holds a quote that is never closed. */
    static final int MAX_LINE = 1 << 26;
    /** Customer ids are text of at most 100 characters, as the importer takes them. */
    static final int MAX_ID_CHARS = 100;
    /** Bytes past the data that the parser may read (for reading ids 8 bytes at a time). */
    private static final int SLACK = 64;
    private static final int NEED_MORE = -1;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private final String file;
    private final PurchaseColumns columns;
    /** The lines read, by partition. */
    LineBuffers lines;
    private final Set<String> strategic;
    final ScanProblems problems = new ScanProblems();

    private final int columnCount;
    private final int customerColumn;
    private final int dateColumn;
    private final int revenueColumn;
    private final int costColumn;
    private final int categoryColumn;
    private final int[] fieldStart;
    private final int[] fieldEnd;

    /**
     * Valid dates written {@code yyyy-MM-dd} seen recently, by their bytes: pairs of longs, {@code [the first
     * eight bytes] [the last two + 1 << 48 | day - MIN_DAY]}, placed by a hash of the bytes in
     * either of two neighbouring entries (one cache line). A file has few distinct dates (730 in two years);
     * a hit costs two loads and two compares instead of checking and converting eight digits.
     */
    private static final int DATE_CACHE_BITS = 11;
    private long[] dates = new long[2 << DATE_CACHE_BITS];

    private byte[] buffer;
    private int size;
    private boolean endOfFile;
    private byte[] unquoted = new byte[1024];
    private final CategoryCache categories;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** The size of the region read. */
    private long regionBytes;
    /** Line breaks read so far: the line of the record at hand is {@code newlines + 1} in the region. */
    long newlines;
    /** Where the last record read ended (a file position). */
    long endPosition;
    /** Why the region could not be read to its end, or {@code null}. */
    String fatal;
    /** The line (in the region) that {@link #fatal} is about. */
    long fatalLine;

    /** @param strategic strategic categories, normalised ({@link #category}); empty for none */
    PurchaseLineParser(String file, PurchaseColumns columns, Set<String> strategic) {
        this.file = file;
        this.columns = columns;
        this.strategic = strategic;
        this.columnCount = columns.header.size();
        this.customerColumn = columns.columnOf[PurchaseColumns.CUSTOMER];
        this.dateColumn = columns.columnOf[PurchaseColumns.DATE];
        this.revenueColumn = columns.columnOf[PurchaseColumns.REVENUE];
        this.costColumn = columns.columnOf[PurchaseColumns.COST];
        this.categoryColumn = strategic.isEmpty() ? -1 : columns.columnOf[PurchaseColumns.CATEGORY];
        this.fieldStart = new int[columnCount];
        this.fieldEnd = new int[columnCount];
        this.categories = categoryColumn >= 0 ? new CategoryCache() : null;
    }

    /** How category names compare: stripped, ignoring case. */
    static String category(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Reads the records that start in {@code [start, end)}; the file is {@code fileSize} bytes long. */
    void scan(FileChannel channel, long start, long end, long fileSize) throws IOException {
        scan(channel, start, end, fileSize, null);
    }

    /**
     * Reads the records that start in {@code [start, end)}, taking over the buffers and the dates of
     * {@code before}, the parser of the region this thread read before, if any: a thread reading several regions
     * in turn then makes its buffers once (made per region, the unquoting scratch alone, as large as the read
     * buffer, came to about 280 MB for a 10M-line file, and a collection during the scan) and knows the file's
     * dates from its first region on.
     */
    void scan(FileChannel channel, long start, long end, long fileSize, PurchaseLineParser before)
            throws IOException {
        lines = before == null || before.regionBytes <= 0 ? LineBuffers.forBytes(end - start)
                : LineBuffers.expecting(before.lines.usedLongs() * (end - start) / before.regionBytes);
        regionBytes = end - start;
        int size = (int) Math.min(BUFFER, Math.max(1024, fileSize - start + 1)) + SLACK;
        if (before != null) {
            buffer = before.buffer != null && before.buffer.length == size ? before.buffer : null;
            unquoted = before.unquoted != null ? before.unquoted : unquoted;
            dates = before.dates;
            before.releaseBuffers();
        }
        if (buffer == null) {
            buffer = new byte[size];
        }
        read(channel, start, end, fileSize);
    }

    /** Lets go of the buffers, once the region is read. */
    void releaseBuffers() {
        buffer = null;
        unquoted = null;
    }

    private void read(FileChannel channel, long start, long end, long fileSize) throws IOException {
        long bufferPosition = start;
        size = 0;
        endOfFile = false;
        int at = 0;
        while (bufferPosition + at < end) {
            int next = endOfFile && at >= size ? size : record(at);
            if (next == NEED_MORE) {
                // keep the unfinished record: move it to the front and read more behind it
                if (at == 0 && size >= buffer.length - SLACK) {
                    if (buffer.length - SLACK >= MAX_LINE) {
                        fatal = "longer than " + (MAX_LINE >> 20) + " MB; most likely a quote (\") opened in the"
                                + " line is never closed";
                        fatalLine = newlines + 1;
                        endPosition = -1;
                        return;
                    }
                    buffer = Arrays.copyOf(buffer, (buffer.length - SLACK) * 2 + SLACK);
                }
                System.arraycopy(buffer, at, buffer, 0, size - at);
                bufferPosition += at;
                size -= at;
                at = 0;
                fill(channel, bufferPosition, fileSize);
                continue;
            }
            if (next == at) {
                break; // end of file
            }
            at = next;
        }
        endPosition = bufferPosition + at;
    }

    private void fill(FileChannel channel, long bufferPosition, long fileSize) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, size, buffer.length - SLACK - size);
        while (target.hasRemaining()) {
            int read = channel.read(target, bufferPosition + target.position());
            if (read < 0) {
                endOfFile = true;
                break;
            }
        }
        size = target.position();
        endOfFile |= bufferPosition + size >= fileSize;
    }

    /**
     * Reads the record starting at {@code at}: the index after it, or {@link #NEED_MORE} when the buffer ends
     * before it does and the file goes on.
     */
    private int record(int at) {
        byte[] b = buffer;
        int limit = size;
        if (at < limit && b[at] == '"') {
            return quotedRecord(at);
        }
        int[] starts = fieldStart;
        int[] ends = fieldEnd;
        int columns = columnCount;
        int column = 0;
        int start = at;
        int i = at;
        // Field by field: the first byte below '-' in the eight bytes from i, found in three operations (its
        // high bit is exact; bits above it may be false, and are not used). Most such bytes are ',' and '\n';
        // others (a space, a '"' inside a field, '\r') are passed over. Exact masks of ',', '\n' and '"' for
        // all marks of eight bytes at a time took more operations and mispredicted a branch whenever the count
        // of marks in eight bytes changed: reading took about 5% less time this way (measured).
        while (i + 8 <= limit) {
            long word = (long) LONGS.get(b, i);
            long low = (word - BELOW_MINUS) & ~word & HIGH_BITS;
            if (low == 0) {
                i += 8;
                continue;
            }
            int position = i + JitMode.lowestMarkedByte(low);
            byte c = b[position];
            if (c == ',') {
                if (column < columns) {
                    starts[column] = start;
                    ends[column] = position;
                }
                column++;
                start = position + 1;
            } else if (c == '\n') {
                return endRecord(b, column, start, position, position + 1);
            } else if (c == '"' && position == start) {
                return quotedRecord(at); // a quote opening a field; one inside a field is a plain character
            }
            i = position + 1;
        }
        for (; i < limit; i++) {
            byte c = b[i];
            if (c == ',') {
                if (column < columns) {
                    starts[column] = start;
                    ends[column] = i;
                }
                column++;
                start = i + 1;
            } else if (c == '\n') {
                return endRecord(b, column, start, i, i + 1);
            } else if (c == '"' && i == start) {
                return quotedRecord(at);
            }
        }
        if (!endOfFile) {
            return NEED_MORE;
        }
        return endRecord(b, column, start, limit, limit);
    }

    /** Ends a record whose last field is {@code [start, fieldEnd)} and which ends before {@code end}. */
    private int endRecord(byte[] b, int column, int start, int fieldEnd, int end) {
        if (column < columnCount) {
            this.fieldStart[column] = start;
            this.fieldEnd[column] = fieldEnd;
        }
        long line = newlines + 1;
        if (end > fieldEnd) {
            newlines++;
        }
        if (column == 0 && blank(b, start, fieldEnd)) {
            return end;
        }
        line(line, b, column + 1);
        return end;
    }

    /** {@code '-'} in every byte: ',', '\n' and '"' are below it. */
    private static final long BELOW_MINUS = 0x2D2D2D2D2D2D2D2DL;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** The record at {@code at}, some of whose fields are quoted: unescaped into {@link #unquoted}. */
    private int quotedRecord(int at) {
        byte[] b = buffer;
        int limit = size;
        if (unquoted.length < limit - at + SLACK) {
            // as large as the read buffer at once (a record is never longer), not growing by steps
            unquoted = new byte[b.length + SLACK];
        }
        byte[] q = unquoted;
        int out = 0;
        int column = 0;
        int breaks = 0;
        int i = at;
        String problem = null;
        while (true) {
            if (i >= limit && !endOfFile) {
                return NEED_MORE;
            }
            int start = out;
            if (i < limit && b[i] == '"') {
                int quoteLine = breaks;
                i++;
                while (true) {
                    if (i >= limit) {
                        if (!endOfFile) {
                            return NEED_MORE;
                        }
                        long line = newlines + 1;
                        newlines += breaks;
                        problems.add(line + quoteLine, null, "a quote (\") opened here is never closed");
                        return limit;
                    }
                    byte c = b[i];
                    if (c == '"') {
                        if (i + 1 >= limit && !endOfFile) {
                            return NEED_MORE;
                        }
                        if (i + 1 < limit && b[i + 1] == '"') {
                            q[out++] = '"';
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (c == '\n') {
                        breaks++;
                    }
                    q[out++] = c;
                    i++;
                }
                while (i < limit && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
                    i++;
                }
                if (i >= limit && !endOfFile) {
                    return NEED_MORE;
                }
                if (i < limit && b[i] != ',' && b[i] != '\n' && problem == null) {
                    problem = "text after the closing quote of field " + (column + 1)
                            + "; expected a comma or the end of the line (a quote inside a quoted field is written"
                            + " twice: \"\")";
                    while (i < limit && b[i] != ',' && b[i] != '\n') {
                        i++;
                    }
                    if (i >= limit && !endOfFile) {
                        return NEED_MORE;
                    }
                }
            } else {
                while (i < limit && b[i] != ',' && b[i] != '\n') {
                    q[out++] = b[i++];
                }
                if (i >= limit && !endOfFile) {
                    return NEED_MORE;
                }
            }
            if (column < columnCount) {
                fieldStart[column] = start;
                fieldEnd[column] = out;
            }
            column++;
            if (i < limit && b[i] == ',') {
                i++;
                continue;
            }
            if (i < limit) {
                i++;
                breaks++;
            }
            break;
        }
        long line = newlines + 1;
        newlines += breaks;
        if (problem != null) {
            problems.add(line, null, problem);
            return i;
        }
        line(line, q, column);
        return i;
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((b[i] & 0xFF) > ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks and adds one line whose fields are {@code fieldStart/fieldEnd} in {@code b}: the usual line the
     * short way. Kept small, as are {@link #plainLine} and what it calls, so that the JIT compiles them into the
     * loop over the records (it inlines up to 325 bytes of bytecode), which it did not when this and
     * {@link #checkedLine} were one method.
     */
    private void line(long line, byte[] b, int fields) {
        if (fields != columnCount || !plainLine(b)) {
            checkedLine(line, b, fields);
        }
    }

    /** Whether the line's category is a strategic one. */
    private boolean strategic(byte[] b) {
        int start = trimStart(b, fieldStart[categoryColumn], fieldEnd[categoryColumn]);
        int end = trimEnd(b, start, fieldEnd[categoryColumn]);
        return start < end && categories.strategic(b, start, end);
    }

    /** Checks and adds a line that {@link #plainLine} did not take, or tells what is wrong with it. */
    private void checkedLine(long line, byte[] b, int fields) {
        if (fields != columnCount) {
            problems.add(line, null, fields + (fields == 1 ? " field" : " fields") + "; expected " + columnCount
                    + " as in the header");
            return;
        }
        long before = problems.count();

        int idStart = fieldStart[customerColumn];
        int idEnd = fieldEnd[customerColumn];
        while (idStart < idEnd && (b[idStart] & 0xFF) <= ' ') {
            idStart++;
        }
        while (idEnd > idStart && (b[idEnd - 1] & 0xFF) <= ' ') {
            idEnd--;
        }
        if (idStart == idEnd) {
            problems.add(line, columns.describe(PurchaseColumns.CUSTOMER), "empty; expected a customer id");
        }

        int day = 0;
        int from = trimStart(b, fieldStart[dateColumn], fieldEnd[dateColumn]);
        int to = trimEnd(b, from, fieldEnd[dateColumn]);
        long cached = to - from == 10 ? cachedDate(b, from) : 0;
        if (cached != 0) {
            day = (int) (cached & 0x3FFFFF) + LineBuffers.MIN_DAY;
        } else {
            int year = -1;
            int monthOfYear = 0;
            int dayOfMonth = 0;
            if (to - from == 10 && b[from + 4] == '-' && b[from + 7] == '-') {
                year = digits(b, from, 4);
                monthOfYear = digits(b, from + 5, 2);
                dayOfMonth = digits(b, from + 8, 2);
            } else if (to - from == 8) {
                year = digits(b, from, 4);
                monthOfYear = digits(b, from + 4, 2);
                dayOfMonth = digits(b, from + 6, 2);
            }
            if (year >= 0 && monthOfYear >= 0 && dayOfMonth >= 0 && PeriodKeys.valid(year, monthOfYear, dayOfMonth)) {
                day = PeriodKeys.epochDay(year, monthOfYear, dayOfMonth);
                if (to - from == 10) {
                    cacheDate(b, from, day);
                }
            } else {
                problems.add(line, columns.describe(PurchaseColumns.DATE), from == to ? "empty; expected a date like"
                        + " 2024-07-31 (yyyy-MM-dd or yyyyMMdd)" : "expected a date like 2024-07-31 (yyyy-MM-dd or"
                        + " yyyyMMdd), found '" + text(b, from, to) + "'");
            }
        }

        long revenue = amount(line, b, fieldStart[revenueColumn], fieldEnd[revenueColumn], PurchaseColumns.REVENUE,
                true);
        long cost = PartialTotals.NO_COST;
        if (costColumn >= 0) {
            cost = amount(line, b, fieldStart[costColumn], fieldEnd[costColumn], PurchaseColumns.COST, false);
        }
        boolean isStrategic = categoryColumn >= 0 && strategic(b);
        if (problems.count() != before) {
            return;
        }

        int idLength = idEnd - idStart;
        if (idLength <= 8) {
            // the usual id, one word: read, checked for ASCII and hashed once
            long word = PartialTotals.lastWord(b, idStart, idLength);
            if ((word & 0x8080808080808080L) == 0) {
                lines.add(PartialTotals.hash(word, idLength), word, idLength, day, revenue, cost, isStrategic);
                return;
            }
        }
        if (!asciiId(b, idStart, idLength)) {
            // not plain ASCII: the id must be UTF-8 text of at most 100 characters
            String id;
            try {
                id = decoder.decode(ByteBuffer.wrap(b, idStart, idLength)).toString();
            } catch (CharacterCodingException e) {
                problems.add(line, columns.describe(PurchaseColumns.CUSTOMER), "not UTF-8 text; save the file as"
                        + " UTF-8");
                return;
            }
            if (id.length() > MAX_ID_CHARS) {
                problems.add(line, columns.describe(PurchaseColumns.CUSTOMER), id.length() + " characters; expected"
                        + " at most " + MAX_ID_CHARS);
                return;
            }
        }
        lines.add(PartialTotals.hash(b, idStart, idLength), b, idStart, idLength, day, revenue, cost,
                isStrategic);
    }

    /**
     * Adds the usual line the short way: an ASCII id of one to eight bytes, a date {@code yyyy-MM-dd} already
     * in {@link #dates}, amounts that {@link #plainCents} reads (or no cost), no blanks around any of them.
     * Any other line is left to {@link #checkedLine}'s checks ({@code false}, nothing added); for a line taken here
     * they would come to the same.
     */
    private boolean plainLine(byte[] b) {
        int idStart = fieldStart[customerColumn];
        int idLength = fieldEnd[customerColumn] - idStart;
        int dateStart = fieldStart[dateColumn];
        if (idLength < 1 || idLength > 8 || fieldEnd[dateColumn] - dateStart != 10) {
            return false;
        }
        long word = PartialTotals.lastWord(b, idStart, idLength);
        if ((word & HIGH_BITS) != 0 || (b[idStart] & 0xFF) <= ' ' || (b[idStart + idLength - 1] & 0xFF) <= ' ') {
            return false;
        }
        long date = cachedDate(b, dateStart);
        long revenue = plainAmount(b, fieldStart[revenueColumn], fieldEnd[revenueColumn]);
        if (date == 0 || revenue == NOT_PLAIN) {
            return false;
        }
        long cost = PartialTotals.NO_COST;
        if (costColumn >= 0 && fieldEnd[costColumn] > fieldStart[costColumn]) {
            cost = plainAmount(b, fieldStart[costColumn], fieldEnd[costColumn]);
            if (cost == NOT_PLAIN) {
                return false;
            }
        }
        boolean isStrategic = categoryColumn >= 0 && strategic(b);
        lines.add(PartialTotals.hash(word, idLength), word, idLength, (int) (date & 0x3FFFFF) + LineBuffers.MIN_DAY,
                revenue, cost, isStrategic);
        return true;
    }

    /** {@link #plainCents} of the field {@code [from, to)}, or {@link #NOT_PLAIN}. */
    private static long plainAmount(byte[] b, int from, int to) {
        return to - from <= 8 ? plainCents(b, from, to - from) : NOT_PLAIN;
    }

    /** The cached day of the ten bytes at {@code from} ({@link #dates}' second long), or 0. */
    private long cachedDate(byte[] b, int from) {
        long head = (long) LONGS.get(b, from);
        long tail = ((b[from + 8] & 0xFFL) | (b[from + 9] & 0xFFL) << 8) + 1;
        int at = dateSlot(head, tail);
        long[] d = dates;
        if (d[at] == head && d[at + 1] >>> 48 == tail) {
            return d[at + 1];
        }
        at ^= 2;
        if (d[at] == head && d[at + 1] >>> 48 == tail) {
            return d[at + 1];
        }
        return 0;
    }

    /** Remembers a valid date's ten bytes: in the first entry of its pair that is free, else in the first. */
    private void cacheDate(byte[] b, int from, int day) {
        long head = (long) LONGS.get(b, from);
        long tail = ((b[from + 8] & 0xFFL) | (b[from + 9] & 0xFFL) << 8) + 1;
        int at = dateSlot(head, tail);
        if (dates[at + 1] != 0 && dates[(at ^ 2) + 1] == 0) {
            at ^= 2;
        }
        dates[at] = head;
        dates[at + 1] = tail << 48 | (day - LineBuffers.MIN_DAY);
    }

    private static int dateSlot(long head, long tail) {
        return (int) ((head * 0x9E3779B97F4A7C15L + tail * 0xC2B2AE3D27D4EB4FL) >>> (64 - DATE_CACHE_BITS)) << 1;
    }

    /** Whether an id is ASCII of at most {@link #MAX_ID_CHARS} characters (the usual case, checked fast). */
    private static boolean asciiId(byte[] b, int start, int length) {
        if (length > MAX_ID_CHARS) {
            return false;
        }
        long high = 0;
        int words = (length + 7) >>> 3;
        for (int i = 0; i < words; i++) {
            high |= PartialTotals.word(b, start, length, i);
        }
        return (high & 0x8080808080808080L) == 0;
    }

    private static int trimStart(byte[] b, int from, int to) {
        while (from < to && (b[from] & 0xFF) <= ' ') {
            from++;
        }
        return from;
    }

    private static int trimEnd(byte[] b, int from, int to) {
        while (to > from && (b[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        return to;
    }

    /** The number written by {@code count} ASCII digits, or -1. */
    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * An amount in cents, rounded half-even; {@link PartialTotals#NO_COST} for an empty optional field.
     * Plain decimals ({@code -12.345}) are read here; anything else (grouping commas, exponents) goes the
     * importer's way through {@link BigDecimal}.
     */
    private long amount(long line, byte[] b, int fieldFrom, int fieldTo, int field, boolean required) {
        int from = trimStart(b, fieldFrom, fieldTo);
        int to = trimEnd(b, from, fieldTo);
        if (from == to) {
            if (required) {
                problems.add(line, columns.describe(field), "empty; expected a decimal number like 12.50");
            }
            return PartialTotals.NO_COST;
        }
        if (to - from <= 8) {
            long cents = plainCents(b, from, to - from);
            if (cents != NOT_PLAIN) {
                return cents;
            }
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long whole = 0;
        int digits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9' && digits < 16) {
            whole = whole * 10 + (b[i] - '0');
            digits++;
            i++;
        }
        long cents = 0;
        int decimals = 0;
        int roundDigit = 0;
        boolean sticky = false;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                int digit = b[i] - '0';
                if (decimals < 2) {
                    cents = cents * 10 + digit;
                } else if (decimals == 2) {
                    roundDigit = digit;
                } else if (digit != 0) {
                    sticky = true;
                }
                decimals++;
                i++;
            }
        }
        if (i == to && digits + decimals > 0 && digits < 16) {
            if (decimals == 1) {
                cents *= 10;
            }
            long value = whole * 100 + cents;
            if (roundDigit > 5 || roundDigit == 5 && (sticky || (value & 1) == 1)) {
                value++;
            }
            return negative ? -value : value;
        }
        return slowAmount(line, text(b, from, to), field);
    }

    private static final long NOT_PLAIN = Long.MIN_VALUE;
    private static final long ZEROS = 0x3030303030303030L;
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;

    /**
     * The usual amount, {@code [-]digits.dd} in at most eight bytes ({@code -1234.56}, {@code 99999.99}),
     * converted eight bytes at a time: no loop and no branch per digit (the loop mispredicts at each amount's
     * end, as amounts have different lengths). Anything else is {@link #NOT_PLAIN} and left to the loop.
     * {@code b} must have eight readable bytes from {@code from}.
     */
    private static long plainCents(byte[] b, int from, int length) {
        if (length < 4) {
            return NOT_PLAIN;
        }
        // the text's last byte to the top: "-29.75" is 0, 0, '-', '2', '9', '.', '7', '5' (lowest byte first)
        int lead = (8 - length) << 3;
        long word = (long) LONGS.get(b, from) << lead;
        if ((word >>> 40 & 0xFF) != '.') {
            return NOT_PLAIN;
        }
        boolean negative = (word >>> lead & 0xFF) == '-';
        if (negative) {
            if (length == 4) {
                return NOT_PLAIN; // "-.50"
            }
            word = word & ~(0xFFL << lead) | (long) '0' << lead;
        }
        // the bytes before the text and the point become '0'; then all eight must be digits
        word |= ZEROS & ((1L << lead) - 1);
        word = word & ~(0xFFL << 40) | (long) '0' << 40;
        if ((word & HIGH_NIBBLES) != ZEROS || ((word + 0x0606060606060606L) & HIGH_NIBBLES) != ZEROS) {
            return NOT_PLAIN;
        }
        long digits = word - ZEROS;
        // drop the point's place: the whole part moves up a byte, next to the two decimals
        digits = (digits & 0x000000FFFFFFFFFFL) << 8 | digits & 0xFFFF000000000000L;
        digits = (digits * 10 + (digits >>> 8)) & 0x00FF00FF00FF00FFL;
        digits = (digits * 100 + (digits >>> 16)) & 0x0000FFFF0000FFFFL;
        digits = (digits * 10000 + (digits >>> 32)) & 0xFFFFFFFFL;
        return negative ? -digits : digits;
    }

    private long slowAmount(long line, String text, int field) {
        String plain = GROUPED.matcher(text).matches() ? text.replace(",", "") : text;
        try {
            return new BigDecimal(plain).setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
        } catch (NumberFormatException e) {
            problems.add(line, columns.describe(field), "expected a decimal number like 12.50, found '"
                    + abbreviate(text) + "'");
        } catch (ArithmeticException e) {
            problems.add(line, columns.describe(field), "'" + abbreviate(text) + "' is too large an amount");
        }
        return 0;
    }

    private static String text(byte[] b, int from, int to) {
        return abbreviate(new String(b, from, to - from, StandardCharsets.UTF_8));
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** Whether a category's bytes name a strategic category, remembered per distinct name. */
    private final class CategoryCache {

        private byte[][] keys = new byte[64][];
        private boolean[] values = new boolean[64];
        private int count;

        boolean strategic(byte[] b, int from, int to) {
            int hash = 1;
            for (int i = from; i < to; i++) {
                hash = hash * 31 + b[i];
            }
            int mask = keys.length - 1;
            int at = (hash ^ (hash >>> 16)) & mask;
            for (; keys[at] != null; at = (at + 1) & mask) {
                if (Arrays.equals(keys[at], 0, keys[at].length, b, from, to)) {
                    return values[at];
                }
            }
            boolean value = strategic.contains(category(new String(b, from, to - from, StandardCharsets.UTF_8)));
            keys[at] = Arrays.copyOfRange(b, from, to);
            values[at] = value;
            if (++count * 2 > keys.length) {
                byte[][] oldKeys = keys;
                boolean[] oldValues = values;
                keys = new byte[oldKeys.length * 2][];
                values = new boolean[oldKeys.length * 2];
                mask = keys.length - 1;
                for (int k = 0; k < oldKeys.length; k++) {
                    if (oldKeys[k] != null) {
                        int h = 1;
                        for (byte x : oldKeys[k]) {
                            h = h * 31 + x;
                        }
                        int place = (h ^ (h >>> 16)) & mask;
                        while (keys[place] != null) {
                            place = (place + 1) & mask;
                        }
                        keys[place] = oldKeys[k];
                        values[place] = oldValues[k];
                    }
                }
            }
            return value;
        }
    }

    /** A header: its names, where the data starts, and how many line breaks it holds. */
    record Header(List<String> names, long dataStart, long newlines) {
    }

    /**
     * Reads the header: the first record, after a UTF-8 byte order mark if there is one. {@code null} when the
     * file holds nothing but blank space.
     */
    static Header header(FileChannel channel, long fileSize) throws IOException {
        int want = (int) Math.min(fileSize, 1 << 16);
        while (true) {
            byte[] b = new byte[want + SLACK];
            ByteBuffer target = ByteBuffer.wrap(b, 0, want);
            while (target.hasRemaining() && channel.read(target, target.position()) >= 0) {
                // reads on
            }
            int size = target.position();
            boolean all = size >= fileSize;
            int at = size >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
            long newlines = 0;
            while (true) {
                // blank lines before the header are passed over
                int lineEnd = at;
                while (lineEnd < size && b[lineEnd] != '\n') {
                    lineEnd++;
                }
                if (lineEnd >= size && !all) {
                    break;
                }
                if (!blank(b, at, lineEnd)) {
                    break;
                }
                if (lineEnd >= size) {
                    return null;
                }
                newlines++;
                at = lineEnd + 1;
            }
            List<String> names = new ArrayList<>();
            ByteArrayText field = new ByteArrayText();
            boolean quoted = false;
            int i = at;
            boolean complete = false;
            long breaks = 0;
            while (i < size) {
                byte c = b[i];
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < size && b[i + 1] == '"') {
                            field.add(c);
                            i += 2;
                            continue;
                        }
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            breaks++;
                        }
                        field.add(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    names.add(field.text().strip());
                    field = new ByteArrayText();
                } else if (c == '\n') {
                    breaks++;
                    complete = true;
                    i++;
                    break;
                } else {
                    field.add(c);
                }
                i++;
            }
            if (complete || all) {
                names.add(field.text().strip());
                return new Header(names, i, newlines + breaks);
            }
            if (want >= MAX_LINE || want >= fileSize) {
                return new Header(names, -1, newlines);
            }
            want = (int) Math.min(fileSize, (long) want * 4);
        }
    }

    /** A growing byte array decoded as UTF-8 at the end. */
    private static final class ByteArrayText {
        private byte[] bytes = new byte[32];
        private int size;

        void add(byte b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = b;
        }

        boolean isEmpty() {
            return size == 0;
        }

        String text() {
            return new String(bytes, 0, size, StandardCharsets.UTF_8);
        }
    }
}
