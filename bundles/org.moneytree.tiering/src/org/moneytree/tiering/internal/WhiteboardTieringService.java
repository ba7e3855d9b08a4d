package org.moneytree.tiering.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierColumns;
import org.moneytree.api.tier.TierScheme;
import org.moneytree.api.tier.TierSchemeException;
import org.moneytree.api.tier.TierSchemeInfo;
import org.moneytree.api.tier.TierSummary;
import org.moneytree.api.tier.TieringResult;
import org.moneytree.api.tier.TieringService;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Tracks the {@link TierScheme} whiteboard and runs schemes defensively: a scheme's exception or incomplete
 * answer becomes a {@link TierSchemeException} naming the plugin, never a failure of the platform.
 */
@Component(service = TieringService.class)
public final class WhiteboardTieringService implements TieringService {

    /** A registered scheme and the bundle that registered it. */
    private record Registered(TierScheme scheme, String id, String bundle, long serviceId) {
    }

    /** Registered schemes by service id; of two schemes with one id, the earlier registered is used. */
    private final Map<Long, Registered> registrations = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addScheme(TierScheme scheme, ServiceReference<TierScheme> reference) {
        String id = schemeId(reference);
        if (id != null) {
            long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
            registrations.put(serviceId, new Registered(scheme, id, reference.getBundle().getSymbolicName(), serviceId));
        }
    }

    void removeScheme(ServiceReference<TierScheme> reference) {
        registrations.remove((Long) reference.getProperty(Constants.SERVICE_ID));
    }

    /** The schemes in use, by id: registrations in service id order, so the first of an id wins. */
    private Map<String, Registered> schemesById() {
        Map<String, Registered> byId = new TreeMap<>();
        registrations.values().forEach(registered -> byId.putIfAbsent(registered.id(), registered));
        return byId;
    }

    private static String schemeId(ServiceReference<TierScheme> reference) {
        Object id = reference.getProperty(TierScheme.SCHEME_ID_PROPERTY);
        return id instanceof String text && !text.isBlank() ? text : null;
    }

    @Override
    public List<TierSchemeInfo> schemes(Locale locale) {
        List<TierSchemeInfo> infos = new ArrayList<>();
        for (Registered registered : schemesById().values()) {
            try {
                infos.add(info(registered, locale));
            } catch (RuntimeException e) {
                infos.add(new TierSchemeInfo(registered.id(), registered.id(),
                        "(this scheme failed to describe itself: " + e + ")", registered.bundle()));
            }
        }
        infos.sort(Comparator.comparing(TierSchemeInfo::id));
        return infos;
    }

    private static TierSchemeInfo info(Registered registered, Locale locale) {
        return new TierSchemeInfo(registered.id(), registered.scheme().name(locale),
                registered.scheme().description(locale), registered.bundle());
    }

    @Override
    public TieringResult assign(String schemeId, Scores scores, Locale locale) throws TierSchemeException {
        int customers = scores.report().customers().size();
        Map<String, Registered> schemes = schemesById();
        Registered registered = schemes.get(schemeId);
        if (registered == null) {
            throw new TierSchemeException("no tier scheme '" + schemeId + "'; installed schemes: "
                    + String.join(", ", schemes.keySet()));
        }
        List<TierAssignment> assignments;
        TierSchemeInfo info;
        try {
            info = info(registered, locale);
            assignments = customers == 0 ? List.of() : registered.scheme().assign(scores);
            if (assignments instanceof TierColumns columns && !columns.isEmpty()) {
                // reasons are written later, when read: a scheme whose reasons fail should fail here, named
                for (int index : new int[] { 0, columns.size() - 1 }) {
                    byte[] text = columns.reason(index).getBytes(StandardCharsets.UTF_8);
                    byte[] written = new byte[text.length + 16];
                    int length = columns.writeReason(index, written, 8);
                    if (!Arrays.equals(text, 0, text.length, written, 8, 8 + Math.max(0, length))) {
                        throw new IllegalStateException("the reason of customer #" + index + " written as bytes"
                                + " is not its text in UTF-8: '" + new String(written, 8, Math.max(0, length),
                                        StandardCharsets.UTF_8) + "' for '" + columns.reason(index)
                                + "'");
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            throw new TierSchemeException("tier scheme '" + schemeId + "' from plugin " + registered.bundle()
                    + " failed: " + e, e);
        }
        if (assignments instanceof TierColumns columns && sameCustomers(columns.customers(), scores.report().figures())) {
            // one tier per customer of this report, in its order, by construction: nothing to order
            return new TieringResult(info, scores, columns, TierSummary.of(scores.report(), columns));
        }
        TierAssignment[] inReportOrder = inReportOrder(registered, scores, assignments);
        List<TierAssignment> ordered = Arrays.asList(inReportOrder);
        return new TieringResult(info, scores, ordered, TierSummary.of(scores.report(), ordered));
    }

    /** Whether columns over {@code given} are for the report's customers, in its order. */
    private static boolean sameCustomers(CustomerFigures given, CustomerFigures report) {
        if (given == report) {
            return true; // a large report's figures: the usual case, and no loop over a million ids
        }
        if (given.size() != report.size()) {
            return false;
        }
        for (int index = 0; index < given.size(); index++) {
            if (!given.customerId(index).equals(report.customerId(index))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks the scheme's answer (one assignment per customer, no stranger, no one twice) and orders it like
     * the report's customers, which are sorted by id, so each assignment is found by binary search.
     */
    private static TierAssignment[] inReportOrder(Registered registered, Scores scores,
            List<TierAssignment> assignments) throws TierSchemeException {
        String source = "tier scheme '" + registered.id() + "' from plugin " + registered.bundle();
        if (assignments == null) {
            throw new TierSchemeException(source + " returned no assignments");
        }
        CustomerFigures customers = scores.report().figures();
        TierAssignment[] ordered = new TierAssignment[customers.size()];
        int position = 0;
        for (TierAssignment assignment : assignments) {
            // schemes usually answer in the report's order; a binary search over a million ids for every
            // assignment took seconds (a cache miss per step)
            int index = assignment == null ? -1
                    : position < ordered.length && customers.customerId(position).equals(assignment.customerId())
                            ? position : customers.indexOf(assignment.customerId());
            position++;
            if (index < 0) {
                throw new TierSchemeException(source + " assigned a tier to an unknown customer: " + assignment);
            }
            if (ordered[index] != null) {
                throw new TierSchemeException(source + " assigned customer " + assignment.customerId() + " twice");
            }
            ordered[index] = assignment;
        }
        if (assignments.size() != ordered.length) {
            throw new TierSchemeException(source + " left " + (ordered.length - assignments.size())
                    + " customers without a tier");
        }
        return ordered;
    }
}
