package org.moneytree.desktop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MDirectMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The Accounts perspective's parts side by side (the account list and the account profile), and the Views menu
 * following the ReportView services as a plugin's bundle stops and starts.
 */
class AccountsAndMenuTest {

    private Desktop desktop;

    @BeforeEach
    void bench() throws Exception {
        desktop = Desktop.bench();
    }

    @AfterEach
    void close() {
        desktop.closeShells();
        desktop.application.remove(Keys.CUSTOMER);
    }

    private static List<String> ids(Table table) {
        List<String> ids = new java.util.ArrayList<>();
        for (int row = 0; row < table.getItemCount(); row++) {
            ids.add(table.getItem(row).getText(0));
        }
        return ids;
    }

    @Test
    void searchingTheAccountListAndChoosingACustomerOpensItsProfile() throws Exception {
        Shell shell = desktop.shell("accounts");
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        Composite left = new Composite(sash, SWT.NONE);
        Composite right = new Composite(sash, SWT.NONE);
        sash.setWeights(30, 70);
        IEclipseContext listContext = desktop.partContext(shell, Locale.ENGLISH);
        listContext.set(Composite.class, left);
        AccountsPart accounts = ContextInjectionFactory.make(AccountsPart.class, listContext);
        IEclipseContext profileContext = desktop.partContext(shell, Locale.ENGLISH);
        profileContext.set(Composite.class, right);
        MPart model = MBasicFactory.INSTANCE.createPart();
        model.getPersistedState().put(Keys.VIEW, "account");
        profileContext.set(MPart.class, model);
        ReportViewPart profile = ContextInjectionFactory.make(ReportViewPart.class, profileContext);
        shell.open();
        desktop.await(accounts.searching());
        desktop.await(profile.rendering());
        assertTrue(accounts.viewer().getTable().getItemCount() >= 8, "an empty search lists the archive's 8 customers"
                + " and then those of the latest period");

        accounts.searchBox().setText("a20");
        List<AccountsPart.Match> found = desktop.await(accounts.searching());
        List<String> ids = ids(accounts.viewer().getTable());
        assertEquals(List.of("A200", "A201", "A202", "A203", "A204"), ids.subList(0, 5), "in id order");
        assertTrue(ids.stream().allMatch(id -> id.startsWith("A20")), "only ids or names with the text: " + ids);
        assertTrue(found.stream().allMatch(match -> !match.name().isEmpty()), "names from the archive: " + found);
        assertTrue(found.stream().anyMatch(match -> match.tier() != null), "tiers of the latest period: " + found);

        accounts.viewer().getTable().select(1);
        accounts.viewer().getTable().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertEquals("A201", desktop.application.get(Keys.CUSTOMER));
        desktop.await(profile.rendering());
        assertEquals("", profile.message());
        assertTrue(profile.content().model().title().contains("A201"), profile.content().model().title());
        assertEquals("A201", ((org.eclipse.swt.widgets.Text) profile.input("customer")).getText());
        desktop.screenshot(shell, "accounts-en");

        accounts.searchBox().setText("zzz");
        desktop.await(accounts.searching());
        assertEquals(0, accounts.viewer().getTable().getItemCount());
    }

    @Test
    void theViewsMenuListsEveryViewByGroupAndFollowsPlugins() throws Exception {
        ViewCatalog catalog = desktop.application.get(ViewCatalog.class);
        Bundle testViews = java.util.Arrays.stream(FrameworkUtil.getBundle(ViewCatalog.class).getBundleContext().getBundles())
                .filter(bundle -> "org.moneytree.testviews".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        testViews.start();
        assertTrue(catalog.view("echo").isPresent(), "the test views are tracked once their bundle runs");

        MMenu menu = MMenuFactory.INSTANCE.createMenu();
        ViewsMenuAddon.fill(menu, catalog.grouped(Locale.ENGLISH));
        assertEquals(List.of("Accounts", "Analysis", "Tests"), menu.getChildren().stream().map(MMenuElement::getLabel).toList());
        MMenu analysis = (MMenu) menu.getChildren().get(1);
        assertEquals(List.of("pareto", "pyramid", "whale", "eroders", "migration").stream().sorted().toList(),
                analysis.getChildren().stream().map(item -> item.getPersistedState().get(Keys.VIEW)).sorted().toList());
        MDirectMenuItem item = (MDirectMenuItem) analysis.getChildren().get(0);
        assertEquals(OpenViewHandler.URI, item.getContributionURI());

        ViewsMenuAddon.fill(menu, catalog.grouped(Locale.SIMPLIFIED_CHINESE));
        assertEquals(List.of("分析", "测试", "客户").stream().sorted().toList(),
                menu.getChildren().stream().map(MMenuElement::getLabel).sorted().toList());

        CountDownLatch changed = new CountDownLatch(2);
        try (AutoCloseable listening = catalog.addListener(changed::countDown)) {
            testViews.stop();
            assertTrue(changed.await(10, TimeUnit.SECONDS), "the catalog hears both test views go");
        }
        assertFalse(catalog.view("echo").isPresent());
        ViewsMenuAddon.fill(menu, catalog.grouped(Locale.ENGLISH));
        assertEquals(List.of("Accounts", "Analysis"), menu.getChildren().stream().map(MMenuElement::getLabel).toList());

        testViews.start();
        ViewsMenuAddon.fill(menu, catalog.grouped(Locale.ENGLISH));
        assertEquals(List.of("Accounts", "Analysis", "Tests"), menu.getChildren().stream().map(MMenuElement::getLabel).toList());
    }

    @Test
    void anOpenPartSaysSoWhenItsViewGoesAndDrawsAgainWhenItComesBack() throws Exception {
        Bundle testViews = java.util.Arrays.stream(FrameworkUtil.getBundle(ViewCatalog.class).getBundleContext().getBundles())
                .filter(bundle -> "org.moneytree.testviews".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        testViews.start();
        ReportViewPart echo = desktop.viewPart("echo", Locale.ENGLISH);
        desktop.await(echo.rendering());
        assertEquals("", echo.message());
        assertEquals(3, echo.content().chart("line").series("values").getYSeries().length);

        testViews.stop();
        desktop.await(echo.rendering().thenCompose(ignored -> waitFor(() -> !echo.message().isEmpty())));
        assertTrue(echo.message().contains("not installed"), echo.message());
        testViews.start();
        desktop.await(waitFor(() -> echo.content() != null));
        assertEquals("", echo.message());
    }

    /** Completes when the condition holds, checked on the UI thread after every event. */
    private java.util.concurrent.CompletableFuture<Void> waitFor(java.util.function.BooleanSupplier condition) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (condition.getAsBoolean()) {
                done.complete(null);
            } else {
                desktop.display.timerExec(20, check[0]);
            }
        };
        desktop.display.asyncExec(check[0]);
        return done;
    }
}
