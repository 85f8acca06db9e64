package org.ewea.alerts.alert;

/**
 * What an alert is about.
 *
 * @param kind technology, cve, attack-group, attack-software, term, or source (for a collection gap)
 * @param id the signal series id ({@code voice-cloning}, {@code cve:CVE-2026-1234}) or the source id
 * @param label its name
 */
public record Subject(String kind, String id, String label) {}
