/* msg: every user-facing text in Danish and English.
 *
 * Library code never prints; it returns message ids (styr_msg) inside result
 * codes and diagnostics, and the CLI turns them into text in the language the
 * user chose (Danish unless --lang en). The texts live in messages.inc. */
#ifndef STYR_MSG_H
#define STYR_MSG_H

typedef enum styr_msg {
    M_NONE = 0,
#define X(id, da, en) id,
#include "messages.inc"
#undef X
    M_COUNT
} styr_msg;

typedef enum styr_lang { STYR_LANG_DA = 0, STYR_LANG_EN = 1 } styr_lang;

/* Set the process-wide language (main calls it once, before anything prints). */
void styr_lang_set(styr_lang lang);
styr_lang styr_lang_get(void);

/* Parse "da" or "en"; returns 0 on success, -1 otherwise. */
int styr_lang_parse(const char *s, styr_lang *out);

/* The text of a message in the current language; never NULL (M_NONE is ""). */
const char *styr_msg_text(styr_msg id);

/* Pick one of two literal texts by the current language. */
const char *styr_tr(const char *da, const char *en) __attribute__((format_arg(1))) __attribute__((format_arg(2)));

#endif
