/* money: what the money figures are built from and the KL potential.
 *
 * The engine's cells hold gross cost and net municipal cost per regime (see
 * engine.h and acc_money.c); this module holds the small calculations on top. */
#ifndef STYR_MONEY_H
#define STYR_MONEY_H

/* What could be freed by doing as well as a reference (spec §7, KL): (own value -
 * reference) x the population, when positive, else 0. Values per inhabitant, in kr. */
double styr_potential(double own, double reference, double population);

#endif
