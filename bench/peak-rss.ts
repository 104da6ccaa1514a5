// Loaded with `node --import` into every process the benchmark times: on exit it writes the
// process's peak resident memory (kilobytes) to the file named by BENCH_RSS_FILE, so the figure is
// the child's own, process start included, with no dependency on /usr/bin/time.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
