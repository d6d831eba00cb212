/**
 * Confidence as people read it, in one format wherever a person sees it (the panel's cards and
 * preview, their accessible names, the "no confident answer" reason): "26% (low)". Machine
 * output (the CLI's JSONL, events) keeps the 0..1 number.
 */
export type ConfidenceWord = 'high' | 'medium' | 'low';

export function confidenceWord(confidence: number): ConfidenceWord {
  return confidence >= 0.75 ? 'high' : confidence >= 0.5 ? 'medium' : 'low';
}

/**
 * 0.26 -> "26%". Rounded down, so a confidence just under the threshold never reads as the
 * threshold itself ("70%, below the 70% needed"); the epsilon keeps 0.29 (0.28999… in binary) at 29%.
 */
export function percent(confidence: number): string {
  return `${Math.max(0, Math.min(100, Math.floor(confidence * 100 + 1e-9)))}%`;
}

/** 0.26 -> "26% (low)". */
export function confidenceLabel(confidence: number): string {
  return `${percent(confidence)} (${confidenceWord(confidence)})`;
}

/**
 * Below this confidence an answer is never listed under "Suggested answers", even beside a
 * confident first one: a 12% third answer is noise the agent has to read past. When the engine
 * abstains, the closest entries are still offered, collapsed under "not confident".
 */
export const SUGGESTION_FLOOR = 0.2;

export function aboveFloor(confidence: number): boolean {
  return confidence >= SUGGESTION_FLOOR;
}
