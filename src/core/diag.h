/* diag: result codes and the caller-owned list of diagnostics.
 *
 * Every fallible library function returns a styr_rc. Details go into a
 * styr_diags that the caller owns: for bad input, one styr_diag per problem
 * with file, line, column, the offending value and what was expected; for
 * system errors, a free-text message. Unknown codes are tallied per distinct
 * code (first STYR_DIAG_KEEP kept with their first position, all counted), so
 * a file with a million rows of one misspelt code gives one line, not a
 * million. Library code never prints; the CLI renders a styr_diags. */
#ifndef STYR_DIAG_H
#define STYR_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "msg.h"

typedef enum styr_rc {
    STYR_OK = 0,
    STYR_EUSAGE,   /* the command line is wrong */
    STYR_EINPUT,   /* input data failed validation; see the diagnostics */
    STYR_ENOENT,   /* a named file does not exist */
    STYR_EIO,      /* read/write/mmap failed */
    STYR_ENOMEM,   /* an allocation sized by input failed or exceeded its cap */
    STYR_EWS,      /* not a workspace, or of an unsupported version */
    STYR_ECORRUPT, /* a stored checksum does not match */
    STYR_ESQL,     /* SQLite reported an error */
    STYR_ELIMIT,   /* a documented limit was exceeded */
    STYR_EBUSY,    /* another process holds the workspace lock */
    STYR_EEXIST    /* the thing to create exists already */
} styr_rc;

/* The message id describing a result code. */
styr_msg styr_rc_msg(styr_rc rc);

/* How many diagnostics of each list are kept for printing. */
#define STYR_DIAG_KEEP 20

typedef struct styr_diag {
    styr_msg what;       /* D_*: what is wrong */
    styr_msg expected;   /* X_*: what was expected, or M_NONE */
    const char *file;    /* interned in the owning styr_diags */
    uint64_t line;       /* 1-based; 0 when not applicable */
    uint32_t col;        /* 1-based field number; 0 when not applicable */
    char colname[40];    /* the column's header name, if known */
    char value[84];      /* the offending value, truncated, UTF-8 */
    const char *file2;   /* for duplicates: the other occurrence */
    uint64_t line2;
    uint64_t count;      /* for unknown codes: occurrences */
} styr_diag;

typedef struct styr_diags {
    styr_diag *v;          /* kept diagnostics, at most STYR_DIAG_KEEP */
    size_t n;
    uint64_t total;        /* all errors found, kept or not (unknown codes excluded) */
    styr_diag *unknown;    /* distinct unknown codes, at most STYR_DIAG_KEEP kept */
    size_t nunknown;
    uint64_t unknown_distinct;    /* all distinct unknown codes */
    uint64_t unknown_occurrences; /* all rows with an unknown code */
    char **files;          /* interned file names */
    size_t nfiles;
    uint64_t *seen;        /* private: hash set of distinct unknown codes */
    size_t seen_n, seen_cap;
    char sys[512];         /* free text for system errors ("" when none) */
    int mask_cpr;          /* set while reading a file with CPR numbers: every
                              run of 9 or more digits in a value is shown as X */
} styr_diags;

void styr_diags_init(styr_diags *d);
void styr_diags_free(styr_diags *d);   /* NULL-safe; leaves d re-initialised */

/* Errors counted so far (value errors plus unknown-code occurrences). */
uint64_t styr_diags_count(const styr_diags *d);

/* Record a value error. value/len may be NULL/0. colname may be NULL. */
void styr_diag_add(styr_diags *d, styr_msg what, styr_msg expected, const char *file,
                   uint64_t line, uint32_t col, const char *colname,
                   const char *value, size_t len);

/* Record a duplicate: the value at (file,line) also occurs at (file2,line2). */
void styr_diag_dup(styr_diags *d, styr_msg what, styr_msg expected, const char *file,
                   uint64_t line, const char *file2, uint64_t line2,
                   const char *value, size_t len);

/* Tally an unknown code; the first occurrence of each distinct code keeps its position. */
void styr_diag_unknown(styr_diags *d, styr_msg what, styr_msg expected, const char *file,
                       uint64_t line, uint32_t col, const char *colname,
                       const char *code, size_t len);

/* Replace the digits of every run that may hold a CPR number by 'X', in place:
 * a run is digits in a row, or six digits, a '-' or ' ' and three or four
 * digits (DDMMYY-SSSS); it is masked when ten of its digits in a row start
 * with a possible day and month (DDMM), or, with strict, when it has 9 digits
 * or more. File names, system messages and
 * values in diagnostics pass through this. Returns the digits masked. */
size_t styr_mask_cpr(char *s, size_t n, int strict);

/* Set the free-text system message (printf-style) and return rc. */
styr_rc styr_diag_sys(styr_diags *d, styr_rc rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
