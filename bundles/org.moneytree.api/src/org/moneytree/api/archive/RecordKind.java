package org.moneytree.api.archive;

import java.util.Locale;

import org.moneytree.api.purchase.Purchase;

/**
 * The kinds of record a dataset keeps, as files, commands and exports name them. Purchases are kept by
 * {@link org.moneytree.api.purchase.PurchaseStore}, the others by {@link CustomerArchive}.
 */
public enum RecordKind {
    PURCHASES("purchases", "购买记录", Purchase.class),
    CUSTOMERS("customers", "客户", Customer.class),
    CONTACTS("contacts", "联系人", Contact.class),
    ACTIVITIES("activities", "服务活动", ServiceActivity.class),
    CONTRACTS("contracts", "合同", Contract.class),
    INTERACTIONS("interactions", "互动记录", Interaction.class),
    EXPECTATIONS("expectations", "客户期望", Expectation.class);

    private final String id;
    private final String chinese;
    private final Class<?> recordType;

    RecordKind(String id, String chinese, Class<?> recordType) {
        this.id = id;
        this.chinese = chinese;
        this.recordType = recordType;
    }

    /** The lower-case English name, as used on the command line. */
    public String id() {
        return id;
    }

    /** The kind's name in the given language: Simplified Chinese for {@code zh}, English otherwise. */
    public String label(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? chinese : id;
    }

    /** The record type of this kind: {@link Purchase} or one of the {@link ArchiveRecord} types. */
    public Class<?> recordType() {
        return recordType;
    }

    /** The kind with the given id, ignoring case and accepting the singular ({@code activity}), or {@code null}. */
    public static RecordKind forId(String id) {
        String wanted = id.strip().toLowerCase(java.util.Locale.ROOT);
        for (RecordKind kind : values()) {
            String singular = kind.id.endsWith("ies") ? kind.id.substring(0, kind.id.length() - 3) + "y"
                    : kind.id.substring(0, kind.id.length() - 1);
            if (kind.id.equals(wanted) || singular.equals(wanted)) {
                return kind;
            }
        }
        return null;
    }
}
