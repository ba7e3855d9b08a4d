package org.moneytree.importer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.moneytree.api.archive.ArchiveRecord;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.exports.ArchiveExporter;
import org.moneytree.api.exports.ExportFormat;
import org.moneytree.api.exports.ExportReport;
import org.moneytree.api.exports.ExportSettings;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Writes a dataset's records of one kind with the importer's own schema, so that the file imports back to
 * the same records: canonical field names as the header, ISO dates, plain decimals with '.'.
 */
@Component(service = ArchiveExporter.class)
public final class FileArchiveExporter implements ArchiveExporter {

    private final PurchaseStore purchases;
    private final CustomerArchive archive;

    @Activate
    public FileArchiveExporter(@Reference PurchaseStore purchases, @Reference CustomerArchive archive) {
        this.purchases = purchases;
        this.archive = archive;
    }

    @Override
    public ExportReport export(String dataset, RecordKind kind, Path file, ExportSettings settings) throws IOException {
        if (!purchases.datasets().contains(dataset)) {
            throw new IllegalArgumentException("there is no dataset '" + dataset + "'; the datasets are "
                    + purchases.datasets());
        }
        Path target = file.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            long rows = settings.format() == ExportFormat.XLSX
                    ? XlsxExport.write(partial, Schemas.of(kind), sink -> forEach(dataset, kind, sink))
                    : writeCsv(partial, Schemas.of(kind), dataset, kind, settings);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new ExportReport(target, dataset, kind, rows);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private <R> long writeCsv(Path file, RecordSchema<R> schema, String dataset, RecordKind kind,
            ExportSettings settings) throws IOException {
        long[] rows = { 0 };
        try (Writer writer = Files.newBufferedWriter(file, settings.encoding());
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            if (settings.byteOrderMark() && StandardCharsets.UTF_8.equals(settings.encoding())) {
                writer.write('\uFEFF');
            }
            printer.printRecord(schema.header());
            List<String> cells = new ArrayList<>();
            forEach(dataset, kind, record -> {
                cells.clear();
                @SuppressWarnings("unchecked")
                R typed = (R) record;
                for (Object value : schema.cells(typed)) {
                    cells.add(text(value));
                }
                try {
                    printer.printRecord(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }

    @SuppressWarnings("unchecked")
    private void forEach(String dataset, RecordKind kind, Consumer<Object> sink) {
        if (kind == RecordKind.PURCHASES) {
            purchases.forEachPurchase(dataset, (Consumer<Purchase>) (Consumer<?>) sink);
        } else {
            archive.forEach(dataset, (Class<ArchiveRecord>) kind.recordType(), sink::accept);
        }
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
