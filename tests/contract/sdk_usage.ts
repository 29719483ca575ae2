// Compiled by scripts/contract.sh with `tsc --strict` next to the generated
// build/sdk/ts/schema.d.ts: how a TypeScript consumer types its calls.
import type { components, operations, paths } from "./schema";

type Article = components["schemas"]["ArticlePublic"];
type Claim = components["schemas"]["ClaimPublic"];
type Problem = components["schemas"]["Problem"];
type ClaimPage = operations["list_article_claims"]["responses"][200]["content"]["application/json"];
type NewArticle = paths["/v1/articles"]["post"]["requestBody"]["content"]["application/json"];

export async function allClaims(base: string, article: Article): Promise<Claim[]> {
  const claims: Claim[] = [];
  let cursor: string | null | undefined = undefined;
  do {
    const query = new URLSearchParams({ limit: "100" });
    if (cursor) query.set("cursor", cursor);
    const response = await fetch(`${base}/v1/articles/${article.id}/claims?${query}`);
    if (!response.ok) {
      const problem = (await response.json()) as Problem;
      throw new Error(`${problem.status} ${problem.title}: ${problem.detail}`);
    }
    const page = (await response.json()) as ClaimPage;
    claims.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return claims;
}

export const example: NewArticle = {
  title: "Border clashes",
  body: "The Pakistan military said that 23 of its soldiers were killed.",
};
