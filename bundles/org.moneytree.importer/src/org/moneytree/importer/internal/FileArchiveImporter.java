package org.moneytree.importer.internal;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.input.BOMInputStream;
import org.moneytree.api.archive.ArchiveLoad;
import org.moneytree.api.archive.ArchiveRecord;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.imports.ArchiveImporter;
import org.moneytree.api.imports.ImportProgress;
import org.moneytree.api.imports.ImportReport;
import org.moneytree.api.imports.ImportSettings;
import org.moneytree.api.imports.InputProblem;
import org.moneytree.api.purchase.PurchaseLoad;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.purchase.StoreResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Streams a file of one kind of record into the dataset: decode (strictly, so a wrong encoding is caught),
 * split into rows (CSV, or CDNOW text told apart by its first line), parse and check each row, and commit
 * only a clean file, or the clean rows when asked. A file with problems is still read to the end, so that
 * the report lists all of them. Purchases go to the {@link PurchaseStore}, everything else to the
 * {@link CustomerArchive}; records other than customers must name customers of the dataset.
 */
@Component(service = ArchiveImporter.class)
public final class FileArchiveImporter implements ArchiveImporter {

    private static final int PROGRESS_EVERY = 4_096;
    private static final Pattern DATASET_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final PurchaseStore purchases;
    private final CustomerArchive archive;

    @Activate
    public FileArchiveImporter(@Reference PurchaseStore purchases, @Reference CustomerArchive archive) {
        this.purchases = purchases;
        this.archive = archive;
    }

    @Override
    public ImportReport importFile(Path file, String dataset, RecordKind kind, ImportSettings settings,
            ImportProgress progress) {
        String name = file.toString();
        Problems problems = new Problems();
        if (!Files.isRegularFile(file)) {
            problems.add(new InputProblem(name, 0, "", "no such file"));
            return problems.report(name, dataset, 0, 0, null);
        }
        if (!DATASET_NAME.matcher(dataset).matches()) {
            problems.add(new InputProblem(name, 0, "", "dataset name '" + dataset + "' is not allowed: use 1 to 100"
                    + " letters, digits, '.', '_' or '-'"));
            return problems.report(name, dataset, 0, 0, null);
        }
        return importRecords(file, name, dataset, Schemas.of(kind), settings, progress, problems);
    }

    private <R> ImportReport importRecords(Path file, String name, String dataset, RecordSchema<R> schema,
            ImportSettings settings, ImportProgress progress, Problems problems) {
        Charset charset = settings.encoding() != null ? settings.encoding() : StandardCharsets.UTF_8;
        long rows = 0;
        long rejected = 0;
        try (Input input = XlsxTable.isWorkbook(file) ? new WorkbookInput(file, settings) : new TextInput(file, charset);
                RecordSink<R> sink = openSink(dataset, schema);
                Rejects rejects = settings.loadValidRows() && settings.rejectsFile() != null
                        ? new Rejects(settings.rejectsFile()) : Rejects.NONE) {
            long size = Files.size(file);
            RowSource source = input.rows(name, schema, settings, problems.header);
            if (!problems.header.isEmpty()) {
                problems.addAll(problems.header);
                return problems.report(name, dataset, 0, 0, null);
            }
            RowParser<R> parser = new RowParser<>(schema, name, settings, source::columnName);
            RecordChecks<R> checks = new RecordChecks<>(schema, name, dataset, archive, source::columnName);
            List<InputProblem> rowProblems = new ArrayList<>();
            SourceRow row;
            while ((row = source.next()) != null) {
                rows++;
                rowProblems.clear();
                R record = parser.parse(row, rowProblems);
                if (record != null) {
                    checks.check(record, row.line(), rowProblems);
                }
                if (!rowProblems.isEmpty()) {
                    rejected++;
                    problems.addAll(rowProblems);
                    rejects.write(row, rowProblems, source.header());
                } else if (settings.loadValidRows() || problems.count == 0) {
                    sink.add(record);
                }
                if (rows % PROGRESS_EVERY == 0) {
                    progress.progress(input.bytesRead(), size, rows);
                }
            }
            progress.progress(size, size, rows);
            if (rows == 0) {
                problems.add(new InputProblem(name, 0, "", "the file holds no " + schema.kind().id()
                        + ", only a header or blank lines"));
            }
            List<InputProblem> fileProblems = checks.atEnd();
            problems.addAll(fileProblems);
            boolean commit = rows > rejected && fileProblems.isEmpty()
                    && (problems.count == 0 || settings.loadValidRows());
            StoreResult stored = null;
            if (commit) {
                try {
                    stored = sink.commit();
                } catch (IllegalArgumentException e) {
                    problems.add(new InputProblem(name, 0, "", e.getMessage()));
                }
            }
            return problems.report(name, dataset, rows, rejected, stored);
        } catch (CharacterCodingException e) {
            problems.add(new InputProblem(name, Encodings.firstUndecodableLine(file, charset), "", "the file is not "
                    + charset.name() + " text here; give its encoding, for example --encoding GB18030"));
            return problems.report(name, dataset, rows, rejected, null);
        } catch (IOException e) {
            // The workbook reader's messages name the file and say what to do already.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            problems.add(new InputProblem(name, 0, "", message.startsWith(name + ": ")
                    ? message.substring(name.length() + 2) : "cannot be read: " + message));
            return problems.report(name, dataset, rows, rejected, null);
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private <R> RecordSink<R> openSink(String dataset, RecordSchema<R> schema) {
        if (schema.kind() == RecordKind.PURCHASES) {
            PurchaseLoad load = purchases.openLoad(dataset);
            return (RecordSink<R>) RecordSink.of(load::add, load::commit, load::close);
        }
        ArchiveLoad load = archive.openLoad(dataset, (Class) schema.kind().recordType());
        return RecordSink.of(record -> load.add((ArchiveRecord) record), load::commit, load::close);
    }

