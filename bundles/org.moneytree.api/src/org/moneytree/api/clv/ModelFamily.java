package org.moneytree.api.clv;

import java.util.List;
import java.util.Locale;

/**
 * The model families Moneytree fits: two for non-contractual purchasing (customers leave silently), one for the
 * value per purchase, one for contractual relationships (customers leave by not renewing). A sector plugin picks
 * the purchase family that suits its industry; the ids are what configuration and the command line use.
 */
public enum ModelFamily {

    BG_NBD("bg-nbd", List.of("r", "alpha", "a", "b"), "BG/NBD (beta-geometric / negative binomial)",
            "BG/NBD（贝塔几何/负二项）模型"),
    PARETO_NBD("pareto-nbd", List.of("r", "alpha", "s", "beta"), "Pareto/NBD", "Pareto/NBD（帕累托/负二项）模型"),
    GAMMA_GAMMA("gamma-gamma", List.of("p", "q", "gamma"), "Gamma-Gamma spend per purchase", "Gamma-Gamma 单次消费金额模型"),
    SHIFTED_BETA_GEOMETRIC("sbg", List.of("alpha", "beta"), "shifted beta-geometric (contract renewals)",
            "移位贝塔几何（合同续约）模型");

    private final String id;
    private final List<String> parameters;
    private final String english;
    private final String chinese;

    ModelFamily(String id, List<String> parameters, String english, String chinese) {
        this.id = id;
        this.parameters = parameters;
        this.english = english;
        this.chinese = chinese;
    }

    /** The id used in configuration, storage and on the command line, e.g. {@code bg-nbd}. */
    public String id() {
        return id;
    }

    /** The parameter names in the order the models take them. */
    public List<String> parameters() {
        return parameters;
    }

    public String label(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? chinese : english;
    }

    /** {@code true} for the families that model repeat purchasing (BG/NBD, Pareto/NBD). */
    public boolean purchases() {
        return this == BG_NBD || this == PARETO_NBD;
    }

    /**
     * The family with the given id.
     *
     * @throws IllegalArgumentException naming the known ids when there is none
     */
    public static ModelFamily forId(String id) {
        for (ModelFamily family : values()) {
            if (family.id.equalsIgnoreCase(id)) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown model family '" + id + "' (known: bg-nbd, pareto-nbd, gamma-gamma, sbg)");
    }
}
