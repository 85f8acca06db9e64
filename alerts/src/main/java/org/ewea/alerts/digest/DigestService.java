package org.ewea.alerts.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Makes and archives digests: on demand (a new id each time) and weekly (one per audience and week, whichever
 * instance gets there first). Blocks.
 */
public final class DigestService {

    private final DigestBuilder builder;
    private final DigestRepository archive;

    public DigestService(DigestBuilder builder, DigestRepository archive) {
        this.builder = builder;
        this.archive = archive;
    }

    /** Makes and archives a digest; its id. */
    public String create(String audience, LocalDate from, LocalDate to, String createdBy) {
        String id = UUID.randomUUID().toString();
        archive.insertIfAbsent(id, builder.build(audience, from, to, createdBy));
        return id;
    }

    /** The weekly run: one digest per audience for the last week; the ids made (empty when already made). */
    public List<String> weekly(List<String> audiences) {
        DigestBuilder.Period week = builder.lastWeek();
        return audiences.stream()
                .filter(audience -> {
                    String id = weeklyId(audience, week.to());
                    return archive.insertIfAbsent(id, builder.build(audience, week.from(), week.to(), "schedule"));
                })
                .map(audience -> weeklyId(audience, week.to()))
                .toList();
    }

    public DigestBuilder.Period lastWeek() {
        return builder.lastWeek();
    }

    static String weeklyId(String audience, LocalDate to) {
        return "weekly-" + audience + "-" + to;
    }
}