    /** Where the rows come from: a text file (CSV or CDNOW) or a workbook. */
    private interface Input extends AutoCloseable {
        /** The rows; problems with the header go to {@code headerProblems}, and then no rows should be read. */
        RowSource rows(String name, RecordSchema<?> schema, ImportSettings settings, List<InputProblem> headerProblems)
                throws IOException;

        /** How far the reading has come, for the progress bar. */
        long bytesRead();

        @Override
        void close() throws IOException;
    }

    private static final class TextInput implements Input {
        private final CountingInputStream bytes;
        private final BufferedReader reader;

        TextInput(Path file, Charset charset) throws IOException {
            bytes = new CountingInputStream(Files.newInputStream(file));
            reader = decoder(bytes, charset);
        }

        @Override
        public RowSource rows(String name, RecordSchema<?> schema, ImportSettings settings,
                List<InputProblem> headerProblems) throws IOException {
            reader.mark(1 << 20);
            String firstLine = reader.readLine();
            reader.reset();
            if (firstLine == null) {
                headerProblems.add(new InputProblem(name, 0, "", "the file is empty; expected " + schema.kind().id()
                        + (schema.kind() == RecordKind.PURCHASES ? " (CSV with a header, or CDNOW text)"
                                : " (CSV with a header)")));
                return null;
            }
            char delimiter = firstLine.contains(",") ? ',' : firstLine.contains(";") ? ';'
                    : firstLine.contains("\t") ? '\t' : 0;
            if (delimiter == 0 && schema.kind() == RecordKind.PURCHASES) {
                return new CdnowRowSource(reader);
            }
            return new CsvRowSource(name, reader, delimiter == 0 ? ',' : delimiter, schema, settings.columns(),
                    settings.ignoreUnknownColumns(), headerProblems);
        }

        @Override
        public long bytesRead() {
            return bytes.count();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    private static final class WorkbookInput implements Input {
        private final XlsxTable table;

        WorkbookInput(Path file, ImportSettings settings) throws IOException {
            table = XlsxTable.open(file, null, settings.decimalSeparator());
        }

        @Override
        public RowSource rows(String name, RecordSchema<?> schema, ImportSettings settings,
                List<InputProblem> headerProblems) {
            return new XlsxRowSource(name, table, schema, settings.columns(), settings.ignoreUnknownColumns(),
                    headerProblems);
        }

        @Override
        public long bytesRead() {
            // The workbook is a ZIP file read through its entries; the rows read say more than bytes would.
            return 0;
        }

        @Override
        public void close() throws IOException {
            table.close();
        }
    }

    private static BufferedReader decoder(InputStream bytes, Charset charset) throws IOException {
        InputStream content = StandardCharsets.UTF_8.equals(charset)
                ? BOMInputStream.builder().setInputStream(bytes).get() : bytes;
        return new BufferedReader(new InputStreamReader(content, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
    }

    /** Problems found so far: the first {@link ImportReport#PROBLEMS_KEPT} kept, all counted. */
    private static final class Problems {
        final List<InputProblem> kept = new ArrayList<>();
        final List<InputProblem> header = new ArrayList<>();
        long count;

        void add(InputProblem problem) {
            count++;
            if (kept.size() < ImportReport.PROBLEMS_KEPT) {
                kept.add(problem);
            }
        }

        void addAll(List<InputProblem> problems) {
            problems.forEach(this::add);
        }

        ImportReport report(String file, String dataset, long rows, long rejected, StoreResult stored) {
            return new ImportReport(file, dataset, rows, rejected, count, kept, stored);
        }
    }

    /** The rejects file: each bad row with its line and problems, then its cells as they stood. */
    private static class Rejects implements AutoCloseable {
        static final Rejects NONE = new Rejects();

        private final CSVPrinter printer;
        private boolean headerWritten;

        private Rejects() {
            printer = null;
        }

        Rejects(Path file) throws IOException {
            Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        }

        void write(SourceRow row, List<InputProblem> problems, List<String> header) throws IOException {
            if (printer == null) {
                return;
            }
            if (!headerWritten) {
                List<String> names = new ArrayList<>(List.of("line", "problems"));
                names.addAll(header);
                printer.printRecord(names);
                headerWritten = true;
            }
            List<String> cells = new ArrayList<>();
            cells.add(Long.toString(row.line()));
            StringBuilder reasons = new StringBuilder();
            for (InputProblem problem : problems) {
                reasons.append(reasons.isEmpty() ? "" : "; ")
                        .append(problem.field().isEmpty() ? "" : problem.field() + ": ").append(problem.message());
            }
            cells.add(reasons.toString());
            cells.addAll(row.raw());
            printer.printRecord(cells);
        }

        @Override
        public void close() throws IOException {
            if (printer != null) {
                printer.close();
            }
        }
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                count++;
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }
    }
}
