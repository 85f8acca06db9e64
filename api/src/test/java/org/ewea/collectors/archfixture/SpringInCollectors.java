package org.ewea.collectors.archfixture;

import org.springframework.core.Ordered;

/** A fixture the plain-Java rule must catch: a domain module class using Spring. */
public final class SpringInCollectors implements Ordered {

    @Override
    public int getOrder() {
        return 0;
    }
}
