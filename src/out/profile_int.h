/* profile_int: the loaded profile data, shared by profile.c (the sentences)
 * and profile_data.c (reading data/profil_*.csv). Internal to src/out. */
#ifndef STYR_PROFILE_INT_H
#define STYR_PROFILE_INT_H

#include "profile.h"

typedef struct styr_pdir {
    char fig[40];
    int g;                 /* group index, -1 every group */
    int tema, dir, applies;
    char reason[320];
} styr_pdir;

typedef struct styr_prec {
    int tema;
    char fig[40];          /* "*": any challenge in the theme */
    int g;                 /* -1: any group */
    char text[480];
} styr_prec;

struct styr_profile_data {
    styr_pdir *d;
    int nd, capd;
    styr_prec *r;
    int nr, capr;
    char tema_da[STYR_NTEMAER][96], tema_en[STYR_NTEMAER][96];
    char tom_da[STYR_NTEMAER][240], tom_en[STYR_NTEMAER][240];
};

#endif
