/* fuzz_ws: the workspace the fuzz targets read codes from, made once in
 * LLVMFuzzerInitialize (a fresh workspace in a temporary directory with the
 * built-in reference tables), in the global ws. */
#ifndef STYR_FUZZ_WS_H
#define STYR_FUZZ_WS_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ws/workspace.h"

static styr_ws *ws;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char dir[] = "/tmp/styr-fuzz-XXXXXX";
    if (!mkdtemp(dir)) abort();
    char path[64];
    snprintf(path, sizeof path, "%s/ws", dir);
    styr_diags d;
    styr_diags_init(&d);
    if (styr_ws_init(path, NULL, 0, &d) || styr_ws_open(path, STYR_WS_READ, &ws, &d)) abort();
    styr_diags_free(&d);
    return 0;
}

#endif
