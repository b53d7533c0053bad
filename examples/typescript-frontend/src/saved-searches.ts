// A member's saved searches: save a Resource Centre search (its filters are
// the same parameters as GET /api/v3/resources/), run it, choose its emails,
// and delete it. Every call needs the member's token; another member's saved
// search answers 404.
import { ApiError, type ApiClient, type Schemas } from "./client.js";
import type { Selection } from "./resources.js";

const SAVED_SEARCHES = "/api/v3/members/me/saved-searches/" as const;

export async function savedSearchLifeCycle(client: ApiClient, selection: Selection) {
  const { saved, created } = await save(client, selection);
  // What a front end shows from a saved search's own URLs: the results, in
  // the search's language, and its feed, which a feed reader opens without
  // the token (keep the address private).
  const answer = await fetch(saved.search_api_url);
  const results = (await answer.json()) as Schemas["ResourceSearchOut"];
  const feed = await fetch(saved.feed_url);

  const changed = await client.PATCH("/api/v3/members/me/saved-searches/{saved_search_id}/", {
    params: { path: { saved_search_id: saved.id } },
    body: { frequency: "daily" },
  });
  if (changed.error) throw new ApiError(changed.error);

  const listed = await client.GET(SAVED_SEARCHES, { params: { query: { limit: 100 } } });
  if (listed.error) throw new ApiError(listed.error);

  // Leave the member's account as it was: delete only what this run saved.
  if (created) {
    const deleted = await client.DELETE("/api/v3/members/me/saved-searches/{saved_search_id}/", {
      params: { path: { saved_search_id: saved.id } },
    });
    if (deleted.error) throw new ApiError(deleted.error);
  }
  return {
    created,
    name: saved.name,
    criteria: saved.criteria,
    filters: saved.filters,
    url: saved.html_url,
    count: results.count,
    feed: { status: feed.status, type: feed.headers.get("Content-Type") },
    frequency: changed.data.frequency,
    listed: listed.data.items.some((item) => item.id === saved.id),
  };
}

/** The member's saved search for `selection`: saved now, or found if it was already. */
async function save(client: ApiClient, selection: Selection) {
  const { data, error } = await client.POST(SAVED_SEARCHES, {
    body: { filters: selection, frequency: "weekly" },
  });
  if (data) return { saved: data, created: true };
  // 409 with errors[0].type "already_saved" or "limit_reached"; 400 for a filter
  // value that names nothing, with errors[0].loc naming it.
  if (error.errors?.[0]?.type !== "already_saved") throw new ApiError(error);
  const listed = await client.GET(SAVED_SEARCHES, { params: { query: { limit: 100 } } });
  if (listed.error) throw new ApiError(listed.error);
  const same = listed.data.items.find((item) => sameFilters(item.filters, selection));
  if (!same) throw new ApiError(error);
  return { saved: same, created: false };
}

function sameFilters(filters: Schemas["SavedSearchFilters"], selection: Selection) {
  const wanted = (values?: string[]) => JSON.stringify([...(values ?? [])].sort());
  return (
    wanted(filters.topic) === wanted(selection.topic) &&
    wanted(filters.country) === wanted(selection.country) &&
    wanted(filters.procurement) === wanted(selection.procurement)
  );
}
