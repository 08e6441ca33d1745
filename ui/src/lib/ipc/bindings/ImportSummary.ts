import type { FileOutcome } from "./FileOutcome";

export type ImportSummary = { files: Array<FileOutcome>, imported: number, duplicates: number, failed: number };
