/* dump: write a workspace's panel as a table of runs, for the independent
 * SQL implementation in bench/duckdb/.
 *
 *   build/bench/dump WS runs.csv
 *
 * One line per run: person (the panel's index, not the id: no id leaves
 * styr), first week index, length, municipality code, ydelse code, tilbud
 * code, tenths of hours, birth (YYYYMMDD, YYYY0000 or 0). The file holds
 * person-level data: it is for benchmarks on synthetic panels, kept under
 * bench/out/, and should be deleted after use on real data. */
#include <stdio.h>
#include <stdlib.h>

#include "panel/panel.h"
#include "ws/workspace.h"

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: dump WS runs.csv\n"); return 1; }
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    const styr_panel *p;
    if (styr_ws_open(argv[1], STYR_WS_READ, &ws, &d) || styr_ws_panel(ws, &p, &d)) {
        fprintf(stderr, "dump: %s\n", d.sys);
        return 1;
    }
    FILE *f = fopen(argv[2], "w");
    if (!f) { perror(argv[2]); return 1; }
    static char buf[1 << 20];
    setvbuf(f, buf, _IOFBF, sizeof buf);
    const styr_cols *c = styr_panel_cols(p);
    const styr_dict *dc = styr_panel_dict(p);
    fprintf(f, "person,s,len,kom,yd,tb,timer,birth\n");
    for (uint64_t i = 0; i < c->npersons; i++)
        for (uint64_t r = c->run_off[i]; r < c->run_off[i + 1]; r++)
            fprintf(f, "%llu,%u,%u,%u,%s,%s,%u,%u\n", (unsigned long long)i, c->start[r], c->len[r], dc->kom[c->kom[r]],
                    dc->yd[c->yd[r]], dc->tb[c->tb[r]], c->timer[r], c->birth[i]);
    if (fclose(f)) { perror(argv[2]); return 1; }
    styr_ws_close(ws);
    styr_diags_free(&d);
    return 0;
}
