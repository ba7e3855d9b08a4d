package org.moneytree.report.views.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.moneytree.api.archive.AccountRecord;
import org.moneytree.api.archive.Contact;
import org.moneytree.api.archive.Contract;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.archive.Expectation;
import org.moneytree.api.archive.Interaction;
import org.moneytree.api.profit.CostLine;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.report.KeyFigure;
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
import org.moneytree.api.scoring.ScoreExplanation;
import org.moneytree.api.scoring.ScoringModel;
import org.moneytree.api.tier.StoredTier;
import org.moneytree.api.tier.TierHistory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * One account's profile: who it is and which group it belongs to, its figures in a period (revenue, gross margin,
 * cost to serve by activity, net profit, score criterion by criterion, tier), its tier history, and what the archive
 * keeps about it (contacts, contracts, interactions, expectations with their history).
 */
@Component(service = ReportView.class)
public final class AccountView extends StandardView {

    /** At most this many interactions and group members: the newest interactions, the group's first members. */
    static final int LISTED = 50;

    private static final ViewParameter CUSTOMER = new ViewParameter("customer", ViewParameter.Kind.CUSTOMER, true,
            "Customer", "客户");

    private final CustomerArchive archive;
    private final TierHistory history;
    private final ScoringModel scoring;
    private final ActivityNames names;

    @Activate
    public AccountView(@Reference ReportData data, @Reference CustomerArchive archive, @Reference TierHistory history,
            @Reference ScoringModel scoring, @Reference ActivityNames names) {
        super(data, "account", "Account profile", "客户档案", Group.ACCOUNTS);
        this.archive = archive;
        this.history = history;
        this.scoring = scoring;
        this.names = names;
    }

    @Override
    public List<ViewParameter> parameters() {
        return List.of(CUSTOMER, PERIOD);
    }

    @Override
    public ViewModel render(ViewRequest request) throws ViewException {
        Texts t = new Texts(request.locale());
        String dataset = request.dataset();
        String customerId = request.parameter(CUSTOMER.id()).map(String::strip).filter(id -> !id.isEmpty())
                .orElseThrow(() -> new ViewException(t.of("Which customer? The account profile needs a customer id.",
                        "请指定客户：客户档案需要客户编号。")));
        Optional<AccountRecord> account = archive.account(dataset, customerId);
        List<StoredTier> tiers = history.history(dataset, customerId);
        if (account.isEmpty() && tiers.isEmpty()) {
            throw new ViewException(t.format("There is no customer '%s' in dataset '%s': it is neither in the archive"
                    + " nor in any tiered period.", "数据集 '%2$s' 中没有客户 '%1$s'：档案和已分级的期间中都没有它。", customerId,
                    dataset));
        }
        Period period = period(request, PERIOD.id());
        if (period == null) {
            List<Period> tiered = data.periods(dataset);
            period = !tiers.isEmpty() ? tiers.get(tiers.size() - 1).period()
                    : tiered.isEmpty() ? null : tiered.get(tiered.size() - 1);
        }
        PeriodResults results = period == null ? null : data.results(dataset, period, request.locale());
        StoredTier stored = results == null ? null : Amounts.find(results.tiers(), customerId);
        ProfitReport report = results == null ? null : results.report();
        int index = report == null ? -1 : report.indexOf(customerId);
        CustomerProfit profit = index >= 0 ? report.customers().get(index) : null;
        Customer customer = account.map(AccountRecord::customer).orElse(null);

        List<String> notes = new ArrayList<>();
        List<KeyFigure> figures = new ArrayList<>(List.of(
                t.figure("revenue", "Revenue", "收入", ValueType.MONEY,
                        profit != null ? profit.revenue() : stored != null ? stored.revenue() : null),
                t.figure("gross_margin", "Gross margin", "毛利", ValueType.MONEY, profit == null ? null : profit.grossMargin()),
                t.figure("cost_to_serve", "Cost to serve", "服务成本", ValueType.MONEY,
                        profit == null ? null : profit.costToServe()),
                t.figure("net_profit", "Net profit", "净利润", ValueType.MONEY,
                        profit != null ? profit.netProfit() : stored != null ? stored.netProfit() : null),
                t.figure("score", "Score", "评分", ValueType.SCORE, stored == null ? null : stored.score()),
                t.figure("tier", "Tier", "层级", ValueType.TIER, stored == null ? null : stored.tier().id())));
        List<ViewTable> tables = new ArrayList<>();
        if (customer != null) {
            tables.add(profile(t, account.get()));
            group(t, dataset, customer, results, figures, tables);
        } else {
            notes.add(t.format("%s is not in the archive: only its figures are known.", "档案中没有 %s：只有其数据。",
                    customerId));
        }
        if (period == null) {
            notes.add(t.format("Dataset '%s' has no tiered period yet: run moneytree analyze --dataset %s.",
                    "数据集 '%s' 还没有已分级的期间：请运行 moneytree analyze --dataset %s。", dataset, dataset));
        } else if (stored == null) {
            notes.add(t.format("%s has no figures in %s.", "%s 在 %s 期没有数据。", customerId, period.id()));
        } else if (profit == null) {
            notes.add(t.format("The cost breakdown and the score's reasons need the purchases of %s imported (it was"
                    + " analysed straight from a file).", "成本明细和评分依据需要导入 %s 期的购买记录（该期间是直接从文件分析的）。",
                    period.id()));
        }
        if (profit != null && stored != null) {
            ScoreExplanation explanation = scoring.explain(results.scores(), customerId, request.locale());
            tables.add(score(t, explanation));
            if (Math.abs(explanation.score() - stored.score()) >= 0.01) {
                notes.add(t.format("The tier was decided on a score of %.2f; with today's criteria and data the score"
                        + " is %.2f.", "层级依据的评分为 %.2f；按当前的评分标准与数据，评分为 %.2f。", stored.score(),
                        explanation.score()));
            }
            tables.add(costs(t, profit, report.costModel()));
        }
        List<ViewChart> charts = new ArrayList<>();
        if (!tiers.isEmpty()) {
            tables.add(tierHistory(t, tiers));
            charts.addAll(historyCharts(t, tiers));
        }
        account.ifPresent(record -> tables.addAll(archived(t, record)));
        String name = customer == null ? customerId : customer.name() + " (" + customerId + ")";
        String summary = stored == null ? name
                : t.format("%s: %s in %s, net profit %s, score %.1f.", "%1$s：%3$s 期为%2$s客户，净利润 %4$s，评分 %5$.1f。", name,
                        t.tier(stored.tier()), period.id(), Texts.money(profit != null ? profit.netProfit()
                                : stored.netProfit()), stored.score());
        return new ViewModel(id(), title(request.locale()) + " — " + name + ", " + dataset
                + (period == null ? "" : ", " + period.id()), summary, figures, charts, tables, notes);
    }

