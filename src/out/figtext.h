/* figtext: a figure's value as a reader sees it, in the chosen language.
 *
 *   styr_fig_text    "15,2 pct.", "9,8 uger", "1.234,5", "1.234", "54.260 kr.";
 *                    ".." for discretion, "-" for nothing to compute from,
 *                    "." for a figure that means nothing for the group
 *   styr_change_text a development with its sign and unit: "+0,3 pct.-point",
 *                    "-0,6 uger", "-9,5 pct." (percentage points for a
 *                    percentage, weeks for a duration, else percent change)
 *   styr_potential_text what could be freed: "1.875 fuldtidspersoner", "57 mio. kr."
 * Every text a report, a table or a sentence shows goes through here, so the
 * number format is the same everywhere. */
#ifndef STYR_FIGTEXT_H
#define STYR_FIGTEXT_H

#include <stddef.h>

#include "../calc/figures.h"
#include "../core/period.h"

char *styr_fig_text(char *buf, size_t cap, const styr_figdef *def, styr_figval v);
char *styr_change_text(char *buf, size_t cap, const styr_figdef *def, styr_figval change);
char *styr_potential_text(char *buf, size_t cap, styr_unit unit, styr_figval v);

/* A period in words for prose and headings: "2024", "2. kvartal 2024",
 * "juni 2024", "uge 5 2024", "12 måneder til og med marts 2024",
 * "januar-juni 2024" (year to date); English with --lang en. */
char *styr_period_words(char *buf, size_t cap, const styr_period *p);

/* A month's short name for chart axes ("jan", "feb", ...; m 1-12). */
const char *styr_month_short(int m);

/* The unit a chart's value axis is labelled with ("pct.", "uger", "kr.",
 * "fuldtidspersoner", "antal"). */
const char *styr_unit_label(styr_unit u);

/* "." to end a sentence whose last word is text, or "" when text ends with
 * one already ("57 mio. kr."). */
const char *styr_sentence_end(const char *text);

/* The legend of "..": a figure hidden by discretion (spec §8), because it
 * rests on fewer than 5 persons or could be worked out from those shown. */
const char *styr_discretion_note(void);

/* The legends of "-" (no data) and "." (not applicable). */
const char *styr_none_note(void);
const char *styr_na_note(void);

/* The legend of a period marked "*": the panel covers only part of it. */
const char *styr_incomplete_note(void);

#endif
