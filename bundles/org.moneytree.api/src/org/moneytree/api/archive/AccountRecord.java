package org.moneytree.api.archive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the archive knows about one account, for an account profile.
 *
 * @param customer the account
 * @param subsidiaries the ids of the accounts that name this one as their parent, sorted
 * @param contacts its contacts, by name
 * @param contracts its contracts, by start date
 * @param interactions its interactions, newest first
 * @param expectations every version of every expectation, by topic and then oldest first
 * @param activityTotals the quantity of service activities per activity type over all time, by type
 */
public record AccountRecord(Customer customer, List<String> subsidiaries, List<Contact> contacts,
        List<Contract> contracts, List<Interaction> interactions, List<Expectation> expectations,
        Map<String, BigDecimal> activityTotals) {

    public AccountRecord {
        subsidiaries = List.copyOf(subsidiaries);
        contacts = List.copyOf(contacts);
        contracts = List.copyOf(contracts);
        interactions = List.copyOf(interactions);
        expectations = List.copyOf(expectations);
        activityTotals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(activityTotals));
    }

    /** The current expectation on each topic: its latest version, by topic. */
    public List<Expectation> currentExpectations() {
        Map<String, Expectation> latest = new LinkedHashMap<>();
        for (Expectation expectation : expectations) {
            latest.merge(expectation.topic(), expectation,
                    (kept, next) -> next.validFrom().isBefore(kept.validFrom()) ? kept : next);
        }
        return new ArrayList<>(latest.values());
    }
}
