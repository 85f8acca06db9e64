package org.ewea.scoring.relevance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.methodology.AdmiraltyGrade;

/**
 * The CTI-ANN relevance examples (2,500 X posts as the authors' paraphrased summaries, CTI-Positive or not; CC BY
 * 4.0, NOTICE.md beside the file), featured as stored items of an open source graded F6 (reliability and
 * credibility cannot be judged) are. A copy ships in the jar so that an install can retrain with its own labels.
 */
public final class CtiAnnExamples {

    /** The shipped copy of {@code X-Annotated-Dataset.csv}. */
    public static final String SHIPPED = "/org/ewea/scoring/relevance/cti-ann-x-annotated.csv";

    public static final AdmiraltyGrade GRADE = AdmiraltyGrade.parse("F6");

    private final TrainingArticles articles;

    public CtiAnnExamples(Annotator annotator, LanguageDetector languages) {
        this.articles = new TrainingArticles(annotator, languages);
    }

    /** The examples of a CSV with the columns summary, ID and label (CTI-Positive or CTI-Negative). */
    public List<LabelledExample> read(Reader csv) throws IOException {
        List<LabelledExample> examples = new ArrayList<>();
        for (CSVRecord row : CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(csv)) {
            String text = row.get("summary");
            examples.add(new LabelledExample(
                    articles.features("cti-ann:" + row.get("ID"), text.isBlank() ? "(empty)" : text, "", GRADE),
                    row.get("label").equals("CTI-Positive")));
        }
        return examples;
    }

    /** The examples of the copy shipped in the jar. */
    public List<LabelledExample> shipped() {
        try (InputStream in = CtiAnnExamples.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the CTI-ANN examples " + SHIPPED + " are missing from the jar");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
