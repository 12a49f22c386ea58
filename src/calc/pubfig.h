/* pubfig: key figures from published tables, beside or instead of styr's own.
 *
 * A municipality without a person panel still has jobindsats.dk: its a02
 * tables give, per benefit group, municipality and period, the persons, the
 * full-time persons and their share of the population (and of the labour
 * force) 16-66. pubfig reads those rows (ws/public.h) into the figure rows
 * every command prints (styr_figrow), each value labelled with its source
 * ("jobindsats y01a02, hentet 2026-11-29"); figures the tables do not carry
 * are "no data", never zero. Nothing is summed or derived: a period is used
 * only when the table has that exact span of weeks.
 *
 * The labour force (Statistikbanken, public table "arbejdsstyrke") gives
 * andel_arbejdsstyrke = full-time persons in pct. of the labour force 16-66
 * for styr's own figures too, wherever it is known for the period's year.
 *
 * Which table feeds which group and figure is data: data/jobindsats.csv
 * (table prefix -> group) and data/jobindsats_maal.csv (label -> figure). */
#ifndef STYR_PUBFIG_H
#define STYR_PUBFIG_H

#include "../ws/workspace.h"
#include "figures.h"

/* Where figures come from: styr's panel where it has the municipality and
 * period, else published figures (auto); only the panel; only published. */
typedef enum styr_kilde { STYR_KILDE_AUTO = 0, STYR_KILDE_PANEL, STYR_KILDE_JOBINDSATS } styr_kilde;

/* Parse "auto", "panel", "jobindsats"; -1 when none. */
int styr_kilde_parse(const char *s, styr_kilde *out);

typedef struct styr_pubfig styr_pubfig;

/* Load what the workspace's public tables hold for figures (a02 tables and
 * the labour force). *out is NULL-free; free with styr_pubfig_free. */
styr_rc styr_pubfig_load(styr_ws *ws, styr_pubfig **out, styr_diags *d);
void styr_pubfig_free(styr_pubfig *pf);

/* Whether pf holds any published key figure (not counting the labour force). */
int styr_pubfig_any(const styr_pubfig *pf);

/* Whether any published figure has exactly the weeks [first, last]. */
int styr_pubfig_covers(const styr_pubfig *pf, int first, int last);

/* Whether a published figure of group ydelse has exactly the weeks [first, last]. */
int styr_pubfig_has_group(const styr_pubfig *pf, const char *ydelse, int first, int last);

/* The latest period (by its last week) of the published figures, into name
 * (canonical styr name); -1 when there is none. */
int styr_pubfig_latest(const styr_pubfig *pf, char *name, size_t cap);

/* The weeks the published figures span: the first week of the earliest and
 * the last week of the latest; -1 when there is none. */
int styr_pubfig_span(const styr_pubfig *pf, int *first, int *last);

/* Fill v[] for group key ydelse (a styr group key; "offentligt_forsoergede"
 * for all public support), municipality kommune (0 the country) and the
 * weeks [first, last] from the published rows: persons, full-time persons,
 * share of the population; every other figure STYR_FV_NONE. Returns 1 and
 * sets *kilde (owned by pf) when some published value was found, else 0
 * and v is untouched. A value suppressed by the source is
 * STYR_FV_SUPPRESSED. */
int styr_pubfig_fill(const styr_pubfig *pf, const char *ydelse, int kommune, int first, int last,
                     styr_figval v[STYR_NFIG], styr_figval *ak, const char **kilde);

/* The labour force 16-66 of municipality kommune (0 the country: the sum of
 * the country's row, never of the municipalities) in year; -1 when unknown. */
double styr_pubfig_labour(const styr_pubfig *pf, int kommune, int year);

/* andel_arbejdsstyrke from a row's own values: full-time persons in pct. of
 * labour; the state of full-time persons where it is not a value, NONE where
 * the labour force is unknown. */
styr_figval styr_pubfig_ak(styr_figval fuldtid, double labour);

/* The figure's key and labels (it is not one of the panel's figures: it
 * needs a source beside the panel). */
extern const styr_figdef styr_figdef_ak;

#endif
