/* cmds: one function per subcommand, all with the styr_cmd_fn signature, and
 * the few printers they share. The table that names them is in commands.c. */
#ifndef STYR_CMDS_H
#define STYR_CMDS_H

#include "../ingest/import.h"
#include "../out/figout.h"
#include "cli.h"

int styr_cmd_init(styr_cli *cli, int argc, char **argv);
int styr_cmd_import(styr_cli *cli, int argc, char **argv);
int styr_cmd_synth(styr_cli *cli, int argc, char **argv);
int styr_cmd_info(styr_cli *cli, int argc, char **argv);
int styr_cmd_noegletal(styr_cli *cli, int argc, char **argv);
int styr_cmd_figures(styr_cli *cli, int argc, char **argv);
int styr_cmd_money(styr_cli *cli, int argc, char **argv);
int styr_cmd_budget(styr_cli *cli, int argc, char **argv);
int styr_cmd_invest(styr_cli *cli, int argc, char **argv);
int styr_cmd_compare(styr_cli *cli, int argc, char **argv);
int styr_cmd_scorecard(styr_cli *cli, int argc, char **argv);
int styr_cmd_goals(styr_cli *cli, int argc, char **argv);
int styr_cmd_profile(styr_cli *cli, int argc, char **argv);
int styr_cmd_report(styr_cli *cli, int argc, char **argv);
int styr_cmd_effect(styr_cli *cli, int argc, char **argv);
int styr_cmd_offers(styr_cli *cli, int argc, char **argv);
int styr_cmd_sample(styr_cli *cli, int argc, char **argv);
int styr_cmd_serve(styr_cli *cli, int argc, char **argv);
int styr_cmd_benchmark(styr_cli *cli, int argc, char **argv);
int styr_cmd_hent(styr_cli *cli, int argc, char **argv);
int styr_cmd_afstem(styr_cli *cli, int argc, char **argv);
int styr_cmd_progression(styr_cli *cli, int argc, char **argv);
int styr_cmd_flows(styr_cli *cli, int argc, char **argv);
/* afstem --kilde jobindsats (afstem_ji.c): styr's figures beside jobindsats' (taerskel in pct.). */
int styr_afstem_jobindsats(styr_cli *cli, const char *periode, int kommune, const char *ydelse, double taerskel,
                           int intern, styr_format fmt);

/* For styr info: the Ydelsesrefusion rows a workspace holds (nothing when none). */
void styr_info_ydelsesrefusion(sqlite3 *db);
/* For styr info: the progression assessments a workspace holds (nothing when none). */
void styr_info_progression(sqlite3 *db);

/* What an import read, file by file, and what it did (shared by import and synth). */
void styr_print_import_files(const styr_import_result *res);
void styr_print_import_result(const styr_import_result *res, int check);

#endif
