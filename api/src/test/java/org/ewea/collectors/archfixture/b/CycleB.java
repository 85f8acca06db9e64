package org.ewea.collectors.archfixture.b;

import org.ewea.collectors.archfixture.a.CycleA;

/** Deliberate package cycle b -> a -> b, for ArchitectureTests to prove its rules can fail. */
public class CycleB {

    public CycleA next() {
        return new CycleA();
    }
}
