package org.ewea.methodology.taxonomy;

/**
 * A crime area (Europol's EMPACT/SOCTA headings, plus IOCTA's crime enablers).
 *
 * @param id stable id, e.g. {@code cybercrime}
 * @param label English name
 */
public record CrimeArea(String id, String label) {}
