package org.ewea.alerts.digest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An archived digest, as listed.
 *
 * @param id stable id
 * @param audience analyst, policy or trainer
 * @param from first day covered
 * @param to last day covered
 * @param created when it was made
 * @param createdBy who asked ({@code schedule} for the weekly run)
 */
public record Digest(String id, String audience, LocalDate from, LocalDate to, Instant created, String createdBy) {}
