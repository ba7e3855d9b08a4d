package org.moneytree.clv.internal;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.moneytree.api.archive.Contract;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.clv.LifetimeException;

/**
 * Reads a dataset's contracts into renewal histories for the shifted beta-geometric model: each contract is one
 * contract period. Counting at the end of calibration, a customer has completed the contracts that ended by
 * then; one whose contract is still running (or open-ended) is active, one with none running has cancelled at
 * the end of its last completed contract. Gaps between contracts are not held against the customer. Contracts
 * that start after calibration are ignored.
 */
final class ContractRenewals {

    private ContractRenewals() {
    }

    static CalibrationData read(CustomerArchive archive, String dataset, LocalDate calibrationEnd) {
        Map<String, List<Contract>> byCustomer = new TreeMap<>();
        LocalDate[] latestStart = { null };
        archive.forEach(dataset, Contract.class, contract -> {
            byCustomer.computeIfAbsent(contract.customerId(), id -> new ArrayList<>()).add(contract);
            if (latestStart[0] == null || contract.start().isAfter(latestStart[0])) {
                latestStart[0] = contract.start();
            }
        });
        if (byCustomer.isEmpty()) {
            throw new LifetimeException("dataset '" + dataset + "' has no contracts: the contract model (sbg) needs"
                    + " them (import a contracts file with moneytree import FILE --kind contracts --dataset " + dataset
                    + "), or choose bg-nbd or pareto-nbd for purchases");
        }
        LocalDate end = calibrationEnd != null ? calibrationEnd : latestStart[0];
        int n = byCustomer.size();
        String[] ids = new String[n];
        int[] completed = new int[n];
        boolean[] churned = new boolean[n];
        int[] age = new int[n];
        long[] value = new long[n];
        int kept = 0;
        int start = Integer.MAX_VALUE;
        for (Map.Entry<String, List<Contract>> entry : byCustomer.entrySet()) {
            int done = 0;
            boolean running = false;
            LocalDate first = null;
            long cents = 0;
            for (Contract contract : entry.getValue()) {
                if (contract.start().isAfter(end)) {
                    continue;
                }
                first = first == null || contract.start().isBefore(first) ? contract.start() : first;
                cents += contract.value().setScale(2, RoundingMode.HALF_EVEN).movePointRight(2).longValueExact();
                if (contract.end() != null && !contract.end().isAfter(end)) {
                    done++;
                } else {
                    running = true;
                }
            }
            if (first == null) {
                continue;
            }
            ids[kept] = entry.getKey();
            completed[kept] = done;
            churned[kept] = !running;
            age[kept] = (int) (end.toEpochDay() - first.toEpochDay());
            value[kept] = cents;
            start = Math.min(start, (int) first.toEpochDay());
            kept++;
        }
        if (kept == 0) {
            throw new LifetimeException("no contract of dataset '" + dataset + "' starts by " + end
                    + ": choose a later calibration end");
        }
        int[] none = new int[kept];
        Arrays.fill(none, -1);
        return new CalibrationData(CalibrationData.Kind.CONTRACTS, start, (int) end.toEpochDay(), -1,
                Arrays.copyOf(ids, kept), Arrays.copyOf(completed, kept), new int[kept], Arrays.copyOf(age, kept),
                Arrays.copyOf(churned, kept), Arrays.copyOf(value, kept), none, new long[kept], new long[kept],
                new long[0]);
    }
}
