package org.moneytree.report.views.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    /** Movers per table and page, the largest by revenue first. */
    static final int MOVERS = 500;

    private static final ViewParameter FROM = new ViewParameter("from", ViewParameter.Kind.PERIOD, false,
            "From period", "起始期间");
    private static final ViewParameter TO = new ViewParameter("to", ViewParameter.Kind.PERIOD, false, "To period",
            "结束期间");
    private static final ViewParameter PAGE = new ViewParameter("page", ViewParameter.Kind.INTEGER, false,
            "Page of movers", "变动客户页码");

    @Activate
    public MigrationView(@Reference ReportData data) {
        super(data, "migration", "Tier migration", "层级迁移", Group.ANALYSIS);
    }

    /**
     * Two periods' migration with its movers ranked by revenue, the largest first; each mover with its figures in the
     * period it is in (the later one, the earlier one for lost customers).
     */
    private record Moves(TierMigration migration, List<Mover> up, List<Mover> down, List<Mover> added,
            List<Mover> lost) {
    }

    private record Mover(TierMigration.Move move, StoredTier figures) {
    }

    /**
     * Comparing a million customers' tiers and ranking the movers takes seconds and hundreds of megabytes; kept for
     * the last few pairs of results, for every page and language of the view.
     */
    private final ResultsMemo<Moves> moves = new ResultsMemo<>(4);

    @Override
    public List<ViewParameter> parameters() {
        return List.of(FROM, TO, PAGE);
    }

    @Override
    public ViewModel render(ViewRequest request) throws ViewException {
        Texts t = new Texts(request.locale());
        int page = page(request, t);
        Period[] chosen = periods(request, t);
        PeriodResults before = data.results(request.dataset(), chosen[0], request.locale());
        PeriodResults after = data.results(request.dataset(), chosen[1], request.locale());
        return model(request, List.of(before, after), () -> {
            Moves found = moves.get(List.of(before, after), "", () -> moves(before, after));
            return model(request, t, before, after, found, page);
        });
    }

    private static Moves moves(PeriodResults before, PeriodResults after) {
        TierMigration migration = TierMigration.between(before.period(), after.period(), before.tiers(), after.tiers());
        return new Moves(migration, ranked(migration.up(), after.tiers()), ranked(migration.down(), after.tiers()),
                ranked(migration.added(), after.tiers()), ranked(migration.lost(), before.tiers()));
    }

    private static List<Mover> ranked(List<TierMigration.Move> moves, List<StoredTier> tiers) {
        List<Mover> movers = new ArrayList<>(moves.size());
        for (TierMigration.Move move : moves) {
            movers.add(new Mover(move, Amounts.find(tiers, move.customerId())));
        }
        movers.sort(Comparator.comparing((Mover mover) -> mover.figures().revenue()).reversed());
        return movers;
    }

    /** The page of movers asked for, from 1. */
    private static int page(ViewRequest request, Texts t) throws ViewException {
        String given = request.parameter(PAGE.id()).map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
        if (given == null) {
            return 1;
        }
        try {
            int page = Integer.parseInt(given);
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ViewException(t.format("page: '%s' is not a page number (1, 2, 3 ...).",
                "page：'%s' 不是有效的页码（1、2、3……）。", given));
    }

    private ViewModel model(ViewRequest request, Texts t, PeriodResults before, PeriodResults after, Moves moves,
            int page) {
        TierMigration migration = moves.migration();
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
        tables.add(movers("up", t.of("Moved up", "升级"), moves.up(), page, t));
        tables.add(movers("down", t.of("Moved down", "降级"), moves.down(), page, t));
        tables.add(movers("new", t.of("New customers", "新增客户"), moves.added(), page, t));
        tables.add(movers("lost", t.of("Lost customers", "流失客户"), moves.lost(), page, t));
        int largest = Math.max(Math.max(moves.up().size(), moves.down().size()),
                Math.max(moves.added().size(), moves.lost().size()));
        int pages = Math.max(1, (largest + MOVERS - 1) / MOVERS);
        List<String> notes = new ArrayList<>(List.of(t.of("Tiers in force in each period, overrides included. Movers"
                + " are listed by revenue, the largest first; revenue and net profit are those of the later period (of"
                + " the earlier one for lost customers).", "采用各期生效的层级（包括人工调整）。变动客户按收入从高到低列出；"
                        + "收入与净利润取较晚一期（流失客户取较早一期）。")));
        if (pages > 1) {
            notes.add(t.format("Movers are listed %d to a page: this is page %d of %d (parameter page).",
                    "变动客户每页列出 %d 位：当前为第 %d 页，共 %d 页（参数 page）。", MOVERS, page, pages));
        }
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
                List.of(chart), tables, notes);
    }

    /** One page of one kind of mover, the largest by revenue first, with the figures of the period they are in. */
    private static ViewTable movers(String id, String title, List<Mover> movers, int page, Texts t) {
        int from = Math.min(movers.size(), (page - 1) * MOVERS);
        int to = Math.min(movers.size(), from + MOVERS);
        List<List<Object>> rows = new ArrayList<>(to - from);
        for (Mover mover : movers.subList(from, to)) {
            TierMigration.Move move = mover.move();
            rows.add(Texts.row(move.customerId(), move.from() == null ? null : move.from().id(),
                    move.to() == null ? null : move.to().id(), mover.figures().revenue(), mover.figures().netProfit()));
        }
        String shown = movers.size() <= MOVERS ? title : from == to
                ? t.format("%s (none on page %d)", "%s（第 %d 页无数据）", title, page)
                : t.format("%s (%s to %s of %s)", "%s（第 %s 至 %s 位，共 %s 位）", title, Texts.count(from + 1),
                        Texts.count(to), Texts.count(movers.size()));
        return new ViewTable(id, shown, List.of(
                t.column("customer", "Customer", "客户", ValueType.CUSTOMER),
                t.column("from_tier", "From", "原层级", ValueType.TIER),
                t.column("to_tier", "To", "新层级", ValueType.TIER),
                t.column("revenue", "Revenue", "收入", ValueType.MONEY),
                t.column("net_profit", "Net profit", "净利润", ValueType.MONEY)), rows, movers.size());
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
