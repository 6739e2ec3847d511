// What an approved cluster looks like in the announcement channel and in its members' direct messages. User text
// stays literal (each surface escapes it); the content hash tells whether a posted message needs an update.
import type { Message } from "../screens/message.ts";
import { reviewActions } from "./actions.ts";
import { clusterProjects, type ReviewCluster } from "./model.ts";

export function announcementMessage(cluster: ReviewCluster, workshopName: string): Message {
  const projects = clusterProjects(cluster);
  return {
    summary: `Suggested working group: ${cluster.label} (${projects.join(", ")})`,
    blocks: [
      { kind: "heading", text: cluster.label.slice(0, 140) },
      { kind: "context", text: `${workshopName} · projects: ${projects.join(", ")}` },
      { kind: "list", items: cluster.members.map((member) => ({ title: member.acronym, text: member.title })) },
      { kind: "text", title: "Why", text: cluster.explanation.slice(0, 2500) || "Chosen by the facilitators." },
      {
        kind: "buttons",
        buttons: [
          { actionId: reviewActions.join, label: "Join this working group", value: cluster.id, style: "primary" },
          { actionId: reviewActions.decline, label: "Not for us", value: cluster.id },
        ],
      },
    ],
  };
}

/** To a member of a project whose results joined the cluster. */
export function memberAnnouncementMessage(
  cluster: ReviewCluster,
  acronyms: readonly string[],
  workshopName: string,
): Message {
  const yours = cluster.members.filter((member) => acronyms.includes(member.acronym));
  const others = clusterProjects(cluster).filter((acronym) => !acronyms.includes(acronym));
  const line = `${workshopName}: your results joined the cluster “${cluster.label}”${others.length > 0 ? ` with ${others.join(", ")}` : ""}.`;
  return {
    summary: line,
    blocks: [
      { kind: "text", text: line },
      { kind: "list", items: yours.map((member) => ({ title: member.acronym, text: member.title })) },
      { kind: "text", title: "Why", text: cluster.explanation.slice(0, 2500) || "Chosen by the facilitators." },
      { kind: "context", text: "The announcement channel has the whole list, with “Join” and “Not for us”." },
    ],
  };
}

/** A short stable hash of a message (cyrb53), to know whether a posted one changed. */
export function contentHash(message: Message): string {
  const text = JSON.stringify(message);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
