// Where the person is, kept in the URL's #fragment so the back button and links work: home, or a conversation
// with maybe a thread open beside it.
export type Place = { view: "home" } | { view: "channel"; channelId: string; threadId: string | null };

export function parsePlace(hash: string): Place {
  const parts = hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  if (parts[0] === "c" && parts[1]) {
    return { view: "channel", channelId: parts[1], threadId: parts[2] === "t" && parts[3] ? parts[3] : null };
  }
  return { view: "home" };
}

export function hrefOf(place: Place): string {
  if (place.view === "home") return "#/home";
  const base = `#/c/${encodeURIComponent(place.channelId)}`;
  return place.threadId ? `${base}/t/${encodeURIComponent(place.threadId)}` : base;
}

export function go(place: Place): void {
  window.location.hash = hrefOf(place);
}
