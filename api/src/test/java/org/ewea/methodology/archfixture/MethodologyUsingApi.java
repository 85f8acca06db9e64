package org.ewea.methodology.archfixture;

import org.ewea.api.web.PageResponse;

/** Deliberate violation (methodology using api), for ArchitectureTests to prove its rules can fail. */
public class MethodologyUsingApi {

    public int size(PageResponse<?> page) {
        return page.size();
    }
}
