// Routing a front end's URL to a page, and French content: English lives at
// /, French under /fr/. A page's answer says its type; narrow on it.
import { ApiError, type ApiClient, type PageDetail } from "./client.js";
import { summariseBody } from "./body.js";

/** The page at a path of the site, e.g. the one the visitor's URL names. */
export async function pageAtPath(client: ApiClient, path: string): Promise<PageDetail> {
  const { data, error } = await client.GET("/api/v3/pages/find/", {
    params: { query: { html_path: path, rendition: ["width-960"] } },
  });
  if (error) throw new ApiError(error);
  return data;
}

export async function frenchNews(client: ApiClient, limit = 5) {
  const index = await pageAtPath(client, "/fr/news/");
  if (index.type !== "home.NewsIndexPage") {
    throw new Error(`/fr/news/ is a ${index.type}, not a news index`);
  }
  const { data, error } = await client.GET("/api/v3/pages/", {
    params: {
      query: {
        child_of: index.id,
        type: ["home.NewsPage"],
        order: ["-date"],
        fields: "date",
        limit,
      },
    },
  });
  if (error) throw new ApiError(error);
  const news = data.items.filter((item) => item.type === "home.NewsPage");

  // Open the newest item the way a visitor's URL would: by its path.
  const url = news[0]?.meta.html_url;
  const path = url ? new URL(url).pathname : null;
  const page = path ? await pageAtPath(client, path) : null;
  return {
    index: { id: index.id, title: index.title, locale: index.meta.locale ?? null },
    count: data.count,
    items: news.map((item) => ({ id: item.id, title: item.title, date: item.date ?? null })),
    newest:
      page?.type === "home.NewsPage"
        ? {
            id: page.id,
            title: page.title,
            locale: page.meta.locale ?? null,
            path,
            body: summariseBody(page.body),
          }
        : null,
  };
}
