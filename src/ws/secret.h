/* secret: the workspace's key for pseudonyms (WS/pseudonymnoegle).
 *
 * 32 random bytes (OpenSSL RAND_bytes), in a file of mode 0600 in the
 * workspace directory, made by styr init; a workspace made before it gets one
 * the first time an import needs it (the caller holds the write lock). The key
 * never leaves the workspace: losing it means the same CPR number gets another
 * pseudonym, so a later import no longer meets the same person. */
#ifndef STYR_SECRET_H
#define STYR_SECRET_H

#include "../core/diag.h"
#include "../ingest/cpr.h"
#include "workspace.h"

#define STYR_SECRET_FILE "pseudonymnoegle"

/* Write a new key into directory dir (fails with STYR_EEXIST when there is one). */
styr_rc styr_secret_create(const char *dir, styr_diags *d);

/* Read the workspace's key into key. When there is none: with create (the
 * caller holds the write lock) make it first, else return STYR_ENOENT without
 * a message. */
styr_rc styr_ws_secret(styr_ws *ws, int create, unsigned char key[STYR_CPR_KEYLEN], styr_diags *d);

#endif
