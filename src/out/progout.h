/* progout: styr progression's result as a table, Danish CSV or JSON, and as
 * the report's section (report_progression.c).
 *
 * Values follow the four states: a number, ".." (discretion: 1-4 persons),
 * "-" (no data) and "." (not applicable: the change in scale points of an
 * indicator whose scales differ); JSON gives null with "diskretion": true or
 * the key listed under "ikke_relevant". Shares in percent. */
#ifndef STYR_PROGOUT_H
#define STYR_PROGOUT_H

#include <stdio.h>

#include "../calc/progstat.h"
#include "figout.h"

typedef struct styr_progout {
    const styr_prog *prog;     /* the names */
    const styr_codes *codes;
    int kommune;               /* code, 0 all */
    const char *kommunenavn;   /* NULL when all */
    int tilbud;                /* -1 all */
    uint64_t gone;             /* stored assessments of persons no longer in the panel */
    const char *maalgruppe;    /* the filter's label (calc/filter.h), NULL none */
} styr_progout;

/* Write res in fmt (table, csv or json). 0, or -1 on a write error. */
int styr_progout_write(FILE *f, styr_format fmt, const styr_prog_result *res, const styr_progout *o);

/* The name of a row's offer kind ("i alt", "intet tilbud", the offer's name). */
const char *styr_progout_tilbud(const styr_codes *codes, int t);

/* A value as text: the number with decimals (Danish), or "..", "-", ".". */
char *styr_progout_val(char *buf, size_t cap, styr_prog_value v, int decimals, int suppressed);

#endif
