/* url: the checks styr serve makes on what a client sends before routing.
 *
 *   styr_url_unescape  strict percent-decoding in place ("+" is a space); a
 *                      bad escape or an encoded NUL turns the whole string
 *                      into "\x01", which every check then refuses
 *   styr_url_bad_path  a path must start with "/", be at most 1024 bytes, and
 *                      hold no "..", "//", backslash or control character */
#ifndef STYR_URL_H
#define STYR_URL_H

#include <stddef.h>

#define STYR_URL_MAX 1024

size_t styr_url_unescape(char *s);
int styr_url_bad_path(const char *url);

#endif