    private static ViewTable profile(Texts t, AccountRecord account) {
        Customer customer = account.customer();
        List<List<Object>> rows = new ArrayList<>();
        addRow(rows, t.of("Name", "名称"), customer.name());
        addRow(rows, t.of("Status", "状态"), customer.status().label(t.locale()));
        addRow(rows, t.of("Industry", "行业"), customer.industry());
        addRow(rows, t.of("Region", "地区"), customer.region());
        addRow(rows, t.of("Parent account", "上级客户"), customer.parentId());
        addRow(rows, t.of("Subsidiaries", "下属客户"), account.subsidiaries().isEmpty() ? null
                : String.join(", ", account.subsidiaries()));
        addRow(rows, t.of("First contact", "首次接触"), text(customer.firstContact()));
        addRow(rows, t.of("Account owner", "客户负责人"), customer.owner());
        addRow(rows, t.of("Account team", "客户团队"), customer.accountTeam().isEmpty() ? null
                : String.join(", ", customer.accountTeam()));
        return new ViewTable("profile", t.of("Account", "客户"), List.of(
                t.column("field", "Field", "项目", ValueType.TEXT), t.column("value", "Value", "内容", ValueType.TEXT)),
                rows);
    }

    private static void addRow(List<List<Object>> rows, String field, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(List.of(field, value));
        }
    }

    /**
     * The group the account belongs to, from its top account down, with each member's figures in the period, and
     * the group's revenue and net profit as key figures; nothing for an account alone.
     */
    private void group(Texts t, String dataset, Customer customer, PeriodResults results, List<KeyFigure> figures,
            List<ViewTable> tables) {
        Customer top = customer;
        Set<String> seen = new HashSet<>();
        while (top.parentId() != null && seen.add(top.id())) {
            Optional<Customer> parent = archive.customer(dataset, top.parentId());
            if (parent.isEmpty()) {
                break;
            }
            top = parent.get();
        }
        List<String> members = archive.group(dataset, top.id());
        if (members.size() < 2) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal netProfit = BigDecimal.ZERO;
        for (String member : members) {
            StoredTier stored = results == null ? null : Amounts.find(results.tiers(), member);
            if (stored != null) {
                revenue = revenue.add(stored.revenue());
                netProfit = netProfit.add(stored.netProfit());
            }
            if (rows.size() < LISTED) {
                String name = member.equals(customer.id()) ? customer.name()
                        : archive.customer(dataset, member).map(Customer::name).orElse(null);
                rows.add(Texts.row(member, name, stored == null ? null : stored.tier().id(),
                        stored == null ? null : stored.revenue(), stored == null ? null : stored.netProfit()));
            }
        }
        if (results != null) {
            figures.add(t.figure("group_revenue", "Group revenue", "集团收入", ValueType.MONEY, revenue));
            figures.add(t.figure("group_net_profit", "Group net profit", "集团净利润", ValueType.MONEY, netProfit));
        }
        tables.add(new ViewTable("group", t.format("Group of %s (%s)", "%s（%s）所属集团", top.name(), top.id()), List.of(
                t.column("customer", "Customer", "客户", ValueType.CUSTOMER),
                t.column("name", "Name", "名称", ValueType.TEXT),
                t.column("tier", "Tier", "层级", ValueType.TIER),
                t.column("revenue", "Revenue", "收入", ValueType.MONEY),
                t.column("net_profit", "Net profit", "净利润", ValueType.MONEY)), rows, members.size()));
    }

    private static ViewTable score(Texts t, ScoreExplanation explanation) {
        List<List<Object>> rows = new ArrayList<>();
        for (ScoreExplanation.Contribution contribution : explanation.contributions()) {
            rows.add(Texts.row(contribution.criterion().name(), contribution.value(), contribution.criterion().weight(),
                    contribution.points(), contribution.detail()));
        }
        return new ViewTable("score", t.format("Score by criterion: %.1f", "各标准评分：%.1f", explanation.score()), List.of(
                t.column("criterion", "Criterion", "标准", ValueType.TEXT),
                t.column("value", "Value (0–1)", "取值（0–1）", ValueType.NUMBER),
                t.column("weight", "Weight", "权重", ValueType.NUMBER),
                t.column("points", "Points", "得分", ValueType.SCORE),
                t.column("reason", "Reason", "依据", ValueType.TEXT)), rows);
    }

    private ViewTable costs(Texts t, CustomerProfit profit, String costModel) {
        List<List<Object>> rows = new ArrayList<>();
        for (CostLine line : profit.costs()) {
            rows.add(Texts.row(names.name(costModel, line.activityType(), t.locale()), line.quantity(), line.rate(),
                    line.cost()));
        }
        return new ViewTable("costs", t.of("Cost to serve by activity", "按活动的服务成本"), List.of(
                t.column("activity", "Activity", "活动", ValueType.TEXT),
                t.column("quantity", "Quantity", "数量", ValueType.NUMBER),
                t.column("rate", "Rate", "单价", ValueType.MONEY),
                t.column("cost", "Cost", "成本", ValueType.MONEY)), rows);
    }

    private static ViewTable tierHistory(Texts t, List<StoredTier> tiers) {
        List<List<Object>> rows = new ArrayList<>();
        for (StoredTier stored : tiers) {
            String override = stored.override() == null ? null
                    : t.format("%s instead of %s, by %s: %s", "由 %3$s 从%2$s调整为%1$s：%4$s", t.tier(stored.tier()),
                            t.tier(stored.computedTier()), stored.override().author(), stored.override().reason());
            rows.add(Texts.row(stored.period().id(), stored.tier().id(), stored.score(), stored.revenue(),
                    stored.netProfit(), stored.reason(), override));
        }
        return new ViewTable("history", t.of("Tier history", "层级历史"), List.of(
                t.column("period", "Period", "期间", ValueType.PERIOD),
                t.column("tier", "Tier", "层级", ValueType.TIER),
                t.column("score", "Score", "评分", ValueType.SCORE),
                t.column("revenue", "Revenue", "收入", ValueType.MONEY),
                t.column("net_profit", "Net profit", "净利润", ValueType.MONEY),
                t.column("reason", "Reason", "依据", ValueType.TEXT),
                t.column("override", "Override", "人工调整", ValueType.TEXT)), rows);
    }

    /** Net profit and score over the tiered periods, one bar per period. */
    private static List<ViewChart> historyCharts(Texts t, List<StoredTier> tiers) {
        List<ViewChart.Point> profit = new ArrayList<>();
        List<ViewChart.Point> score = new ArrayList<>();
        for (StoredTier stored : tiers) {
            String tier = t.tier(stored.tier());
            profit.add(new ViewChart.Point(stored.period().id(), stored.netProfit().doubleValue(), tier, null));
            score.add(new ViewChart.Point(stored.period().id(), stored.score(), tier, null));
        }
        ViewChart.Axis periods = t.axis("Period", "期间", ValueType.PERIOD);
        return List.of(
                new ViewChart("history_net_profit", t.of("Net profit by period", "各期净利润"), ViewChart.Kind.BAR, periods,
                        t.axis("Net profit", "净利润", ValueType.MONEY),
                        List.of(new ViewChart.Series("net_profit", t.of("Net profit", "净利润"), profit)), List.of()),
                new ViewChart("history_score", t.of("Score by period", "各期评分"), ViewChart.Kind.BAR, periods,
                        t.axis("Score", "评分", ValueType.SCORE),
                        List.of(new ViewChart.Series("score", t.of("Score", "评分"), score)), List.of()));
    }

    /** What the archive keeps besides the customer: contacts, contracts, interactions and expectations. */
    private static List<ViewTable> archived(Texts t, AccountRecord account) {
        List<ViewTable> tables = new ArrayList<>();
        List<List<Object>> contacts = new ArrayList<>();
        for (Contact contact : account.contacts()) {
            contacts.add(Texts.row(contact.name(), contact.role(), contact.email(), contact.phone()));
        }
        tables.add(new ViewTable("contacts", t.of("Contacts", "联系人"), List.of(
                t.column("name", "Name", "姓名", ValueType.TEXT), t.column("role", "Role", "角色", ValueType.TEXT),
                t.column("email", "E-mail", "电子邮件", ValueType.TEXT), t.column("phone", "Phone", "电话", ValueType.TEXT)),
                contacts));
        List<List<Object>> contracts = new ArrayList<>();
        for (Contract contract : account.contracts()) {
            contracts.add(Texts.row(contract.contractId(), contract.title(), text(contract.start()), text(contract.end()),
                    contract.value()));
        }
        tables.add(new ViewTable("contracts", t.of("Contracts", "合同"), List.of(
                t.column("contract", "Contract", "合同编号", ValueType.TEXT), t.column("title", "Title", "名称", ValueType.TEXT),
                t.column("start", "Start", "开始", ValueType.DATE), t.column("end", "End", "结束", ValueType.DATE),
                t.column("value", "Value", "金额", ValueType.MONEY)), contracts));
        List<List<Object>> interactions = new ArrayList<>();
        for (Interaction interaction : account.interactions().subList(0, Math.min(LISTED, account.interactions().size()))) {
            interactions.add(Texts.row(text(interaction.date()), interaction.type().label(t.locale()),
                    interaction.subject(), interaction.notes(), interaction.author()));
        }
        tables.add(new ViewTable("interactions", t.of("Interactions, newest first", "互动记录（最新在前）"), List.of(
                t.column("date", "Date", "日期", ValueType.DATE), t.column("type", "Type", "类型", ValueType.TEXT),
                t.column("subject", "Subject", "主题", ValueType.TEXT), t.column("notes", "Notes", "备注", ValueType.TEXT),
                t.column("author", "By", "记录人", ValueType.TEXT)), interactions, account.interactions().size()));
        List<Expectation> current = account.currentExpectations();
        List<List<Object>> expectations = new ArrayList<>();
        for (Expectation expectation : account.expectations()) {
            expectations.add(Texts.row(expectation.topic(), expectation.text(), text(expectation.validFrom()),
                    expectation.recordedBy(), current.contains(expectation) ? t.of("current", "当前")
                            : t.of("earlier", "以前")));
        }
        tables.add(new ViewTable("expectations", t.of("Expectations and their history", "期望及其历史"), List.of(
                t.column("topic", "Topic", "主题", ValueType.TEXT), t.column("expectation", "Expectation", "期望", ValueType.TEXT),
                t.column("valid_from", "Since", "起始日期", ValueType.DATE),
                t.column("recorded_by", "Recorded by", "记录人", ValueType.TEXT),
                t.column("status", "Status", "状态", ValueType.TEXT)), expectations));
        return tables;
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
