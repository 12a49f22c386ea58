/* cli: exit codes, diagnostics rendering, progress and statistics. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <time.h>

#include "../calc/query.h"
#include "../core/msg.h"
#include "../core/num.h"
#include "../ingest/stat.h"

int styr_cli_exit(styr_rc rc)
{
    switch (rc) {
    case STYR_OK: return STYR_EXIT_OK;
    case STYR_EUSAGE: return STYR_EXIT_USAGE;
    case STYR_EINPUT:
    case STYR_ENOENT: return STYR_EXIT_INPUT;
    case STYR_EWS:
    case STYR_ECORRUPT:
    case STYR_EBUSY:
    case STYR_EEXIST: return STYR_EXIT_WS;
    default: return STYR_EXIT_SYSTEM;
    }
}

/* A published table as JSON (a file or an API answer): its values are
 * counted by row of Data/rows/the list, not by text line (the file may be one
 * line); a JSON syntax error has a real line and column. */
static int json_rows(const char *file, styr_msg what)
{
    if (!file || what == D_PUB_JSON) return 0;
    size_t n = strlen(file);
    return (n >= 5 && !strcasecmp(file + n - 5, ".json")) || strstr(file, "format=json") || strstr(file, "/json");
}

static const char *unit_of(const char *file, styr_msg what)
{
    /* statistical files have observations, not lines */
    if (file && styr_stat_is(file)) return styr_tr("observation", "observation");
    return json_rows(file, what) ? styr_msg_text(W_ROW) : styr_msg_text(W_LINE);
}

static void where(FILE *f, const styr_diag *g)
{
    if (g->file) fprintf(f, "%s", g->file);
    const char *unit = unit_of(g->file, g->what);
    if (g->line) fprintf(f, "%s%s %llu", g->file ? ", " : "", unit, (unsigned long long)g->line);
    if (g->col) {
        fprintf(f, ", %s %u", styr_msg_text(W_COLUMN), g->col);
        if (g->colname[0]) fprintf(f, " (%s)", g->colname);
    } else if (g->colname[0]) {
        fprintf(f, "%s%s", g->file || g->line ? ", " : "", g->colname);
    }
    if (g->file || g->line || g->col || g->colname[0]) fprintf(f, ": ");
}

static void one(FILE *f, const styr_diag *g, int unknown)
{
    char n[32];
    fprintf(f, "  ");
    where(f, g);
    fprintf(f, "%s", styr_msg_text(g->what));
    if (g->value[0] || g->what == D_BAD_PERSON || g->what == D_BAD_KOMMUNE) fprintf(f, " \"%s\"", g->value);
    if (unknown && g->count > 1)
        fprintf(f, " (%s %s)", styr_fmt_int(n, sizeof n, (long long)g->count), styr_msg_text(W_OCCURRENCES));
    if (g->file2) {
        fprintf(f, "; %s %s", styr_msg_text(W_ALSO_AT), g->file2);
        if (g->line2)
            fprintf(f, ", %s %llu", unit_of(g->file2, g->what), (unsigned long long)g->line2);
    }
    if (g->expected) fprintf(f, "; %s %s", styr_msg_text(W_EXPECTED), styr_msg_text(g->expected));
    fprintf(f, "\n");
}

int styr_cli_fail(const styr_cli *cli, styr_rc rc, const styr_diags *d)
{
    FILE *f = stderr;
    char a[32], b[32];
    fprintf(f, "styr: %s", styr_msg_text(styr_rc_msg(rc)));
    if (d->sys[0]) fprintf(f, ": %s", d->sys);
    fprintf(f, "\n");
    for (size_t i = 0; i < d->n; i++) one(f, &d->v[i], 0);
    if (d->total > d->n)
        fprintf(f, "  ... %s %s\n", styr_fmt_int(a, sizeof a, (long long)(d->total - d->n)),
                styr_msg_text(W_MORE_ERRORS));
    if (d->unknown_distinct) {
        fprintf(f, "  %s: %s %s, %s %s\n", styr_msg_text(W_UNKNOWN_CODES),
                styr_fmt_int(a, sizeof a, (long long)d->unknown_distinct), styr_tr("forskellige", "distinct"),
                styr_fmt_int(b, sizeof b, (long long)d->unknown_occurrences), styr_msg_text(W_OCCURRENCES));
        for (size_t i = 0; i < d->nunknown; i++) one(f, &d->unknown[i], 1);
        if (d->unknown_distinct > d->nunknown)
            fprintf(f, "  ... %s %s\n", styr_fmt_int(a, sizeof a, (long long)(d->unknown_distinct - d->nunknown)),
                    styr_tr("flere ukendte koder er ikke vist", "more unknown codes not shown"));
    }
    if (rc == STYR_EINPUT && cli && cli->writes) fprintf(f, "%s\n", styr_msg_text(W_NOTHING_WRITTEN));
    return styr_cli_exit(rc);
}

