package org.moneytree.desktop.internal;

import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.moneytree.api.profit.CostModelInfo;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.tier.TierSchemeInfo;

/**
 * Analysis › Run analysis…: the dataset, the length of the periods, and the tier scheme and cost model among those
 * installed now (a plugin's too), as {@code moneytree analyze --dataset NAME --period-length … --scheme …
 * --cost-model …} takes them. The defaults are those of the command line: pyramid and standard.
 */
public class AnalysisDialog extends Dialog {

    /**
     * What to analyse.
     *
     * @param dataset the dataset, whose stored purchases are analysed
     * @param length the length of the periods
     * @param scheme the tier scheme's id
     * @param costModel the cost model's id
     */
    public record Choice(String dataset, PeriodLength length, String scheme, String costModel) {
    }

    static final List<PeriodLength> LENGTHS = List.of(PeriodLength.YEAR, PeriodLength.QUARTER, PeriodLength.MONTH);

    private final Locale locale;
    private final List<String> datasets;
    private final String dataset;
    private final List<TierSchemeInfo> schemes;
    private final List<CostModelInfo> costModels;
    private Combo datasetInput;
    private Combo lengthInput;
    private Combo schemeInput;
    private Combo costModelInput;
    private Label description;
    private Choice choice;

    /**
     * @param dataset the dataset chosen first (the workbench's), or {@code null}
     */
    public AnalysisDialog(Shell parent, Locale locale, List<String> datasets, String dataset,
            List<TierSchemeInfo> schemes, List<CostModelInfo> costModels) {
        super(parent);
        this.locale = locale;
        this.datasets = List.copyOf(datasets);
        this.dataset = dataset;
        this.schemes = List.copyOf(schemes);
        this.costModels = List.copyOf(costModels);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Texts.get(locale, "analysis.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        new Label(area, SWT.NONE).setText(Texts.get(locale, "dataset"));
        datasetInput = new Combo(area, SWT.DROP_DOWN | SWT.READ_ONLY);
        datasetInput.setItems(datasets.toArray(String[]::new));
        datasetInput.select(Math.max(0, dataset == null ? 0 : datasets.indexOf(dataset)));
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(datasetInput);
        new Label(area, SWT.NONE).setText(Texts.get(locale, "analysis.length"));
        lengthInput = new Combo(area, SWT.DROP_DOWN | SWT.READ_ONLY);
        LENGTHS.forEach(length -> lengthInput.add(length.label(locale)));
        lengthInput.select(0);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(lengthInput);
        new Label(area, SWT.NONE).setText(Texts.get(locale, "analysis.scheme"));
        schemeInput = new Combo(area, SWT.DROP_DOWN | SWT.READ_ONLY);
        schemes.forEach(scheme -> schemeInput.add(scheme.name() + " (" + scheme.id() + ")"));
        schemeInput.select(Math.max(0, indexOf(schemes.stream().map(TierSchemeInfo::id).toList(), "pyramid")));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(schemeInput);
        description = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(420, SWT.DEFAULT).applyTo(description);
        schemeInput.addListener(SWT.Selection, event -> describe());
        new Label(area, SWT.NONE).setText(Texts.get(locale, "analysis.costModel"));
        costModelInput = new Combo(area, SWT.DROP_DOWN | SWT.READ_ONLY);
        costModels.forEach(model -> costModelInput.add(model.name() + " (" + model.id() + ")"));
        costModelInput.select(Math.max(0, indexOf(costModels.stream().map(CostModelInfo::id).toList(),
                org.moneytree.api.profit.ProfitabilityService.DEFAULT_COST_MODEL)));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(costModelInput);
        Label note = new Label(area, SWT.WRAP);
        note.setText(Texts.get(locale, datasets.isEmpty() ? "analysis.nodatasets" : "analysis.note"));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(420, SWT.DEFAULT).applyTo(note);
        describe();
        return area;
    }

    private static int indexOf(List<String> ids, String wanted) {
        return ids.indexOf(wanted);
    }

    private void describe() {
        int index = schemeInput.getSelectionIndex();
        description.setText(index < 0 ? "" : schemes.get(index).description());
        description.getParent().layout(true, true);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        Button ok = getButton(IDialogConstants.OK_ID);
        ok.setText(Texts.get(locale, "analysis.ok"));
        ok.setEnabled(!datasets.isEmpty() && !schemes.isEmpty() && !costModels.isEmpty());
    }

    @Override
    protected void okPressed() {
        choice = new Choice(datasets.get(datasetInput.getSelectionIndex()), LENGTHS.get(lengthInput.getSelectionIndex()),
                schemes.get(schemeInput.getSelectionIndex()).id(), costModels.get(costModelInput.getSelectionIndex()).id());
        super.okPressed();
    }

    /** What was chosen, once OK was pressed; {@code null} before or when cancelled. */
    public Choice choice() {
        return choice;
    }

    Combo datasetInput() {
        return datasetInput;
    }

    Combo lengthInput() {
        return lengthInput;
    }

    Combo schemeInput() {
        return schemeInput;
    }

    Combo costModelInput() {
        return costModelInput;
    }
}
