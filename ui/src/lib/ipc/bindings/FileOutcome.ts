export type FileOutcome = { path: string, status: "imported" | "duplicate" | "failed", message: string | null, article_ids: Array<number> };
