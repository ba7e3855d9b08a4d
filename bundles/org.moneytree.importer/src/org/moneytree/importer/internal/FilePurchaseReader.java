package org.moneytree.importer.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.io.input.BOMInputStream;
import org.moneytree.api.purchase.InputProblem;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseFileException;
import org.moneytree.api.purchase.PurchaseReader;
import org.osgi.service.component.annotations.Component;

/**
 * Reads purchase files in UTF-8 (with or without a byte order mark), telling the format from the first
 * line: a comma-separated header means CSV, anything else the CDNOW text format.
 */
@Component(service = PurchaseReader.class)
public final class FilePurchaseReader implements PurchaseReader {

    @Override
    public List<Purchase> read(Path file) throws PurchaseFileException, IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new PurchaseFileException(List.of(new InputProblem(name, 0, "", "no such file")));
        }
        List<InputProblem> problems = new ArrayList<>();
        List<Purchase> purchases;
        try (BufferedReader reader = open(file)) {
            reader.mark(64 * 1024);
            String firstLine = reader.readLine();
            reader.reset();
            if (firstLine == null || firstLine.isBlank() && Files.size(file) < 4) {
                throw new PurchaseFileException(List.of(new InputProblem(name, 0, "",
                        "the file is empty; expected purchase lines (CDNOW text or CSV with a header)")));
            }
            purchases = firstLine.contains(",")
                    ? new CsvPurchaseFormat(name).read(reader, problems)
                    : new CdnowPurchaseFormat(name).read(reader, problems);
        } catch (CharacterCodingException e) {
            throw new PurchaseFileException(List.of(new InputProblem(name, 0, "",
                    "the file is not UTF-8 text; save it as UTF-8")));
        }
        if (problems.isEmpty() && purchases.isEmpty()) {
            problems.add(new InputProblem(name, 0, "", "the file holds no purchases, only a header or blank lines"));
        }
        if (!problems.isEmpty()) {
            throw new PurchaseFileException(problems);
        }
        return purchases;
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream bytes = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
        return new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                64 * 1024);
    }
}
