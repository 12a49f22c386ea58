/* covcsv: a frame-conditions file (kommune;col1;col2;...) for the model of
 * styr compare --model. The first column names the municipality (its code),
 * every other column is a number (decimal comma or point). Every problem is
 * reported with file, line, column and what was expected; a bad file gives no
 * result. */
#ifndef STYR_COVCSV_H
#define STYR_COVCSV_H

#include <stddef.h>

#include "../ws/codes.h"
#include "../ws/covars.h"
#include "csv.h"

styr_rc styr_covars_read(const char *file, const void *data, size_t size, const styr_codes *codes, styr_covars *out,
                         styr_encoding *enc, char *sep, styr_diags *d);

#endif
