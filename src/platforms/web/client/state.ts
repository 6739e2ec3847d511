// The page's picture of the workspace: loaded once, then kept current by live events.
import type { Bootstrap, DialogView, WireChannel, WireMessage, WirePanel, WirePerson } from "../protocol.ts";

export interface ChannelMessages {
  list: WireMessage[];
  hasMore: boolean;
}

export type LiveStatus = "connecting" | "live" | "reconnecting";

export interface State {
  boot: Bootstrap;
  people: WirePerson[];
  channels: WireChannel[];
  messages: Record<string, ChannelMessages>;
  threads: Record<string, WireMessage[]>;
  dialog: DialogView | null;
  /** Dialogs closed lately: a late answer about one of them must not bring it back. */
  closedDialogs: string[];
  home: WirePanel | null;
  live: LiveStatus;
}

export type Action =
  | { type: "boot"; boot: Bootstrap }
  | { type: "messages"; channelId: string; messages: WireMessage[]; hasMore: boolean; older: boolean }
  | { type: "thread"; rootId: string; root: WireMessage; replies: WireMessage[] }
  | { type: "message"; message: WireMessage; viewingChannelId: string | null }
  | { type: "channel"; channel: WireChannel }
  | { type: "person"; person: WirePerson }
  | { type: "dialog"; dialog: DialogView | null; closedId: string | null }
  | { type: "home"; home: WirePanel | null }
  | { type: "live"; status: LiveStatus }
  | { type: "read"; channelId: string };

export function initialState(boot: Bootstrap): State {
  return {
    boot,
    people: boot.people,
    channels: boot.channels,
    messages: {},
    threads: {},
    dialog: boot.dialog,
    closedDialogs: [],
    home: boot.home,
    live: "connecting",
  };
}

function upsert(list: WireMessage[], message: WireMessage): WireMessage[] {
  const index = list.findIndex((candidate) => candidate.id === message.id);
  if (index >= 0) {
    if (list[index]!.version > message.version) return list;
    const next = list.slice();
    next[index] = message;
    return next;
  }
  return [...list, message].sort((a, b) => a.seq - b.seq);
}

function merge(older: WireMessage[], newer: WireMessage[]): WireMessage[] {
  return newer.reduce(upsert, older);
}

export function reduce(state: State, action: Action): State {
  switch (action.type) {
    case "boot":
      return {
        ...state,
        boot: action.boot,
        people: action.boot.people,
        channels: action.boot.channels,
        dialog: action.boot.dialog,
        home: action.boot.home,
      };
    case "messages": {
      const known = state.messages[action.channelId];
      const list = known ? merge(known.list, action.messages) : action.messages;
      const hasMore = action.older || !known ? action.hasMore : known.hasMore;
      return { ...state, messages: { ...state.messages, [action.channelId]: { list, hasMore } } };
    }
    case "thread":
      return {
        ...state,
        threads: { ...state.threads, [action.rootId]: merge(state.threads[action.rootId] ?? [], action.replies) },
        messages: withMessage(state.messages, action.root),
      };
    case "message": {
      const { message } = action;
      if (message.threadRootId) {
        const thread = state.threads[message.threadRootId];
        return thread
          ? { ...state, threads: { ...state.threads, [message.threadRootId]: upsert(thread, message) } }
          : state;
      }
      const isNew = !state.messages[message.channelId]?.list.some((candidate) => candidate.id === message.id);
      const fromOthers = message.author.kind === "bot" || message.author.id !== state.boot.me.id;
      const unseen = isNew && fromOthers && action.viewingChannelId !== message.channelId;
      return {
        ...state,
        messages: withMessage(state.messages, message),
        channels: unseen
          ? state.channels.map((channel) =>
              channel.id === message.channelId ? { ...channel, unread: channel.unread + 1 } : channel,
            )
          : state.channels,
      };
    }
    case "channel": {
      const index = state.channels.findIndex((channel) => channel.id === action.channel.id);
      if (index < 0) return { ...state, channels: [...state.channels, action.channel] };
      const channels = state.channels.slice();
      channels[index] = { ...action.channel, unread: state.channels[index]!.unread };
      return { ...state, channels };
    }
    case "person": {
      const others = state.people.filter((person) => person.id !== action.person.id);
      return { ...state, people: [...others, action.person].sort((a, b) => a.name.localeCompare(b.name)) };
    }
    case "dialog": {
      const current = state.dialog;
      if (!action.dialog) {
        const closedId = action.closedId ?? current?.id;
        const closedDialogs = closedId ? [...state.closedDialogs.slice(-19), closedId] : state.closedDialogs;
        if (action.closedId && current?.id !== action.closedId) return { ...state, closedDialogs };
        return { ...state, dialog: null, closedDialogs };
      }
      if (state.closedDialogs.includes(action.dialog.id)) return state;
      if (current?.id === action.dialog.id && current.version > action.dialog.version) return state;
      return { ...state, dialog: action.dialog };
    }
    case "home":
      return { ...state, home: action.home };
    case "live":
      return { ...state, live: action.status };
    case "read":
      return {
        ...state,
        channels: state.channels.map((channel) =>
          channel.id === action.channelId ? { ...channel, unread: 0 } : channel,
        ),
      };
  }
}

/** A top-level message into its channel's loaded list (a channel not loaded yet loads it when opened). */
function withMessage(messages: Record<string, ChannelMessages>, message: WireMessage) {
  const known = messages[message.channelId];
  if (!known) return messages;
  return { ...messages, [message.channelId]: { ...known, list: upsert(known.list, message) } };
}

export function personName(state: State, id: string): string {
  return state.people.find((person) => person.id === id)?.name ?? "someone";
}
