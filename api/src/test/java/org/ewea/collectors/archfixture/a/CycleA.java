package org.ewea.collectors.archfixture.a;

import org.ewea.collectors.archfixture.b.CycleB;

/** Deliberate package cycle a -> b -> a, for ArchitectureTests to prove its rules can fail. */
public class CycleA {

    public CycleB next() {
        return new CycleB();
    }
}
