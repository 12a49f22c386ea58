/* stat: SAS, Stata and SPSS files through ReadStat.
 *
 * Register data often comes as SAS7BDAT (DREAM is distributed that way), or
 * as Stata .dta, SPSS .sav/.zsav/.por, or SAS transport .xpt. This module
 * reads such a file with ReadStat and hands its variable names as a header
 * and each observation as a row of text fields, so that the same validation
 * (rows.h) serves every format. Numbers become integer text when integral.
 * The row number given to diagnostics is the observation number (1-based). */
#ifndef STYR_STAT_H
#define STYR_STAT_H

#include <stdint.h>

#include "../core/diag.h"
#include "csv.h"

typedef int (*styr_table_cb)(void *ctx, const styr_field *f, size_t nf, uint64_t line);
typedef void (*styr_progress_cb)(void *ctx, uint64_t done, uint64_t total);

/* 1 when the file name has an extension ReadStat reads. */
int styr_stat_is(const char *path);

/* Read path; header is called once, then row for every observation. A
 * callback returning non-zero stops the read (that value is returned as
 * STYR_EINPUT for -1 from header, STYR_ENOMEM for -1 from row). */
styr_rc styr_stat_read(const char *path, styr_table_cb header, styr_table_cb row, void *ctx,
                       styr_progress_cb progress, void *pctx, uint64_t *rows, styr_diags *d);

#endif
