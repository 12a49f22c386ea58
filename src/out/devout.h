/* devout: the development month by month (calc/develop.h) as a reader gets
 * it from `styr figures --udvikling`: a table, Danish Excel CSV or JSON.
 *
 * Each group has its year to date first (against the same months of the year
 * before), then the months, the latest first. A value hidden by discretion is
 * ".." (CSV and table) or null named in "diskretion" (JSON); no data is "–"
 * in the table, an empty CSV cell, and null not named in "diskretion". */
#ifndef STYR_DEVOUT_H
#define STYR_DEVOUT_H

#include "../calc/develop.h"
#include "../ws/codes.h"
#include "figout.h"

/* Write dv for municipality code kommune (0: the country) named navn, in
 * format fmt (table, csv or json) to path (NULL: standard output). */
styr_rc styr_devout_write(const styr_dev *dv, const styr_codes *codes, int kommune, const char *navn, styr_format fmt,
                          const char *path, styr_diags *d);

#endif
