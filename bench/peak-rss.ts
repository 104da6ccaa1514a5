// Loaded with `node --import` into every process the benchmark times: on exit it writes the
// process's peak resident memory (kilobytes) and CPU time (microseconds) as JSON to the file named by
// BENCH_RSS_FILE, so the figures are the child's own, process start included, with no dependency on
// /usr/bin/time. CPU time is reported beside wall time because it suffers less from a busy machine.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime }));
  });
}
