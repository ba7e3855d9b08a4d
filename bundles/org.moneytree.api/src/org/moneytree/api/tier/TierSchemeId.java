package org.moneytree.api.tier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Sets a tier scheme's id on its component, type-safely: annotate the component class with
 * {@code @TierSchemeId("retail")} next to {@code @Component(service = TierScheme.class)}. The id becomes the
 * service property {@value #PREFIX_}tier.scheme.id, which the platform reads to list schemes without
 * activating them.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TierSchemeId {

    /** Prefix of the service property's name. */
    String PREFIX_ = "moneytree.";

    /** The scheme's id: short, lower case, unique among installed schemes, for example {@code retail}. */
    String value();
}
