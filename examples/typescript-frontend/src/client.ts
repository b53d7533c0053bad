// One typed client for the whole API: paths, parameters and answers all come
// from src/api.d.ts, which `npm run types` generates from /api/v3/openapi.json.
import createClient from "openapi-fetch";
import type { components, paths } from "./api.js";

export type Schemas = components["schemas"];
export type ApiClient = ReturnType<typeof createApiClient>;
/** A page's full answer: one of the page types' details, told apart by `type`. */
export type PageDetail =
  paths["/api/v3/pages/{page_id}/"]["get"]["responses"][200]["content"]["application/json"];

/**
 * A client for the platform at `baseUrl` (its root, e.g. https://ppi.example.org;
 * the paths carry /api/v3/). Reads work without a token; a personal access token
 * adds what its holder may see (private Forum groups) and is needed to write.
 */
export function createApiClient(baseUrl: string, token?: string) {
  return createClient<paths>({
    baseUrl,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

/** An API v3 refusal: every error is application/problem+json. */
export class ApiError extends Error {
  constructor(readonly problem: Schemas["ProblemDetail"]) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
}
