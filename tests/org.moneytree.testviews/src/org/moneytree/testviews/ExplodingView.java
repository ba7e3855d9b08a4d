package org.moneytree.testviews;

import java.util.List;
import java.util.Locale;

import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewParameter;
import org.moneytree.api.report.ViewRequest;
import org.osgi.service.component.annotations.Component;

/** A view that throws while rendering: the console must report it by name and keep working. */
@Component(service = ReportView.class)
public final class ExplodingView implements ReportView {

    @Override
    public String id() {
        return "exploding";
    }

    @Override
    public String title(Locale locale) {
        return "Exploding";
    }

    @Override
    public String group(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "测试" : "Tests";
    }

    @Override
    public List<ViewParameter> parameters() {
        return List.of();
    }

    @Override
    public ViewModel render(ViewRequest request) {
        throw new IllegalStateException("boom from the exploding view");
    }
}
