/* refdata: the reference tables compiled into the binary from data/.
 *
 * tools/embed.c generates the array at build time; styr init loads from it
 * unless told to read a data directory instead. */
#ifndef STYR_REFDATA_H
#define STYR_REFDATA_H

#include <stddef.h>

typedef struct styr_refdata_file {
    const char *name;           /* file name, e.g. "kommuner.csv" */
    const unsigned char *data;
    size_t size;
} styr_refdata_file;

/* Terminated by an entry with name == NULL. */
extern const styr_refdata_file styr_refdata[];

/* The embedded file of that name, or NULL. */
const styr_refdata_file *styr_refdata_find(const char *name);

#endif
