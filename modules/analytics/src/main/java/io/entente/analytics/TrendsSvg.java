package io.entente.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The chart of one theme's mean document share over the periods (the mean over a period's documents
 * of the share of each document's sentences carrying the theme), as a standalone SVG document
 * written by hand (no libraries, no scripts, no external resources).
 *
 * <ul>
 *   <li>x: the periods, evenly spaced, empty ones included (their labels in grey);</li>
 *   <li>y: the mean document share, from 0 to a round value at or above the highest interval bound;</li>
 *   <li>a line through the shares of consecutive periods with sentences, on a shaded band for the
 *       95 % t interval over the documents (an isolated period gets an error bar; a period of a
 *       single document has no interval and breaks the band);</li>
 *   <li>one {@code <circle>} per period with documents, its area proportional to the number of
 *       documents; hollow when the period is sparse; each with a tooltip naming its documents;</li>
 *   <li>the weighted linear trend as a dashed line;</li>
 *   <li>a legend (its symbols are paths, so the circles are the data points only).</li>
 * </ul>
 */
final class TrendsSvg {
    private static final int LEFT = 72;
    private static final int TOP = 70;
    private static final int PLOT_HEIGHT = 280;
    private static final int BOTTOM = 64;
    private static final int LEGEND = 190;
    /** Candidate axis maxima (share) and the number of gridline divisions of each. */
    private static final double[][] AXES = {{0.01, 5}, {0.02, 4}, {0.05, 5}, {0.1, 5}, {0.15, 3}, {0.2, 4}, {0.25, 5},
        {0.3, 3}, {0.4, 4}, {0.5, 5}, {0.6, 3}, {0.8, 4}, {1.0, 5}};

    private TrendsSvg() {
    }

    static String render(Trends trends, Trends.ThemeTrend theme) {
        List<Trends.ThemePeriod> periods = theme.periods();
        int n = periods.size();
        double step = Math.max(14, Math.min(64, 720.0 / n));
        double plotWidth = step * n;
        if (plotWidth < 480) {
            plotWidth = 480;
            step = plotWidth / n;
        }
        int width = (int) Math.ceil(LEFT + plotWidth + 24 + LEGEND);
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        String color = switch (theme.polarity() == null ? "" : theme.polarity()) {
            case "driver" -> "#1b7837";
            case "obstacle" -> "#b2182b";
            default -> "#2166ac";
        };

        double highest = 0;
        int maxDocuments = 0;
        for (Trends.ThemePeriod p : periods) {
            if (p.meanShare() != null) {
                highest = Math.max(highest, p.ciHigh() == null ? p.meanShare() : Math.max(p.meanShare(), p.ciHigh()));
            }
            maxDocuments = Math.max(maxDocuments, p.documents());
        }
        double yMax = 1.0;
        int divisions = 5;
        for (double[] axis : AXES) {
            if (axis[0] >= highest - 1e-12) {
                yMax = axis[0];
                divisions = (int) axis[1];
                break;
            }
        }
        double rMax = Math.max(3, Math.min(14, step * 0.42));

        Chart c = new Chart(step, plotWidth, yMax);
        StringBuilder s = new StringBuilder();
        String title = Format.oneLine(theme.name()) + ": mean document share by " + trends.by();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" role=\"img\">\n");
        s.append("  <title>").append(Format.xml(title)).append("</title>\n");
        s.append("  <desc>").append(Format.xml(description(trends, theme))).append("</desc>\n");
        s.append("  <defs><clipPath id=\"plot-area\"><rect x=\"").append(num(LEFT)).append("\" y=\"").append(num(TOP))
                .append("\" width=\"").append(num(plotWidth)).append("\" height=\"").append(num(PLOT_HEIGHT))
                .append("\"/></clipPath></defs>\n");
        s.append("  <rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");

        // Title and subtitle.
        s.append("  <text x=\"").append(LEFT).append("\" y=\"26\" font-size=\"16\" font-weight=\"bold\">")
                .append(Format.xml(title)).append("</text>\n");
        s.append("  <text x=\"").append(LEFT).append("\" y=\"46\" fill=\"#444444\">").append(Format.xml(subtitle(trends, theme)))
                .append("</text>\n");

