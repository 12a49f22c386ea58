/* hint: what the command line says when a value is wrong or missing.
 *
 * Each message names the command, the option and the value, then what was
 * probably meant (the nearest code or name, by edit distance over folded
 * names and the display names of codes) and what is valid. The candidates
 * come from the reference tables compiled into styr (the csv files in data/), so a
 * message needs no workspace; --kommune names are read from the same table. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../calc/figures.h"
#include "../core/msg.h"
#include "../core/period.h"
#include "../core/suggest.h"
#include "../ws/refdata.h"
#include "cli.h"

#define MAXROWS 128

/* One embedded table: up to three text columns of each data row. */
typedef struct table {
    int n;
    char col[MAXROWS][3][72];
} table;

static void load(table *t, const char *file)
{
    if (t->n) return;
    const styr_refdata_file *f = styr_refdata_find(file);
    if (!f) return;
    const char *p = (const char *)f->data, *end = p + f->size;
    int header = 1;
    while (p < end && t->n < MAXROWS) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        if (*p != '#' && eol > p) {
            if (header) header = 0;
            else {
                const char *q = p;
                for (int c = 0; c < 3 && q < eol; c++) {
                    const char *e = memchr(q, ';', (size_t)(eol - q));
                    if (!e) e = eol;
                    size_t len = (size_t)(e - q);
                    if (len && q[len - 1] == '\r') len--;
                    if (len >= sizeof t->col[0][0]) len = sizeof t->col[0][0] - 1;
                    memcpy(t->col[t->n][c], q, len);
                    q = e < eol ? e + 1 : eol;
                }
                t->n++;
            }
        }
        p = eol + 1;
    }
}

static table kommuner, ydelser, tilbud;

/* The municipality named s (code or name, folded), or -1; "Odense Kommune" is Odense. */
static int kommune_code(const char *s)
{
    load(&kommuner, "kommuner.csv");
    char f[80], g[80];
    size_t n = strlen(s), m;
    if (n >= 1 && n <= 4 && strspn(s, "0123456789") == n) {
        int v = atoi(s);
        for (int i = 0; i < kommuner.n; i++)
            if (atoi(kommuner.col[i][0]) == v) return v;
        return -1;
    }
    if (!(m = styr_fold(s, f, sizeof f))) return -1;
    if (m > 7 && !strcmp(f + m - 7, "kommune")) f[m - 7] = 0;
    for (int i = 0; i < kommuner.n; i++)
        if (styr_fold(kommuner.col[i][1], g, sizeof g) && !strcmp(f, g)) return atoi(kommuner.col[i][0]);
    return -1;
}

int styr_cli_kommune_code(const char *s) { return kommune_code(s); }

int styr_cli_no_kommune(const char *cmd)
{
    fprintf(stderr, "styr %s: %s\n", cmd, styr_msg_text(M_HINT_NO_KOMMUNE));
    return STYR_EXIT_USAGE;
}

int styr_cli_kommune(const char *cmd, const char *s, long long *code)
{
    int v = kommune_code(s);
    if (v < 0) return styr_cli_bad_option(cmd, "--kommune", s);
    *code = v;
    return 0;
}

int styr_cli_needs_o(const char *cmd, const char *example)
{
    fprintf(stderr, "styr %s: %s -o %s)\n", cmd, styr_msg_text(M_HINT_NEEDS_O), example);
    return STYR_EXIT_USAGE;
}

/* The first item of a list (',' and '..' separate) that ok() rejects, into
 * buf; NULL when every item is valid (the command wanted fewer or another kind). */
static const char *bad_item(const char *list, int (*ok)(const char *), char *buf, size_t cap)
{
    const char *s = list;
    while (1) {
        size_t len = strcspn(s, ",.");
        if (len < cap) {
            memcpy(buf, s, len);
            buf[len] = 0;
            if (!ok(buf)) return buf;
        } else {
            snprintf(buf, cap, "%.*s", (int)cap - 1, s);
            return buf;
        }
        s += len;
        if (!*s) break;
        s += strspn(s, ",.");
    }
    return *list ? NULL : buf;
}

