/* refdata: lookup in the embedded reference tables. */
#include "refdata.h"

#include <string.h>

const styr_refdata_file *styr_refdata_find(const char *name)
{
    for (const styr_refdata_file *f = styr_refdata; f->name; f++)
        if (!strcmp(f->name, name)) return f;
    return NULL;
}
