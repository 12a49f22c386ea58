/* svg: the charts of the report and the dashboard, as inline SVG text.
 *
 *   styr_svg_scatter  KL's cluster figure: one dot per municipality of the
 *                     cluster (in order of value), the own municipality
 *                     highlighted and named, the cluster's level as a dashed
 *                     line; a suppressed value has no dot and says so
 *   styr_svg_lines    development over the years: the municipality and its
 *                     cluster as two lines with their values
 * Numbers on axes and labels are in the reader's format (15,2). Every chart
 * is an <svg role="img"> with a <title> and a data-chart attribute naming it,
 * and carries no script, font or link: it renders the same in a file, a
 * browser and print. */
#ifndef STYR_SVG_H
#define STYR_SVG_H

#include <stdio.h>

#include "../calc/figures.h"

/* n values with their labels; own is the index to highlight (-1 none). */
void styr_svg_scatter(FILE *f, const char *id, const char *title, const styr_figdef *def, const char *const *labels,
                      const styr_figval *v, int n, int own, styr_figval level, const char *level_label);

/* Two series over n x positions (labels xl[i]): a (solid) and b (dashed). */
void styr_svg_lines(FILE *f, const char *id, const char *title, const styr_figdef *def, const char *const *xl,
                    const styr_figval *a, const styr_figval *b, int n, const char *la, const char *lb);

/* Text with &, <, > and " escaped. */
void styr_html_text(FILE *f, const char *s);

/* Axis ticks: a step of 1, 2, 2,5 or 5 x 10^k giving 3-6 ticks over [lo, hi]
 * from a multiple of the step at or below lo; the decimals to show them. */
double styr_nice_step(double lo, double hi, int *decimals);

#endif
