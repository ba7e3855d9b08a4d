package org.moneytree.desktop.internal;

import java.io.IOException;
import java.util.Locale;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * File › Preferences…: the language of the desktop client, English or Simplified Chinese (or the platform's),
 * kept in {@link DesktopSettings} and applied at the next start, as the dialog says: the workbench's menus and
 * parts are made in one language when it starts.
 */
public class LanguageDialog extends Dialog {

    private final DesktopSettings settings;
    private final Locale locale;
    private Button platform;
    private Button english;
    private Button chinese;
    private Label problem;

    public LanguageDialog(Shell parent, DesktopSettings settings, Locale locale) {
        super(parent);
        this.settings = settings;
        this.locale = locale;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Texts.get(locale, "preferences.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().applyTo(area);
        Group group = new Group(area, SWT.NONE);
        group.setText(Texts.get(locale, "preferences.language"));
        GridLayoutFactory.swtDefaults().applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        platform = new Button(group, SWT.RADIO);
        platform.setText(Texts.get(locale, "preferences.platform"));
        english = new Button(group, SWT.RADIO);
        english.setText("English");
        chinese = new Button(group, SWT.RADIO);
        chinese.setText("简体中文");
        String chosen = settings.language().orElse("");
        (chosen.equals("zh") ? chinese : chosen.equals("en") ? english : platform).setSelection(true);
        Label note = new Label(area, SWT.WRAP);
        note.setText(Texts.get(locale, "preferences.restart"));
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(note);
        problem = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(problem);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText(Texts.get(locale, "preferences.save"));
    }

    @Override
    protected void okPressed() {
        try {
            settings.language(chinese.getSelection() ? "zh" : english.getSelection() ? "en" : null);
        } catch (IOException e) {
            problem.setText(Texts.get(locale, "preferences.failed", settings.file(), e.getMessage()));
            problem.getParent().layout(true, true);
            return;
        }
        super.okPressed();
    }

    Button english() {
        return english;
    }

    Button chinese() {
        return chinese;
    }

    Button platform() {
        return platform;
    }
}
