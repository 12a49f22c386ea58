/* select: the --kommune and --ydelse lists of the figure commands.
 *
 *   --kommune  municipality codes, 'alle' (every municipality) and 'land' (the
 *              whole country, index codes->dict.nkom)
 *   --ydelse   ydelse codes, 'alle' (every group, then all public support) and
 *              'i_alt' (all public support, index 0)
 * The caller frees *out. Returns 0, or -1 for an unknown item or an empty list. */
#ifndef STYR_SELECT_H
#define STYR_SELECT_H

#include "../calc/query.h"
#include "../ws/codes.h"
#include <getopt.h>

int styr_select_kommuner(const styr_codes *c, const char *list, int **out, int *n);
int styr_select_ydelser(const styr_codes *c, const char *list, int **out, int *n);

/* The selection of a figures command (figures, money) from its --kommune,
 * --ydelse and --periode lists (NULL: the default), into q->kom/grp/per. The
 * defaults: every municipality and the country (as a table: the own
 * municipality, else the country), every group and all public support, the
 * panel's last whole year. Also checks that --intern (q->intern) has an own
 * municipality. Returns STYR_EXIT_OK, or an exit code after a message naming
 * cmd; the caller frees q->kom, q->grp and q->per with styr_select_free. */
int styr_select_query(styr_ws *ws, const styr_panel *p, const char *cmd, const char *kl, const char *yl,
                      const char *pl, int table, styr_query *q);
void styr_select_free(styr_query *q);

/* Check periods against the weeks the panel covers: a period wholly outside
 * has no data (spec §8: never shown as zero or discretion), so this says so,
 * naming the panel's span, and returns STYR_EXIT_INPUT; a period partly
 * outside is computed on the weeks covered (rows marked incomplete). */
int styr_select_in_panel(const char *cmd, const styr_panel *p, const styr_period *per, int n);

/* A figure that means nothing for group g (data/ydelser.csv, ikke_relevant)
 * is not shown, compared or set as a goal: says so and returns
 * STYR_EXIT_USAGE; else STYR_EXIT_OK (also for keys that are not figures). */
/* The default period of a command: the panel's last whole year; with
 * published figures only (kilde jobindsats, or an empty panel), their latest
 * period. */
void styr_select_default_period(styr_ws *ws, const styr_panel *p, styr_kilde kilde, char *buf, size_t cap);

/* styr_select_in_panel, where published figures count too: a period is
 * fine when the panel covers part of it (kilde auto) or when a published
 * figure has exactly its weeks (auto or jobindsats). Says what exists. */
int styr_select_in_source(const char *cmd, styr_ws *ws, const styr_panel *p, const styr_period *per, int n,
                          styr_kilde kilde);

int styr_select_applies(const char *cmd, const styr_codes *c, int g, const char *figkey);

/* ---- target groups, origin and units (calc/filter.h) ------------------------ */

/* The three options, for a command's getopt_long table, and where their
 * values go. */
enum { STYR_OPT_MAAL = 0x4d41, STYR_OPT_OPR, STYR_OPT_ENH };
#define STYR_FILTER_OPTIONS                                                                         \
    {"maalgruppe", required_argument, 0, STYR_OPT_MAAL}, {"oprindelse", required_argument, 0, STYR_OPT_OPR}, \
    {"enhed", required_argument, 0, STYR_OPT_ENH}
typedef struct styr_filter_args { const char *maal, *opr, *enh; } styr_filter_args;

/* Take option c's value when it is one of the three; 1 if taken. */
static inline int styr_filter_arg(styr_filter_args *a, int c, const char *v)
{
    if (c == STYR_OPT_MAAL) a->maal = v;
    else if (c == STYR_OPT_OPR) a->opr = v;
    else if (c == STYR_OPT_ENH) a->enh = v;
    else return 0;
    return 1;
}

/* The filter the options name, into *f (zeroed first). An unknown value is
 * said with the nearest valid one and every valid one (the panel's units
 * for --enhed), naming cmd: STYR_EXIT_USAGE; else STYR_EXIT_OK. */
int styr_select_filter(const char *cmd, const styr_panel *p, const styr_filter_args *a, styr_filter *f);

/* The help lines of the three options, in the user's language. */
const char *styr_select_filter_help(void);

/* The panel's span as text: "uge 2015-W01 til 2024-W52". */
void styr_select_span_text(const styr_panel *p, char *buf, size_t cap);

#endif
