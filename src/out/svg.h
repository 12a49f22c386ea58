/* svg: the charts of the report and the dashboard, as inline SVG text.
 *
 *   styr_svg_scatter  KL's cluster figure: one horizontal bar per
 *                     municipality of the cluster (in order of value) with
 *                     its name and value, the own municipality highlighted,
 *                     the cluster's level as a dashed line labelled above
 *                     the bars; a suppressed value has no bar and says ".."
 *   styr_svg_lines    development over time: two series (the municipality
 *                     and its cluster, or this year and the year before)
 * Value axes start at zero and carry their unit ("pct.", "uger", "kr.");
 * numbers are in the reader's format (15,2); text is 12 px at the chart's
 * natural size and no label is rotated or crossed by a line. Every chart
 * is an <svg role="img"> with a <title>, a data-chart attribute naming it
 * and data-axis-min (the value axis' first tick),
 * and carries no script, font or link: it renders the same in a file, a
 * browser and print. */
#ifndef STYR_SVG_H
#define STYR_SVG_H

#include <stdio.h>

#include "../calc/figures.h"

/* n values with their labels; own is the index to highlight (-1 none). */
void styr_svg_scatter(FILE *f, const char *id, const char *title, const styr_figdef *def, const char *const *labels,
                      const styr_figval *v, int n, int own, styr_figval level, const char *level_label);

/* Two series over n x positions (labels xl[i], "" for none, a second line
 * after '\n'): a (solid) and b (dashed). */
void styr_svg_lines(FILE *f, const char *id, const char *title, const styr_figdef *def, const char *const *xl,
                    const styr_figval *a, const styr_figval *b, int n, const char *la, const char *lb);

/* Text with &, <, > and " escaped. */
void styr_html_text(FILE *f, const char *s);

/* Axis ticks: a step of 1, 2, 2,5 or 5 x 10^k giving 3-6 ticks over [lo, hi]
 * from a multiple of the step at or below lo; the decimals to show them. */
double styr_nice_step(double lo, double hi, int *decimals);

#endif
