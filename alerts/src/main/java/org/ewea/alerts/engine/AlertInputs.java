package org.ewea.alerts.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ewea.collectors.harvest.SourceHealth;
import org.ewea.scoring.terms.Candidate;
import org.ewea.scoring.warning.EarlyWarningScore;

/**
 * What one evaluation reads.
 *
 * @param asOf the day of the signals
 * @param scores every subject scored on that day
 * @param health every enabled source's health
 * @param sourceTitles source titles by id
 * @param candidates the novel-term candidates on that day (rejected ones left out)
 */
public record AlertInputs(
        LocalDate asOf,
        List<EarlyWarningScore> scores,
        List<SourceHealth> health,
        Map<String, String> sourceTitles,
        List<Candidate> candidates) {

    public AlertInputs {
        scores = List.copyOf(scores);
        health = List.copyOf(health);
        sourceTitles = Map.copyOf(sourceTitles);
        candidates = List.copyOf(candidates);
    }

    public AlertInputs(
            LocalDate asOf,
            List<EarlyWarningScore> scores,
            List<SourceHealth> health,
            Map<String, String> sourceTitles) {
        this(asOf, scores, health, sourceTitles, List.of());
    }

    /**
     * The collectors' side of the inputs.
     *
     * @param health every enabled source's health
     * @param titles source titles by id
     */
    public record Sources(List<SourceHealth> health, Map<String, String> titles) {

        public Sources {
            health = List.copyOf(health);
            titles = Map.copyOf(titles);
        }
    }
}
