import { z } from 'zod';
import { Entry } from '@/knowledge/entry';
import pack from '@/knowledge/sample/pack.json';

const KnowledgeFile = z.object({
  format: z.literal('agent-assist/knowledge'),
  schemaVersion: z.literal(1),
  entries: z.array(Entry),
});

/** The Northwind demo shop's knowledge, shipped in the extension (no download). */
export async function loadSamplePack(): Promise<Entry[]> {
  return KnowledgeFile.parse(pack).entries;
}
