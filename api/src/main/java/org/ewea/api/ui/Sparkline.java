package org.ewea.api.ui;

import java.util.List;
import java.util.Locale;

/** Inline SVG polylines for counts over time (no script, no external file: the CSP stays strict). */
final class Sparkline {

    private Sparkline() {}

    /** The {@code points} attribute of a polyline drawing the values in a width x height box. */
    static String points(List<Long> values, int width, int height) {
        if (values.isEmpty()) {
            return "";
        }
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double x = values.size() == 1 ? 0 : (double) i * width / (values.size() - 1);
            double y = height - 1 - (double) values.get(i) * (height - 2) / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().strip();
    }
}