        // Grid and y axis.
        s.append("  <g class=\"y-axis\" stroke=\"#dddddd\" stroke-width=\"1\">\n");
        for (int i = 0; i <= divisions; i++) {
            double v = yMax * i / divisions;
            double y = c.y(v);
            s.append("    <line x1=\"").append(num(LEFT)).append("\" y1=\"").append(num(y)).append("\" x2=\"")
                    .append(num(LEFT + plotWidth)).append("\" y2=\"").append(num(y)).append("\"/>\n");
        }
        s.append("  </g>\n");
        double tickPercent = 100 * yMax / divisions;
        int tickDecimals = Math.abs(tickPercent - Math.rint(tickPercent)) < 1e-9 ? 0 : 1;
        s.append("  <g class=\"y-labels\" text-anchor=\"end\" fill=\"#333333\">\n");
        for (int i = 0; i <= divisions; i++) {
            double v = yMax * i / divisions;
            s.append("    <text x=\"").append(num(LEFT - 6)).append("\" y=\"").append(num(c.y(v) + 4)).append("\">")
                    .append(Format.fixed(100 * v, tickDecimals)).append("</text>\n");
        }
        s.append("  </g>\n");
        s.append("  <line x1=\"").append(num(LEFT)).append("\" y1=\"").append(num(TOP + PLOT_HEIGHT)).append("\" x2=\"")
                .append(num(LEFT + plotWidth)).append("\" y2=\"").append(num(TOP + PLOT_HEIGHT))
                .append("\" stroke=\"#333333\"/>\n");
        s.append("  <line x1=\"").append(num(LEFT)).append("\" y1=\"").append(num(TOP)).append("\" x2=\"").append(num(LEFT))
                .append("\" y2=\"").append(num(TOP + PLOT_HEIGHT)).append("\" stroke=\"#333333\"/>\n");

        // x labels: thinned so that they do not overlap.
        int longest = periods.stream().mapToInt(p -> p.period().length()).max().orElse(4);
        int every = Math.max(1, (int) Math.ceil((7.0 * longest + 8) / step));
        s.append("  <g class=\"x-labels\" text-anchor=\"middle\">\n");
        for (int i = 0; i < n; i++) {
            double x = c.x(i);
            s.append("    <line x1=\"").append(num(x)).append("\" y1=\"").append(num(TOP + PLOT_HEIGHT)).append("\" x2=\"")
                    .append(num(x)).append("\" y2=\"").append(num(TOP + PLOT_HEIGHT + 4)).append("\" stroke=\"#333333\"/>\n");
            if (i % every == 0) {
                Trends.ThemePeriod p = periods.get(i);
                s.append("    <text x=\"").append(num(x)).append("\" y=\"").append(num(TOP + PLOT_HEIGHT + 18))
                        .append("\" fill=\"").append(p.documents() == 0 ? "#aaaaaa" : "#333333").append("\">")
                        .append(Format.xml(p.period())).append("</text>\n");
            }
        }
        s.append("  </g>\n");
        s.append("  <text x=\"").append(num(LEFT + plotWidth / 2)).append("\" y=\"").append(num(TOP + PLOT_HEIGHT + 44))
                .append("\" text-anchor=\"middle\" fill=\"#333333\">").append(Format.xml(capitalize(trends.by())))
                .append(" (grey: no documents)</text>\n");
        double yMid = TOP + PLOT_HEIGHT / 2.0;
        s.append("  <text x=\"18\" y=\"").append(num(yMid)).append("\" text-anchor=\"middle\" fill=\"#333333\" transform=\"rotate(-90 18 ")
                .append(num(yMid)).append(")\">Mean share of a document's sentences (%)</text>\n");

        // Runs of consecutive periods with an interval (band) and with sentences (line).
        List<List<Integer>> bands = runs(periods, p -> p.ciLow() != null);
        List<List<Integer>> runs = runs(periods, p -> p.meanShare() != null);
        s.append("  <g class=\"interval\" fill=\"").append(color).append("\" fill-opacity=\"0.18\" stroke=\"none\">\n");
        for (List<Integer> r : bands) {
            if (r.size() == 1) {
                int i = r.get(0);
                Trends.ThemePeriod p = periods.get(i);
                s.append("    <rect x=\"").append(num(c.x(i) - 2)).append("\" y=\"").append(num(c.y(p.ciHigh())))
                        .append("\" width=\"4\" height=\"").append(num(c.y(p.ciLow()) - c.y(p.ciHigh()))).append("\"/>\n");
                continue;
            }
            StringBuilder points = new StringBuilder();
            for (int i : r) {
                points.append(points.length() == 0 ? "" : " ").append(num(c.x(i))).append(',').append(num(c.y(periods.get(i).ciHigh())));
            }
            for (int k = r.size() - 1; k >= 0; k--) {
                int i = r.get(k);
                points.append(' ').append(num(c.x(i))).append(',').append(num(c.y(periods.get(i).ciLow())));
            }
            s.append("    <polygon points=\"").append(points).append("\"/>\n");
        }
        s.append("  </g>\n");
        s.append("  <g class=\"share\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\">\n");
        for (List<Integer> r : runs) {
            if (r.size() < 2) {
                continue;
            }
            StringBuilder points = new StringBuilder();
            for (int i : r) {
                points.append(points.length() == 0 ? "" : " ").append(num(c.x(i))).append(',').append(num(c.y(periods.get(i).meanShare())));
            }
            s.append("    <polyline points=\"").append(points).append("\"/>\n");
        }
        s.append("  </g>\n");

