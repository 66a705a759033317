/** Types of events-data.mjs for the TypeScript side of the benchmark. */
export declare function clubEvent(
  n: number,
  phones: string[],
): { type: string; occurredAt: string; data: Record<string, unknown> };
