-- An independent implementation of styr's level and spell figures in SQL for DuckDB,
-- written from ../shared/spec/measures.md, not from styr's C code.
--
-- Input: a table runs(person, s, len, kom, yd, tb, timer, birth), one row per run of
-- equal weeks (bench/dump.c), weeks as indexes since ISO week 1990-W01 (Monday
-- 1990-01-01), so the Thursday of week w is 1990-01-04 + 7w days.
-- Output: the table counts(p, kom, g, ...) for every month of the panel's whole years,
-- every municipality (and 0 = the country) and every group (and 'i_alt' = all public
-- support): the same counts styr's cube holds.

CREATE OR REPLACE TEMP TABLE r AS
SELECT person, s, s + len - 1 AS e, kom, yd, tb <> '' AS act, timer, birth FROM runs;

-- the panel's last week and whole years
CREATE OR REPLACE TEMP TABLE panel AS
SELECT max(e) AS last_w, min(s) AS first_w FROM r;

CREATE OR REPLACE TEMP TABLE wk AS
SELECT w, DATE '1990-01-04' + CAST(7 * w AS INTEGER) AS thu
FROM range(0, (SELECT last_w + 60 FROM panel)) t(w);

CREATE OR REPLACE TEMP TABLE wk2 AS
SELECT w, thu, year(thu) * 10000 + month(thu) * 100 + day(thu) AS ymd FROM wk;

-- whole calendar years of the panel: from the year of the first week's Thursday, to the
-- last year whose last week the panel reaches
CREATE OR REPLACE TEMP TABLE years AS
SELECT (SELECT year(thu) FROM wk2 WHERE w = (SELECT first_w FROM panel)) AS y0,
       (SELECT max(year(thu)) FROM wk2 w1
         WHERE w1.w <= (SELECT last_w FROM panel)
           AND NOT EXISTS (SELECT 1 FROM wk2 w2 WHERE year(w2.thu) = year(w1.thu) AND w2.w > (SELECT last_w FROM panel))) AS y1;

-- a month is the weeks whose Thursday lies in it (spec §2)
CREATE OR REPLACE TEMP TABLE months AS
SELECT strftime(min(thu), '%Y') || 'M' || strftime(min(thu), '%m') AS p, min(w) AS first, max(w) AS last
FROM wk2, years WHERE year(thu) BETWEEN y0 AND y1
GROUP BY year(thu), month(thu);

-- the first week a person is 30 or more on the Thursday; unknown age: never young
CREATE OR REPLACE TEMP TABLE births AS
SELECT DISTINCT birth, birth + 300000 AS target FROM r WHERE birth <> 0;
CREATE OR REPLACE TEMP TABLE w30 AS
SELECT b.birth, coalesce(min(k.w), 1000000) AS w30
FROM births b LEFT JOIN wk2 k ON k.ymd >= b.target
GROUP BY b.birth;

CREATE OR REPLACE TEMP TABLE rr AS
SELECT r.*, CASE WHEN r.birth = 0 THEN 0 ELSE w30.w30 END AS w30
FROM r LEFT JOIN w30 USING (birth);

-- every run counts for its municipality and the country, for its group and for all
-- public support (every group in ydelser.csv is public support)
CREATE OR REPLACE TEMP TABLE rx AS
SELECT person, s, e, kom, yd AS g, act, w30 FROM rr WHERE yd <> ''
UNION ALL SELECT person, s, e, 0, yd, act, w30 FROM rr WHERE yd <> ''
UNION ALL SELECT person, s, e, kom, 'i_alt', act, w30 FROM rr WHERE yd <> ''
UNION ALL SELECT person, s, e, 0, 'i_alt', act, w30 FROM rr WHERE yd <> '';

-- spec §3: level figures, and the same for weeks under 30
CREATE OR REPLACE TEMP TABLE level AS
SELECT m.p, x.kom, x.g,
       sum(least(x.e, m.last) - greatest(x.s, m.first) + 1) AS weeks,
       sum(CASE WHEN x.act THEN least(x.e, m.last) - greatest(x.s, m.first) + 1 ELSE 0 END) AS active,
       count(DISTINCT x.person) AS persons,
       sum(greatest(0, least(x.e, m.last, x.w30 - 1) - greatest(x.s, m.first) + 1)) AS y_weeks
FROM rx x JOIN months m ON x.s <= m.last AND x.e >= m.first
GROUP BY m.p, x.kom, x.g;

-- spec §4: spells per person and group (and all public support): a gap of 4 or more
-- weeks outside the group ends a spell, gaps of 1-3 weeks are bridged
CREATE OR REPLACE TEMP TABLE gr AS
SELECT person, s, e, kom, yd AS g FROM rr WHERE yd <> ''
UNION ALL SELECT person, s, e, kom, 'i_alt' FROM rr WHERE yd <> '';

