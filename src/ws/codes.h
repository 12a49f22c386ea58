/* codes: the workspace's code tables in memory, with fast lookups.
 *
 * Municipalities, benefit groups (ydelser), offers (tilbud) and the DREAM
 * branch-code mapping are loaded once from the catalog. The panel stores
 * small indexes; the dictionary (panel.h) ties them to these codes. Lookups
 * of ydelse and tilbud accept the code exactly, and after that any spelling
 * that folds to it (case, æ/ø/å written as ae/oe/aa), so "Kontanthjælp" and
 * "løntilskud" are read as kontanthjaelp and loentilskud. */
#ifndef STYR_CODES_H
#define STYR_CODES_H

#include <stddef.h>
#include <stdint.h>

#include "../panel/panel.h"

#define STYR_DREAM_MAX 1000

typedef struct styr_codes {
    styr_dict dict;                          /* index <-> code */
    int16_t kom_idx[1000];                   /* municipality code -> index, -1 unknown */
    char kom_name[STYR_MAX_KOMMUNER][40];
    char kom_region[STYR_MAX_KOMMUNER][24];
    char yd_name[STYR_MAX_CODES][64];        /* Danish name of each ydelse index */
    char yd_name_en[STYR_MAX_CODES][64];
    uint8_t yd_public[STYR_MAX_CODES];       /* counts as public support (offentlig forsørgelse) */
    uint8_t yd_edu[STYR_MAX_CODES];          /* education (SU): the group with code "uddannelse", never public */
    uint8_t yd_trappe[STYR_MAX_CODES];       /* counts toward the 2016 refusion staircase */
    uint32_t yd_na[STYR_MAX_CODES];          /* figures (bit f = styr_fig f) that mean nothing for the group */
    uint32_t yd_nodir[STYR_MAX_CODES];       /* figures shown for the group but neither better nor worse higher */
    /* union groups (ydelser.csv, column dele): yd_union[g] is the union a group
     * is part of (0 = none; a group is part of at most one), yd_is_union[u] marks
     * a union. No record is ever in a union: its figures are derived from its
     * parts in the engine's pass, its spells running across changes between them. */
    uint8_t yd_union[STYR_MAX_CODES];
    uint8_t yd_is_union[STYR_MAX_CODES];
    uint16_t yd_from[STYR_MAX_CODES];        /* first year the group exists (ydelser.csv fra); 0 = always */
    char tb_name[STYR_MAX_CODES][64];
    char tb_name_en[STYR_MAX_CODES][64];
    /* DREAM branch code -> ydelse/tilbud index; dream_known 0 = unknown code,
     * 1 = a record, 2 = a code that means "no record" (e.g. SU, emigrated) */
    uint8_t dream_known[STYR_DREAM_MAX];
    uint8_t dream_yd[STYR_DREAM_MAX];
    uint8_t dream_tb[STYR_DREAM_MAX];
    uint8_t hash_yd[256], hash_tb[256];      /* private: lookup accelerators */
} styr_codes;

/* Index of a ydelse / tilbud code; 0 for empty text; -1 when unknown. A
 * ydelse "su" (any case) is the education group "uddannelse" when the table has it. */
int styr_codes_ydelse(const styr_codes *c, const char *s, size_t n);
int styr_codes_tilbud(const styr_codes *c, const char *s, size_t n);

/* Index of a municipality given as a code ("461", "0461") or a name ("Odense",
 * "høje-taastrup", "Odense Kommune": folded as styr_fold does), or -1. */
int styr_codes_kommune(const styr_codes *c, const char *s, size_t n);

/* Build the lookup accelerators after the tables are filled. */
void styr_codes_finish(styr_codes *c);

/* A group's key and name as figures show it: index 0 is all public support
 * ("offentligt_forsoergede", "Offentligt forsørgede i alt"); the name follows --lang. */
const char *styr_group_key(const styr_codes *c, int g);
const char *styr_group_name(const styr_codes *c, int g);

/* The figures (bit f = styr_fig f) that mean nothing for group g (g > 0) in a
 * period whose last week is last_week: ydelser.csv ikke_relevant, and every
 * figure when the period ends before the group's first year (fra). */
uint32_t styr_group_na(const styr_codes *c, int g, int last_week);

/* An offer's name (tilbud.csv: navn, or navn_en with --lang en); t > 0. */
const char *styr_offer_name(const styr_codes *c, int t);

#endif
