/* Table-driven tests of the key-figure engine on hand-computed panels.
 *
 * Each case is a small long-CSV panel and a list of expectations: a period, a
 * municipality (0 = the whole country), a group ("" = offentligt forsørgede i
 * alt), a field of the cell or a figure, and the value worked out by hand in
 * the comment beside it. Most panels carry a sentinel person Z with one week
 * in 2025-W52, so the panel's last week is known and spells before it have
 * ended (spec §4: a spell ending within 3 weeks of the panel's last week is
 * ongoing). */
#include "harness.h"

#include <math.h>

#include "calc/query.h"

#define HDR "person;uge;kommune;ydelse;tilbud;timer\n"
#define SENTINEL "Z;2025-W52;851;;;37\n"

typedef enum {
    C_WEEKS, C_ACTIVE, C_PERSONS, C_YWEEKS, C_YPERSONS, C_STARTED, C_STARTED_P, C_ENDED, C_ENDED_LEN, C_INPROG,
    C_INPROG_LONG, C_S4_JOB, C_S13_JOB, C_S13_SELV, C_S13_YDELSE, C_S13_NOTYET, C_S13_P,
    V_FIG /* compare styr_figdefs[fig] value; NAN = suppressed, -1 = nothing to compute */
} field;

typedef struct expect {
    const char *periode;
    int kommune;
    const char *ydelse;
    field what;
    int fig;
    double want;
} expect;

typedef struct testcase {
    const char *name;
    const char *csv;
    const char *extra;   /* a second file (persons or population), or NULL */
    int intern;          /* the workspace's own municipality is 101 */
    expect e[16];
} testcase;

static uint64_t cell_field(const styr_cell *c, field f)
{
    switch (f) {
    case C_WEEKS: return c->weeks;
    case C_ACTIVE: return c->active;
    case C_PERSONS: return c->persons;
    case C_YWEEKS: return c->y_weeks;
    case C_YPERSONS: return c->y_persons;
    case C_STARTED: return c->started;
    case C_STARTED_P: return c->started_p;
    case C_ENDED: return c->ended;
    case C_ENDED_LEN: return c->ended_len;
    case C_INPROG: return c->inprog;
    case C_INPROG_LONG: return c->inprog_long;
    case C_S4_JOB: return c->status[0][STYR_ST_JOB];
    case C_S13_JOB: return c->status[1][STYR_ST_JOB];
    case C_S13_SELV: return c->status[1][STYR_ST_SELV];
    case C_S13_YDELSE: return c->status[1][STYR_ST_YDELSE];
    case C_S13_NOTYET: return c->status[1][STYR_ST_NOTYET];
    case C_S13_P: return c->status_p[1];
    default: return 0;
    }
}

#define F(fig, v) V_FIG, fig, v
#define C(field, v) field, 0, v
#define SUPP NAN

