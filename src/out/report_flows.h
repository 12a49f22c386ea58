/* report_flows: the flows section of the report and the dashboard (issue 14
 * §2): a Sankey-like chart of where the spells that ended went 13 weeks
 * after, the shares beside the cluster's, and the moves.
 *
 *   styr_svg_flows      the chart as inline SVG: left nodes are the groups the
 *                       spells ended in, right nodes the states after, bands as
 *                       thick as their counts; a suppressed cell is a thin
 *                       hatched band of fixed width marked "..", so neither a
 *                       band nor a node's height gives a hidden count away
 *   styr_report_flows   the section (nothing when the report has no flows) */
#ifndef STYR_REPORT_FLOWS_H
#define STYR_REPORT_FLOWS_H

#include <stdio.h>

#include "../calc/flows.h"
#include "report.h"

void styr_svg_flows(FILE *f, const char *id, const char *title, const styr_flows *fl, const styr_codes *codes, int kind);

void styr_report_flows(FILE *f, const styr_report *r);

#endif
