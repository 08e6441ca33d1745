export type ProjectInfo = { path: string, article_count: number };