int styr_cli_help(FILE *out, const char *da, const char *en)
{
    fputs(styr_tr(da, en), out);
    return STYR_EXIT_OK;
}

void styr_cli_progress(void *ctx, const char *what, uint64_t done, uint64_t total)
{
    styr_cli *cli = ctx;
    if (!cli || !cli->tty || !total) return;
    static struct timespec t0;
    static const char *last;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (what != last) { t0 = now; last = what; }
    double secs = (double)(now.tv_sec - t0.tv_sec) + (double)(now.tv_nsec - t0.tv_nsec) * 1e-9;
    int pct = (int)(100.0 * (double)done / (double)total);
    char bar[31];
    int fill = pct * 30 / 100;
    for (int i = 0; i < 30; i++) bar[i] = i < fill ? '#' : '.';
    bar[30] = 0;
    const char *name = strrchr(what, '/') ? strrchr(what, '/') + 1 : what;
    if (!strcmp(what, "synth"))
        fprintf(stderr, "\r  %-24.24s [%s] %3d %%", name, bar, pct);
    else
        fprintf(stderr, "\r  %-24.24s [%s] %3d %%  %.0f MB/s ", name, bar, pct,
                secs > 0 ? (double)done / secs / 1e6 : 0.0);
    if (done >= total) fprintf(stderr, "\r%*s\r", 80, "");
    fflush(stderr);
}

void styr_cli_stats(const styr_cli *cli)
{
    if (!cli->stats) return;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double secs = (double)now.tv_sec + (double)now.tv_nsec * 1e-9 - cli->t0;
    char a[32], b[32];
    fprintf(stderr, "%s: %s s, %s %s MB\n", styr_tr("tid", "time"), styr_fmt_num(a, sizeof a, secs, 3),
            styr_tr("største hukommelsesforbrug", "peak memory"),
            styr_fmt_num(b, sizeof b, (double)ru.ru_maxrss / 1024.0, 1));
}

int styr_cli_int(const char *s, long long lo, long long hi, long long *out)
{
    char *e;
    errno = 0;
    long long v = strtoll(s, &e, 10);
    if (errno || e == s || *e || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

int styr_cli_intern_denied(const char *cmd)
{
    fprintf(stderr, "styr %s: %s\n", cmd,
            styr_tr("--intern gælder kun arbejdsområdets egen kommune (styr init --kommune)",
                    "--intern applies only to the workspace's own municipality (styr init --kommune)"));
    return STYR_EXIT_USAGE;
}

void styr_cli_prepare(const styr_cli *cli)
{
    styr_diags mine;
    styr_diags_init(&mine);
    if (styr_query_prepare(cli->ws, 0, &mine))
        fprintf(stderr, "styr: %s (%s)\n",
                styr_tr("advarsel: diskretionsmønstret blev ikke gemt; det beregnes ved næste udtræk, og de indlæste"
                        " data er gemt",
                        "warning: the discretion pattern was not stored; it is computed at the next output, and the"
                        " imported data are stored"),
                mine.sys);
    styr_diags_free(&mine);
}

styr_rc styr_cli_store(const styr_cli *cli, const styr_qresult *r, styr_diags *d)
{
    (void)d;
    styr_diags mine;
    styr_diags_init(&mine);
    if (styr_query_store(cli->ws, r, &mine))
        fprintf(stderr, "styr: %s (%s)\n",
                styr_tr("advarsel: de beregnede tal blev ikke gemt til næste gang; tallene ovenfor er rigtige, og"
                        " arbejdsområdet er uændret",
                        "warning: the computed figures were not stored for next time; the figures above are right,"
                        " and the workspace is unchanged"),
                mine.sys);
    styr_diags_free(&mine);
    return STYR_OK;
}
