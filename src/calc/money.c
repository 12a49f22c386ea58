/* money: the potential against a reference level. */
#include "money.h"

double styr_potential(double own, double reference, double population)
{
    double p = (own - reference) * population;
    return p > 0 ? p : 0;
}
