package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.moneytree.api.archive.AccountRecord;
import org.moneytree.api.archive.ArchiveLoad;
import org.moneytree.api.archive.ArchiveRecord;
import org.moneytree.api.archive.Contact;
import org.moneytree.api.archive.Contract;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.archive.CustomerStatus;
import org.moneytree.api.archive.Expectation;
import org.moneytree.api.archive.Interaction;
import org.moneytree.api.archive.InteractionType;
import org.moneytree.api.archive.ServiceActivity;
import org.moneytree.api.purchase.StoreResult;

/** The customer archive through its service, in the configured database (H2, or PostgreSQL in that run). */
class CustomerArchiveTest {

    private final CustomerArchive archive = Services.get(CustomerArchive.class);
    private final String dataset = "archive-" + UUID.randomUUID().toString().substring(0, 8);

    private static Customer customer(String id, String name, String parent) {
        return new Customer(id, name, "wholesale", "华东", parent, LocalDate.parse("2019-03-01"), CustomerStatus.ACTIVE,
                "王芳", List.of("王芳", "Li Lei"));
    }

    @SafeVarargs
    private <R extends ArchiveRecord> StoreResult store(Class<R> type, R... records) {
        try (ArchiveLoad<R> load = archive.openLoad(dataset, type)) {
            for (R record : records) {
                load.add(record);
            }
            return load.commit();
        }
    }

    @Test
    void customersComeBackAsStoredAndAReimportChangesOnlyWhatChanged() {
        Customer group = customer("G1", "华东集团", null);
        Customer subsidiary = customer("S1", "上海分公司", "G1");
        assertEquals(new StoreResult(dataset, 2, 2, 0, 0), store(Customer.class, group, subsidiary));
        assertEquals(List.of(group, subsidiary), archive.customers(dataset));

        Customer renamed = new Customer("S1", "上海分公司（新）", "wholesale", "华东", "G1", LocalDate.parse("2019-03-01"),
                CustomerStatus.DORMANT, "王芳", List.of("Li Lei"));
        assertEquals(new StoreResult(dataset, 2, 0, 1, 1), store(Customer.class, group, renamed));
        assertEquals(List.of(group, renamed), archive.customers(dataset));
        assertEquals(new StoreResult(dataset, 2, 0, 0, 2), store(Customer.class, group, renamed));
    }

    @Test
    void aGroupRollsUpItsSubsidiariesAtEveryLevel() {
        store(Customer.class, customer("G", "Group", null), customer("A", "A", "G"), customer("B", "B", "G"),
                customer("A1", "A one", "A"), customer("X", "Other", null));
        assertEquals(List.of("G", "A", "B", "A1"), archive.group(dataset, "G"));
        assertEquals(List.of("A", "A1"), archive.group(dataset, "A"));
        assertEquals(List.of(), archive.group(dataset, "nobody"));
        assertEquals(List.of("A", "B"), archive.account(dataset, "G").orElseThrow().subsidiaries());
    }

