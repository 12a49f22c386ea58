// Run figures.sql in DuckDB on a dump of runs, time it, and compare its counts with
// styr's, cell by cell.
//
//   node run.mjs RUNS.csv STYR_COUNTS.csv [THREADS]
//
// Prints the load time, the query time, person-weeks per second, the peak resident
// memory of this process (DuckDB runs inside it), and the result of the comparison.
// Exit code 1 when any count differs.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const [runsPath, styrPath, threads = '2'] = process.argv.slice(2);
const sql = readFileSync(new URL('./figures.sql', import.meta.url), 'utf8');

let peak = 0;
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);

const config = { threads: String(threads) };
if (process.env.DUCKDB_MEMORY_LIMIT) config.memory_limit = process.env.DUCKDB_MEMORY_LIMIT;
if (process.env.DUCKDB_TEMP) config.temp_directory = process.env.DUCKDB_TEMP;
const db = await DuckDBInstance.create(':memory:', config);
const con = await db.connect();
let t0 = performance.now();
await con.run(`CREATE TABLE runs AS SELECT * FROM read_csv('${runsPath}', header = true, columns = {
  'person': 'INTEGER', 's': 'INTEGER', 'len': 'INTEGER', 'kom': 'INTEGER', 'yd': 'VARCHAR',
  'tb': 'VARCHAR', 'timer': 'INTEGER', 'birth': 'INTEGER'}, nullstr = '\\N')`);
await con.run(`UPDATE runs SET yd = coalesce(yd, ''), tb = coalesce(tb, '')`);
const load = (performance.now() - t0) / 1000;
const pw = Number((await con.runAndReadAll('SELECT sum(len) FROM runs')).getRows()[0][0]);

t0 = performance.now();
for (const stmt of sql.split(/;\s*\n/).map(s => s.replace(/--.*$/gm, '').trim()).filter(Boolean)) await con.run(stmt);
const query = (performance.now() - t0) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);

const cols = ['weeks', 'active', 'persons', 'started', 'ended', 'ended_p', 'y_weeks', 'ended_len', 'inprog',
              'inprog_long', 's13_job', 's13_selv', 's13_ydelse', 's13_notyet'];
const rows = (await con.runAndReadAll(`SELECT p, kom, g, ${cols.join(', ')} FROM counts`)).getRows();
clearInterval(sampler);

const duck = new Map();
for (const r of rows) {
  const v = r.slice(3).map(Number);
  if (v.every(x => x === 0)) continue;
  duck.set(`${r[0]};${r[1]};${r[2]}`, v);
}
const styr = new Map();
for (const line of readFileSync(styrPath, 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split(';');
  const v = f.slice(3).map(Number);
  if (v.every(x => x === 0)) continue;
  styr.set(`${f[0]};${f[1]};${f[2]}`, v);
}
let diff = 0, shown = 0;
for (const key of new Set([...duck.keys(), ...styr.keys()])) {
  const a = styr.get(key) ?? cols.map(() => 0), b = duck.get(key) ?? cols.map(() => 0);
  for (let i = 0; i < cols.length; i++)
    if (a[i] !== b[i]) {
      diff++;
      if (shown++ < 20) console.log(`DIFF ${key} ${cols[i]}: styr ${a[i]}, duckdb ${b[i]}`);
    }
}
console.log(`duckdb ${(await con.runAndReadAll('SELECT version()')).getRows()[0][0]}: load ${load.toFixed(2)} s, ` +
            `figures ${query.toFixed(2)} s = ${(pw / query / 1e6).toFixed(0)} million person-weeks/s (${threads} threads); ` +
            `peak memory ${(peak / 1048576).toFixed(0)} MB`);
console.log(`compared ${styr.size} styr cells with ${duck.size} duckdb cells, ${cols.length} counts each: ` +
            (diff ? `${diff} DIFFERENCES` : 'all equal'));
process.exit(diff ? 1 : 0);
