// An agenda: events overlapping a date range, in one country.
import { ApiError, type ApiClient } from "./client.js";
import { summariseBody } from "./body.js";
import { image } from "./news.js";

export interface EventQuery {
  from: string; // YYYY-MM-DD
  to: string;
  country: string; // ISO 3166-1 alpha-2; EU for European-level events
}

export async function eventsBetween(client: ApiClient, { from, to, country }: EventQuery) {
  const { data, error } = await client.GET("/api/v3/events/", {
    params: {
      query: { date_from: from, date_to: to, country, rendition: ["fill-480x270"], limit: 100 },
    },
  });
  if (error) throw new ApiError(error);
  return {
    from,
    to,
    country,
    count: data.count,
    items: data.items.map((event) => ({
      id: event.id,
      title: event.title,
      type: event.event_type,
      start_date: event.start_date,
      end_date: event.end_date,
      starts_at: event.starts_at, // UTC; time_zone says where it happens
      time_zone: event.time_zone,
      country: event.country?.code ?? null,
      city: event.city,
      online: event.online_url !== "",
      ical_url: event.ical_url,
      image: event.image ? image(event.image) : null,
      body: summariseBody(event.body),
    })),
  };
}
