/* Fuzz target: any bytes as a panel file. styr_panel_open must refuse what
 * is not a well-formed panel, and iteration over what it accepts must stay
 * in bounds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "panel/panel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!path[0]) snprintf(path, sizeof path, "/tmp/styr-fuzz-panel-%ld", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    styr_diags d;
    styr_diags_init(&d);
    styr_panel *p = NULL;
    if (!styr_panel_open(path, size % 2 ? STYR_PANEL_NOVERIFY : 0, &p, &d)) {
        const styr_cols *c = styr_panel_cols(p);
        uint64_t sum = 0;
        for (uint64_t i = 0; i < c->npersons; i++) {
            size_t n;
            const char *id = styr_person_id(c, i, &n);
            sum += (unsigned char)id[n - 1];
            for (uint64_t r = c->run_off[i]; r < c->run_off[i + 1]; r++)
                sum += c->start[r] + c->len[r] + c->kom[r] + c->yd[r] + c->tb[r] + c->timer[r];
        }
        if (sum == 42) fputc(' ', stderr);
        styr_panel_close(p);
    }
    styr_diags_free(&d);
    return 0;
}
