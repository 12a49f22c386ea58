/* main: argv -> command table -> exit code. Nothing else lives here. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "core/diag.h"
#include "core/msg.h"
#include "ws/workspace.h"

/* Take --lang X / --lang=X and --stats out of argv wherever they are. */
static int take_globals(int *argc, char **argv, styr_cli *cli)
{
    int o = 1;
    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i];
        const char *lang = NULL;
        if (!strcmp(a, "--")) { while (i < *argc) argv[o++] = argv[i++]; break; }
        if (!strcmp(a, "--lang")) {
            if (i + 1 >= *argc) return -1;
            lang = argv[++i];
        } else if (!strncmp(a, "--lang=", 7)) {
            lang = a + 7;
        } else if (!strcmp(a, "--stats")) {
            cli->stats = 1;
            continue;
        } else {
            argv[o++] = argv[i];
            continue;
        }
        styr_lang l;
        if (styr_lang_parse(lang, &l)) return -1;
        styr_lang_set(l);
    }
    *argc = o;
    argv[o] = NULL;
    return 0;
}

int main(int argc, char **argv)
{
    styr_cli cli = {.ws = STYR_WS_DEFAULT, .tty = isatty(2)};
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    cli.t0 = (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
    size_t o = 0;
    for (int i = 0; i < argc && o < sizeof cli.command - 1; i++)
        o += (size_t)snprintf(cli.command + o, sizeof cli.command - o, "%s%s", i ? " " : "", i ? argv[i] : "styr");
    /* the command line goes into the workspace's log: never a CPR number (a
     * Ydelsesrefusion file may be named after a person) */
    styr_mask_cpr(cli.command, strlen(cli.command), 0);
    if (take_globals(&argc, argv, &cli)) {
        fprintf(stderr, "styr: --lang da|en\n");
        return STYR_EXIT_USAGE;
    }
    int i = 1;
    while (i < argc && argv[i][0] == '-') {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) { styr_cli_usage(stdout); return STYR_EXIT_OK; }
        if (!strcmp(argv[i], "--version")) { printf("styr %s\n", STYR_VERSION); return STYR_EXIT_OK; }
        if ((!strcmp(argv[i], "-w") || !strcmp(argv[i], "--workspace")) && i + 1 < argc) { cli.ws = argv[i + 1]; i += 2; continue; }
        if (!strncmp(argv[i], "--workspace=", 12)) { cli.ws = argv[i] + 12; i++; continue; }
        fprintf(stderr, "styr: %s %s (styr --help)\n", styr_tr("ukendt tilvalg", "unknown option"), argv[i]);
        return STYR_EXIT_USAGE;
    }
    if (i >= argc) { styr_cli_usage(stderr); return STYR_EXIT_USAGE; }
    const char *name = argv[i];
    if (!strcmp(name, "help")) {
        if (i + 1 >= argc) { styr_cli_usage(stdout); return STYR_EXIT_OK; }
        name = argv[i + 1];
        for (const styr_cmd *c = styr_commands; c->name; c++)
            if (!strcmp(c->name, name)) {
                char *hv[] = {(char *)name, "--help", NULL};
                return c->fn(&cli, 2, hv);
            }
    }
    for (const styr_cmd *c = styr_commands; c->name; c++)
        if (!strcmp(c->name, name)) return c->fn(&cli, argc - i, argv + i);
    fprintf(stderr, "styr: %s \"%s\" (styr --help)\n", styr_tr("ukendt kommando", "unknown command"), name);
    return STYR_EXIT_USAGE;
}