static int kommune_ok(const char *s) { return !strcasecmp(s, "alle") || !strcasecmp(s, "land") || kommune_code(s) > 0; }

static int ydelse_ok(const char *s)
{
    load(&ydelser, "ydelser.csv");
    if (!strcmp(s, "alle") || !strcmp(s, "i_alt") || !strcmp(s, "offentligt_forsoergede")) return 1;
    for (int i = 0; i < ydelser.n; i++)
        if (!strcmp(s, ydelser.col[i][0])) return 1;
    return 0;
}

static int tilbud_ok(const char *s)
{
    load(&tilbud, "tilbud.csv");
    for (int i = 0; i < tilbud.n; i++)
        if (!strcmp(s, tilbud.col[i][0])) return 1;
    return 0;
}

static int period_ok(const char *s)
{
    styr_period p;
    return !styr_period_parse(s, &p);
}

static int month_ok(const char *s)
{
    styr_period p;
    return !styr_period_parse(s, &p) && p.kind == STYR_P_MONTH;
}

/* A period written in another common way, as styr writes it; 0 when none fits. */
static int period_guess(const char *s, char *out, size_t cap)
{
    int y, a;
    char k, tail;
    if (strlen(s) > 12) return 0;
    if (sscanf(s, "%4d-%2d%c", &y, &a, &tail) == 2 && a >= 1 && a <= 12) return snprintf(out, cap, "%04dM%02d", y, a), 1;
    if (sscanf(s, "%4d/%2d%c", &y, &a, &tail) == 2 && a >= 1 && a <= 12) return snprintf(out, cap, "%04dM%02d", y, a), 1;
    if (strlen(s) == 6 && strspn(s, "0123456789") == 6 && sscanf(s, "%4d%2d", &y, &a) == 2 && a >= 1 && a <= 12)
        return snprintf(out, cap, "%04dM%02d", y, a), 1;
    if ((sscanf(s, "%4d-%c%2d%c", &y, &k, &a, &tail) == 3 || sscanf(s, "%4d%c%2d%c", &y, &k, &a, &tail) == 3) &&
        y >= 1990 && y <= 2099) {
        if ((k == 'W' || k == 'w' || k == 'U' || k == 'u') && a >= 1 && a <= 53) return snprintf(out, cap, "%04dU%02d", y, a), 1;
        if ((k == 'Q' || k == 'q' || k == 'K' || k == 'k') && a >= 1 && a <= 4) return snprintf(out, cap, "%04dK%d", y, a), 1;
        if ((k == 'M' || k == 'm') && a >= 1 && a <= 12) return snprintf(out, cap, "%04dM%02d", y, a), 1;
    }
    return 0;
}

static const char *const money_keys[] = {"brutto", "refusion", "netto", "netto_pr_fuldtidsperson", "netto_pr_indbygger",
                                         "netto_pr_indbygger_18_64"};

