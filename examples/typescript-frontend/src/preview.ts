// Drafts through a preview token: an editor's "preview on the front end"
// link hands the front end a token, and the front end asks for the draft.
import type { ApiClient, PageDetail, Schemas } from "./client.js";

/**
 * TODO(preview): not in the API yet. The endpoint will be
 * `GET /api/v3/preview/?token=<token>`, answering the draft as a page detail
 * (narrow on `type`, as pageAtPath's answer) or a resource detail. Once it is in
 * /api/v3/openapi.json, run `npm run types` and replace the body with:
 *
 *   const { data, error } = await client.GET("/api/v3/preview/", {
 *     params: { query: { token } },
 *   });
 *   if (error) throw new ApiError(error);
 *   return data;
 */
export async function draftByPreviewToken(
  client: ApiClient,
  token: string,
): Promise<PageDetail | Schemas["ResourceOut"]> {
  throw new Error("GET /api/v3/preview/ is not implemented yet (src/preview.ts)");
}
