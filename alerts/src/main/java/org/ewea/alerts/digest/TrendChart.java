package org.ewea.alerts.digest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** Renders the trend lines of a digest as a PNG on the server (JFreeChart, headless). */
final class TrendChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 360;

    private TrendChart() {}

    static byte[] png(List<DigestContent.Trend> trends) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (DigestContent.Trend trend : trends) {
            TimeSeries series = new TimeSeries(trend.label());
            for (int i = 0; i < trend.daily().size(); i++) {
                var day = trend.first().plusDays(i);
                series.add(
                        new Day(day.getDayOfMonth(), day.getMonthValue(), day.getYear()),
                        trend.daily().get(i));
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                "Daily mentions of the top movers", "day", "items", data, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < trends.size(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
