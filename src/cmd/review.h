/* review (commands): styr sample import and styr sample resultat, the case
 * review's filled sheet into the workspace and its result out (sample.c
 * passes them on). */
#ifndef STYR_CMD_REVIEW_H
#define STYR_CMD_REVIEW_H

#include "cli.h"

int styr_cmd_sample_import(styr_cli *cli, int argc, char **argv);
int styr_cmd_sample_result(styr_cli *cli, int argc, char **argv);

#endif
