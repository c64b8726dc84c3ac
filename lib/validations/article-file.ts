import { z } from "zod";

/** A raw article file (`字段: 值` lines) after parsing, before any cleaning. */
export const rawArticleSchema = z.object({
  title: z.string().min(1),
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), { message: "must be an http(s) URL" }),
  body: z.string().min(1),
  keywords: z.array(z.string().min(1)),
  technologies: z.array(z.string().min(1)),
  industries: z.array(z.string().min(1)),
  eventSummary: z.string().min(1).nullable(),
  /** fields the format does not define, kept as written (name -> value) */
  extra: z.record(z.string(), z.string()),
  /** 1-based line number where each field (canonical or extra name) starts */
  fieldLines: z.record(z.string(), z.number().int().positive()),
});

export type RawArticle = z.infer<typeof rawArticleSchema>;

/** Canonical field names (Simplified) -> RawArticle property. */
export const ARTICLE_FIELDS = {
  标题: "title",
  链接: "url",
  总结: "body",
  关键词: "keywords",
  AI技术: "technologies",
  行业: "industries",
  重大事件摘要: "eventSummary",
} as const;

export type ArticleFieldName = keyof typeof ARTICLE_FIELDS;

export const REQUIRED_FIELDS: ArticleFieldName[] = ["标题", "链接", "总结"];
