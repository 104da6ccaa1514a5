// Turns StrykerJS's JSON reports into the per-file table of bench/mutation-scores.md:
//   node bench/mutation-scores.mjs bench/results/mutation/mutation.json [more.json...]
// Later reports win for a file they share with earlier ones (run file groups separately, then merge).
// Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker counts it;
// static mutants left out by ignoreStatic are counted apart, in the "ignored" column.
import { readFileSync } from 'node:fs';

const files = new Map();
for (const path of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    if (mutants.length > 0) files.set(file, mutants);
  }
}
const rows = [...files].sort(([a], [b]) => a.localeCompare(b)).map(([file, mutants]) => {
  const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const killed = count('Killed', 'Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const total = killed + survived + noCoverage;
  const score = total === 0 ? 'n/a' : `${((100 * killed) / total).toFixed(1)}%`;
  return `| \`${file}\` | ${score} | ${killed} | ${survived} | ${noCoverage} | ${count('Ignored')} |`;
});
console.log('| File | Score | Killed | Survived | No coverage | Ignored (static) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(r);
