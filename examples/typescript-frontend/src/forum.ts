// Forum reads as a member: with a personal access token the API also answers
// with the private groups its holder belongs to; without one, those are 404.
import { ApiError, type ApiClient } from "./client.js";

export async function forumAsMember(client: ApiClient) {
  const me = await client.GET("/api/v3/whoami/");
  if (me.error) throw new ApiError(me.error);

  const groups = await client.GET("/api/v3/forum/groups/", { params: { query: { limit: 100 } } });
  if (groups.error) throw new ApiError(groups.error);

  const privateGroups = groups.data.items.filter((group) => group.visibility === "private");
  return {
    user: me.data.user.username,
    groups: groups.data.items.map(({ slug, visibility }) => ({ slug, visibility })),
    private: await Promise.all(privateGroups.map((group) => discussionsOf(client, group.slug))),
  };
}

async function discussionsOf(client: ApiClient, slug: string) {
  const { data, error } = await client.GET("/api/v3/forum/groups/{slug}/discussions/", {
    params: { path: { slug }, query: { limit: 20 } },
  });
  if (error) throw new ApiError(error);
  const discussions = await Promise.all(
    data.items.map(async (discussion) => {
      const comments = await commentsOf(client, slug, discussion.id);
      return { id: discussion.id, title: discussion.title, author: discussion.author, comments };
    }),
  );
  return { slug, count: data.count, discussions };
}

async function commentsOf(client: ApiClient, slug: string, discussionId: number) {
  const { data, error } = await client.GET(
    "/api/v3/forum/groups/{slug}/discussions/{discussion_id}/comments/",
    { params: { path: { slug, discussion_id: discussionId }, query: { limit: 100 } } },
  );
  if (error) throw new ApiError(error);
  // Comments come in thread order; parent_id and level give the tree.
  return data.items.map((comment) => ({
    id: comment.id,
    parent_id: comment.parent_id,
    level: comment.level,
    author: comment.author,
    // Signed links: they open without the token for a few minutes. An image
    // has none while the server prepares it (status "processing").
    attachments: comment.attachments.flatMap((attachment) =>
      attachment.status === "ready" && attachment.url ? [attachment.url] : [],
    ),
  }));
}
