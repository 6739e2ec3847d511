// The list of places: home, channels, direct conversations, with unread counts.

import type { WireChannel } from "../protocol.ts";
import { LockIcon } from "./lock-icon.tsx";
import { hrefOf, type Place } from "./route.ts";

export function Sidebar(props: {
  channels: WireChannel[];
  place: Place;
  onNewChannel(): void;
  onNewDirect(): void;
  onOpenBot(): void;
}) {
  const channels = props.channels
    .filter((channel) => channel.kind !== "direct")
    .sort((a, b) => a.name.localeCompare(b.name));
  const directs = props.channels
    .filter((channel) => channel.kind === "direct")
    .sort((a, b) => Number(b.withBot) - Number(a.withBot) || a.name.localeCompare(b.name));
  const current = props.place.view === "channel" ? props.place.channelId : "home";
  const hasBot = directs.some((channel) => channel.withBot);

  const item = (channel: WireChannel) => (
    <li key={channel.id}>
      <a
        href={hrefOf({ view: "channel", channelId: channel.id, threadId: null })}
        aria-current={current === channel.id ? "page" : undefined}
        class={`${channel.unread > 0 ? "unread" : ""}${channel.kind === "public" && !channel.isMember ? " not-member" : ""}`}
      >
        <span class="sigil" aria-hidden="true">
          {channel.kind === "direct" ? "●" : channel.kind === "private" ? <LockIcon /> : "#"}
        </span>
        {channel.name}
        {channel.kind === "private" && <span class="visually-hidden"> (private)</span>}
        {channel.unread > 0 && (
          <span class="count">
            {channel.unread}
            <span class="visually-hidden"> unread</span>
          </span>
        )}
      </a>
    </li>
  );

  return (
    <nav class="sidebar" aria-label="Conversations">
      <ul>
        <li>
          <a href="#/home" aria-current={current === "home" ? "page" : undefined}>
            <span class="sigil" aria-hidden="true">
              ⌂
            </span>
            Home
          </a>
        </li>
      </ul>
      <div class="section-heading">
        <h2 id="channels-heading">Channels</h2>
        <button type="button" class="add" onClick={props.onNewChannel}>
          +<span class="visually-hidden">New channel</span>
        </button>
      </div>
      <ul aria-labelledby="channels-heading">{channels.map(item)}</ul>
      <div class="section-heading">
        <h2 id="directs-heading">Direct messages</h2>
        <button type="button" class="add" onClick={props.onNewDirect}>
          +<span class="visually-hidden">New direct message</span>
        </button>
      </div>
      <ul aria-labelledby="directs-heading">
        {!hasBot && (
          <li>
            <button type="button" class="link nav-like" onClick={props.onOpenBot}>
              <span class="sigil" aria-hidden="true">
                ●
              </span>
              Clusterbot
            </button>
          </li>
        )}
        {directs.map(item)}
      </ul>
    </nav>
  );
}
