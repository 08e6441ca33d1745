import type { ArticleRow } from "./ArticleRow";

export type ArticleDetail = { article: ArticleRow, url: string | null, text: string };