static const testcase cases[] = {
    {"spec §9 worked example",
     HDR "A;2024-W01;101;kontanthjaelp;;\nA;2024-W02;101;kontanthjaelp;;\nA;2024-W03;101;kontanthjaelp;;\n"
         "A;2024-W04;101;kontanthjaelp;;\nB;2024-W01;101;kontanthjaelp;praktik;\nB;2024-W02;101;kontanthjaelp;praktik;\n",
     NULL, 1,
     {/* person-weeks 6, fuldtidspersoner 6/4 = 1,5, personer 2, aktiveringsgrad 100*2/6 = 33,3 */
      {"2024M01", 101, "kontanthjaelp", C(C_WEEKS, 6)},
      {"2024M01", 101, "kontanthjaelp", F(FIG_FULDTIDSPERSONER, 1.5)},
      {"2024M01", 101, "kontanthjaelp", F(FIG_PERSONER, 2)},
      {"2024M01", 101, "kontanthjaelp", F(FIG_AKTIVERINGSGRAD, 100.0 * 2 / 6)},
      /* the same for all public support; outside January nothing */
      {"2024M01", 101, "", C(C_WEEKS, 6)},
      {"2024M02", 101, "kontanthjaelp", C(C_WEEKS, 0)}}},

    {"3-week gap bridged, 4-week gap ends the spell",
     HDR
     /* P1 in 101: dagpenge W10-W19, no record W20-W22 (3 weeks), dagpenge W23-W30:
      * one spell W10..W30 of length 21, ended in July 2023 (W30's Thursday is 27 July) */
     "P1;2023-W10;101;dagpenge;;\nP1;2023-W11;101;dagpenge;;\nP1;2023-W12;101;dagpenge;;\nP1;2023-W13;101;dagpenge;;\n"
     "P1;2023-W14;101;dagpenge;;\nP1;2023-W15;101;dagpenge;;\nP1;2023-W16;101;dagpenge;;\nP1;2023-W17;101;dagpenge;;\n"
     "P1;2023-W18;101;dagpenge;;\nP1;2023-W19;101;dagpenge;;\nP1;2023-W23;101;dagpenge;;\nP1;2023-W24;101;dagpenge;;\n"
     "P1;2023-W25;101;dagpenge;;\nP1;2023-W26;101;dagpenge;;\nP1;2023-W27;101;dagpenge;;\nP1;2023-W28;101;dagpenge;;\n"
     "P1;2023-W29;101;dagpenge;;\nP1;2023-W30;101;dagpenge;;\n"
     /* P2 in 147: the same but a 4-week gap W20-W23: spells W10..W19 (10) and W24..W30 (7) */
     "P2;2023-W10;147;dagpenge;;\nP2;2023-W11;147;dagpenge;;\nP2;2023-W12;147;dagpenge;;\nP2;2023-W13;147;dagpenge;;\n"
     "P2;2023-W14;147;dagpenge;;\nP2;2023-W15;147;dagpenge;;\nP2;2023-W16;147;dagpenge;;\nP2;2023-W17;147;dagpenge;;\n"
     "P2;2023-W18;147;dagpenge;;\nP2;2023-W19;147;dagpenge;;\nP2;2023-W24;147;dagpenge;;\nP2;2023-W25;147;dagpenge;;\n"
     "P2;2023-W26;147;dagpenge;;\nP2;2023-W27;147;dagpenge;;\nP2;2023-W28;147;dagpenge;;\nP2;2023-W29;147;dagpenge;;\n"
     "P2;2023-W30;147;dagpenge;;\n" SENTINEL,
     NULL, 1,
     {{"2023", 101, "dagpenge", C(C_STARTED, 1)},
      {"2023", 101, "dagpenge", C(C_ENDED, 1)},
      {"2023", 101, "dagpenge", C(C_ENDED_LEN, 21)},   /* the bridged gap counts in the length */
      {"2023", 101, "dagpenge", C(C_WEEKS, 18)},       /* but not as weeks on benefit */
      {"2023M07", 101, "dagpenge", C(C_ENDED, 1)},
      {"2023", 147, "dagpenge", C(C_STARTED, 2)},
      {"2023", 147, "dagpenge", C(C_ENDED, 2)},
      {"2023", 147, "dagpenge", C(C_ENDED_LEN, 17)},   /* varighed (10 + 7) / 2 = 8,5 */
      {"2023M05", 147, "dagpenge", C(C_ENDED, 1)},     /* W19's Thursday is 11 May */
      {"2023", 0, "dagpenge", C(C_ENDED, 3)},
      {"2023", 0, "dagpenge", C(C_STARTED_P, 2)}}},

    {"spell across the year end and a move",
     HDR
     /* P3: kontanthjaelp 2023-W45..W52 in 101, 2024-W01..W10 in 147 (2023 has 52 weeks):
      * one spell of 18 weeks that belongs to 147, the municipality of its last week */
     "P3;2023-W45;101;kontanthjaelp;;\nP3;2023-W46;101;kontanthjaelp;;\nP3;2023-W47;101;kontanthjaelp;;\n"
     "P3;2023-W48;101;kontanthjaelp;;\nP3;2023-W49;101;kontanthjaelp;;\nP3;2023-W50;101;kontanthjaelp;;\n"
     "P3;2023-W51;101;kontanthjaelp;;\nP3;2023-W52;101;kontanthjaelp;;\nP3;2024-W01;147;kontanthjaelp;;\n"
     "P3;2024-W02;147;kontanthjaelp;;\nP3;2024-W03;147;kontanthjaelp;;\nP3;2024-W04;147;kontanthjaelp;;\n"
     "P3;2024-W05;147;kontanthjaelp;;\nP3;2024-W06;147;kontanthjaelp;;\nP3;2024-W07;147;kontanthjaelp;;\n"
     "P3;2024-W08;147;kontanthjaelp;;\nP3;2024-W09;147;kontanthjaelp;;\nP3;2024-W10;147;kontanthjaelp;;\n" SENTINEL,
     NULL, 1,
     {{"2023", 101, "kontanthjaelp", C(C_WEEKS, 8)},
      {"2023", 101, "kontanthjaelp", C(C_STARTED, 0)},
      {"2023", 147, "kontanthjaelp", C(C_STARTED, 1)},
      {"2024", 147, "kontanthjaelp", C(C_ENDED, 1)},
      {"2024", 147, "kontanthjaelp", C(C_ENDED_LEN, 18)},
      {"2024", 147, "kontanthjaelp", C(C_WEEKS, 10)},
      {"2024", 101, "kontanthjaelp", C(C_WEEKS, 0)},
      /* the country counts the person once in the last week of 2023 (in 101) */
      {"2023", 101, "kontanthjaelp", C(C_INPROG, 1)},
      {"2023", 0, "kontanthjaelp", C(C_INPROG, 1)}}},

    {"exactly 52 and 53 weeks (langvarige: more than 52)",
     HDR
     /* P4: sygedagpenge from 2023-W01 without a break to 2024-W26. At 2023-W52 the length
      * so far is 52 (not long); at 2024-W01 it is 53 (long); at the end of 2024M01 (W04) 56 */
     "P4;2023-W01;461;sygedagpenge;;\n" /* (the rest of the weeks are added by the test) */ SENTINEL,
     NULL, 1,
     {{"2023U52", 461, "sygedagpenge", C(C_INPROG, 1)},
      {"2023U52", 461, "sygedagpenge", C(C_INPROG_LONG, 0)},
      {"2024U01", 461, "sygedagpenge", C(C_INPROG_LONG, 1)},
      {"2024M01", 461, "sygedagpenge", C(C_INPROG_LONG, 1)},
      {"2024M01", 461, "", C(C_INPROG_LONG, 1)},
      {"2023", 461, "sygedagpenge", C(C_INPROG_LONG, 0)},
      {"2024", 461, "sygedagpenge", C(C_INPROG, 0)},   /* not on benefit in 2024-W52 */
      {"2024", 461, "sygedagpenge", C(C_ENDED_LEN, 78)}}},

    {"status after an ending near the end of the panel",
     HDR
     /* P5: dagpenge 2025-W30..W41 (panel ends 2025-W52: 11 weeks later, so it has ended);
      * a job week in 2025-W45 (= W41 + 4): status 4 weeks after is job; W41 + 13 lies past
      * the panel: not yet measurable, never counted as a failure */
     "P5;2025-W30;101;dagpenge;;\nP5;2025-W31;101;dagpenge;;\nP5;2025-W32;101;dagpenge;;\n"
     "P5;2025-W33;101;dagpenge;;\nP5;2025-W34;101;dagpenge;;\nP5;2025-W35;101;dagpenge;;\n"
     "P5;2025-W36;101;dagpenge;;\nP5;2025-W37;101;dagpenge;;\nP5;2025-W38;101;dagpenge;;\n"
     "P5;2025-W39;101;dagpenge;;\nP5;2025-W40;101;dagpenge;;\nP5;2025-W41;101;dagpenge;;\n"
     "P5;2025-W45;101;;;37\n"
     /* P6: dagpenge ending 2025-W49, 3 weeks before the panel's end: ongoing, not ended */
     "P6;2025-W48;101;dagpenge;;\nP6;2025-W49;101;dagpenge;;\n" SENTINEL,
     NULL, 1,
     {{"2025", 101, "dagpenge", C(C_ENDED, 1)},
      {"2025", 101, "dagpenge", C(C_STARTED, 2)},
      {"2025", 101, "dagpenge", C(C_S4_JOB, 1)},
      {"2025", 101, "dagpenge", C(C_S13_NOTYET, 1)},
      {"2025", 101, "dagpenge", C(C_S13_P, 0)},
      {"2025", 101, "dagpenge", F(FIG_JOB_4U, 100)},
      {"2025", 101, "dagpenge", F(FIG_JOB_3MDR, -1)},  /* nothing measurable yet */
      {"2025", 101, "dagpenge", F(FIG_VARIGHED, 12)}}},

    {"53-week year",
     HDR "Y;2020-W49;101;dagpenge;;\n" SENTINEL, /* W49..W53 added by the test below */
     NULL, 1,
     {/* 2020 has 53 weeks: one person on dagpenge W49-W53 = 5 weeks, 5/53 full-time;
       * December 2020 is W49..W53 (Thursday 31 December), so 5/5 = 1,0 */
      {"2020", 101, "dagpenge", C(C_WEEKS, 5)},
      {"2020", 101, "dagpenge", F(FIG_FULDTIDSPERSONER, 5.0 / 53)},
      {"2020M12", 101, "dagpenge", F(FIG_FULDTIDSPERSONER, 1.0)},
      {"2021M01", 101, "dagpenge", C(C_WEEKS, 0)}}},

    {"under 30 on the Thursday",
     HDR "U;2024-W09;101;kontanthjaelp;;\nU;2024-W10;101;kontanthjaelp;;\nU;2024-W11;101;kontanthjaelp;;\n"
         "U;2024-W12;101;kontanthjaelp;;\n",
     "person;foedt;koen\nU;1994-03-08;K\n", 1,
     {/* born Friday 8 March 1994: 29 on Thursday 7 March 2024 (W10), 30 on 14 March (W11).
       * Young weeks W09, W10; March 2024 = W10..W13, so 1 young week of 3 */
      {"2024", 101, "kontanthjaelp", C(C_YWEEKS, 2)},
      {"2024M03", 101, "kontanthjaelp", C(C_WEEKS, 3)},
      {"2024M03", 101, "kontanthjaelp", C(C_YWEEKS, 1)},
      {"2024M03", 101, "kontanthjaelp", C(C_YPERSONS, 1)},
      {"2024M04", 101, "kontanthjaelp", C(C_YWEEKS, 0)}}},

    {"discretion at 4 and 5 persons",
     HDR "a1;2024-W01;101;uddannelseshjaelp;;\na2;2024-W01;101;uddannelseshjaelp;;\n"
         "a3;2024-W01;101;uddannelseshjaelp;;\na4;2024-W01;101;uddannelseshjaelp;;\n"
         "b1;2024-W01;147;uddannelseshjaelp;;\nb2;2024-W01;147;uddannelseshjaelp;;\n"
         "b3;2024-W01;147;uddannelseshjaelp;;\nb4;2024-W01;147;uddannelseshjaelp;;\n"
         "b5;2024-W01;147;uddannelseshjaelp;;\n"
         "c1;2024-W01;461;uddannelseshjaelp;;\nc2;2024-W01;461;uddannelseshjaelp;;\n"
         "c3;2024-W01;461;uddannelseshjaelp;;\nc4;2024-W01;461;uddannelseshjaelp;;\n",
     NULL, 1,
     {/* 4 persons: suppressed (but not for the own municipality with --intern); 5 persons
       * in 147 are suppressed too (secondary): the country's 13 minus 147 would give
       * 461's 4 to the own municipality 101, which knows its own 4 */
      {"2024M01", 461, "uddannelseshjaelp", F(FIG_PERSONER, SUPP)},
      {"2024M01", 461, "uddannelseshjaelp", F(FIG_FULDTIDSPERSONER, SUPP)},
      {"2024M01", 461, "uddannelseshjaelp", F(FIG_AKTIVERINGSGRAD, SUPP)},
      {"2024M01", 147, "uddannelseshjaelp", F(FIG_PERSONER, SUPP)},
      {"2024M01", 147, "uddannelseshjaelp", F(FIG_FULDTIDSPERSONER, SUPP)},
      {"2024M01", 147, "uddannelseshjaelp", F(FIG_AKTIVERINGSGRAD, SUPP)},
      {"2024M01", 101, "uddannelseshjaelp", F(FIG_PERSONER, 4)},
      {"2024M01", 0, "uddannelseshjaelp", F(FIG_PERSONER, 13)}}},

    {"status job, selvforsørget, ydelse 13 weeks after",
     HDR
     /* four persons end kontanthjaelp in 2024-W10; in W23: J works (37 hours), S has no record,
      * Y is on sygedagpenge, F is in fleksjob with hours (public support: ydelse).
      * i job efter 3 mdr. = 1/4 = 25 pct.; selvforsørget = 2/4 = 50 pct. */
     "J;2024-W10;101;kontanthjaelp;;\nJ;2024-W23;101;;;37\n"
     "S;2024-W10;101;kontanthjaelp;;\n"
     "Y;2024-W10;101;kontanthjaelp;;\nY;2024-W23;101;sygedagpenge;;\n"
     "F;2024-W10;101;kontanthjaelp;;\nF;2024-W23;101;fleksjob;;15\n"
     "G;2024-W10;101;kontanthjaelp;;\n" SENTINEL,
     NULL, 1,
     {{"2024", 101, "kontanthjaelp", C(C_ENDED, 5)},
      {"2024", 101, "kontanthjaelp", C(C_S13_JOB, 1)},
      {"2024", 101, "kontanthjaelp", C(C_S13_SELV, 2)},
      {"2024", 101, "kontanthjaelp", C(C_S13_YDELSE, 2)},
      {"2024", 101, "kontanthjaelp", F(FIG_JOB_3MDR, 20)},
      {"2024", 101, "kontanthjaelp", F(FIG_SELV_3MDR, 60)},
      {"2024", 101, "kontanthjaelp", F(FIG_VARIGHED, 1)},
      /* for all public support the fleksjob and sygedagpenge weeks are new spells */
      {"2024", 101, "", C(C_ENDED, 7)}}},

    {"group spells and the all-support spell",
     HDR
     /* D: dagpenge W01-W04, then kontanthjaelp W05-W08 (2024): two group spells of 4 weeks
      * but one public-support spell of 8 weeks */
     "D;2024-W01;101;dagpenge;;\nD;2024-W02;101;dagpenge;;\nD;2024-W03;101;dagpenge;;\nD;2024-W04;101;dagpenge;;\n"
     "D;2024-W05;101;kontanthjaelp;vejledning;\nD;2024-W06;101;kontanthjaelp;vejledning;\n"
     "D;2024-W07;101;kontanthjaelp;;\nD;2024-W08;101;kontanthjaelp;;\n" SENTINEL,
     NULL, 1,
     {{"2024", 101, "dagpenge", C(C_ENDED_LEN, 4)},
      {"2024", 101, "kontanthjaelp", C(C_ENDED_LEN, 4)},
      {"2024", 101, "", C(C_ENDED, 1)},
      {"2024", 101, "", C(C_ENDED_LEN, 8)},
      {"2024", 101, "", C(C_ACTIVE, 2)},
      {"2024", 101, "", C(C_PERSONS, 1)},
      /* status after the dagpenge spell (W04 + 13 = W17): no record: selvforsørget */
      {"2024", 101, "dagpenge", C(C_S13_SELV, 1)},
      {"2024M02", 101, "", F(FIG_AKTIVERINGSGRAD, 50)}}},

    {"a mover counted once in the country",
     HDR "M;2024-W01;101;sygedagpenge;;\nM;2024-W02;101;sygedagpenge;;\nM;2024-W03;147;sygedagpenge;;\n"
         "M;2024-W04;147;sygedagpenge;;\n" SENTINEL,
     NULL, 1,
     {{"2024M01", 101, "sygedagpenge", C(C_PERSONS, 1)},
      {"2024M01", 147, "sygedagpenge", C(C_PERSONS, 1)},
      {"2024M01", 0, "sygedagpenge", C(C_PERSONS, 1)},
      {"2024M01", 0, "sygedagpenge", C(C_WEEKS, 4)},
      /* the spell belongs to 147 (its last week) */
      {"2024", 147, "sygedagpenge", C(C_ENDED, 1)},
      {"2024", 101, "sygedagpenge", C(C_ENDED, 0)},
      {"2024M01", 147, "sygedagpenge", C(C_INPROG, 1)}}},

    {"share of the population",
     HDR "Q;2024-W01;101;kontanthjaelp;;\nQ;2024-W02;101;kontanthjaelp;;\n",
     NULL, 1,
     /* filled in below: 20 persons at each age 16-66 in 101 in 2024 (1.020), so 16-29 = 280.
      * 2024M01: fuldtidspersoner 2/4 = 0,5; andel 100 * 0,5 / 1.020; the person has no birth
      * date, so no young weeks: unge andel 0 */
     {{"2024M01", 101, "kontanthjaelp", F(FIG_ANDEL, 100 * 0.5 / 1020)},
      {"2024M01", 101, "kontanthjaelp", F(FIG_U_ANDEL, 0)}}},

    {"a 14-week quarter",
     HDR "K;2020-W40;101;ledighedsydelse;;\n" SENTINEL, /* W40..W53 added below */
     NULL, 1,
     {/* Q4 2020 holds the Thursdays 1 October (W40) to 31 December (W53): 14 weeks */
      {"2020K4", 101, "ledighedsydelse", C(C_WEEKS, 14)},
      {"2020K4", 101, "ledighedsydelse", F(FIG_FULDTIDSPERSONER, 1.0)},
      {"2020K3", 101, "ledighedsydelse", C(C_WEEKS, 0)}}},

    {"all support bridges a 3-week gap between two groups",
     HDR
     /* B: jobafklaring 2024-W01..W06, nothing W07-W09, ressourceforloeb W10..W15: two group
      * spells (the gap is outside each group for more than 3 weeks on the jobafklaring side:
      * W07..W15 is 9 weeks), one public-support spell W01..W15 of 15 weeks */
     "B;2024-W01;101;jobafklaring;;\nB;2024-W02;101;jobafklaring;;\nB;2024-W03;101;jobafklaring;;\n"
     "B;2024-W04;101;jobafklaring;;\nB;2024-W05;101;jobafklaring;;\nB;2024-W06;101;jobafklaring;;\n"
     "B;2024-W10;101;ressourceforloeb;;\nB;2024-W11;101;ressourceforloeb;;\nB;2024-W12;101;ressourceforloeb;;\n"
     "B;2024-W13;101;ressourceforloeb;;\nB;2024-W14;101;ressourceforloeb;;\nB;2024-W15;101;ressourceforloeb;;\n" SENTINEL,
     NULL, 1,
     {{"2024", 101, "jobafklaring", C(C_ENDED_LEN, 6)},
      {"2024", 101, "ressourceforloeb", C(C_ENDED_LEN, 6)},
      {"2024", 101, "", C(C_ENDED, 1)},
      {"2024", 101, "", C(C_ENDED_LEN, 15)},
      {"2024", 101, "", C(C_WEEKS, 12)},
      /* in the last week of March (W13) the public-support spell is 13 weeks old */
      {"2024M03", 101, "", C(C_INPROG, 1)},
      {"2024M03", 101, "", C(C_INPROG_LONG, 0)}}},

    {"status 26 and 52 weeks after; birth year only",
     HDR
     /* V (born 1995, year only: under 30 through 2024, 30 from 2025-W01 whose Thursday is
      * 2 January 2025): dagpenge 2024-W40..W52, then hours in 2025-W26 (W52 + 26) and
      * sygedagpenge in 2025-W52 (W52 + 52) */
     "V;2024-W40;101;dagpenge;;\n" /* W41..W52 added below */ "V;2025-W26;101;;;20\nV;2025-W52;101;sygedagpenge;;\n",
     "person;foedt;koen\nV;1995;M\n", 1,
     {{"2024", 101, "dagpenge", C(C_YWEEKS, 13)},
      {"2024", 101, "dagpenge", C(C_ENDED, 1)},
      {"2024", 101, "dagpenge", F(FIG_JOB_6MDR, 100)},
      {"2024", 101, "dagpenge", F(FIG_JOB_12MDR, 0)},
      {"2024", 101, "dagpenge", F(FIG_SELV_12MDR, 0)},
      {"2024", 101, "dagpenge", F(FIG_SELV_3MDR, 100)},
      {"2025", 101, "sygedagpenge", C(C_YWEEKS, 0)}}},

    {"langvarige in the municipality of the period's last week",
     HDR "L;2023-W01;147;kontanthjaelp;;\n" SENTINEL, /* to 2024-W20, moving to 101 in 2024-W10 */
     NULL, 1,
     {/* at 2024-W13 (end of March) L is in 101 with a spell of 52 + 13 = 65 weeks */
      {"2024M03", 101, "kontanthjaelp", C(C_INPROG_LONG, 1)},
      {"2024M03", 147, "kontanthjaelp", C(C_INPROG, 0)},
      {"2024M01", 147, "kontanthjaelp", C(C_INPROG_LONG, 1)},
      /* the spell ends 2024-W20 in 101: 72 weeks */
      {"2024", 101, "kontanthjaelp", C(C_ENDED_LEN, 72)},
      /* no spell in progress in 2024-W52: nothing to compute (101 is the own municipality,
       * shown without discretion); 147 has fewer than 5 persons: suppressed */
      {"2024", 101, "kontanthjaelp", F(FIG_LANGVARIGE, -1)},
      {"2024", 147, "kontanthjaelp", F(FIG_PERSONER, SUPP)},
      {"2024", 147, "kontanthjaelp", C(C_WEEKS, 9)}}},

    {"periods: quarter, rolling 12 months, week",
     HDR "R;2023-W14;101;revalidering;;\nR;2023-W15;101;revalidering;;\nR;2024-W13;101;revalidering;;\n" SENTINEL,
     NULL, 1,
     {/* 2023-W14 (6 April) and W15 in 2023K2; 2024-W13 (28 March) in 2024K1 and in the 12
       * months to March 2024 (April 2023 - March 2024), which also hold the 2023 weeks */
      {"2023K2", 101, "revalidering", C(C_WEEKS, 2)},
      {"2024K1", 101, "revalidering", C(C_WEEKS, 1)},
      {"2024M03R12", 101, "revalidering", C(C_WEEKS, 3)},
      {"2024M03R12", 101, "revalidering", C(C_PERSONS, 1)},
      {"2024M03R12", 101, "revalidering", C(C_STARTED, 2)},
      {"2024U13", 101, "revalidering", C(C_WEEKS, 1)},
      {"2023M03R12", 101, "revalidering", C(C_WEEKS, 0)}}},

    {"periods: year to date next to months and the year",
     HDR "T;2024-W02;101;revalidering;;\nT;2024-W03;101;revalidering;;\nU;2024-W14;101;revalidering;;\n"
         "U;2024-W30;101;revalidering;;\n" SENTINEL,
     NULL, 1,
     {/* T in January; U in April (W14, Thursday 4 April) and July: January-March holds
       * T's 2 weeks, January-April also U's first; each year-to-date is its own period */
      {"2024M03AATD", 101, "revalidering", C(C_WEEKS, 2)},
      {"2024M03AATD", 101, "revalidering", C(C_PERSONS, 1)},
      {"2024M04AATD", 101, "revalidering", C(C_WEEKS, 3)},
      {"2024M04AATD", 101, "revalidering", C(C_PERSONS, 2)},
      {"2024M04AATD", 101, "revalidering", C(C_STARTED, 2)},
      {"2024M07AATD", 101, "revalidering", C(C_WEEKS, 4)},
      {"2024M07AATD", 101, "revalidering", C(C_STARTED, 3)},
      {"2024M04", 101, "revalidering", C(C_WEEKS, 1)},
      {"2024", 101, "revalidering", C(C_WEEKS, 4)},
      {"2023M12AATD", 101, "revalidering", C(C_WEEKS, 0)}}},

    {"the reform of 1 July 2025: kontanthjaelp_mv runs on",
     /* R: kontanthjaelp 2024-W27..2025-W26 (26 + 26 = 52 weeks), kontanthjaelp_ny
      * 2025-W27..W31 (5); S: uddannelseshjaelp 2025-W20..W26 (7), kontanthjaelp_ny
      * W27..W28 (2); both in 101 (written out by expand). In the separate groups the
      * reform ends a spell and starts another; in the union each person has one spell:
      * R 2024-W27..2025-W31 = 57 weeks, S 2025-W20..W28 = 9 weeks. */
     HDR SENTINEL, NULL, 1,
     {/* 2025 weeks in the union: R 26 + 5, S 7 + 2 = 40; two persons, not 1 + 2 + 1 = 4 */
      {"2025", 101, "kontanthjaelp_mv", C(C_WEEKS, 40)},
      {"2025", 101, "kontanthjaelp_mv", C(C_PERSONS, 2)},
      {"2025", 0, "kontanthjaelp_mv", C(C_PERSONS, 2)},
      /* started in 2025: S's spell only (R's began in 2024); ended: both, 57 + 9 = 66 */
      {"2025", 101, "kontanthjaelp_mv", C(C_STARTED, 1)},
      {"2025", 101, "kontanthjaelp_mv", C(C_ENDED, 2)},
      {"2025", 101, "kontanthjaelp_mv", C(C_ENDED_LEN, 66)},
      {"2025", 101, "kontanthjaelp_mv", F(FIG_VARIGHED, 33)},
      /* July's last week is W31 (Thursday 31 July): R is in progress, 57 > 52 weeks in
       * the union, 5 in kontanthjaelp_ny */
      {"2025M07", 101, "kontanthjaelp_mv", C(C_INPROG_LONG, 1)},
      {"2025M07", 101, "kontanthjaelp_ny", C(C_INPROG, 1)},
      {"2025M07", 101, "kontanthjaelp_ny", C(C_INPROG_LONG, 0)},
      /* the separate groups: R's kontanthjaelp spell of 52 ends at the reform, S's
       * uddannelseshjaelp spell of 7; two new spells of 5 + 2 = 7 start in kontanthjaelp_ny */
      {"2025", 101, "kontanthjaelp", C(C_ENDED_LEN, 52)},
      {"2025", 101, "uddannelseshjaelp", C(C_ENDED_LEN, 7)},
      {"2025", 101, "kontanthjaelp_ny", C(C_STARTED, 2)},
      {"2025", 101, "kontanthjaelp_ny", C(C_ENDED_LEN, 7)},
      /* 13 weeks after the union's ends (W44, W41) both are self-supporting */
      {"2025", 101, "kontanthjaelp_mv", C(C_S13_SELV, 2)},
      /* all public support: the same spells as the union here */
      {"2025", 101, "", C(C_ENDED_LEN, 66)}}},
};

