// Turns StrykerJS's JSON reports into the per-file table of bench/mutation-scores.md:
//   node bench/mutation-scores.mjs bench/results/mutation/mutation.json [later.json...]
// Reports are merged mutant by mutant (same file, place, mutator and replacement): a later report,
// such as a re-run of some lines with `--mutate file:10-20`, wins for the mutants it holds.
// Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker counts it;
// static mutants left out by ignoreStatic, and those marked equivalent beside the code, are
// counted apart in the "ignored" column.
import { readFileSync } from 'node:fs';

const files = new Map();
for (const path of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const known = files.get(file) ?? new Map();
    for (const m of mutants) {
      const { start, end } = m.location;
      known.set(`${start.line}:${start.column}-${end.line}:${end.column} ${m.mutatorName} ${m.replacement ?? ''}`, m.status);
    }
    files.set(file, known);
  }
}
console.log('| File | Score | Killed | Survived | No coverage | Ignored (static or equivalent) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [file, known] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const statuses = [...known.values()];
  const count = (...wanted) => statuses.filter((s) => wanted.includes(s)).length;
  const killed = count('Killed', 'Timeout');
  const total = killed + count('Survived') + count('NoCoverage');
  const score = total === 0 ? 'n/a' : `${((100 * killed) / total).toFixed(1)}%`;
  console.log(`| \`${file}\` | ${score} | ${killed} | ${count('Survived')} | ${count('NoCoverage')} | ${count('Ignored')} |`);
}
