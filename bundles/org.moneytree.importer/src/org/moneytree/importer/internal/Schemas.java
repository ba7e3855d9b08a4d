package org.moneytree.importer.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.moneytree.api.archive.Contact;
import org.moneytree.api.archive.Contract;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerStatus;
import org.moneytree.api.archive.Expectation;
import org.moneytree.api.archive.Interaction;
import org.moneytree.api.archive.InteractionType;
import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.archive.ServiceActivity;
import org.moneytree.api.purchase.Purchase;

/**
 * The file layout of every kind of record: field names, the English and Chinese header names that also
 * mean them, and the rules a row must keep. {@code docs/importing.md} lists the same for users; keep the
 * two together.
 */
final class Schemas {

    /** Separators of an account team's members in one cell. */
    private static final Pattern TEAM_SEPARATOR = Pattern.compile("\\s*[;；、|]\\s*");

    static final RecordSchema<Purchase> PURCHASES = RecordSchema.<Purchase>of(RecordKind.PURCHASES)
            .text("customer_id", true, 100, "customer", "customerno", "custid", "客户编号", "客户代码", "客户ID")
            .date("order_date", true, "invoicedate", "date", "purchasedate", "订单日期", "日期", "下单日期")
            .amount("revenue", true, "totalprice", "amount", "value", "sales", "dollarvalue", "金额", "销售额", "收入")
            .quantity("quantity", false, "units", "qty", "numberofcds", "数量")
            .text("order_id", false, 100, "invoiceno", "invoice", "orderno", "invoicenumber", "订单号", "订单编号")
            .text("product", false, 200, "stockcode", "sku", "article", "item", "产品", "商品")
            .text("category", false, 200, "productcategory", "productline", "类别", "品类")
            .amount("cost_of_goods", false, "cogs", "cost", "costofsales", "成本", "销售成本")
            .build(Schemas::purchase, purchase -> Arrays.asList(purchase.customerId(), purchase.date(),
                    purchase.revenue(), purchase.quantity(), purchase.orderId(), purchase.product(),
                    purchase.category(), purchase.costOfGoods()));

    static final RecordSchema<Customer> CUSTOMERS = RecordSchema.<Customer>of(RecordKind.CUSTOMERS)
            .text("customer_id", true, 100, "customer", "customerno", "custid", "客户编号", "客户代码", "客户ID")
            .text("name", true, 200, "customername", "客户名称", "名称", "客户")
            .text("industry", false, 100, "sector", "行业")
            .text("region", false, 100, "area", "地区", "区域")
            .text("parent_id", false, 100, "parent", "parentcustomer", "parentaccount", "group", "上级客户", "母公司", "集团")
            .date("first_contact", false, "firstcontactdate", "customersince", "since", "首次接触", "首次联系日期")
            .text("status", false, 20, "状态")
            .text("owner", false, 200, "accountmanager", "keyaccountmanager", "客户经理", "负责人")
            .text("account_team", false, 2000, "team", "客户团队", "团队")
            .build(Schemas::customer, customer -> Arrays.asList(customer.id(), customer.name(), customer.industry(),
                    customer.region(), customer.parentId(), customer.firstContact(), customer.status().id(),
                    customer.owner(), customer.accountTeam().isEmpty() ? null : String.join("; ", customer.accountTeam())));

    static final RecordSchema<Contact> CONTACTS = RecordSchema.<Contact>of(RecordKind.CONTACTS)
            .text("customer_id", true, 100, "customer", "customerno", "custid", "客户编号", "客户代码", "客户ID")
            .text("name", true, 200, "contact", "contactname", "person", "联系人", "姓名")
            .text("role", false, 200, "title", "position", "function", "职务", "角色")
            .text("email", false, 200, "e-mail", "mail", "邮箱", "电子邮件")
            .text("phone", false, 100, "telephone", "tel", "mobile", "电话", "手机")
            .build((schema, row) -> new Contact(row.text("customer_id"), row.text("name"), row.text("role"),
                    row.text("email"), row.text("phone")),
                    contact -> Arrays.asList(contact.customerId(), contact.name(), contact.role(), contact.email(),
                            contact.phone()));