/* The panels of some cases are long runs; they are written out here. */
static char *expand(const testcase *t)
{
    size_t cap = 1 << 16;
    char *s = malloc(cap);
    size_t n = (size_t)snprintf(s, cap, "%s", t->csv);
    if (!strcmp(t->name, "exactly 52 and 53 weeks (langvarige: more than 52)")) {
        for (int w = 2; w <= 52; w++) n += (size_t)snprintf(s + n, cap - n, "P4;2023-W%02d;461;sygedagpenge;;\n", w);
        for (int w = 1; w <= 26; w++) n += (size_t)snprintf(s + n, cap - n, "P4;2024-W%02d;461;sygedagpenge;;\n", w);
    } else if (!strcmp(t->name, "a 14-week quarter")) {
        for (int w = 41; w <= 53; w++) n += (size_t)snprintf(s + n, cap - n, "K;2020-W%02d;101;ledighedsydelse;;\n", w);
    } else if (!strcmp(t->name, "status 26 and 52 weeks after; birth year only")) {
        for (int w = 41; w <= 52; w++) n += (size_t)snprintf(s + n, cap - n, "V;2024-W%02d;101;dagpenge;;\n", w);
    } else if (!strcmp(t->name, "langvarige in the municipality of the period's last week")) {
        for (int w = 2; w <= 52; w++) n += (size_t)snprintf(s + n, cap - n, "L;2023-W%02d;147;kontanthjaelp;;\n", w);
        for (int w = 1; w <= 20; w++)
            n += (size_t)snprintf(s + n, cap - n, "L;2024-W%02d;%d;kontanthjaelp;;\n", w, w < 10 ? 147 : 101);
    } else if (!strcmp(t->name, "the reform of 1 July 2025: kontanthjaelp_mv runs on")) {
        for (int w = 27; w <= 52; w++) n += (size_t)snprintf(s + n, cap - n, "R;2024-W%02d;101;kontanthjaelp;;\n", w);
        for (int w = 1; w <= 31; w++)
            n += (size_t)snprintf(s + n, cap - n, "R;2025-W%02d;101;%s;;\n", w, w < 27 ? "kontanthjaelp" : "kontanthjaelp_ny");
        for (int w = 20; w <= 28; w++)
            n += (size_t)snprintf(s + n, cap - n, "S;2025-W%02d;101;%s;;\n", w, w < 27 ? "uddannelseshjaelp" : "kontanthjaelp_ny");
    } else if (!strcmp(t->name, "53-week year")) {
        for (int w = 50; w <= 53; w++) n += (size_t)snprintf(s + n, cap - n, "Y;2020-W%02d;101;dagpenge;;\n", w);
    }
    return s;
}

