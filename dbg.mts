import { findPersonalData } from '/work/wt-redact/knowledge/redact.ts';
for (const t of process.argv.slice(2)) { const s = findPersonalData(t.replace(/\\n/g, '\n')); console.log(JSON.stringify(t), s.map((x) => `${x.type}:${JSON.stringify(t.replace(/\\n/g, '\n').slice(x.start, x.end))}`).join(' ')); }
