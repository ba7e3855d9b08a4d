package org.moneytree.importer.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.moneytree.api.archive.ArchiveRecord;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.imports.InputProblem;

/**
 * The checks that look beyond one row, with the line of the row at fault: a record must name a customer of
 * the dataset; a customer file must not give an id twice, and every parent it names must be a customer of
 * the dataset or of the file (known only at the end of the file).
 */
final class RecordChecks<R> {

    private final RecordSchema<R> schema;
    private final String file;
    private final String dataset;
    private final Function<Field, String> columnName;
    private final Set<String> archivedCustomers;
    private final Map<String, Long> customerLines = new HashMap<>();
    private final List<Object[]> parents = new ArrayList<>();

    RecordChecks(RecordSchema<R> schema, String file, String dataset, CustomerArchive archive,
            Function<Field, String> columnName) {
        this.schema = schema;
        this.file = file;
        this.dataset = dataset;
        this.columnName = columnName;
        this.archivedCustomers = schema.kind() == RecordKind.PURCHASES ? Set.of() : archive.customerIds(dataset);
    }

    void check(R record, long line, List<InputProblem> problems) {
        if (record instanceof Customer customer) {
            Long earlier = customerLines.putIfAbsent(customer.id(), line);
            if (earlier != null) {
                problems.add(problem(line, "customer_id", "customer '" + customer.id() + "' is on line " + earlier
                        + " already; a file gives each customer once"));
            }
            if (customer.parentId() != null) {
                parents.add(new Object[] { line, customer.parentId() });
            }
        } else if (record instanceof ArchiveRecord archived && !archivedCustomers.contains(archived.customerId())) {
            problems.add(problem(line, "customer_id", "customer '" + archived.customerId() + "' is not in dataset '"
                    + dataset + "'; import the customers first (moneytree import --kind customers)"));
        }
    }

    /** The problems only the whole file shows. */
    List<InputProblem> atEnd() {
        List<InputProblem> problems = new ArrayList<>();
        for (Object[] parent : parents) {
            String id = (String) parent[1];
            if (!customerLines.containsKey(id) && !archivedCustomers.contains(id)) {
                problems.add(problem((Long) parent[0], "parent_id", "parent '" + id + "' is neither in this file nor"
                        + " in dataset '" + dataset + "'; expected the id of a customer"));
            }
        }
        return problems;
    }

    private InputProblem problem(long line, String field, String message) {
        return new InputProblem(file, line, columnName.apply(schema.field(field)), message);
    }
}
