package io.deskbridge.app.eval;

import io.deskbridge.app.eval.Metrics.SweepPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the sweep as an SVG line chart of answered precision (y) against coverage (x), one point per threshold,
 * each labelled with its threshold (thresholds that give the same point share one label), and the configured
 * threshold's point in red. Hand-written SVG 1.1, no dependency. Stateless.
 */
final class SvgChart {

  private static final int WIDTH = 760;
  private static final int HEIGHT = 540;
  private static final int LEFT = 80;
  private static final int RIGHT = 40;
  private static final int TOP = 60;
  private static final int BOTTOM = 70;

  private SvgChart() {}

  /** The chart of these results' sweep, titled after the cases, with the point at {@code threshold} marked. */
  static String render(String title, List<CaseResult> results, double threshold) {
    var points = Metrics.sweep(results).stream().filter(p -> !Double.isNaN(p.answeredPrecision().value())).toList();
    var actual = Metrics.at(results, threshold);
    double yMin = Math.min(0.9, Math.floor(points.stream().mapToDouble(p -> p.answeredPrecision().value())
        .min().orElse(0) * 10) / 10);
    var svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    text(svg, WIDTH / 2.0, 24, "middle", 15, "Answered precision against coverage: " + title);
    text(svg, WIDTH / 2.0, 42, "middle", 11, String.format(Locale.ROOT,
        "thresholds 0 to 1 in steps of 0.05; red: the configured threshold %.2f (no_answer answered there: %s)",
        threshold, percent1(actual.noAnswerAnswered().value())));
    for (int i = 0; i <= 10; i++) {
      double v = i / 10.0;
      double gx = x(v);
      line(svg, gx, TOP, gx, HEIGHT - BOTTOM, "#e4e4e4");
      text(svg, gx, HEIGHT - BOTTOM + 18, "middle", 11, percent(v));
      double yv = yMin + (1 - yMin) * i / 10;
      double gy = y(yv, yMin);
      line(svg, LEFT, gy, WIDTH - RIGHT, gy, "#e4e4e4");
      text(svg, LEFT - 8, gy + 4, "end", 11, percent(yv));
    }
    line(svg, LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "black");
    line(svg, LEFT, TOP, LEFT, HEIGHT - BOTTOM, "black");
    text(svg, (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 22, "middle", 13,
        "coverage (answered answer cases / answer cases)");
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"13\" "
        + "transform=\"rotate(-90 %d %.1f)\">answered precision (right article among answered)</text>%n",
        22, (TOP + HEIGHT - BOTTOM) / 2.0, 22, (TOP + HEIGHT - BOTTOM) / 2.0));
    if (points.isEmpty()) {
      text(svg, WIDTH / 2.0, HEIGHT / 2.0, "middle", 14, "no answered answer cases at any threshold");
    } else {
      var path = new StringBuilder();
      for (var p : points) {
        path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.coverage().value()),
            y(p.answeredPrecision().value(), yMin)));
      }
      svg.append("<polyline fill=\"none\" stroke=\"#3366cc\" stroke-width=\"2\" points=\"")
          .append(path.toString().strip()).append("\"/>\n");
      var placed = new ArrayList<double[]>();
      if (!Double.isNaN(actual.answeredPrecision().value())) {
        double ax = x(actual.coverage().value());
        double ay = y(actual.answeredPrecision().value(), yMin);
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"none\" "
            + "stroke=\"#cc0000\" stroke-width=\"2\"/>%n", ax, ay));
        var label = String.format(Locale.ROOT, "threshold %.2f: precision %s, coverage %s", threshold,
            percent1(actual.answeredPrecision().value()), percent1(actual.coverage().value()));
        place(svg, placed, ax, ay + 24, label, 11, "#cc0000");
      }
      for (var group : groups(points)) {
        var p = group.get(0);
        double px = x(p.coverage().value());
        double py = y(p.answeredPrecision().value(), yMin);
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#3366cc\"/>%n",
            px, py));
        var label = group.size() == 1 ? threshold(p) : threshold(p) + "–" + threshold(group.get(group.size() - 1));
        place(svg, placed, px, py, "t=" + label, 10, "black");
      }
    }
    return svg.append("</svg>\n").toString();
  }

  /**
   * Writes the label next to the point at the first of four spots (right above, right below, left above, left
   * below) where it overlaps no label placed before and stays inside the plot; skips it when there is none, so
   * crowded points keep their dots but not all their labels.
   */
  private static void place(StringBuilder svg, List<double[]> placed, double px, double py, String label, int size,
      String colour) {
    double w = label.length() * size * 0.6;
    double h = size + 2;
    for (var spot : new double[][] {{6, -6}, {6, h + 4}, {-6 - w, -6}, {-6 - w, h + 4}}) {
      double x = px + spot[0];
      double y = py + spot[1];
      var box = new double[] {x, y - size, x + w, y + 2};
      boolean inside = box[0] >= LEFT && box[2] <= WIDTH - RIGHT && box[1] >= TOP && box[3] <= HEIGHT - BOTTOM;
      if (inside && placed.stream().noneMatch(b -> b[0] < box[2] && box[0] < b[2] && b[1] < box[3]
          && box[1] < b[3])) {
        placed.add(box);
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\">%s"
            + "</text>%n", x, y, size, colour, escape(label)));
        return;
      }
    }
  }

  /** Consecutive points that land on the same spot (to a tenth of a percent), so they get one label. */
  private static List<List<SweepPoint>> groups(List<SweepPoint> points) {
    var groups = new ArrayList<List<SweepPoint>>();
    for (var p : points) {
      var last = groups.isEmpty() ? null : groups.get(groups.size() - 1).get(0);
      if (last != null && same(last.coverage().value(), p.coverage().value())
          && same(last.answeredPrecision().value(), p.answeredPrecision().value())) {
        groups.get(groups.size() - 1).add(p);
      } else {
        groups.add(new ArrayList<>(List.of(p)));
      }
    }
    return groups;
  }

  private static boolean same(double a, double b) {
    return Math.round(a * 1000) == Math.round(b * 1000);
  }

  private static double x(double coverage) {
    return LEFT + coverage * (WIDTH - LEFT - RIGHT);
  }

  private static double y(double precision, double yMin) {
    return HEIGHT - BOTTOM - (precision - yMin) / (1 - yMin) * (HEIGHT - TOP - BOTTOM);
  }

  private static String threshold(SweepPoint p) {
    return String.format(Locale.ROOT, "%.2f", p.threshold());
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f %%", v * 100);
  }

  private static String percent1(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f %%", v * 100);
  }

  private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String stroke) {
    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
        x1, y1, x2, y2, stroke));
  }

  private static void text(StringBuilder svg, double x, double y, String anchor, int size, String text) {
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
        x, y, anchor, size, escape(text)));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