/* Say what was probably meant and what is valid for opt, after the first line. */
static void hint(FILE *f, const char *cmd, const char *opt, const char *value)
{
    styr_cand c[3 * MAXROWS + 40];
    const char *best[64];
    char item[64];
    int n = 0, nb;
    if (!strcmp(opt, "--kommune") || !strcmp(opt, "--klynge")) {
        load(&kommuner, "kommuner.csv");
        const char *it = bad_item(value, kommune_ok, item, sizeof item);
        for (int i = 0; i < kommuner.n; i++) c[n++] = (styr_cand){kommuner.col[i][1], kommuner.col[i][1]};
        nb = it ? styr_suggest(it, c, n, 1, best, 3) : 0;
        if (!it) fprintf(f, " – %s", styr_msg_text(M_HINT_ONE_KOMMUNE));
        if (nb) {
            fprintf(f, " %s", styr_msg_text(M_HINT_DID_YOU_MEAN));
            for (int i = 0; i < nb; i++)
                fprintf(f, "%s%s (%d)", i ? (i + 1 < nb ? ", " : styr_tr(" eller ", " or ")) : " ", best[i],
                        kommune_code(best[i]));
            fputc('?', f);
        }
        fprintf(f, "\n  %s\n", styr_msg_text(strcmp(opt, "--klynge") ? M_HINT_KOMMUNE : M_HINT_KLYNGE));
        return;
    }
    if (!strcmp(opt, "--ydelse") || !strcmp(opt, "--tilbud")) {
        int yd = !strcmp(opt, "--ydelse");
        table *t = yd ? &ydelser : &tilbud;
        load(t, yd ? "ydelser.csv" : "tilbud.csv");
        const char *it = bad_item(value, yd ? ydelse_ok : tilbud_ok, item, sizeof item);
        for (int i = 0; i < t->n; i++) c[n++] = (styr_cand){t->col[i][0], t->col[i][0]};
        for (int i = 0; i < t->n; i++) c[n++] = (styr_cand){t->col[i][1], t->col[i][0]};
        for (int i = 0; i < t->n; i++) c[n++] = (styr_cand){t->col[i][2], t->col[i][0]};
        if (yd) {
            c[n++] = (styr_cand){"i_alt", "i_alt"};
            c[n++] = (styr_cand){"offentligt forsørgede i alt", "i_alt"};
            c[n++] = (styr_cand){"alle", "alle"};
        }
        nb = it ? styr_suggest(it, c, n, 1, best, 1) : 0;
        if (nb) fprintf(f, " %s %s?", styr_msg_text(M_HINT_DID_YOU_MEAN), best[0]);
        if (!it) fprintf(f, " – %s", styr_msg_text(yd ? M_HINT_ONE_YDELSE : M_HINT_ONE_TILBUD));
        fprintf(f, "\n  %s: ", styr_msg_text(M_HINT_VALID));
        for (int i = 0; i < t->n; i++) fprintf(f, "%s%s", i ? ", " : "", t->col[i][0]);
        if (yd) fprintf(f, "%s", styr_tr(", alle (hver ydelse) og i_alt (offentligt forsørgede i alt)",
                                         ", alle (each group) and i_alt (all public support)"));
        fputc('\n', f);
        return;
    }
    if (!strcmp(opt, "--periode") || !strcmp(opt, "--maaned")) {
        int month = !strcmp(opt, "--maaned");
        char guess[32];
        const char *it = bad_item(value, month ? month_ok : period_ok, item, sizeof item);
        if (it && period_guess(it, guess, sizeof guess) && (month ? month_ok : period_ok)(guess) && strcmp(guess, it))
            fprintf(f, " %s %s?", styr_msg_text(M_HINT_DID_YOU_MEAN), guess);
        fprintf(f, "\n  %s\n", styr_msg_text(!strcmp(opt, "--maaned") ? M_HINT_MAANED : it ? M_HINT_PERIODE : M_HINT_ONE_PERIODE));
        return;
    }
    if (!strcmp(opt, "--figur")) {
        for (int i = 0; i < STYR_NFIG; i++) c[n++] = (styr_cand){styr_figdefs[i].key, styr_figdefs[i].key};
        for (int i = 0; i < STYR_NFIG; i++) c[n++] = (styr_cand){styr_figdefs[i].da, styr_figdefs[i].key};
        if (strcmp(cmd, "goals add"))
            for (size_t i = 0; i < sizeof money_keys / sizeof *money_keys; i++)
                c[n++] = (styr_cand){money_keys[i], money_keys[i]};
        nb = styr_suggest(value, c, n, 1, best, 1);
        if (nb) fprintf(f, " %s %s?", styr_msg_text(M_HINT_DID_YOU_MEAN), best[0]);
        int all = styr_suggest(value, c, n, 0, best, 64);
        fprintf(f, "\n  %s: ", styr_msg_text(M_HINT_FIGURES));
        for (int i = 0; i < all; i++) fprintf(f, "%s%s", i ? ", " : "", best[i]);
        fputc('\n', f);
        return;
    }
    if (!strcmp(opt, "--format")) {
        fprintf(f, "\n  %s\n", styr_msg_text(!strcmp(value, "xlsx") ? M_HINT_NO_XLSX : M_HINT_FORMAT));
        return;
    }
    if (!strcmp(opt, "--listen")) {
        if (strspn(value, "0123456789") == strlen(value) && *value)
            fprintf(f, " %s 127.0.0.1:%s?", styr_msg_text(M_HINT_DID_YOU_MEAN), value);
        fprintf(f, "\n  %s\n", styr_msg_text(M_HINT_LISTEN));
        return;
    }
    fprintf(f, " (styr %s --help)\n", cmd);
}