    static final RecordSchema<ServiceActivity> ACTIVITIES = RecordSchema.<ServiceActivity>of(RecordKind.ACTIVITIES)
            .text("customer_id", true, 100, "customer", "customerno", "custid", "客户编号", "客户代码", "客户ID")
            .date("activity_date", true, "date", "日期", "活动日期")
            .text("activity_type", true, 50, "type", "activity", "活动类型", "类型")
            .quantity("quantity", false, "qty", "units", "hours", "数量")
            .text("activity_id", false, 100, "id", "活动编号")
            .text("note", false, 1000, "notes", "comment", "备注")
            .build(Schemas::activity, activity -> Arrays.asList(activity.customerId(), activity.date(),
                    activity.type(), activity.quantity(), activity.activityId(), activity.note()));

    static final RecordSchema<Contract> CONTRACTS = RecordSchema.<Contract>of(RecordKind.CONTRACTS)
            .text("contract_id", true, 100, "contract", "contractno", "agreement", "合同编号", "合同号")
            .text("customer_id", true, 100, "customer", "customerno", "custid", "客户编号", "客户代码", "客户ID")
            .text("title", false, 200, "description", "合同名称", "名称")
            .date("start_date", true, "start", "startdate", "from", "开始日期")
            .date("end_date", false, "end", "enddate", "until", "结束日期")
            .amount("value", true, "amount", "contractvalue", "金额", "合同金额")
            .build(Schemas::contract, contract -> Arrays.asList(contract.contractId(), contract.customerId(),
                    contract.title(), contract.start(), contract.end(), contract.value()));

    static final RecordSchema<Interaction> INTERACTIONS = RecordSchema.<Interaction>of(RecordKind.INTERACTIONS)
            .text("customer_id", true, 100, "customer", "customerno", "custid", "客户编号", "客户代码", "客户ID")
            .date("interaction_date", true, "date", "日期")
            .text("interaction_type", true, 20, "type", "kind", "类型", "互动类型")
            .text("subject", false, 200, "topic", "主题")
            .text("notes", false, 4000, "note", "summary", "记录", "备注")
            .text("author", false, 200, "by", "recordedby", "记录人")
            .text("interaction_id", false, 100, "id", "互动编号")
            .build(Schemas::interaction, interaction -> Arrays.asList(interaction.customerId(), interaction.date(),
                    interaction.type().id(), interaction.subject(), interaction.notes(), interaction.author(),
                    interaction.interactionId()));

    static final RecordSchema<Expectation> EXPECTATIONS = RecordSchema.<Expectation>of(RecordKind.EXPECTATIONS)
            .text("customer_id", true, 100, "customer", "customerno", "custid", "客户编号", "客户代码", "客户ID")
            .text("topic", true, 200, "aspect", "主题", "方面")
            .text("expectation", true, 4000, "text", "need", "expects", "期望", "需求")
            .date("valid_from", true, "date", "since", "日期", "生效日期")
            .text("recorded_by", false, 200, "author", "by", "记录人")
            .build((schema, row) -> new Expectation(row.text("customer_id"), row.text("topic"),
                    row.text("expectation"), row.date("valid_from"), row.text("recorded_by")),
                    expectation -> Arrays.asList(expectation.customerId(), expectation.topic(), expectation.text(),
                            expectation.validFrom(), expectation.recordedBy()));

    private static final Map<RecordKind, RecordSchema<?>> BY_KIND = Map.of(RecordKind.PURCHASES, PURCHASES,
            RecordKind.CUSTOMERS, CUSTOMERS, RecordKind.CONTACTS, CONTACTS, RecordKind.ACTIVITIES, ACTIVITIES,
            RecordKind.CONTRACTS, CONTRACTS, RecordKind.INTERACTIONS, INTERACTIONS, RecordKind.EXPECTATIONS, EXPECTATIONS);

    private Schemas() {
    }

    @SuppressWarnings("unchecked")
    static <R> RecordSchema<R> of(RecordKind kind) {
        return (RecordSchema<R>) BY_KIND.get(kind);
    }

