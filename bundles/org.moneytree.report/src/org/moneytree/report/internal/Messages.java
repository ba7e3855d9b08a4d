package org.moneytree.report.internal;

import java.util.List;
import java.util.Locale;

import org.moneytree.api.profit.Period;

/** The report data's messages to users, in English or Simplified Chinese. */
final class Messages {

    private final boolean chinese;

    Messages(Locale locale) {
        this.chinese = locale != null && "zh".equals(locale.getLanguage());
    }

    String noDataset(String dataset, List<String> datasets) {
        String known = datasets.isEmpty() ? (chinese ? "工作区中还没有数据集" : "the workspace has none yet")
                : String.join(", ", datasets);
        return chinese ? "没有名为 '" + dataset + "' 的数据集（现有数据集：" + known + "）。"
                : "There is no dataset '" + dataset + "' (datasets: " + known + ").";
    }

    String notAnalysed(String dataset) {
        return chinese ? "数据集 '" + dataset + "' 还没有分级结果：请先运行 moneytree analyze --dataset " + dataset + "。"
                : "Dataset '" + dataset + "' has not been tiered yet: run moneytree analyze --dataset " + dataset
                        + " first.";
    }

    String noRun(String dataset, Period period, List<Period> periods) {
        String known = String.join(", ", periods.stream().map(Period::id).toList());
        return chinese ? "数据集 '" + dataset + "' 没有 " + period.id() + " 期的分级结果。已分级的期间：" + known
                + "。如需该期间，请运行 moneytree analyze --dataset " + dataset + " --period " + period.id() + "。"
                : "Dataset '" + dataset + "' has no tiering run for " + period.id() + ". Periods with one: " + known
                        + ". To add it, run moneytree analyze --dataset " + dataset + " --period " + period.id() + ".";
    }

    String analysisFailed(String dataset, Period period, String costModel, String reason) {
        return chinese ? "无法重新计算数据集 '" + dataset + "' " + period.id() + " 期的盈利数据（成本模型 " + costModel + "）："
                + reason
                : "The profitability of " + period.id() + " in dataset '" + dataset + "' cannot be recomputed (cost model "
                        + costModel + "): " + reason;
    }
}
