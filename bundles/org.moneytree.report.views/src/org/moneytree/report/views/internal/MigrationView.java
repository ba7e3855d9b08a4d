package org.moneytree.report.views.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.moneytree.api.profit.Period;
import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ValueType;
import org.moneytree.api.report.ViewChart;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewParameter;
import org.moneytree.api.report.ViewRequest;
import org.moneytree.api.report.ViewTable;
import org.moneytree.api.tier.StoredTier;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierMigration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tier migration between two periods: the matrix of customers from each tier (and new ones) to each tier (and lost
 * ones), as a table and a stacked bar chart, the counts of moves, and who moved up, down, in and out.
 */
@Component(service = ReportView.class)
public final class MigrationView extends StandardView {

    /** At most this many movers per table, the largest by revenue first. */
    static final int MOVERS = 500;

    private static final ViewParameter FROM = new ViewParameter("from", ViewParameter.Kind.PERIOD, false,
            "From period", "起始期间");
    private static final ViewParameter TO = new ViewParameter("to", ViewParameter.Kind.PERIOD, false, "To period",
            "结束期间");

    @Activate
    public MigrationView(@Reference ReportData data) {
        super(data, "migration", "Tier migration", "层级迁移", Group.ANALYSIS);
    }

    /**
     * The migration between two periods' results, computed by the first request that needs it while the others wait,
     * with the view's model per language: comparing a million customers' tiers and ranking the movers takes seconds
     * and hundreds of megabytes, which every request of many users would otherwise spend again (measured: with 50
     * clients on a million customers each request took 42 s while the tables were rebuilt per request). Kept
     * for the last few pairs of results, by identity (the report data hands out one instance per period and run)
     * and weakly, so that results the report data dropped go here too.
     */
    private Migration migration(PeriodResults before, PeriodResults after) {
        Migration entry = null;
        boolean ours = false;
        synchronized (migrations) {
            for (Iterator<Migration> each = migrations.iterator(); each.hasNext();) {
                Migration candidate = each.next();
                PeriodResults from = candidate.before().get();
                PeriodResults to = candidate.after().get();
                if (from == null || to == null) {
                    each.remove();
                } else if (from == before && to == after) {
                    each.remove();
                    entry = candidate;
                }
            }
            if (entry == null) {
                entry = new Migration(new WeakReference<>(before), new WeakReference<>(after),
                        new CompletableFuture<>(), new ConcurrentHashMap<>());
                ours = true;
            }
            migrations.add(entry);
            while (migrations.size() > KEPT_MIGRATIONS) {
                migrations.remove(0);
            }
        }
        if (ours) {
            try {
                entry.migration().complete(TierMigration.between(before.period(), after.period(), before.tiers(),
                        after.tiers()));
            } catch (RuntimeException | Error e) {
                entry.migration().completeExceptionally(e);
                synchronized (migrations) {
                    migrations.remove(entry);
                }
                throw e;
            }
        }
        entry.migration().join();
        return entry;
    }

    private record Migration(WeakReference<PeriodResults> before, WeakReference<PeriodResults> after,
            CompletableFuture<TierMigration> migration, Map<String, ViewModel> models) {
    }

    private static final int KEPT_MIGRATIONS = 4;
    /** The most recently used last. */
    private final List<Migration> migrations = new ArrayList<>();

    @Override
    public List<ViewParameter> parameters() {
        return List.of(FROM, TO);
    }

    @Override
    public ViewModel render(ViewRequest request) throws ViewException {
        Texts t = new Texts(request.locale());
        Period[] chosen = periods(request, t);
        PeriodResults before = data.results(request.dataset(), chosen[0], request.locale());
        PeriodResults after = data.results(request.dataset(), chosen[1], request.locale());
        Migration entry = migration(before, after);
        return entry.models().computeIfAbsent(request.locale().getLanguage(),
                language -> model(request, t, before, after, entry.migration().join()));
    }

