package org.moneytree.desktop.internal;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.imports.ImportSettings;

/**
 * File › Import…: asks for the file, what it holds (purchases or one of the archive's kinds), the dataset to import
 * into (an existing one or a new name) and how to read it: encoding, date forms, decimal separator, whether to skip
 * unknown columns and whether to store the good rows of a file with bad ones (by default nothing is stored). OK is possible once the file exists and a dataset is
 * named; the importer checks the rest and reports every problem.
 */
public class ImportDialog extends Dialog {

    /**
     * What to import, and how to read it (the options {@code moneytree import} takes).
     *
     * @param file the file
     * @param kind what it holds
     * @param dataset the dataset to import into
     * @param encoding the file's encoding, or {@code null} for UTF-8
     * @param datePatterns date forms to accept, or empty for the importer's (ISO and {@code yyyyMMdd})
     * @param decimalSeparator '.' or ','
     * @param ignoreUnknownColumns skip columns that match no field instead of refusing the file
     * @param loadValidRows store the good rows of a file with bad ones (the bad ones are listed)
     */
    public record Choice(Path file, RecordKind kind, String dataset, Charset encoding, List<String> datePatterns,
            char decimalSeparator, boolean ignoreUnknownColumns, boolean loadValidRows) {

        public Choice {
            datePatterns = List.copyOf(datePatterns);
        }

        /** A file read as the command line reads it without options. */
        public Choice(Path file, RecordKind kind, String dataset, Charset encoding) {
            this(file, kind, dataset, encoding, List.of(), '.', false, false);
        }

        /** The importer's settings for this choice. */
        public ImportSettings settings() {
            return new ImportSettings(encoding, datePatterns, decimalSeparator, Map.of(), ignoreUnknownColumns,
                    loadValidRows, null);
        }
    }

    static final List<String> ENCODINGS = List.of("UTF-8", "GB18030", "GBK");

    private final Locale locale;
    private final List<String> datasets;
    private Text file;
    private Combo kind;
    private Combo dataset;
    private Combo encoding;
    private Text datePatterns;
    private Combo decimalSeparator;
    private Button ignoreUnknown;
    private Button loadValid;
    private Label problem;
    private Choice choice;

    public ImportDialog(Shell parent, Locale locale, List<String> datasets) {
        super(parent);
        this.locale = locale;
        this.datasets = List.copyOf(datasets);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Texts.get(locale, "import.title"));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(area);
        new Label(area, SWT.NONE).setText(Texts.get(locale, "import.file"));
        file = new Text(area, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(file);
        Button browse = new Button(area, SWT.PUSH);
        browse.setText(Texts.get(locale, "browse"));
        browse.addListener(SWT.Selection, event -> {
            FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] {"*.csv;*.txt;*.xlsx", "*.*"});
            String chosen = dialog.open();
            if (chosen != null) {
                file.setText(chosen);
                if (dataset.getText().isBlank()) {
                    dataset.setText(datasetOf(Path.of(chosen)));
                }
            }
        });
        new Label(area, SWT.NONE).setText(Texts.get(locale, "import.kind"));
        kind = new Combo(area, SWT.DROP_DOWN | SWT.READ_ONLY);
        for (RecordKind each : RecordKind.values()) {
            kind.add(each.label(locale));
        }
        kind.select(0);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(kind);
        new Label(area, SWT.NONE).setText(Texts.get(locale, "dataset"));
        dataset = new Combo(area, SWT.DROP_DOWN);
        dataset.setItems(datasets.toArray(String[]::new));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(dataset);
        new Label(area, SWT.NONE).setText(Texts.get(locale, "import.encoding"));
        encoding = new Combo(area, SWT.DROP_DOWN | SWT.READ_ONLY);
        encoding.setItems(ENCODINGS.toArray(String[]::new));
        encoding.select(0);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(encoding);
        new Label(area, SWT.NONE).setText(Texts.get(locale, "import.dates"));
        datePatterns = new Text(area, SWT.BORDER);
        datePatterns.setMessage(String.join(", ", ImportSettings.DEFAULT_DATE_PATTERNS));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(datePatterns);
        new Label(area, SWT.NONE).setText(Texts.get(locale, "import.decimal"));
        decimalSeparator = new Combo(area, SWT.DROP_DOWN | SWT.READ_ONLY);
        decimalSeparator.setItems("1234.56", "1234,56");
        decimalSeparator.select(0);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(decimalSeparator);
        ignoreUnknown = new Button(area, SWT.CHECK);
        ignoreUnknown.setText(Texts.get(locale, "import.ignoreUnknown"));
        GridDataFactory.fillDefaults().span(3, 1).applyTo(ignoreUnknown);
        loadValid = new Button(area, SWT.CHECK);
        loadValid.setText(Texts.get(locale, "import.loadValid"));
        GridDataFactory.fillDefaults().span(3, 1).applyTo(loadValid);
        problem = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(360, SWT.DEFAULT).applyTo(problem);
        Label note = new Label(area, SWT.WRAP);
        note.setText(Texts.get(locale, "import.note"));
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(360, SWT.DEFAULT).applyTo(note);
        file.addListener(SWT.Modify, event -> check());
        dataset.addListener(SWT.Modify, event -> check());
        datePatterns.addListener(SWT.Modify, event -> check());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText(Texts.get(locale, "import.ok"));
        check();
    }

    private String check() {
        String text = file.getText().strip();
        String reason = null;
        if (text.isEmpty()) {
            reason = Texts.get(locale, "import.choose");
        } else if (!Files.isRegularFile(Path.of(text))) {
            reason = Texts.get(locale, "import.nofile", text);
        } else if (dataset.getText().isBlank()) {
            reason = Texts.get(locale, "import.nodataset");
        } else {
            for (String pattern : patterns()) {
                try {
                    DateTimeFormatter.ofPattern(pattern);
                } catch (IllegalArgumentException e) {
                    reason = Texts.get(locale, "import.badpattern", pattern);
                    break;
                }
            }
        }
        problem.setText(reason == null || text.isEmpty() ? "" : reason);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(reason == null);
        }
        return reason;
    }

    @Override
    protected void okPressed() {
        if (check() != null) {
            return;
        }
        String charset = encoding.getText();
        choice = new Choice(Path.of(file.getText().strip()), RecordKind.values()[kind.getSelectionIndex()],
                dataset.getText().strip(), "UTF-8".equals(charset) ? null : Charset.forName(charset), patterns(),
                decimalSeparator.getSelectionIndex() == 1 ? ',' : '.', ignoreUnknown.getSelection(),
                loadValid.getSelection());
        super.okPressed();
    }

    private List<String> patterns() {
        return Arrays.stream(datePatterns.getText().split("[,;]")).map(String::strip).filter(each -> !each.isEmpty())
                .toList();
    }

    /** What was chosen, once OK was pressed; {@code null} before or when cancelled. */
    public Choice choice() {
        return choice;
    }

    /** The file's name without its extension, as a dataset name (what {@code moneytree analyze} does). */
    static String datasetOf(Path source) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_");
        return base.length() > 100 ? base.substring(0, 100) : base;
    }

    Text fileInput() {
        return file;
    }

    Combo kindInput() {
        return kind;
    }

    Combo datasetInput() {
        return dataset;
    }

    Text datePatternsInput() {
        return datePatterns;
    }

    Combo decimalSeparatorInput() {
        return decimalSeparator;
    }

    Button ignoreUnknownInput() {
        return ignoreUnknown;
    }

    Button loadValidInput() {
        return loadValid;
    }

    String problemShown() {
        return problem.getText();
    }
}
