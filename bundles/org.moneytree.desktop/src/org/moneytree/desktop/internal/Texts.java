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
            Map.entry("dataset.none", new String[] {"No dataset yet: File › Import… a purchase file, then Analysis › Run"
                    + " analysis… (or `moneytree analyze FILE`).",
                    "尚无数据集：请先通过“文件 › 导入…”导入购买记录，再运行“分析 › 运行分析…”（或 `moneytree analyze 文件`）。"}),
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
            Map.entry("any", new String[] {"(any)", "（任意）"}),
            Map.entry("cancel", new String[] {"Cancel", "取消"}),
            Map.entry("cancelling", new String[] {"Cancelling %s…", "正在取消 %s…"}),
            Map.entry("more.jobs", new String[] {"(and %d more)", "（另有 %d 项）"}),
            Map.entry("browse", new String[] {"Browse…", "浏览…"}),
            Map.entry("service.missing", new String[] {"The platform service %s is not running; see Help › Plugins… for"
                    + " what failed to start.", "平台服务 %s 未运行；请在“帮助 › 插件…”中查看启动失败的组件。"}),
            Map.entry("import.title", new String[] {"Import", "导入"}),
            Map.entry("import.file", new String[] {"File", "文件"}),
            Map.entry("import.kind", new String[] {"The file holds", "文件内容"}),
            Map.entry("import.encoding", new String[] {"Encoding", "编码"}),
            Map.entry("import.note", new String[] {"CSV or Excel (.xlsx) with a header; purchases also as CDNOW text."
                    + " By default all rows are stored, or none when any row has a problem.",
                    "带表头的 CSV 或 Excel（.xlsx）；购买记录也可为 CDNOW 文本。默认全部行导入，或有任何错误行时全部不导入。"}),
            Map.entry("import.dates", new String[] {"Date forms", "日期格式"}),
            Map.entry("import.decimal", new String[] {"Amounts", "金额格式"}),
            Map.entry("import.ignoreUnknown", new String[] {"Skip columns that match no field",
                    "跳过无法对应字段的列"}),
            Map.entry("import.loadValid", new String[] {"Store the good rows of a file with bad ones (the bad ones are"
                    + " listed)", "有错误行时仍保存正确的行（错误行将被列出）"}),
            Map.entry("import.badpattern", new String[] {"'%s' is not a date form (for example d/M/yyyy).",
                    "“%s”不是日期格式（例如 d/M/yyyy）。"}),
            Map.entry("import.ok", new String[] {"Import", "导入"}),
            Map.entry("import.choose", new String[] {"Choose a file.", "请选择文件。"}),
            Map.entry("import.nofile", new String[] {"There is no file %s.", "文件 %s 不存在。"}),
            Map.entry("import.nodataset", new String[] {"Name the dataset to import into.", "请填写要导入的数据集名称。"}),
            Map.entry("import.job", new String[] {"Importing %s into %s", "正在将 %s 导入 %s"}),
            Map.entry("import.rows", new String[] {"%,d rows read", "已读取 %,d 行"}),
            Map.entry("import.failed", new String[] {"Importing %s failed: %s", "导入 %s 失败：%s"}),
            Map.entry("import.cancelled", new String[] {"The import of %s was cancelled; nothing was stored.",
                    "已取消导入 %s；未保存任何数据。"}),
            Map.entry("import.done", new String[] {"Imported %s rows of %s: %s added, %s updated, %s unchanged, into the"
                    + " dataset %s. Analysis › Run analysis… tiers its customers.",
                    "已导入 %2$s 的 %1$s 行：新增 %3$s，更新 %4$s，未变 %5$s，数据集 %6$s。可通过“分析 › 运行分析…”为客户分级。"}),
            Map.entry("problems.title", new String[] {"The file was refused", "文件被拒绝"}),
            Map.entry("problems.title.partial", new String[] {"Rows were refused", "部分行被拒绝"}),
            Map.entry("problems.refused", new String[] {"%s was refused and nothing was stored: %,d of %,d rows have"
                    + " problems (%,d problems). Correct them and import the file again.",
                    "%s 被拒绝，未保存任何数据：%3$,d 行中有 %2$,d 行有错误（共 %4$,d 处）。请更正后重新导入。"}),
            Map.entry("problems.partial", new String[] {"%s: %,d of %,d rows were refused (%,d problems); the others were"
                    + " stored.", "%s：%3$,d 行中有 %2$,d 行被拒绝（共 %4$,d 处错误）；其余行已保存。"}),
            Map.entry("problems.more", new String[] {"The first %,d problems are listed; %,d more were counted.",
                    "以下列出前 %,d 处错误；另有 %,d 处未列出。"}),
            Map.entry("problems.file", new String[] {"File", "文件"}),
            Map.entry("problems.line", new String[] {"Line", "行"}),
            Map.entry("problems.field", new String[] {"Field", "字段"}),
            Map.entry("problems.message", new String[] {"Found and expected", "发现与期望"}),
            Map.entry("problems.copy", new String[] {"Copy", "复制"}),
            Map.entry("analysis.title", new String[] {"Run analysis", "运行分析"}),
            Map.entry("analysis.length", new String[] {"Periods", "期间"}),
            Map.entry("analysis.scheme", new String[] {"Tier scheme", "分级方案"}),
            Map.entry("analysis.costModel", new String[] {"Cost model", "成本模型"}),
            Map.entry("analysis.note", new String[] {"Profitability with cost to serve, key-account scores and tiers"
                    + " for every period of the dataset; the tiers are kept, replacing an earlier run of a period.",
                    "按期计算含服务成本的盈利能力、关键客户评分和分级；分级将被保存，并替换同期的旧结果。"}),
            Map.entry("analysis.nodatasets", new String[] {"The workspace has no dataset yet: File › Import… a purchase"
                    + " file first.", "工作区尚无数据集：请先通过“文件 › 导入…”导入购买记录。"}),
            Map.entry("analysis.ok", new String[] {"Run", "运行"}),
            Map.entry("analysis.job", new String[] {"Analysing %s", "正在分析 %s"}),
            Map.entry("analysis.profit", new String[] {"Profitability of %s", "%s 的盈利能力"}),
            Map.entry("analysis.tiering", new String[] {"Scores and tiers of %s", "%s 的评分与分级"}),
            Map.entry("analysis.catchup", new String[] {"Reading the new results of %s", "正在读取 %s 的新结果"}),
            Map.entry("analysis.storing", new String[] {"Storing the tiers of %d periods", "正在保存 %d 个期间的分级"}),
            Map.entry("analysis.nopurchases", new String[] {"The dataset %s has no purchases to analyse.",
                    "数据集 %s 没有可分析的购买记录。"}),
            Map.entry("analysis.failed", new String[] {"Analysing %s failed: %s", "分析 %s 失败：%s"}),
            Map.entry("analysis.cancelled", new String[] {"The analysis of %s was cancelled; no tiers were stored.",
                    "已取消分析 %s；未保存分级。"}),
            Map.entry("analysis.done", new String[] {"Analysed %s: %d periods (%s), %s to %s, tiered with %s and kept."
                    + " The latest period has %s customers: %s.",
                    "已分析 %s：%d 个期间（%s），%s 至 %s，按 %s 分级并已保存。最新期间有 %s 位客户：%s。"}),
            Map.entry("export.title", new String[] {"Export view", "导出视图"}),
            Map.entry("export.noview", new String[] {"Choose a view (its tab) with a shown result first.",
                    "请先选择一个已显示结果的视图（其标签页）。"}),
            Map.entry("export.job", new String[] {"Exporting %s to %s", "正在将 %s 导出到 %s"}),
            Map.entry("export.failed", new String[] {"%s could not be written: %s", "无法写入 %s：%s"}),
            Map.entry("export.cancelled", new String[] {"The export was cancelled.", "已取消导出。"}),
            Map.entry("export.analysis.title", new String[] {"Export analysis as PDF", "将分析导出为 PDF"}),
            Map.entry("export.analysis.job", new String[] {"Exporting the analysis of %s to %s", "正在将 %s 的分析导出到 %s"}),
            Map.entry("export.analysis.pdfTitle", new String[] {"Customer profitability — %s, %s", "客户盈利能力 — %s，%s"}),
            Map.entry("export.analysis.empty", new String[] {"No view of %s could be drawn: %s", "%s 没有可绘制的视图：%s"}),
            Map.entry("export.analysis.done", new String[] {"%d views of %s, %s, were written to %s.",
                    "%2$s（%3$s）的 %1$d 个视图已导出到 %4$s。"}),
            Map.entry("export.analysis.left", new String[] {"Left out:\n%s", "未包含：\n%s"}),
            Map.entry("export.done", new String[] {"%s was written to %s.", "%s 已导出到 %s。"}),
            Map.entry("plugins.title", new String[] {"Plugins", "插件"}),
            Map.entry("plugins.installed", new String[] {"Installed features", "已安装的功能"}),
            Map.entry("plugins.feature", new String[] {"Feature", "功能"}),
            Map.entry("plugins.version", new String[] {"Version", "版本"}),
            Map.entry("plugins.name", new String[] {"Name", "名称"}),
            Map.entry("plugins.kind", new String[] {"Kind", "类型"}),
            Map.entry("plugins.product", new String[] {"product", "产品自带"}),
            Map.entry("plugins.plugin", new String[] {"plugin", "插件"}),
            Map.entry("plugins.uninstall", new String[] {"Uninstall", "卸载"}),
            Map.entry("plugins.installFrom", new String[] {"Install from an update site", "从更新站点安装"}),
            Map.entry("plugins.site", new String[] {"Update site", "更新站点"}),
            Map.entry("plugins.siteHint", new String[] {"a folder, or a file:, jar: or https: URI",
                    "文件夹，或 file:、jar:、https: 地址"}),
            Map.entry("plugins.folder", new String[] {"Folder…", "文件夹…"}),
            Map.entry("plugins.install", new String[] {"Install", "安装"}),
            Map.entry("plugins.failures", new String[] {"Bundles and components that failed to start",
                    "启动失败的模块和组件"}),
            Map.entry("plugins.nofailures", new String[] {"None: everything installed is running.",
                    "无：已安装的全部在运行。"}),
            Map.entry("plugins.installing", new String[] {"Installing %s from %s", "正在从 %2$s 安装 %1$s"}),
            Map.entry("plugins.uninstalling", new String[] {"Uninstalling %s", "正在卸载 %s"}),
            Map.entry("plugins.failed", new String[] {"Failed: %s", "失败：%s"}),
            Map.entry("plugins.reading", new String[] {"Reading the installed plugins", "正在读取已安装的插件"}),
            Map.entry("plugins.unreadable", new String[] {"The installed features cannot be listed: %s",
                    "无法列出已安装的功能：%s"}),
            Map.entry("preferences.title", new String[] {"Preferences", "首选项"}),
            Map.entry("preferences.language", new String[] {"Language", "语言"}),
            Map.entry("preferences.platform", new String[] {"The platform's language", "跟随平台语言"}),
            Map.entry("preferences.restart", new String[] {"The language applies at the next start of the desktop"
                    + " client (./moneytree-desktop reads it; -nl on its command line still wins).",
                    "语言将在桌面客户端下次启动时生效（由 ./moneytree-desktop 读取；命令行中的 -nl 优先）。"}),
            Map.entry("preferences.save", new String[] {"Save", "保存"}),
            Map.entry("preferences.failed", new String[] {"%s cannot be written: %s", "无法写入 %s：%s"}));

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