    private ViewModel model(ViewRequest request, Texts t, PeriodResults before, PeriodResults after,
            TierMigration migration) {
        int[][] counts = migration.counts();
        long unchanged = 0;
        for (Tier tier : Tier.values()) {
            unchanged += migration.count(tier, tier);
        }
        List<String> rowLabels = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            rowLabels.add(t.tier(tier));
        }
        rowLabels.add(t.of("New", "新增"));
        List<List<Object>> matrix = new ArrayList<>();
        for (int from = 0; from <= TierMigration.ABSENT; from++) {
            List<Object> row = new ArrayList<>();
            row.add(rowLabels.get(from));
            for (int to = 0; to <= TierMigration.ABSENT; to++) {
                // "new" to "lost" is no customer at all
                row.add(from == TierMigration.ABSENT && to == TierMigration.ABSENT ? null : (long) counts[from][to]);
            }
            matrix.add(row);
        }
        List<ViewTable.Column> columns = new ArrayList<>();
        columns.add(t.column("from", "From \\ to", "起始 \\ 结束", ValueType.TEXT));
        for (Tier tier : Tier.values()) {
            columns.add(new ViewTable.Column(tier.id(), t.tier(tier), ValueType.COUNT));
        }
        columns.add(t.column("lost", "Lost", "流失", ValueType.COUNT));
        List<ViewChart.Series> series = new ArrayList<>();
        for (int to = 0; to <= TierMigration.ABSENT; to++) {
            List<ViewChart.Point> points = new ArrayList<>();
            for (int from = 0; from <= TierMigration.ABSENT; from++) {
                points.add(new ViewChart.Point(rowLabels.get(from), counts[from][to]));
            }
            series.add(new ViewChart.Series(to == TierMigration.ABSENT ? "lost" : Tier.values()[to].id(),
                    to == TierMigration.ABSENT ? t.of("Lost", "流失") : t.tier(Tier.values()[to]), points));
        }
        ViewChart chart = new ViewChart("migration", t.format("Where the customers of %s went in %s",
                "%s 期的客户在 %s 期的去向", before.period().id(), after.period().id()), ViewChart.Kind.STACKED_BAR,
                new ViewChart.Axis(t.format("Tier in %s", "%s 期层级", before.period().id()), ValueType.TEXT),
                t.axis("Customers", "客户数", ValueType.COUNT), series, List.of());
        List<ViewTable> tables = new ArrayList<>();
        tables.add(new ViewTable("matrix", t.format("Customers from the tiers of %s to the tiers of %s",
                "从 %s 期层级到 %s 期层级的客户数", before.period().id(), after.period().id()), columns, matrix));
        tables.add(movers("up", t.of("Moved up", "升级"), migration.up(), after.tiers(), t));
        tables.add(movers("down", t.of("Moved down", "降级"), migration.down(), after.tiers(), t));
        tables.add(movers("new", t.of("New customers", "新增客户"), migration.added(), after.tiers(), t));
        tables.add(movers("lost", t.of("Lost customers", "流失客户"), migration.lost(), before.tiers(), t));
        String summary = t.format("From %s to %s, customers moved up: %s, down: %s, new: %s, lost: %s; kept their tier:"
                + " %s.", "从 %s 期到 %s 期：%s 位客户升级，%s 位降级，新增 %s 位，流失 %s 位；%s 位层级不变。",
                before.period().id(), after.period().id(), Texts.count(migration.up().size()),
                Texts.count(migration.down().size()), Texts.count(migration.added().size()),
                Texts.count(migration.lost().size()), Texts.count(unchanged));
        return new ViewModel(id(), title(request, before.period().id() + " → " + after.period().id()), summary, List.of(
                t.figure("up", "Moved up", "升级", ValueType.COUNT, (long) migration.up().size()),
                t.figure("down", "Moved down", "降级", ValueType.COUNT, (long) migration.down().size()),
                t.figure("new", "New", "新增", ValueType.COUNT, (long) migration.added().size()),
                t.figure("lost", "Lost", "流失", ValueType.COUNT, (long) migration.lost().size()),
                t.figure("unchanged", "Unchanged", "不变", ValueType.COUNT, unchanged)),
                List.of(chart), tables, List.of(t.of("Tiers in force in each period, overrides included. Movers are"
                        + " listed by revenue, the largest first; revenue and net profit are those of the later period"
                        + " (of the earlier one for lost customers).",
                        "采用各期生效的层级（包括人工调整）。变动客户按收入从高到低列出；收入与净利润取较晚一期（流失客户取较早一期）。")));
    }

    /** One kind of mover, the largest by revenue first, with the figures of the period they are in. */
    private static ViewTable movers(String id, String title, List<TierMigration.Move> moves, List<StoredTier> tiers,
            Texts t) {
        List<StoredTier> found = moves.stream().map(move -> Amounts.find(tiers, move.customerId())).toList();
        List<Integer> order = new ArrayList<>(moves.size());
        for (int index = 0; index < moves.size(); index++) {
            order.add(index);
        }
        order.sort(Comparator.comparing((Integer index) -> found.get(index).revenue()).reversed());
        List<List<Object>> rows = new ArrayList<>(Math.min(MOVERS, moves.size()));
        for (int index : order.subList(0, Math.min(MOVERS, order.size()))) {
            TierMigration.Move move = moves.get(index);
            StoredTier figures = found.get(index);
            rows.add(Texts.row(move.customerId(), move.from() == null ? null : move.from().id(),
                    move.to() == null ? null : move.to().id(), figures.revenue(), figures.netProfit()));
        }
        return new ViewTable(id, title, List.of(
                t.column("customer", "Customer", "客户", ValueType.CUSTOMER),
                t.column("from_tier", "From", "原层级", ValueType.TIER),
                t.column("to_tier", "To", "新层级", ValueType.TIER),
                t.column("revenue", "Revenue", "收入", ValueType.MONEY),
                t.column("net_profit", "Net profit", "净利润", ValueType.MONEY)), rows, moves.size());
    }

    /**
     * The two periods: as given, or the dataset's latest tiered period and the tiered period of the same length
     * before it; a single period given is paired with its neighbour of the same length.
     */
    private Period[] periods(ViewRequest request, Texts t) throws ViewException {
        Period from = period(request, FROM.id());
        Period to = period(request, TO.id());
        if (from == null || to == null) {
            List<Period> tiered = data.periods(request.dataset());
            if (to == null) {
                to = from == null ? data.latest(request.dataset(), request.locale()) : neighbour(tiered, from, true);
            }
            if (from == null && to != null) {
                from = neighbour(tiered, to, false);
            }
            if (from == null || to == null) {
                throw new ViewException(t.format("Tier migration needs two tiered periods of the same length; dataset"
                        + " '%s' has %s. Run moneytree analyze --dataset %s for another period, or choose the periods.",
                        "层级迁移需要两个长度相同且已分级的期间；数据集 '%s' 已分级的期间：%s。请用 moneytree analyze --dataset %s"
                                + " 分析另一期间，或指定期间。", request.dataset(),
                        String.join(", ", tiered.stream().map(Period::id).toList()), request.dataset()));
            }
        }
        if (from.compareTo(to) >= 0) {
            throw new ViewException(t.format("The period to compare from (%s) must come before the one to compare to"
                    + " (%s).", "起始期间（%s）必须早于结束期间（%s）。", from.id(), to.id()));
        }
        return new Period[] { from, to };
    }

    /** The tiered period of the same length right after (or before) {@code period}, or {@code null}. */
    private static Period neighbour(List<Period> tiered, Period period, boolean after) {
        Period found = null;
        for (Period candidate : tiered) {
            if (candidate.length() != period.length()) {
                continue;
            }
            int order = candidate.compareTo(period);
            if (after ? order > 0 && (found == null || candidate.compareTo(found) < 0)
                    : order < 0 && (found == null || candidate.compareTo(found) > 0)) {
                found = candidate;
            }
        }
        return found;
    }
}