static const char *extra_file(const testcase *t, int i)
{
    if (!strcmp(t->name, "share of the population")) {
        static char pop[4096];
        size_t n = (size_t)snprintf(pop, sizeof pop, "kommune;aar;alder;antal\n");
        for (int a = 16; a <= 66; a++) n += (size_t)snprintf(pop + n, sizeof pop - n, "101;2024;%d;20\n", a);
        char name[32];
        snprintf(name, sizeof name, "pop%d.csv", i);
        return th_file(name, pop);
    }
    if (!t->extra) return NULL;
    char name[32];
    snprintf(name, sizeof name, "extra%d.csv", i);
    return th_file(name, t->extra);
}

static void run_case(const testcase *t, int i)
{
    char wsname[32], csvname[32];
    snprintf(wsname, sizeof wsname, "eng%d.ws", i);
    snprintf(csvname, sizeof csvname, "eng%d.csv", i);
    const char *ws = th_ws(wsname);
    char *csv = expand(t);
    const char *files[2] = {th_file(csvname, csv), extra_file(t, i)};
    free(csv);
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = th_import(ws, files, files[1] ? 2 : 1, 0, &d, NULL);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);

    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    const styr_codes *codes = styr_ws_codes(w);
    styr_period per[16];
    int np = 0;
    for (int e = 0; e < 16 && t->e[e].periode; e++) {
        styr_period p;
        assert_int_equal(styr_period_parse(t->e[e].periode, &p), 0);
        per[np++] = p;
    }
    int kom[STYR_MAX_KOMMUNER + 1], grp[STYR_MAX_CODES];
    int nk = codes->dict.nkom + 1, ng = codes->dict.nyd;
    for (int k = 0; k < nk; k++) kom[k] = k;
    for (int g = 0; g < ng; g++) grp[g] = g;
    /* both with one thread and with three: the merge must not change anything */
    for (int threads = 1; threads <= 3; threads += 2) {
        styr_query q = {kom, nk, grp, ng, per, np, t->intern, threads, 0, 1, STYR_KILDE_AUTO, NULL};
        styr_qresult r;
        assert_int_equal(styr_query_run(w, &q, &r, &d), STYR_OK);
        for (int e = 0; e < 16 && t->e[e].periode; e++) {
            const expect *x = &t->e[e];
            int p;
            for (p = 0; p < r.ps.n && strcmp(r.ps.p[p].name, x->periode); p++) {}
            int k = x->kommune ? codes->kom_idx[x->kommune] : codes->dict.nkom;
            int g = x->ydelse[0] ? styr_codes_ydelse(codes, x->ydelse, strlen(x->ydelse)) : 0;
            const styr_figrow *row = &r.rows[((size_t)p * (size_t)nk + (size_t)k) * (size_t)ng + (size_t)g];
            if (x->what != V_FIG) {
                uint64_t got = cell_field(row->cell, x->what);
                if (got != (uint64_t)x->want)
                    fail_msg("%s: %s %d %s field %d: got %llu, want %g", t->name, x->periode, x->kommune, x->ydelse,
                             x->what, (unsigned long long)got, x->want);
            } else {
                const styr_figval *v = &row->v[x->fig];
                int ok = isnan(x->want) ? v->state == STYR_FV_SUPPRESSED
                       : x->want == -1  ? v->state == STYR_FV_NONE
                                        : v->state == STYR_FV_OK && fabs(v->v - x->want) < 1e-9;
                if (!ok)
                    fail_msg("%s: %s %d %s %s: got %g (state %d), want %g", t->name, x->periode, x->kommune, x->ydelse,
                             styr_figdefs[x->fig].key, v->v, v->state, x->want);
            }
        }
        styr_qresult_free(&r);
    }
    styr_ws_close(w);
    styr_diags_free(&d);
}

