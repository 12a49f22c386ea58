/* styr hent: download published tables (jobindsats.dk, Statistikbanken) and
 * import them in one import, all or nothing. The work is in ingest/hent.c;
 * this file reads the command line and the token file and prints. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/msg.h"
#include "../core/num.h"
#include "../ingest/hent.h"
#include "../ws/workspace.h"
#include "cli.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr hent jobindsats [-w ARBEJDSOMRÅDE] --tabel ID[,ID...] --token-fil FIL\n"
    "                [--periode P[,P...]] [--url ADRESSE]\n"
    "      styr hent statistikbanken [-w ARBEJDSOMRÅDE] TABEL... [--periode TID[,TID...]]\n"
    "                [--var VARIABEL=VÆRDIER]... [--url ADRESSE]\n"
    "\n"
    "Henter offentlige tabeller og indlæser dem i én import: kommer én tabel ikke\n"
    "hel hjem, indlæses intet. Svarene gemmes kun i en midlertidig mappe, som altid\n"
    "slettes.\n"
    "\n"
    "jobindsats.dk (API v3; v2 hvor v3 ikke kender tabellen):\n"
    "  --tabel ID,...    fx y01a02,y60a02,y07a02,y30r21\n"
    "  --token-fil FIL   filen med nøglen fra jobindsats.dk (første linje); den vises\n"
    "                    aldrig og gemmes ikke i arbejdsområdet (chmod 600 FIL)\n"
    "  --periode P,...   perioder som jobindsats skriver dem: 2024M03, 2024Q1,\n"
    "                    2021QMAT02, 2025Y01; standard de seneste 14 måneder\n"
    "                    (y30r21: de seneste 4 løbende år)\n"
    "Statistikbanken (fx FOLK1A, koder i stedet for tekster):\n"
    "  --periode TID,... fx 2024K1,2025K1 (også --tid); standard 1. kvartal i hvert\n"
    "                    af de fem seneste år (og i år fra marts)\n"
    "  --var V=VÆRDIER   udvalg i stedet for standarden (OMRÅDE=*, for FOLK1A også\n"
    "                    KØN=1,2 og ALDER=*), fx --var ALDER=IALT\n"
    "Fælles:\n"
    "  --url ADRESSE     en anden adresse end https://api.jobindsats.dk eller\n"
    "                    https://api.statbank.dk (fx en lokal testserver)\n"
    "  -w, --workspace   arbejdsområdet (standard ./styr.ws)\n"
    "Fremskridt vises på stderr (slås fra med STYR_PROGRESS=0).\n";
static const char help_en[] =
    "Usage: styr hent jobindsats [-w WORKSPACE] --tabel ID[,ID...] --token-fil FILE\n"
    "                [--periode P[,P...]] [--url ADDRESS]\n"
    "       styr hent statistikbanken [-w WORKSPACE] TABLE... [--periode TIME[,TIME...]]\n"
    "                [--var VARIABLE=VALUES]... [--url ADDRESS]\n"
    "\n"
    "Downloads published tables and imports them in one import: if one table does\n"
    "not arrive whole, nothing is imported. The answers are kept only in a temporary\n"
    "directory, which is always removed.\n"
    "\n"
    "jobindsats.dk (API v3; v2 where v3 does not know the table):\n"
    "  --tabel ID,...    e.g. y01a02,y60a02,y07a02,y30r21\n"
    "  --token-fil FILE  the file with the key from jobindsats.dk (first line); it is\n"
    "                    never shown nor kept in the workspace (chmod 600 FILE)\n"
    "  --periode P,...   periods as jobindsats writes them: 2024M03, 2024Q1,\n"
    "                    2021QMAT02, 2025Y01; default the latest 14 months\n"
    "                    (y30r21: the latest 4 running years)\n"
    "Statistikbanken (e.g. FOLK1A, codes instead of texts):\n"
    "  --periode TIME,... e.g. 2024K1,2025K1 (also --tid); default the first quarter\n"
    "                    of each of the five latest years (and this year from March)\n"
    "  --var V=VALUES    selections instead of the default (OMRÅDE=*, for FOLK1A also\n"
    "                    KØN=1,2 and ALDER=*), e.g. --var ALDER=IALT\n"
    "Common:\n"
    "  --url ADDRESS     another address than https://api.jobindsats.dk or\n"
    "                    https://api.statbank.dk (e.g. a local test server)\n"
    "  -w, --workspace   the workspace (default ./styr.ws)\n"
    "Progress is shown on stderr (off with STYR_PROGRESS=0).\n";

#define MAX_LIST 256

/* Ctrl-C or a TERM signal during the download stops it cleanly: the
 * temporary files are removed and nothing is imported. */
