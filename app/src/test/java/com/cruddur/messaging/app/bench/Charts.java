package com.cruddur.messaging.app.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

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

    /**
     * Lines over levels (e.g. open connections, evenly spaced whatever their values), on a left axis and, when
     * {@code right} has series, a second one on the right (dashed), e.g. answered per second and the share shed.
     */
    record Curves(String title, String subtitle, String levels, String leftAxis, Map<String, Map<String, Double>> left,
                  String rightAxis, Map<String, Map<String, Double>> right) {
    }

    static Path draw(String file, Bars bars) {
        DefaultCategoryDataset data = dataset(bars.seriesByName());
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

    static Path draw(String file, Curves curves) {
        CategoryPlot plot = new CategoryPlot(dataset(curves.left()), new CategoryAxis(curves.levels()),
                new NumberAxis(curves.leftAxis()), lines(curves.left().size(), 0, false));
        if (!curves.right().isEmpty()) {
            plot.setDataset(1, dataset(curves.right()));
            plot.setRangeAxis(1, new NumberAxis(curves.rightAxis()));
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, lines(curves.right().size(), 1, true));
        }
        return save(file, chart(curves.title(), curves.subtitle(), plot));
    }

    private static DefaultCategoryDataset dataset(Map<String, Map<String, Double>> seriesByName) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        seriesByName.forEach((series, values) -> values.forEach((level, value) -> data.addValue(value, series, level)));
        return data;
    }

    /** Solid lines in the palette's dark shades, or dashed in its light ones (the right axis). */
    private static LineAndShapeRenderer lines(int series, int shade, boolean dashed) {
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, PALETTE[(2 * i + shade) % PALETTE.length]);
            renderer.setSeriesStroke(i, dashed
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
        }
        return renderer;
    }

    private static JFreeChart chart(String title, String subtitle, org.jfree.chart.plot.Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(Color.LIGHT_GRAY);
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
