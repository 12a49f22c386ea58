/* money: the money figures of a cube cell, and KL's potential.
 *
 * The engine's cells hold gross cost and the municipality's net cost under
 * every regime of the rules and under the regime in force each week ("auto"),
 * and net cost and weeks by step of the 2016 trappe (acc_money.c). This module
 * names the figures built from them (styr_money_defs: the JSON and CSV keys,
 * labels, units) and computes them for one regime with discretion. */
#ifndef STYR_MONEY_H
#define STYR_MONEY_H

#include "figures.h"
#include "rules.h"

enum {
    MONEY_BRUTTO,
    MONEY_REFUSION,
    MONEY_NETTO,
    MONEY_PR_FTE,
    MONEY_PR_INDB,
    MONEY_PR_INDB_18_64,
    MONEY_UDEN_SATS,
    MONEY_STEP0,                                  /* net by trappe step, then weeks by step */
    STYR_NMONEY = MONEY_STEP0 + 2 * STYR_MAXSTEPS
};
_Static_assert((int)STYR_NMONEY <= (int)STYR_NFIG, "money rows use the figure rows' value array");

/* Column definitions for n steps of the trappe (labels name the step's weeks). */
typedef struct styr_money_defs {
    styr_figdef def[STYR_NMONEY];
    char text[2 * STYR_MAXSTEPS][4][96];          /* storage for the step labels */
    int n;                                         /* columns in use */
} styr_money_defs;

void styr_money_defs_make(styr_money_defs *m, const styr_rules *r);

/* The definition of a money figure that does not depend on the rules (brutto,
 * netto, netto_pr_indbygger_18_64, ...; not the trappe steps), or NULL. */
const styr_figdef *styr_money_base_def(const char *key);

/* The money figures of a cell under regime reg (0..nreg-1, or nreg for the regime
 * in force each week), over |P| weeks, for a population aged 16-66 and 18-64.
 * Steps are shown under the trappe regime and under auto; suppress: the
 * discretion pattern hides the cell's level (sdc.h), and with it its money. */
void styr_money_of(const styr_cell *c, const styr_rules *r, int reg, int pweeks, double pop1666, double pop1864,
                   int suppress, styr_figval *out);

/* What could be freed by doing as well as a reference (spec §7, KL): (own value -
 * reference) x the population, when positive, else 0. Values per inhabitant, in kr. */
double styr_potential(double own, double reference, double population);

#endif