CREATE OR REPLACE TEMP TABLE gr2 AS
SELECT *, sum(CASE WHEN prev_e IS NULL OR s - prev_e - 1 > 3 THEN 1 ELSE 0 END)
              OVER (PARTITION BY person, g ORDER BY s) AS sid
FROM (SELECT *, lag(e) OVER (PARTITION BY person, g ORDER BY s) AS prev_e FROM gr);

-- a spell belongs to the municipality of its last week in the group; it is ongoing
-- when it ends within 3 weeks of the panel's last week
CREATE OR REPLACE TEMP TABLE spells AS
SELECT person, g, sid, min(s) AS start, max(e) AS stop, arg_max(kom, e) AS kom,
       max(e) >= (SELECT last_w FROM panel) - 3 AS ongoing
FROM gr2 GROUP BY person, g, sid;

CREATE OR REPLACE TEMP TABLE sx AS
SELECT person, g, start, stop, kom, ongoing FROM spells
UNION ALL SELECT person, g, start, stop, 0, ongoing FROM spells;

CREATE OR REPLACE TEMP TABLE started AS
SELECT m.p, x.kom, x.g, count(*) AS started
FROM sx x JOIN months m ON x.start BETWEEN m.first AND m.last
GROUP BY m.p, x.kom, x.g;

-- spec §5: status 13 weeks after the end: job (hours, no public support), self-supporting
-- (no public support), ydelse, or not yet measurable past the panel
CREATE OR REPLACE TEMP TABLE ended AS
SELECT x.*, x.stop + 13 AS t,
       CASE WHEN x.stop + 13 > (SELECT last_w FROM panel) THEN 'notyet'
            WHEN q.person IS NULL OR q.yd = '' THEN CASE WHEN coalesce(q.timer, 0) > 0 THEN 'job' ELSE 'selv' END
            ELSE 'ydelse' END AS status13
FROM sx x LEFT JOIN r q ON q.person = x.person AND x.stop + 13 BETWEEN q.s AND q.e
WHERE NOT x.ongoing;

CREATE OR REPLACE TEMP TABLE ended_c AS
SELECT m.p, x.kom, x.g, count(*) AS ended, count(DISTINCT x.person) AS ended_p,
       sum(x.stop - x.start + 1) AS ended_len,
       count(*) FILTER (WHERE status13 = 'job') AS s13_job,
       count(*) FILTER (WHERE status13 = 'selv') AS s13_selv,
       count(*) FILTER (WHERE status13 = 'ydelse') AS s13_ydelse,
       count(*) FILTER (WHERE status13 = 'notyet') AS s13_notyet
FROM ended x JOIN months m ON x.stop BETWEEN m.first AND m.last
GROUP BY m.p, x.kom, x.g;

-- langvarige: spells in progress in the last week of the month (the person is in the
-- group that week), and those whose length so far is more than 52 weeks
CREATE OR REPLACE TEMP TABLE runspell AS
SELECT g2.person, g2.s, g2.e, g2.kom, g2.g, sp.start
FROM gr2 g2 JOIN spells sp USING (person, g, sid);

CREATE OR REPLACE TEMP TABLE inprog AS
SELECT m.p, x.kom, x.g, count(*) AS inprog, count(*) FILTER (WHERE m.last - x.start + 1 > 52) AS inprog_long
FROM (SELECT person, s, e, kom, g, start FROM runspell
      UNION ALL SELECT person, s, e, 0, g, start FROM runspell) x
JOIN months m ON m.last BETWEEN x.s AND x.e
GROUP BY m.p, x.kom, x.g;

CREATE OR REPLACE TEMP TABLE counts AS
SELECT p, kom, g,
       coalesce(l.weeks, 0) AS weeks, coalesce(l.active, 0) AS active, coalesce(l.persons, 0) AS persons,
       coalesce(st.started, 0) AS started, coalesce(en.ended, 0) AS ended, coalesce(en.ended_p, 0) AS ended_p,
       coalesce(l.y_weeks, 0) AS y_weeks, coalesce(en.ended_len, 0) AS ended_len,
       coalesce(ip.inprog, 0) AS inprog, coalesce(ip.inprog_long, 0) AS inprog_long,
       coalesce(en.s13_job, 0) AS s13_job, coalesce(en.s13_selv, 0) AS s13_selv,
       coalesce(en.s13_ydelse, 0) AS s13_ydelse, coalesce(en.s13_notyet, 0) AS s13_notyet
FROM level l
FULL JOIN started st USING (p, kom, g)
FULL JOIN ended_c en USING (p, kom, g)
FULL JOIN inprog ip USING (p, kom, g);