static void test_cases(void **state)
{
    (void)state;
    int n = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run_case(&cases[i], (int)i);
        for (int e = 0; e < 16 && cases[i].e[e].periode; e++) n++;
    }
    assert_true(n >= 100);
    assert_true(sizeof cases / sizeof cases[0] >= 16);
}

/* The cube a figures command stores is read back for the same panel and
 * dropped when the panel changes. */
static void test_store(void **state)
{
    (void)state;
    const char *ws = th_ws("store.ws");
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, th_file("store1.csv", HDR "A;2024-W01;101;dagpenge;;\n"), &d), STYR_OK);
    styr_period per[2];
    styr_period_parse("2024", &per[0]);
    styr_period_parse("2024M01", &per[1]);
    int kom[1] = {0}, grp[1] = {1};
    styr_query q = {kom, 1, grp, 1, per, 2, 0, 1, 1, 0, STYR_KILDE_AUTO, NULL};
    styr_ws *w;
    styr_qresult r;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    assert_int_equal(styr_query_run(w, &q, &r, &d), STYR_OK);
    assert_int_equal(r.ncomputed, 2);
    styr_ws_close(w);
    assert_int_equal(styr_query_store(ws, &r, &d), STYR_OK);
    styr_qresult_free(&r);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    assert_int_equal(styr_query_run(w, &q, &r, &d), STYR_OK);
    assert_int_equal(r.ncomputed, 0); /* both read from the catalog */
    assert_int_equal(styr_cube_at(&r.cube, 0, 0, 1)->weeks, 1);
    styr_qresult_free(&r);
    styr_ws_close(w);
    /* a new import makes them stale */
    assert_int_equal(th_import1(ws, th_file("store2.csv", HDR "B;2024-W01;101;dagpenge;;\n"), &d), STYR_OK);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    assert_int_equal(styr_query_run(w, &q, &r, &d), STYR_OK);
    assert_int_equal(r.ncomputed, 2);
    assert_int_equal(styr_cube_at(&r.cube, 0, 0, 1)->weeks, 2);
    styr_qresult_free(&r);
    styr_ws_close(w);
    styr_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_store),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