    private static Purchase purchase(RecordSchema<Purchase> schema, ParsedRow row) {
        BigDecimal quantity = row.number("quantity") == null ? BigDecimal.ONE : row.number("quantity");
        BigDecimal revenue = row.number("revenue");
        if (quantity.signum() < 0 && revenue.signum() > 0) {
            row.problem("quantity", "'" + quantity.toPlainString() + "' is negative while revenue is positive;"
                    + " a return needs a negative revenue as well");
            return null;
        }
        return new Purchase(row.text("customer_id"), row.date("order_date"), row.text("order_id"),
                row.text("product"), row.text("category"), quantity, revenue, row.number("cost_of_goods"));
    }

    private static Customer customer(RecordSchema<Customer> schema, ParsedRow row) {
        CustomerStatus status = CustomerStatus.ACTIVE;
        if (row.text("status") != null) {
            status = CustomerStatus.parse(row.text("status"));
            if (status == null) {
                row.problem("status", "'" + RowParser.abbreviate(row.text("status")) + "' is no status; expected"
                        + " prospect, active, dormant or lost (潜在, 活跃, 休眠, 流失)");
            }
        }
        if (row.text("customer_id").equals(row.text("parent_id"))) {
            row.problem("parent_id", "the customer names itself as its parent");
        }
        if (!row.clean()) {
            return null;
        }
        List<String> team = new ArrayList<>();
        if (row.text("account_team") != null) {
            for (String member : TEAM_SEPARATOR.split(row.text("account_team").strip())) {
                if (!member.isEmpty()) {
                    team.add(member);
                }
            }
        }
        return new Customer(row.text("customer_id"), row.text("name"), row.text("industry"), row.text("region"),
                row.text("parent_id"), row.date("first_contact"), status, row.text("owner"), team);
    }

    private static ServiceActivity activity(RecordSchema<ServiceActivity> schema, ParsedRow row) {
        String type = ServiceActivity.typeId(row.text("activity_type"));
        if (type == null) {
            row.problem("activity_type", "'" + RowParser.abbreviate(row.text("activity_type")) + "' is no activity"
                    + " type; expected a name of letters, digits and '_', such as visit, delivery or support_hour");
        }
        BigDecimal quantity = row.number("quantity") == null ? BigDecimal.ONE : row.number("quantity");
        if (quantity.signum() <= 0) {
            row.problem("quantity", "'" + quantity.toPlainString() + "' is not allowed; an activity's quantity"
                    + " must be positive");
        }
        if (!row.clean()) {
            return null;
        }
        return new ServiceActivity(row.text("customer_id"), row.date("activity_date"), type, quantity,
                row.text("activity_id"), row.text("note"));
    }

    private static Contract contract(RecordSchema<Contract> schema, ParsedRow row) {
        if (row.date("end_date") != null && row.date("end_date").isBefore(row.date("start_date"))) {
            row.problem("end_date", row.date("end_date") + " is before the start " + row.date("start_date")
                    + "; expected the last day the contract applies");
        }
        if (row.number("value").signum() < 0) {
            row.problem("value", "'" + row.number("value").toPlainString() + "' is negative; expected the"
                    + " contract's total value");
        }
        if (!row.clean()) {
            return null;
        }
        return new Contract(row.text("contract_id"), row.text("customer_id"), row.text("title"),
                row.date("start_date"), row.date("end_date"), row.number("value"));
    }

    private static Interaction interaction(RecordSchema<Interaction> schema, ParsedRow row) {
        InteractionType type = InteractionType.parse(row.text("interaction_type"));
        if (type == null) {
            row.problem("interaction_type", "'" + RowParser.abbreviate(row.text("interaction_type"))
                    + "' is no interaction type; expected meeting, call, email, visit, complaint or other"
                    + " (会议, 电话, 邮件, 拜访, 投诉, 其他)");
            return null;
        }
        return new Interaction(row.text("customer_id"), row.date("interaction_date"), type, row.text("subject"),
                row.text("notes"), row.text("author"), row.text("interaction_id"));
    }
}
