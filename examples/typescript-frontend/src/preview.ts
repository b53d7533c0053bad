// Drafts through a preview token: the admin's "Front end" preview mode opens
// the site's front-end preview address with ?token=…&type=…&id=…; the page
// there asks the API for the draft with that token alone (no editor's token in
// the front end). The token expires after 30 minutes by default.
import { ApiError } from "./client.js";
import type { ApiClient, Schemas } from "./client.js";

export type PreviewDraft = Awaited<ReturnType<typeof draftByPreviewToken>>;

/** The page or resource as the editor's form held it, told apart by `type`. */
export async function draftByPreviewToken(client: ApiClient, token: string) {
  const { data, error } = await client.GET("/api/v3/preview/", {
    params: { query: { token } },
  });
  if (error) throw new ApiError(error);
  return data;
}

/** What a preview page shows first: the title, and where the draft stands. */
export function describeDraft(draft: PreviewDraft): {
  id: number | null | undefined;
  type: string;
  title: string;
  live: boolean;
  revisionId: number | null | undefined;
  topics?: string[];
} {
  if (draft.type === "resources.Resource") {
    const resource: Schemas["ResourcePreviewOut"] = draft;
    return {
      id: resource.id,
      type: resource.type,
      title: resource.title,
      live: resource.meta.live,
      revisionId: resource.meta.revision_id,
      topics: resource.topics.map((topic) => topic.value),
    };
  }
  return {
    id: draft.id,
    type: draft.type,
    title: draft.title,
    live: draft.meta.live,
    revisionId: draft.meta.revision_id,
  };
}
