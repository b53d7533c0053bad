// A Resource Centre search page: results, and the facets to refine them with.
// Values of one facet are OR-ed, facets are AND-ed, and each facet's counts
// apply the other facets' selections, so a count says what choosing it gives.
import { ApiError, type ApiClient, type Schemas } from "./client.js";

/** Selected facet values, by query parameter (topic slugs, country codes, …). */
export interface Selection {
  topic?: string[];
  country?: string[];
  procurement?: string[];
}

export async function searchResources(client: ApiClient, selection: Selection) {
  const found = await search(client, selection);
  // Refine as a visitor would: tick the first procurement type on offer.
  const procurement = found.facets.find((facet) => facet.name === "procurement");
  const choice = procurement?.values.find((value) => !value.selected && value.count > 0);
  const refined = choice
    ? await search(client, { ...selection, procurement: [choice.value] })
    : null;
  return {
    selection,
    count: found.count,
    backend: found.backend, // opensearch, elasticsearch, or the database when the engine is down
    items: found.items.map(card),
    facets: found.facets.map(({ name, label, values }) => ({
      name,
      label,
      values: values.map(({ value, count, selected }) => ({ value, count, selected })),
    })),
    refined:
      choice && refined
        ? { procurement: choice.value, expected: choice.count, count: refined.count }
        : null,
  };
}

async function search(client: ApiClient, selection: Selection) {
  const { data, error } = await client.GET("/api/v3/resources/", {
    params: { query: { ...selection, sort: "newest", limit: 10, rendition: ["fill-480x270"] } },
  });
  if (error) throw new ApiError(error);
  return data;
}

function card(resource: Schemas["ResourceOut"]) {
  return {
    id: resource.id,
    title: resource.title,
    type: resource.resource_type.value,
    published: resource.publication_date,
    url: resource.html_url,
    thumbnail: resource.thumbnail?.renditions[0]?.url ?? null,
  };
}