int styr_cli_bad_option(const char *cmd, const char *opt, const char *value)
{
    if (!value) value = "";
    /* where a municipality is needed, "" and 0 are none (init and import merely take one) */
    if (!strcmp(opt, "--kommune") && (!*value || !strcmp(value, "0")) && strcmp(cmd, "init") && strcmp(cmd, "import"))
        return styr_cli_no_kommune(cmd);
    fprintf(stderr, "styr %s: %s %s \"%s\"", cmd, styr_tr("ugyldig værdi for", "invalid value for"), opt, value);
    hint(stderr, cmd, opt, value);
    return STYR_EXIT_USAGE;
}

int styr_cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts, const struct option *lo)
{
    opterr = 0;
    int c = getopt_long(argc, argv, shortopts, lo, NULL);
    if (c != '?') return c;
    const char *arg = optind >= 1 && optind - 1 < argc ? argv[optind - 1] : "";
    char name[64];
    if (!strncmp(arg, "--", 2)) {
        size_t len = strcspn(arg + 2, "=");
        snprintf(name, sizeof name, "--%.*s", (int)(len < 60 ? len : 60), arg + 2);
        const struct option *hit = NULL;
        int nhit = 0;
        for (const struct option *o = lo; o->name; o++)
            if (!strncmp(o->name, arg + 2, len)) {
                if (strlen(o->name) == len) { hit = o, nhit = 1; break; }
                hit = o, nhit++;
            }
        if (optopt && nhit == 1 && hit->has_arg == required_argument && !arg[2 + len]) {
            fprintf(stderr, "styr %s: --%s %s (styr %s --help)\n", cmd, hit->name, styr_msg_text(M_GETOPT_NEEDS_ARG), cmd);
            return '?';
        }
        if (optopt && nhit == 1 && hit->has_arg == no_argument && arg[2 + len] == '=') {
            fprintf(stderr, "styr %s: --%s %s (styr %s --help)\n", cmd, hit->name, styr_msg_text(M_GETOPT_NO_ARG), cmd);
            return '?';
        }
        styr_cand cand[64];
        const char *best[1];
        int n = 0;
        for (const struct option *o = lo; o->name && n < 64; o++) cand[n++] = (styr_cand){o->name, o->name};
        fprintf(stderr, "styr %s: %s %s", cmd, styr_msg_text(nhit > 1 ? M_GETOPT_AMBIGUOUS : M_GETOPT_UNKNOWN), name);
        if (nhit <= 1 && styr_suggest(name + 2, cand, n, 1, best, 1)) fprintf(stderr, " %s --%s?", styr_msg_text(M_HINT_DID_YOU_MEAN), best[0]);
        fprintf(stderr, " (styr %s --help)\n", cmd);
        return '?';
    }
    const char *sp = optopt ? strchr(shortopts, optopt) : NULL;
    if (sp && sp[1] == ':')
        fprintf(stderr, "styr %s: -%c %s (styr %s --help)\n", cmd, optopt, styr_msg_text(M_GETOPT_NEEDS_ARG), cmd);
    else
        fprintf(stderr, "styr %s: %s -%c (styr %s --help)\n", cmd, styr_msg_text(M_GETOPT_UNKNOWN), optopt ? optopt : '?', cmd);
    return '?';
}
