/* msg: the message table and the process-wide language. */
#include "msg.h"

#include <string.h>

static styr_lang current = STYR_LANG_DA;

static const char *const texts[M_COUNT][2] = {
    [M_NONE] = {"", ""},
#define X(id, da, en) [id] = {da, en},
#include "messages.inc"
#undef X
};

void styr_lang_set(styr_lang lang) { current = lang; }
styr_lang styr_lang_get(void) { return current; }

int styr_lang_parse(const char *s, styr_lang *out)
{
    if (!strcmp(s, "da")) { *out = STYR_LANG_DA; return 0; }
    if (!strcmp(s, "en")) { *out = STYR_LANG_EN; return 0; }
    return -1;
}

const char *styr_msg_text(styr_msg id)
{
    if ((unsigned)id >= M_COUNT) return "";
    return texts[id][current];
}

const char *styr_tr(const char *da, const char *en) { return current == STYR_LANG_EN ? en : da; }