    @Test
    void anUnknownParentOrACycleStoresNothing() {
        store(Customer.class, customer("G", "Group", null));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> store(Customer.class, customer("A", "A", "missing")));
        assertTrue(unknown.getMessage().contains("'missing'"), unknown.getMessage());
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class,
                () -> store(Customer.class, customer("P", "P", "Q"), customer("Q", "Q", "P")));
        assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());
        assertEquals(List.of("G"), archive.customers(dataset).stream().map(Customer::id).toList());
    }

    @Test
    void recordsOfAnUnknownCustomerAreRefused() {
        store(Customer.class, customer("C1", "One", null));
        try (ArchiveLoad<ServiceActivity> load = archive.openLoad(dataset, ServiceActivity.class)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> load.add(
                    new ServiceActivity("C9", LocalDate.parse("2024-01-01"), "visit", BigDecimal.ONE, null, null)));
            assertTrue(refused.getMessage().contains("'C9'"), refused.getMessage());
        }
        assertEquals(0, archive.count(dataset, ServiceActivity.class));
    }

    @Test
    void aLoadClosedWithoutCommitLeavesNothing() {
        try (ArchiveLoad<Customer> load = archive.openLoad(dataset, Customer.class)) {
            load.add(customer("C1", "One", null));
        }
        assertEquals(List.of(), archive.customers(dataset));
    }

    @Test
    void theAccountRecordHoldsEverythingAndKeepsEveryVersionOfAnExpectation() {
        store(Customer.class, customer("C1", "北京贸易有限公司", null));
        Contact buyer = new Contact("C1", "张伟", "采购经理", "zhang.wei@example.cn", "+86 10 5555 0101");
        store(Contact.class, buyer, new Contact("C1", "Anna Schmidt", "decision maker", null, null));
        store(ServiceActivity.class,
                new ServiceActivity("C1", LocalDate.parse("2024-01-03"), "visit", BigDecimal.ONE, null, null),
                new ServiceActivity("C1", LocalDate.parse("2024-01-03"), "visit", BigDecimal.ONE, null, null),
                new ServiceActivity("C1", LocalDate.parse("2024-01-09"), "support_hour", new BigDecimal("2.5"), "T-1", "setup"));
        Contract contract = new Contract("K-1", "C1", "年度供货协议", LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"),
                new BigDecimal("120000.00"));
        store(Contract.class, contract);
        Interaction complaint = new Interaction("C1", LocalDate.parse("2024-02-01"), InteractionType.COMPLAINT,
                "late delivery", "two pallets a week late", "王芳", null);
        Interaction meeting = new Interaction("C1", LocalDate.parse("2024-03-01"), InteractionType.MEETING,
                "annual review", null, "王芳", null);
        store(Interaction.class, complaint, meeting);
        Expectation before = new Expectation("C1", "delivery", "within 5 days", LocalDate.parse("2023-01-01"), "王芳");
        Expectation after = new Expectation("C1", "delivery", "within 48 hours", LocalDate.parse("2024-02-02"), "王芳");
        Expectation price = new Expectation("C1", "price", "volume discount above 100k", LocalDate.parse("2023-06-01"), null);
        store(Expectation.class, before, price);
        assertEquals(new StoreResult(dataset, 2, 1, 0, 1), store(Expectation.class, before, after));

        AccountRecord account = archive.account(dataset, "C1").orElseThrow();
        assertEquals("北京贸易有限公司", account.customer().name());
        assertEquals(List.of("Anna Schmidt", "张伟"), account.contacts().stream().map(Contact::name).toList());
        assertEquals(buyer, account.contacts().get(1));
        assertEquals(List.of(contract), account.contracts());
        assertEquals(List.of(meeting, complaint), account.interactions(), "newest first");
        assertEquals(List.of(before, after, price), account.expectations(), "every version, by topic and date");
        assertEquals(List.of(after, price), account.currentExpectations());
        assertEquals(Map.of("support_hour", new BigDecimal("2.5"), "visit", new BigDecimal("2")), account.activityTotals());
        assertEquals(3, archive.count(dataset, ServiceActivity.class), "two equal visits on one day are two visits");
        assertEquals(new StoreResult(dataset, 3, 0, 0, 3), store(ServiceActivity.class,
                new ServiceActivity("C1", LocalDate.parse("2024-01-03"), "visit", BigDecimal.ONE, null, null),
                new ServiceActivity("C1", LocalDate.parse("2024-01-03"), "visit", BigDecimal.ONE, null, null),
                new ServiceActivity("C1", LocalDate.parse("2024-01-09"), "support_hour", new BigDecimal("2.50"), "T-1",
                        "setup")), "a re-import of the same activities changes nothing");
    }

    @Test
    void forEachPagesThroughEveryRecordOfAKind() {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            customers.add(new Customer("c" + i, "Customer " + i, null, null, null, null, CustomerStatus.ACTIVE, null,
                    List.of()));
        }
        try (ArchiveLoad<Customer> load = archive.openLoad(dataset, Customer.class)) {
            customers.forEach(load::add);
            assertEquals(new StoreResult(dataset, 25_000, 25_000, 0, 0), load.commit());
        }
        List<Customer> back = new ArrayList<>();
        archive.forEach(dataset, Customer.class, back::add);
        assertEquals(customers, back);
        assertEquals(25_000, archive.count(dataset, Customer.class));
    }
}
