import type { ArticleRow } from "./ArticleRow";

export type SearchHit = { article: ArticleRow, snippet: string };