static volatile sig_atomic_t cancelled;
static void on_signal(int sig)
{
    (void)sig;
    cancelled = 1;
}

typedef struct progress_state {
    int on;
    int open_line; /* "Henter ..." printed without its end */
} progress_state;

static void on_progress(void *ctx, const char *tabel, size_t i, size_t n, uint64_t bytes, int done)
{
    progress_state *ps = ctx;
    if (!ps->on) return;
    if (!done) {
        fprintf(stderr, styr_tr("Henter %s (%zu/%zu) ... ", "Fetching %s (%zu/%zu) ... "), tabel, i, n);
        ps->open_line = 1;
    } else {
        char b[32];
        fprintf(stderr, "%s bytes\n", styr_fmt_int(b, sizeof b, (long long)bytes));
        ps->open_line = 0;
    }
}

/* Split a comma list into items (pointing into s, which is changed). */
static int split(char *s, const char **out, size_t *n)
{
    for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ",")) {
        while (*tok == ' ') tok++;
        if (!*tok) continue;
        if (*n >= MAX_LIST) return -1;
        out[(*n)++] = tok;
    }
    return 0;
}

/* Read the key: the first line of path, blanks trimmed. 0, or an exit code
 * after a message. The key itself never appears in a message. */
static int read_token(styr_cli *cli, const char *path, char *out, size_t n)
{
    styr_diags d;
    styr_diags_init(&d);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        styr_rc rc = fd < 0 && errno == ENOENT ? STYR_ENOENT : STYR_EINPUT;
        styr_diag_sys(&d, rc, styr_tr("token-filen %s: %s", "the token file %s: %s"), path,
                      fd < 0 && errno == ENOENT ? styr_tr("findes ikke", "does not exist")
                      : fd < 0                  ? strerror(errno)
                                                : styr_tr("ikke en almindelig fil", "not a regular file"));
        if (fd >= 0) close(fd);
        int e = styr_cli_fail(cli, rc, &d);
        styr_diags_free(&d);
        return e;
    }
    char buf[1024];
    ssize_t k = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (k < 0) k = 0;
    buf[k] = 0;
    char *p = buf;
    if (!strncmp(p, "\xEF\xBB\xBF", 3)) p += 3;
    while (*p == ' ' || *p == '\t') p++;
    p[strcspn(p, "\r\n")] = 0;
    size_t L = strlen(p);
    while (L && (p[L - 1] == ' ' || p[L - 1] == '\t')) p[--L] = 0;
    if (!L || L >= n) {
        styr_diag_sys(&d, STYR_EINPUT,
                      L   ? styr_tr("token-filen %s: første linje er for lang til at være en nøgle",
                                    "the token file %s: the first line is too long to be a key")
                      : k > 0 ? styr_tr("token-filen %s: første linje er tom; den skal være nøglen fra jobindsats.dk",
                                        "the token file %s: the first line is empty; it must be the key from jobindsats.dk")
                              : styr_tr("token-filen %s er tom; første linje skal være nøglen fra jobindsats.dk",
                                        "the token file %s is empty; its first line must be the key from jobindsats.dk"),
                      path);
        explicit_bzero(buf, sizeof buf);
        int e = styr_cli_fail(cli, STYR_EINPUT, &d);
        styr_diags_free(&d);
        return e;
    }
    memcpy(out, p, L + 1);
    explicit_bzero(buf, sizeof buf);
    if (st.st_mode & 077)
        fprintf(stderr, styr_tr("styr hent: advarsel: token-filen %s kan læses af andre; skriv chmod 600 %s\n",
                                "styr hent: warning: the token file %s is readable by others; run chmod 600 %s\n"),
                path, path);
    return 0;
}

