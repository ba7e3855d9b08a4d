package org.moneytree.desktop.internal;

import java.util.Locale;
import java.util.Map;

/**
 * The desktop client's own texts in English and Simplified Chinese. The views bring their texts themselves (in
 * the request's language); these are the frame around them: menus, buttons, messages.
 */
public final class Texts {

    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("app.title", new String[] {"Moneytree", "摇钱树"}),
            Map.entry("menu.file", new String[] {"&File", "文件(&F)"}),
            Map.entry("menu.quit", new String[] {"&Quit", "退出(&Q)"}),
            Map.entry("menu.views", new String[] {"&Views", "视图(&V)"}),
            Map.entry("menu.perspectives", new String[] {"&Perspectives", "透视图(&P)"}),
            Map.entry("perspective.analysis", new String[] {"Analysis", "分析"}),
            Map.entry("perspective.accounts", new String[] {"Accounts", "客户"}),
            Map.entry("dataset", new String[] {"Dataset", "数据集"}),
            Map.entry("dataset.none", new String[] {"No analysed dataset yet: run `moneytree analyze FILE` first.",
                    "尚无已分析的数据集：请先运行 `moneytree analyze 文件`。"}),
            Map.entry("refresh", new String[] {"Refresh", "刷新"}),
            Map.entry("show", new String[] {"Show", "显示"}),
            Map.entry("filter", new String[] {"Filter", "筛选"}),
            Map.entry("rows.shown", new String[] {"%d of %d rows", "%2$d 行中的 %1$d 行"}),
            Map.entry("rows.cut", new String[] {"The view lists the first %d of %d rows.", "视图只列出 %2$d 行中的前 %1$d 行。"}),
            Map.entry("loading", new String[] {"Loading %s…", "正在加载 %s…"}),
            Map.entry("view.gone", new String[] {"The view '%s' is not installed (its plugin was removed or has not started).",
                    "视图“%s”未安装（其插件已卸载或尚未启动）。"}),
            Map.entry("view.failed", new String[] {"The view '%s' failed: %s", "视图“%s”出错：%s"}),
            Map.entry("no.dataset", new String[] {"Choose a dataset in the toolbar.", "请在工具栏中选择数据集。"}),
            Map.entry("parameter.required", new String[] {"%s is required.", "必须填写%s。"}),
            Map.entry("parameter.integer", new String[] {"%s: '%s' is not a whole number.", "%s：“%s”不是整数。"}),
            Map.entry("parameter.period", new String[] {"%s: '%s' is not a period (2024, 2024-Q3, 2024-07).",
                    "%s：“%s”不是期间（2024、2024-Q3、2024-07）。"}),
            Map.entry("search", new String[] {"Search customers by id or name", "按编号或名称搜索客户"}),
            Map.entry("customer.id", new String[] {"Customer", "客户"}),
            Map.entry("customer.name", new String[] {"Name", "名称"}),
            Map.entry("customer.tier", new String[] {"Tier", "层级"}),
            Map.entry("customer.source", new String[] {"Found in", "来源"}),
            Map.entry("source.archive", new String[] {"archive", "客户档案"}),
            Map.entry("source.tiers", new String[] {"tiers of %s", "%s 的层级"}),
            Map.entry("customers.found", new String[] {"%d customers", "%d 位客户"}),
            Map.entry("any", new String[] {"(any)", "（任意）"}));

    private Texts() {
    }

    /** Whether texts are in Chinese for the locale. */
    public static boolean chinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }

    /** The text with the given key in the locale's language, formatted with the arguments. */
    public static String get(Locale locale, String key, Object... arguments) {
        String[] both = TEXTS.get(key);
        if (both == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        String text = both[chinese(locale) ? 1 : 0];
        return arguments.length == 0 ? text : String.format(locale, text, arguments);
    }
}