        // Linear trend.
        Trends.Linear l = theme.linear();
        if (l.slope() != null) {
            s.append("  <line class=\"trend\" x1=\"").append(num(c.x(0))).append("\" y1=\"").append(num(c.y(l.intercept())))
                    .append("\" x2=\"").append(num(c.x(n - 1))).append("\" y2=\"").append(num(c.y(l.intercept() + l.slope() * (n - 1))))
                    .append("\" stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" clip-path=\"url(#plot-area)\"/>\n");
        }

        // Points: one circle per period with documents.
        s.append("  <g class=\"points\" stroke=\"").append(color).append("\" stroke-width=\"1.5\">\n");
        for (int i = 0; i < n; i++) {
            Trends.ThemePeriod p = periods.get(i);
            if (p.documents() == 0) {
                continue;
            }
            double share = p.meanShare() == null ? 0.0 : p.meanShare();
            double r = radius(p.documents(), maxDocuments, rMax);
            s.append("    <circle class=\"point").append(p.sparse() ? " sparse" : "").append("\" cx=\"").append(num(c.x(i)))
                    .append("\" cy=\"").append(num(c.y(share))).append("\" r=\"").append(num(r)).append("\" fill=\"")
                    .append(p.sparse() ? "#ffffff" : color).append("\" fill-opacity=\"").append(p.sparse() ? "1" : "0.75")
                    .append("\"><title>").append(Format.xml(tooltip(p))).append("</title></circle>\n");
        }
        s.append("  </g>\n");