int styr_cmd_hent(styr_cli *cli, int argc, char **argv)
{
    cli->writes = 1;
    static const struct option opts[] = {
        {"tabel", required_argument, 0, 't'}, {"periode", required_argument, 0, 'p'}, {"tid", required_argument, 0, 'p'},
        {"token-fil", required_argument, 0, 'k'}, {"url", required_argument, 0, 'u'}, {"var", required_argument, 0, 'v'},
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *tabeller[MAX_LIST], *perioder[MAX_LIST], *vars[MAX_LIST];
    size_t nt = 0, np = 0, nv = 0;
    const char *token_file = NULL, *url = NULL;
    char *lists[2] = {0};
    int e = STYR_EXIT_USAGE;
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        if (argc >= 2) return styr_cli_help(stdout, help_da, help_en);
        fprintf(stderr, "styr hent: %s (styr hent --help)\n",
                styr_tr("angiv en kilde: jobindsats eller statistikbanken", "name a source: jobindsats or statistikbanken"));
        return STYR_EXIT_USAGE;
    }
    styr_hent_kilde kilde;
    if (!strcmp(argv[1], "jobindsats")) kilde = STYR_HENT_JOBINDSATS;
    else if (!strcmp(argv[1], "statistikbanken")) kilde = STYR_HENT_STATBANK;
    else {
        fprintf(stderr, styr_tr("styr hent: ukendt kilde '%s'; vælg jobindsats eller statistikbanken (styr hent --help)\n",
                                "styr hent: unknown source '%s'; choose jobindsats or statistikbanken (styr hent --help)\n"),
                argv[1]);
        return STYR_EXIT_USAGE;
    }
    argc--, argv++;
    int c;
    optind = 1;
    while ((c = styr_cli_getopt("hent", argc, argv, "w:h", opts)) != -1) {
        switch (c) {
        case 't':
        case 'p': {
            char *s = strdup(optarg);
            if (!s) return STYR_EXIT_SYSTEM;
            int slot = c == 't' ? 0 : 1;
            free(lists[slot]);
            lists[slot] = s;
            if (c == 't') nt = 0; else np = 0;
            if (split(s, c == 't' ? tabeller : perioder, c == 't' ? &nt : &np)) {
                fprintf(stderr, styr_tr("styr hent: højst %d værdier i %s\n", "styr hent: at most %d values in %s\n"), MAX_LIST,
                        c == 't' ? "--tabel" : "--periode");
                goto out;
            }
            break;
        }
        case 'k': token_file = optarg; break;
        case 'u': url = optarg; break;
        case 'v':
            if (nv < MAX_LIST) vars[nv++] = optarg;
            break;
        case 'w': cli->ws = optarg; break;
        case 'h': e = styr_cli_help(stdout, help_da, help_en); goto out;
        default: goto out;
        }
    }
    for (int i = optind; i < argc && nt < MAX_LIST; i++) tabeller[nt++] = argv[i];
    if (!nt) {
        fprintf(stderr, "styr hent: %s (styr hent --help)\n",
                kilde == STYR_HENT_JOBINDSATS ? styr_tr("--tabel mangler, fx --tabel y01a02,y30r21", "--tabel is missing, e.g. --tabel y01a02,y30r21")
                                              : styr_tr("angiv en tabel, fx FOLK1A", "name a table, e.g. FOLK1A"));
        goto out;
    }
    if (kilde == STYR_HENT_JOBINDSATS && !token_file) {
        fprintf(stderr, "styr hent: %s (styr hent --help)\n",
                styr_tr("--token-fil mangler: filen med nøglen fra jobindsats.dk",
                        "--token-fil is missing: the file with the key from jobindsats.dk"));
        goto out;
    }
    if (kilde == STYR_HENT_STATBANK && token_file) {
        fprintf(stderr, "styr hent: %s\n", styr_tr("Statistikbanken bruger ingen nøgle; --token-fil hører til jobindsats",
                                                   "Statistikbanken uses no key; --token-fil belongs to jobindsats"));
        goto out;
    }
    if (kilde == STYR_HENT_JOBINDSATS && nv) {
        fprintf(stderr, "styr hent: %s\n", styr_tr("--var hører til statistikbanken", "--var belongs to statistikbanken"));
        goto out;
    }
    static char token[600];
    if (token_file && (e = read_token(cli, token_file, token, sizeof token)) != 0) goto out;

    progress_state ps = {.on = !(getenv("STYR_PROGRESS") && !strcmp(getenv("STYR_PROGRESS"), "0"))};
    styr_hent_opts o = {.kilde = kilde, .base = url, .tabeller = tabeller, .ntabeller = nt, .perioder = perioder,
                        .nperioder = np, .vars = vars, .nvars = nv, .token = token_file ? token : NULL,
                        .command = cli->command, .progress = on_progress, .progress_ctx = &ps};
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    styr_hent_result res;
    memset(&res, 0, sizeof res);
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_WRITE, &ws, &d);
    struct sigaction sa = {.sa_handler = on_signal}, old_int, old_term;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    o.cancel = &cancelled;
    if (!rc) rc = styr_hent(ws, &o, &res, &d);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    explicit_bzero(token, sizeof token);
    if (ps.open_line) fputc('\n', stderr);
    if (rc == STYR_EUSAGE && !ws) e = styr_cli_fail(cli, rc, &d);
    else if (rc == STYR_EUSAGE && !res.ngot) {
        fprintf(stderr, "styr hent: %s (styr hent --help)\n", d.sys);
        e = STYR_EXIT_USAGE;
    } else if (rc) {
        e = styr_cli_fail(cli, rc, &d);
        if (rc != STYR_EINPUT && ws) fprintf(stderr, "%s\n", styr_msg_text(M_HENT_NOTHING));
    } else {
        char a[32], b[32];
        printf("%s\n", styr_tr("Hentet:", "Fetched:"));
        for (size_t i = 0; i < res.ngot; i++) {
            const styr_hent_got *g = &res.got[i];
            printf("  %s: API %s, %s bytes", g->tabel, g->api, styr_fmt_int(a, sizeof a, (long long)g->bytes));
            for (size_t k = 0; k < res.imp.nfiles; k++)
                if (!strcasecmp(res.imp.files[k].tabel, g->tabel))
                    printf(", %s %s", styr_fmt_int(b, sizeof b, (long long)res.imp.files[k].rows), styr_tr("tal", "figures"));
            printf("\n");
        }
        if (res.ngot == 1)
            printf(styr_tr("Indlæst: %s offentlige tal fra 1 tabel.\n", "Imported: %s published figures from 1 table.\n"),
                   styr_fmt_int(a, sizeof a, (long long)res.imp.rows));
        else
            printf(styr_tr("Indlæst: %s offentlige tal fra %s tabeller.\n", "Imported: %s published figures from %s tables.\n"),
                   styr_fmt_int(a, sizeof a, (long long)res.imp.rows), styr_fmt_int(b, sizeof b, (long long)res.ngot));
        if (res.imp.pop_rows) {
            char years[24];
            if (res.imp.pop_from == res.imp.pop_to) snprintf(years, sizeof years, "%d", res.imp.pop_from);
            else snprintf(years, sizeof years, "%d-%d", res.imp.pop_from, res.imp.pop_to);
            printf(styr_tr("Befolkningstallene for %s (%s rækker pr. kommune, år og alder) er erstattet fra Statistikbanken FOLK1A (1. kvartal).\n",
                           "The population for %s (%s rows by municipality, year and age) is replaced from Statistikbanken FOLK1A (1st quarter).\n"),
                   years, styr_fmt_int(a, sizeof a, (long long)res.imp.pop_rows));
        }
        e = STYR_EXIT_OK;
    }
    size_t pop = rc ? 0 : res.imp.pop_rows;
    styr_hent_result_free(&res);
    styr_ws_close(ws);
    styr_diags_free(&d);
    if (pop) styr_cli_prepare(cli);
    styr_cli_stats(cli);
out:
    free(lists[0]);
    free(lists[1]);
    return e;
}
