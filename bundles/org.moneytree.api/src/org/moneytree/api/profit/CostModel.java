package org.moneytree.api.profit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The rates that turn a customer's service activities into its cost to serve: the extension point for
 * sector plugins and for users' own rates. Register an implementation as an OSGi service (a Declarative
 * Services component with {@code @Component(service = CostModel.class)}); the platform lists it by
 * {@link #id()} as soon as its bundle starts. The platform ships a model named {@code standard} whose rates
 * come from configuration (PID {@code org.moneytree.costing}).
 * <p>
 * Every activity type recorded for a customer in an analysed period must have a rate: an activity the model
 * does not price stops the analysis with an error naming it, because a silent zero would make the customer
 * look more profitable than it is. Two activity types are derived from purchases and need a rate only if the
 * model wants to charge them: {@link #ORDER_LINE} (every purchase line) and {@link #RETURN_LINE} (every line
 * with negative revenue).
 */
@ConsumerType
public interface CostModel {

    /** The activity derived from every purchase line: handling an order line. */
    String ORDER_LINE = "order_line";

    /** The activity derived from every purchase line with negative revenue: handling a return. */
    String RETURN_LINE = "return_line";

    /** The model's id: short, lower case, unique among installed models, for example {@code retail}. */
    String id();

    /** The model's name for people, in the given language (Simplified Chinese for {@code zh}, else English). */
    String name(Locale locale);

    /** The rate of every activity type the model prices, each type once. */
    List<ActivityRate> rates();

    /**
     * The share of revenue taken as cost of goods for purchase lines whose source gives no cost of goods,
     * as a fraction (0.7 for 70%). The default, zero, counts such lines as pure margin.
     */
    default BigDecimal costOfGoodsShare() {
        return BigDecimal.ZERO;
    }
}
