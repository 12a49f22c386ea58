/* styr serve: the dashboard and JSON API (web/serve.h). */
#include <getopt.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../web/serve.h"
#include "../ws/workspace.h"
#include "cli.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr serve [-w ARBEJDSOMRÅDE] [--listen 127.0.0.1:8080] [--tokens FIL] [--threads N]\n"
    "\n"
    "Start instrumentbrættet og JSON-API'et over arbejdsområdet. Sider: /kommune/KODE\n"
    "(oversigten) og /kommune/KODE/klynge?figur=... (klyngefiguren). API: /api/v1/kommuner,\n"
    "klynger, figurer, sammenlign, scorecard, maal, oekonomi, effekt og profil med samme tal\n"
    "som kommandoernes --format json. Lytter kun på loopback, medmindre --listen siger andet.\n"
    "\n"
    "Adgang: uden token vises kun arbejdsområdets egen kommune og landstal, med diskretion.\n"
    "Tokenfilen har en linje pr. token: TOKEN KOMMUNEKODE (kommunens egne tal uden\n"
    "diskretion) eller TOKEN * (alle kommuner, med diskretion). Token sendes som\n"
    "Authorization: Bearer TOKEN eller ?token=TOKEN. Person-id'er vises aldrig.\n"
    "Svarene huskes for panelet og glemmes, når en import har lagt et nyt. Stop med Ctrl-C.\n";
static const char help_en[] =
    "Usage: styr serve [-w WORKSPACE] [--listen 127.0.0.1:8080] [--tokens FILE] [--threads N]\n"
    "\n"
    "Starts the dashboard and JSON API over the workspace. Pages: /kommune/CODE (the\n"
    "overview) and /kommune/CODE/klynge?figur=... (the cluster chart). API: /api/v1/kommuner,\n"
    "klynger, figurer, sammenlign, scorecard, maal, oekonomi, effekt and profil with the same\n"
    "numbers as the commands' --format json. Listens on loopback unless --listen says otherwise.\n"
    "\n"
    "Access: without a token only the workspace's own municipality and national figures,\n"
    "with discretion. The tokens file has a line per token: TOKEN MUNICIPALITY (its own\n"
    "figures without discretion) or TOKEN * (every municipality, with discretion). Send the\n"
    "token as Authorization: Bearer TOKEN or ?token=TOKEN. Person ids are never served.\n"
    "Answers are kept for the panel and forgotten when an import installs a new one.\n"
    "Stop with Ctrl-C.\n";

/* --listen as ADDRESS:PORT with a numeric address (IPv6 in brackets), the form
 * the server binds; 0 when it is one. */
static int listen_form(const char *l)
{
    const char *colon = strrchr(l, ':');
    if (!colon || colon == l || colon - l >= 128 || !colon[1] || strspn(colon + 1, "0123456789") != strlen(colon + 1) ||
        strlen(colon + 1) > 5 || atoi(colon + 1) > 65535)
        return -1;
    char host[128];
    memcpy(host, l, (size_t)(colon - l));
    host[colon - l] = 0;
    char *h = host;
    size_t n = strlen(h);
    if (n >= 2 && h[0] == '[' && h[n - 1] == ']') h[n - 1] = 0, h++;
    struct addrinfo hints = {.ai_flags = AI_NUMERICHOST, .ai_socktype = SOCK_STREAM}, *res;
    if (getaddrinfo(h, NULL, &hints, &res)) return -1;
    freeaddrinfo(res);
    return 0;
}

int styr_cmd_serve(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {{"listen", required_argument, 0, 'l'},  {"tokens", required_argument, 0, 't'},
                                       {"threads", required_argument, 0, 'j'}, {"workspace", required_argument, 0, 'w'},
                                       {"help", no_argument, 0, 'h'},          {0, 0, 0, 0}};
    styr_serve_opts o = {.listen = "127.0.0.1:8080"};
    const char *tokfile = NULL;
    long long v;
    int c;
    optind = 1;
    while ((c = styr_cli_getopt("serve", argc, argv, "w:h", lo)) != -1) {
        switch (c) {
        case 'l': o.listen = optarg; break;
        case 't': tokfile = optarg; break;
        case 'j':
            if (styr_cli_int(optarg, 1, 64, &v)) return styr_cli_bad_option("serve", "--threads", optarg);
            o.threads = (int)v;
            break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("serve", "", argv[optind]);
    if (listen_form(o.listen)) return styr_cli_bad_option("serve", "--listen", o.listen);
    o.ws = cli->ws;
    styr_diags d;
    styr_diags_init(&d);
    styr_tokens tokens = {0};
    styr_server *s = NULL;
    int e = STYR_EXIT_OK;
    styr_rc rc = STYR_OK;
    if (tokfile) {
        styr_ws *ws;
        if (!(rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d))) {
            rc = styr_tokens_read(tokfile, styr_ws_codes(ws), &tokens, &d);
            styr_ws_close(ws);
        }
        if (rc) goto fail;
    }
    o.tokens = &tokens;
    /* block the stop signals in every thread; the main thread waits for them */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    if ((rc = styr_serve_start(&o, &s, &d))) goto fail;
    printf(styr_tr("styr serve: lytter på %s (port %d), %zu token(s). Stop med Ctrl-C.\n",
                   "styr serve: listening on %s (port %d), %zu token(s). Stop with Ctrl-C.\n"),
           o.listen, styr_serve_port(s), tokens.n);
    fflush(stdout);
    int sig;
    sigwait(&set, &sig);
    printf("%s\n", styr_tr("styr serve: stoppet.", "styr serve: stopped."));
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_serve_stop(s);
    styr_tokens_free(&tokens);
    styr_diags_free(&d);
    return e;
}
