/** Reports for trainers: everything the dashboard's Reports, Gaps and Before/after views compute. */
export * from './stats.ts';
export * from './metrics.ts';
export * from './report.ts';
export * from './tables.ts';
export * from './jsonl.ts';
export * from './gaps.ts';
export * from './before-after.ts';
export * from './columns.ts';
export * from './column-report.ts';
