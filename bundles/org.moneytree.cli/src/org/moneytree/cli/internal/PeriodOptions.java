package org.moneytree.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.PeriodLength;

import picocli.CommandLine.Option;

/** {@code --period-length} and {@code --period}: which periods a command works on. */
final class PeriodOptions {

    @Option(names = "--period-length", paramLabel = "year|quarter|month",
            description = "Length of the analysis periods (default: year, or the length of the --period given).")
    private String length;

    @Option(names = "--period", paramLabel = "PERIOD", split = ",",
            description = "Period to analyse: 2024, 2024-Q3 or 2024-07; repeat or separate by commas."
                    + " Default: every period with purchases.")
    private List<String> periods = new ArrayList<>();

    PeriodLength length() {
        if (length != null) {
            try {
                return PeriodLength.forId(length);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, "--period-length: " + e.getMessage());
            }
        }
        List<Period> given = periods();
        return given.isEmpty() ? PeriodLength.YEAR : given.get(0).length();
    }

    List<Period> periods() {
        List<Period> parsed = new ArrayList<>();
        for (String text : periods) {
            parsed.add(parse(text, "--period"));
        }
        if (length != null) {
            PeriodLength expected = PeriodLength.forId(length);
            for (Period period : parsed) {
                if (period.length() != expected) {
                    throw new CommandFailure(CommandFailure.BAD_INPUT, "--period " + period + " is not a "
                            + expected.id() + ", as --period-length says");
                }
            }
        }
        if (parsed.stream().map(Period::length).distinct().count() > 1) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, "--period: give periods of one length: " + parsed);
        }
        return parsed.stream().distinct().sorted().toList();
    }

    static Period parse(String text, String option) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, option + ": " + e.getMessage());
        }
    }
}