        legend(s, LEFT + plotWidth + 24, color, maxDocuments, rMax);
        s.append("</svg>\n");
        return s.toString();
    }

    private static void legend(StringBuilder s, double x0, String color, int maxDocuments, double rMax) {
        double y = TOP + 4;
        s.append("  <g class=\"legend\" fill=\"#333333\">\n");
        s.append("    <text x=\"").append(num(x0)).append("\" y=\"").append(num(y)).append("\" font-weight=\"bold\">Documents</text>\n");
        y += 10;
        TreeSet<Integer> sizes = new TreeSet<>();
        sizes.add(Math.max(1, maxDocuments));
        if (maxDocuments >= 4) {
            sizes.add((maxDocuments + 1) / 2);
        }
        sizes.add(1);
        for (int docs : sizes.descendingSet()) {
            double r = radius(docs, Math.max(1, maxDocuments), rMax);
            double cy = y + Math.max(r, 5);
            s.append("    <path d=\"").append(circlePath(x0 + rMax, cy, r)).append("\" fill=\"").append(color)
                    .append("\" fill-opacity=\"0.75\" stroke=\"").append(color).append("\" stroke-width=\"1.5\"/>\n");
            s.append("    <text x=\"").append(num(x0 + 2 * rMax + 8)).append("\" y=\"").append(num(cy + 4)).append("\">")
                    .append(docs).append(docs == 1 ? " document" : " documents").append("</text>\n");
            y = cy + Math.max(r, 5) + 6;
        }
        double cy = y + 6;
        s.append("    <path d=\"").append(circlePath(x0 + rMax, cy, 5)).append("\" fill=\"#ffffff\" stroke=\"").append(color)
                .append("\" stroke-width=\"1.5\"/>\n");
        s.append("    <text x=\"").append(num(x0 + 2 * rMax + 8)).append("\" y=\"").append(num(cy + 4))
                .append("\">sparse (&lt; ").append(Trends.SPARSE_BELOW).append(" documents)</text>\n");
        y = cy + 22;
        s.append("    <line x1=\"").append(num(x0)).append("\" y1=\"").append(num(y)).append("\" x2=\"").append(num(x0 + 2 * rMax))
                .append("\" y2=\"").append(num(y)).append("\" stroke=\"").append(color).append("\" stroke-width=\"2\"/>\n");
        s.append("    <text x=\"").append(num(x0 + 2 * rMax + 8)).append("\" y=\"").append(num(y + 4)).append("\">mean document share</text>\n");
        y += 20;
        s.append("    <rect x=\"").append(num(x0)).append("\" y=\"").append(num(y - 6)).append("\" width=\"").append(num(2 * rMax))
                .append("\" height=\"12\" fill=\"").append(color).append("\" fill-opacity=\"0.18\"/>\n");
        s.append("    <text x=\"").append(num(x0 + 2 * rMax + 8)).append("\" y=\"").append(num(y + 4)).append("\">95 % CI by document</text>\n");
        y += 20;
        s.append("    <line x1=\"").append(num(x0)).append("\" y1=\"").append(num(y)).append("\" x2=\"").append(num(x0 + 2 * rMax))
                .append("\" y2=\"").append(num(y)).append("\" stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n");
        s.append("    <text x=\"").append(num(x0 + 2 * rMax + 8)).append("\" y=\"").append(num(y + 4)).append("\">linear trend</text>\n");
        s.append("  </g>\n");
    }

    /** Area ∝ documents: r = rMax·sqrt(documents / maxDocuments). */
    private static double radius(int documents, int maxDocuments, double rMax) {
        return maxDocuments == 0 ? 0 : rMax * Math.sqrt((double) documents / maxDocuments);
    }

    /** A circle as a path (two arcs), for legend symbols that are not data points. */
    private static String circlePath(double cx, double cy, double r) {
        return "M " + num(cx - r) + " " + num(cy) + " a " + num(r) + " " + num(r) + " 0 1 0 " + num(2 * r) + " 0 a "
                + num(r) + " " + num(r) + " 0 1 0 " + num(-2 * r) + " 0 z";
    }

    private static String tooltip(Trends.ThemePeriod p) {
        String docs = p.documents() + (p.documents() == 1 ? " document" : " documents") + (p.sparse() ? ", sparse" : "");
        if (p.meanShare() == null) {
            return p.period() + ": no sentences (" + docs + ")";
        }
        String ci = p.ciLow() == null ? "no interval from one document"
                : "95 % CI " + Format.percent(p.ciLow()) + "\u2013" + Format.percent(p.ciHigh()) + " % by document";
        return p.period() + ": mean document share " + Format.percent(p.meanShare()) + " % (" + ci + "), " + docs
                + "; " + p.themeSentences() + " of " + p.sentences() + " sentences";
    }

    /** Maximal runs of consecutive periods that pass the test, in order. */
    private static List<List<Integer>> runs(List<Trends.ThemePeriod> periods,
                                            java.util.function.Predicate<Trends.ThemePeriod> test) {
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            if (test.test(periods.get(i))) {
                run.add(i);
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private static String subtitle(Trends trends, Trends.ThemeTrend theme) {
        List<String> parts = new ArrayList<>();
        parts.add(theme.id() + (theme.polarity() == null ? "" : " (" + theme.polarity() + ")"));
        parts.add("unit: document");
        if (trends.country() != null) {
            parts.add("documents mentioning " + trends.country());
        }
        Trends.Linear l = theme.linear();
        if (l.slope() != null) {
            parts.add("trend " + Format.points(l.slope(), 2) + " pp per " + trends.by()
                    + (l.pValue() == null ? "" : " (" + Format.pIs(l.pValue()) + ")"));
        }
        if (theme.mannKendall().pValue() != null) {
            parts.add("Mann\u2013Kendall " + Format.pIs(theme.mannKendall().pValue()));
        }
        return String.join(" \u00b7 ", parts);
    }

    private static String description(Trends trends, Trends.ThemeTrend theme) {
        return "Unit: the document. Mean over each " + trends.by() + "'s documents of the share of a document's sentences "
                + "carrying the theme " + theme.id() + ", with 95 % t intervals over the documents; circle area proportional "
                + "to the number of documents; hollow circles: fewer than " + Trends.SPARSE_BELOW
                + " documents with sentences; dashed: linear trend weighted by documents.";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String num(double v) {
        return Format.fixed(v, 2);
    }

    /** Data to pixel coordinates. */
    private record Chart(double step, double plotWidth, double yMax) {
        double x(int index) {
            return LEFT + step * (index + 0.5);
        }

        double y(double share) {
            return TOP + PLOT_HEIGHT * (1 - share / yMax);
        }
    }
}
