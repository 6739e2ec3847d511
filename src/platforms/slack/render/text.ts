// Slack mrkdwn treats &, < and > as control characters (`<!channel>`, `<@U123>`, `<http://x|y>`); escaping
// them makes a partner's text inert wherever it is posted.
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Plain-text objects are not parsed for mentions, but have hard length limits. */
export function plain(text: string, maxLength: number) {
  return { type: "plain_text" as const, text: truncate(text, maxLength), emoji: true };
}

export function mrkdwn(text: string) {
  return { type: "mrkdwn" as const, text: truncate(text, 3000) };
}

export function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}

/** A Block Kit block as we build it: checked by Slack (and by the stand-in), not by a hand-kept type. */
export type SlackBlock = { type: string; block_id?: string } & Record<string, unknown>;
