package org.moneytree.cli.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.moneytree.api.imports.ImportSettings;

import picocli.CommandLine.Option;

/** How to read a file: the options {@code import} and {@code analyze} share. */
final class ImportOptions {

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "The file's encoding: UTF-8 (default; a byte order mark is fine), GB18030, GBK, ...")
    private String encoding;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "A date form to accept, such as d/M/yyyy (repeatable; default yyyy-MM-dd and yyyyMMdd).")
    private List<String> dateFormats = new ArrayList<>();

    @Option(names = "--decimal-separator", paramLabel = "CHAR", defaultValue = ".",
            description = "Decimal separator of amounts: . (default) or ,")
    private char decimalSeparator;

    @Option(names = "--column", paramLabel = "HEADER=FIELD",
            description = "Map a column to a field of the kind imported (for purchases customer_id, order_date,"
                    + " revenue, quantity, order_id, product, category, cost_of_goods; the fields of every kind are"
                    + " in docs/importing.md) or to - to ignore it; repeatable.")
    private Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--mapping", paramLabel = "FILE|NAME",
            description = "Column mappings saved in a file (HEADER = FIELD lines), or by name in the mappings folder.")
    private String mapping;

    @Option(names = "--save-mapping", paramLabel = "NAME",
            description = "Save this command's --column mappings under NAME for later --mapping NAME.")
    private String saveMapping;

    @Option(names = "--load-valid-rows",
            description = "Store the good rows of a file with bad ones (by default nothing is stored).")
    private boolean loadValidRows;

    @Option(names = "--rejects", paramLabel = "CSV", description = "With --load-valid-rows: write the bad rows here.")
    private Path rejects;

    @Option(names = "--ignore-unknown-columns", description = "Skip columns that match no field instead of refusing the file.")
    private boolean ignoreUnknownColumns;

    /** The settings, after loading and saving mappings in {@code mappingsFolder} (may be {@code null}). */
    ImportSettings settings(Path mappingsFolder, boolean ignoreUnknownByDefault) {
        Map<String, String> allColumns = new LinkedHashMap<>();
        if (mapping != null) {
            allColumns.putAll(readMapping(mappingFile(mapping, mappingsFolder)));
        }
        allColumns.putAll(columns);
        if (saveMapping != null) {
            save(mappingFile(saveMapping, mappingsFolder), allColumns);
        }
        if (rejects != null && !loadValidRows) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, "--rejects goes with --load-valid-rows");
        }
        return new ImportSettings(charset(), dateFormats, decimalSeparator, allColumns,
                ignoreUnknownColumns || ignoreUnknownByDefault, loadValidRows, rejects);
    }

    private Charset charset() {
        if (encoding == null) {
            return null;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, "unknown encoding '" + encoding
                    + "'; use for example UTF-8, GB18030 or GBK");
        }
    }

    private static Path mappingFile(String nameOrFile, Path mappingsFolder) {
        if (nameOrFile.contains("/") || nameOrFile.endsWith(".properties")) {
            return Path.of(nameOrFile);
        }
        if (mappingsFolder == null) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, "no configuration folder is set for saved mappings;"
                    + " give the mapping as a file path");
        }
        if (!nameOrFile.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, "mapping name '" + nameOrFile
                    + "' is not allowed: use letters, digits, '.', '_' or '-'");
        }
        return mappingsFolder.resolve(nameOrFile + ".properties");
    }

    private static Map<String, String> readMapping(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, "mapping " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(header -> mapping.put(header, properties.getProperty(header).strip()));
        return mapping;
    }

    private static void save(Path file, Map<String, String> mapping) {
        Properties properties = new Properties();
        properties.putAll(mapping);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Moneytree column mapping: header = field");
            }
        } catch (IOException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, "mapping " + file + " cannot be saved: " + e.getMessage());
        }
    }
}
