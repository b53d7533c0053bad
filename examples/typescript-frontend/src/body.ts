// StreamField bodies arrive as lists of blocks discriminated by `type`:
// switching on it narrows `value` to that block's own shape.
import type { Schemas } from "./client.js";

/** One block of a page's or an event's body (the same StreamBlock everywhere). */
export type BodyBlock = Schemas["NewsPageSchema"]["body"][number];

export interface BodySummary {
  blocks: BodyBlock["type"][];
  headings: string[];
  links: string[];
  images: string[];
}

/** What a body holds: its block types in order, headings, links and image URLs. */
export function summariseBody(body: BodyBlock[]): BodySummary {
  const summary: BodySummary = { blocks: [], headings: [], links: [], images: [] };
  for (const block of body) {
    summary.blocks.push(block.type);
    switch (block.type) {
      case "heading":
        summary.headings.push(block.value.text);
        break;
      case "image":
        summary.images.push(...(block.value.image?.renditions.map((r) => r.url) ?? []));
        break;
      case "document":
        if (block.value.document) summary.links.push(block.value.document.url);
        break;
      case "video":
        if (block.value.video) summary.links.push(block.value.video.url);
        break;
      case "call_to_action":
        // A chosen page comes with its absolute URL; otherwise the editor typed one.
        summary.links.push(block.value.page?.url ?? block.value.url);
        break;
      case "paragraph": // rich text, as HTML
      case "quote":
      case "table":
      case "faq":
        break;
      default:
        unreachable(block);
    }
  }
  return summary;
}

/** Fails to compile when the API gains a block type this switch does not handle. */
function unreachable(block: never): never {
  throw new Error(`Unknown block ${JSON.stringify(block)}`);
}
