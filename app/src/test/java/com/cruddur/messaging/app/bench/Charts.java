package com.cruddur.messaging.app.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The benchmarks' results as pictures (PNG, in {@code docs/images}), drawn by JFreeChart from the figures of the run
 * that printed the tables: a rerun redraws them. Headless: no display is needed.
 */
final class Charts {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xaec7e8), new Color(0xff7f0e),
        new Color(0xffbb78), new Color(0x2ca02c), new Color(0x98df8a), new Color(0xd62728), new Color(0xff9896)};

    private Charts() {
    }

    /** One bar per series in each category, e.g. service and bare store calls at each operation and concurrency. */
    record Bars(String title, String subtitle, String valueAxis, Map<String, Map<String, Double>> seriesByName) {
    }

    /** Lines over a logarithmic x axis, e.g. answered requests per second against open connections. */
    record Lines(String title, String subtitle, String xAxis, String yAxis, Map<String, List<double[]>> seriesByName) {
    }

    static Path draw(String file, Bars bars) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        bars.seriesByName().forEach((series, values) -> values.forEach((category, value) ->
                data.addValue(value, series, category)));
        CategoryAxis categories = new CategoryAxis();
        if (data.getColumnCount() <= 8) {
            categories.setMaximumCategoryLabelLines(3);
        } else {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        for (int i = 0; i < bars.seriesByName().size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, categories, new NumberAxis(bars.valueAxis()), renderer);
        return save(file, chart(bars.title(), bars.subtitle(), plot));
    }

    static Path draw(String file, Lines lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        lines.seriesByName().forEach((name, points) -> {
            XYSeries series = new XYSeries(name);
            points.forEach(point -> series.add(point[0], point[1]));
            data.addSeries(series);
        });
        LogAxis x = new LogAxis(lines.xAxis());
        x.setBase(10);
        x.setSmallestValue(1);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.seriesByName().size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[(2 * i) % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, new NumberAxis(lines.yAxis()), renderer);
        return save(file, chart(lines.title(), lines.subtitle(), plot));
    }

    private static JFreeChart chart(String title, String subtitle, org.jfree.chart.plot.Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        if (plot instanceof XYPlot xy) {
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static Path save(String file, JFreeChart chart) {
        System.setProperty("java.awt.headless", "true");
        Path images = Files.isDirectory(Path.of("docs")) ? Path.of("docs", "images") : Path.of("..", "docs", "images");
        try {
            Files.createDirectories(images);
            Path target = images.resolve(file);
            ChartUtils.saveChartAsPNG(target.toFile(), chart, WIDTH, HEIGHT);
            System.out.println("drawn: " + target.normalize());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw " + file, e);
        }
    }
}
