package org.ewea.scoring.terms;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A term that appeared suddenly: new in the last 28 days, in several items from several sources, in items of which
 * at least one comes from a dark-web source, or speaking for itself on a dark-web source.
 *
 * @param id the term's key (folded, lower case)
 * @param label the form it was first written in
 * @param firstSeen the first day any item mentioned it
 * @param items items mentioning it in the 28 days up to {@code asOf}
 * @param sources distinct sources among them
 * @param sourceIds those sources
 * @param darkWebSourceIds those of them that are dark-web sources
 * @param selfNamed whether it spoke as itself on a dark-web source (a line of a transcript opened by the name, as a
 *     group's own messages on its negotiation portal are)
 * @param activeDays days with a mention among the 28
 * @param score how strongly it stands out: sources x ln(1 + items)
 * @param status NEW, ACCEPTED or REJECTED
 * @param decision the analyst's decision, if any
 * @param asOf the day the window ends
 * @param aliases other written forms merged into this candidate ("Basta" beside "Black Basta"), may be empty
 */
public record Candidate(
        String id,
        String label,
        LocalDate firstSeen,
        long items,
        int sources,
        List<String> sourceIds,
        List<String> darkWebSourceIds,
        boolean selfNamed,
        int activeDays,
        double score,
        String status,
        CandidateDecisions.@Nullable Decision decision,
        LocalDate asOf,
        List<String> aliases) {

    public Candidate {
        sourceIds = List.copyOf(sourceIds);
        darkWebSourceIds = List.copyOf(darkWebSourceIds);
        aliases = List.copyOf(aliases);
    }
}
