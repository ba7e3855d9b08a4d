package org.moneytree.scoring.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The weights of the criteria in the key-account score. */
@ObjectClassDefinition(pid = WeightedScoringModel.PID, name = "Key-account scoring",
        description = "Weights of the criteria in the key-account score.")
@interface ScoringConfiguration {

    @AttributeDefinition(name = "Weights",
            description = "One entry per criterion, id=weight (for example profit_share=30); entries may also be"
                    + " separated by commas. A criterion not named here uses its default weight; 0 leaves it out.")
    String[] weights() default {};
}
