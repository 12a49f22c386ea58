/* cli: what every command shares: the global options, the command table,
 * exit codes, and how diagnostics, progress and statistics are printed.
 *
 * Exit codes (also in `styr --help` and the README):
 *   0 ok; 1 wrong use of the command; 2 error in input data (nothing was
 *   written); 3 the workspace cannot be used (missing, damaged, busy, exists);
 *   4 system error (I/O, memory, database, a limit). */
#ifndef STYR_CLI_H
#define STYR_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "../core/diag.h"

enum { STYR_EXIT_OK = 0, STYR_EXIT_USAGE = 1, STYR_EXIT_INPUT = 2, STYR_EXIT_WS = 3, STYR_EXIT_SYSTEM = 4 };

typedef struct styr_cli {
    const char *ws;       /* -w / --workspace, default STYR_WS_DEFAULT */
    int stats;            /* --stats */
    int tty;              /* stderr is a terminal (progress bars) */
    double t0;            /* start time */
    char command[512];    /* the command line, for logs */
    int writes;           /* the command changes the workspace all or nothing, so an
                             input error ends with "nothing was written" */
} styr_cli;

typedef int (*styr_cmd_fn)(styr_cli *cli, int argc, char **argv);

typedef struct styr_cmd {
    const char *name;
    styr_cmd_fn fn;
    const char *summary_da, *summary_en;
} styr_cmd;

extern const styr_cmd styr_commands[];

struct styr_qresult;

/* Keep the counts a command computed in the catalog for next time
 * (styr_query_store). Storing is an optimisation: when it fails (a full disk,
 * an I/O error) the figures already shown are still right and the catalog is
 * unchanged, so this prints a warning and returns STYR_OK. */
/* After a change of the panel: compute and store its discretion pattern
 * (a warning when that fails; the change itself is committed). */
void styr_cli_prepare(const styr_cli *cli);

styr_rc styr_cli_store(const styr_cli *cli, const struct styr_qresult *r, styr_diags *d);

/* Print the general help (to out). */
void styr_cli_usage(FILE *out);

/* Map a result code to an exit code. */
int styr_cli_exit(styr_rc rc);

/* Print a failed result and its diagnostics to stderr; returns the exit code. */
int styr_cli_fail(const styr_cli *cli, styr_rc rc, const styr_diags *d);

/* Print a command's help text in the current language. */
int styr_cli_help(FILE *out, const char *da, const char *en);

/* Progress callback for long reads: a one-line bar on stderr when it is a terminal. */
void styr_cli_progress(void *ctx, const char *what, uint64_t done, uint64_t total);

/* With --stats: elapsed time and peak memory on stderr. */
void styr_cli_stats(const styr_cli *cli);

/* Parse a decimal integer in [lo, hi]; 0 or -1. */
int styr_cli_int(const char *s, long long lo, long long hi, long long *out);

/* Say that --intern applies only to the workspace's own municipality; STYR_EXIT_USAGE. */
int styr_cli_intern_denied(const char *cmd);

/* Complain about a bad option value and return STYR_EXIT_USAGE. For the
 * options whose values styr knows (--kommune, --klynge, --ydelse, --tilbud,
 * --periode, --maaned, --figur, --format, --listen) it adds the nearest valid
 * value ("mente du dagpenge?") and what is valid; an empty --kommune or "0"
 * is the missing-municipality message (styr_cli_no_kommune). (hint.c) */
int styr_cli_bad_option(const char *cmd, const char *opt, const char *value);

/* Say that the command needs a municipality and how to give one (--kommune
 * CODE or NAME, or a workspace made with styr init WS --kommune K);
 * STYR_EXIT_USAGE. */
int styr_cli_no_kommune(const char *cmd);

/* The municipality a user named by code ("461", "0461") or name ("Odense",
 * "høje-taastrup", "Odense Kommune"; case, blanks, hyphens and æ/ø/å as
 * ae/oe/aa do not matter), from the reference table compiled into styr; -1
 * when there is none. */
int styr_cli_kommune_code(const char *s);

/* Parse --kommune of a command about one municipality into *code; after a
 * message naming cmd (with the nearest names) STYR_EXIT_USAGE. */
int styr_cli_kommune(const char *cmd, const char *s, long long *code);

/* Say that --format xlsx needs -o FILE (example: a file name); STYR_EXIT_USAGE. */
int styr_cli_needs_o(const char *cmd, const char *example);

struct option;
/* getopt_long with styr's own messages in the user's language (opterr is
 * cleared): an unknown option (with the nearest one), a missing value, a value
 * given to an option that takes none, each with a hint to styr CMD --help.
 * Returns what getopt_long returns ('?' after a message). */
int styr_cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts, const struct option *lo);

#endif
