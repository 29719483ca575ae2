// A TypeScript consumer of the types openapi-typescript generates from schemas/openapi.json,
// compiled with `tsc --strict` and run with node against a live server by
// tests/contract/live/test_sdks.py. Reads go without a key; the write uses CLAIMS_TOKEN.
import type { components, paths } from "./schema.js";

type Article = components["schemas"]["ArticlePublic"];
type Claim = components["schemas"]["ClaimPublic"];
type ClaimPage = components["schemas"]["ClaimPage"];
type Problem = components["schemas"]["Problem"];
type Measure = NonNullable<paths["/v1/claims"]["get"]["parameters"]["query"]>["measure"];
type NewArticle = paths["/v1/articles"]["post"]["requestBody"]["content"]["application/json"];

async function ok<T>(response: Response): Promise<T> {
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
  return (await response.json()) as T;
}

async function claimsOf(base: string, articleId: number): Promise<Claim[]> {
  const claims: Claim[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: "1" });
    if (cursor !== null) query.set("cursor", cursor);
    const page: ClaimPage = await ok<ClaimPage>(
      await fetch(`${base}/v1/articles/${articleId}/claims?${query}`),
    );
    claims.push(...page.items);
    cursor = page.next;
  } while (cursor !== null);
  return claims;
}

async function main(): Promise<void> {
  const base = process.env.CLAIMS_BASE_URL ?? "http://127.0.0.1:8000";
  const token = process.env.CLAIMS_TOKEN ?? "";
  const measure: Measure = "killed";
  const killed = await ok<ClaimPage>(await fetch(`${base}/v1/claims?measure=${measure}&limit=5`));

  const body: NewArticle = {
    title: "Border clashes 🛡️",
    body: "🛡️ Border update 🚨: the Pakistan military said that 23 of its soldiers were killed.",
  };
  const article = await ok<Article>(
    await fetch(`${base}/v1/articles`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  const claims = await claimsOf(base, article.id);
  const sliced = claims.map((c) => article.body.slice(c.evidence.start_utf16, c.evidence.end_utf16));
  const quotes = claims.map((c) => c.evidence.quote);
  const url: string | null = article.url;
  console.log(JSON.stringify({ killed: killed.items.length, claims: claims.length, sliced, quotes, url }));
}

await main();
