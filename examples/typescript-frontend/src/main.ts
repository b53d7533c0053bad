// Runs each example against a live site and prints one JSON summary.
//
//   API_BASE=http://127.0.0.1:8000 API_TOKEN=<personal access token> node dist/main.js
//
// EVENTS_FROM, EVENTS_TO (YYYY-MM-DD) and EVENTS_COUNTRY choose the agenda
// (default: the coming year, European-level events).
import { createApiClient } from "./client.js";
import { eventsBetween } from "./events.js";
import { forumAsMember } from "./forum.js";
import { latestNews } from "./news.js";
import { frenchNews } from "./pages.js";
import { describeDraft, draftByPreviewToken } from "./preview.js";
import { searchResources } from "./resources.js";
import { savedSearchLifeCycle } from "./saved-searches.js";

const env = process.env;
const base = env.API_BASE ?? "http://127.0.0.1:8000";
const today = new Date();
const nextYear = new Date(today.getTime() + 365 * 24 * 3600 * 1000);
const day = (date: Date) => date.toISOString().slice(0, 10);

const anonymous = createApiClient(base);
const member = env.API_TOKEN ? createApiClient(base, env.API_TOKEN) : null;

const summary = {
  news: await latestNews(anonymous),
  events: await eventsBetween(anonymous, {
    from: env.EVENTS_FROM ?? day(today),
    to: env.EVENTS_TO ?? day(nextYear),
    country: env.EVENTS_COUNTRY ?? "EU",
  }),
  resources: await searchResources(anonymous, { topic: ["health"], country: ["EU"] }),
  french: await frenchNews(anonymous),
  forum: member ? await forumAsMember(member) : { skipped: "API_TOKEN is not set" },
  savedSearch: member
    ? await savedSearchLifeCycle(member, { topic: ["health"], country: ["EU"] })
    : { skipped: "API_TOKEN is not set" },
  // A draft as the admin's front-end preview hands it over (token alone).
  preview: env.PREVIEW_TOKEN
    ? describeDraft(await draftByPreviewToken(anonymous, env.PREVIEW_TOKEN))
    : { skipped: "PREVIEW_TOKEN is not set" },
};

process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
