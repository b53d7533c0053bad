// The latest news for a home page or a news listing: one request brings the
// bodies and the listing images in the sizes the front end lays out.
import { ApiError, type ApiClient, type Schemas } from "./client.js";
import { summariseBody } from "./body.js";

export async function latestNews(client: ApiClient, limit = 5) {
  const { data, error } = await client.GET("/api/v3/pages/", {
    params: {
      query: {
        type: ["home.NewsPage"],
        locale: "en",
        order: ["-date"],
        // Without fields= a list item has only id, title and meta.
        fields: "date,intro,listing_image,body",
        rendition: ["fill-480x270", "width-960"],
        limit,
      },
    },
  });
  if (error) throw new ApiError(error);
  // type= chose news, but the list is typed as every page type's item: narrow it.
  const news = data.items.filter((item) => item.type === "home.NewsPage");
  return { count: data.count, items: news.map(newsCard) };
}

function newsCard(item: Schemas["NewsPageListItem"]) {
  return {
    id: item.id,
    title: item.title,
    date: item.date ?? null,
    url: item.meta.html_url,
    intro: item.intro ?? "",
    image: item.listing_image ? image(item.listing_image) : null,
    // Fields asked for with fields= are still typed as optional.
    body: summariseBody(item.body ?? []),
  };
}

/** An <img> with a srcset: each rendition carries its URL and width. */
export function image(image: Schemas["ImageOut"]) {
  return {
    alt: image.alt,
    renditions: image.renditions.map(({ spec, url, width, height }) => ({
      spec,
      url,
      width,
      height,
    })),
    srcset: image.renditions.map(({ url, width }) => `${url} ${width}w`).join(", "),
  };
}
