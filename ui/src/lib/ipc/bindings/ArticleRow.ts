export type ArticleRow = { id: number, title: string, outlet: string | null, author: string | null, lang: string, published_at: string | null, source: string, format: string, imported_at: string };
