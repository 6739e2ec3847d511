// The signed-in workspace: sidebar, the open conversation (or home), a thread beside it, the dialog on top, and
// the live stream that keeps it all current.
import { useEffect, useReducer, useRef, useState } from "preact/hooks";
import {
  type Bootstrap,
  type DialogView,
  type FieldOption,
  type FormDialogView,
  fileUploadPath,
  type LiveEvent,
  type RawValues,
  type WireChannel,
  type WireMessage,
} from "../protocol.ts";
import { LiveRegions, useAnnouncer } from "./announcer.tsx";
import { ApiFailure, getJson, messageOf, postFile, postJson } from "./api.ts";
import { Conversation, channelLabel } from "./conversation.tsx";
import { dialogTitleId, FormBody } from "./form-dialog.tsx";
import { Home } from "./home.tsx";
import { connectLive } from "./live.ts";
import { newChannelForm, newDirectForm, switchPersonForm } from "./local-forms.ts";
import { Modal } from "./modal.tsx";
import { PanelBody } from "./panel-dialog.tsx";
import { plainText } from "./rich-text.tsx";
import { go, type Place, parsePlace } from "./route.ts";
import { Sidebar } from "./sidebar.tsx";
import { initialState, reduce } from "./state.ts";
import { StatusPage } from "./status-page.tsx";
import { Thread } from "./thread.tsx";

export function Workspace(props: { onSignedOut(): void }) {
  const [boot, setBoot] = useState<Bootstrap | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    getJson<Bootstrap>("/api/bootstrap").then(setBoot, (error: unknown) => {
      if (error instanceof ApiFailure && error.status === 401) props.onSignedOut();
      else setProblem(messageOf(error));
    });
  }, []);
  if (!boot) return <StatusPage loading="Loading…" problem={problem} />;
  return <Loaded boot={boot} onSignedOut={props.onSignedOut} />;
}

function usePlace(): Place {
  const [place, setPlace] = useState(() => parsePlace(window.location.hash));
  useEffect(() => {
    const update = () => setPlace(parsePlace(window.location.hash));
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return place;
}

type LocalForm = { view: FormDialogView; kind: "channel" | "direct" | "switch" };

function Loaded(props: { boot: Bootstrap; onSignedOut(): void }) {
  const [state, dispatch] = useReducer(reduce, props.boot, initialState);
  const place = usePlace();
  const placeRef = useRef(place);
  placeRef.current = place;
  const stateRef = useRef(state);
  stateRef.current = state;
  const { announce, polite, assertive } = useAnnouncer();
  const [localForm, setLocalForm] = useState<LocalForm | null>(null);
  const [dialogProblem, setDialogProblem] = useState<string | null>(null);
  const me = state.boot.me;
  const channelId = place.view === "channel" ? place.channelId : null;
  const threadId = place.view === "channel" ? place.threadId : null;
  const channel = state.channels.find((candidate) => candidate.id === channelId);

  async function loadChannel(id: string, beforeSeq?: number) {
    try {
      const page = await getJson<{ messages: WireMessage[]; hasMore: boolean }>("/api/messages", {
        channel: id,
        ...(beforeSeq ? { before: String(beforeSeq) } : {}),
      });
      dispatch({ type: "messages", channelId: id, ...page, older: beforeSeq !== undefined });
    } catch (error) {
      announce.assertive(messageOf(error));
    }
  }

  async function loadThread(rootId: string) {
    try {
      const thread = await getJson<{ root: WireMessage; replies: WireMessage[] }>("/api/thread", { root: rootId });
      dispatch({ type: "thread", rootId, ...thread });
    } catch (error) {
      announce.assertive(messageOf(error));
    }
  }

  async function resync() {
    const boot = await getJson<Bootstrap>("/api/bootstrap");
    dispatch({ type: "boot", boot });
    const current = placeRef.current;
    if (current.view === "channel") {
      await loadChannel(current.channelId);
      if (current.threadId) await loadThread(current.threadId);
    }
  }

  function announceMessage(message: WireMessage) {
    if (message.author.kind === "person" && message.author.id === me.id) return;
    const where = stateRef.current.channels.find((candidate) => candidate.id === message.channelId);
    const here = placeRef.current.view === "channel" && placeRef.current.channelId === message.channelId;
    if (!here && where?.kind !== "direct") return;
    const place = message.threadRootId ? "in a thread" : where ? `in ${channelLabel(where)}` : "";
    announce.polite(`${message.author.name} ${place}: ${plainText(message.content.summary).slice(0, 200)}`);
  }

  function onLive(event: LiveEvent) {
    switch (event.type) {
      case "ready":
        dispatch({ type: "live", status: "live" });
        return;
      case "message": {
        const isNew = !stateRef.current.messages[event.message.channelId]?.list.some((m) => m.id === event.message.id);
        const current = placeRef.current;
        dispatch({
          type: "message",
          message: event.message,
          viewingChannelId: current.view === "channel" ? current.channelId : null,
        });
        if (isNew && event.message.version === 1) announceMessage(event.message);
        return;
      }
      case "channel":
        dispatch({ type: "channel", channel: event.channel });
        return;
      case "person":
        dispatch({ type: "person", person: event.person });
        return;
      case "dialog":
        setDialogProblem(null);
        dispatch({ type: "dialog", dialog: event.dialog, closedId: event.closedId });
        return;
      case "home":
        dispatch({ type: "home", home: event.home });
        return;
    }
  }

  // The live stream, opened once; after a reconnect everything is fetched again (events may have been missed).
  useEffect(() => {
    let connectedBefore = false;
    return connectLive({
      onEvent(event) {
        if (event.type === "ready") {
          if (connectedBefore) void resync().catch(() => undefined);
          connectedBefore = true;
        }
        onLive(event);
      },
      onTrouble: () => dispatch({ type: "live", status: "reconnecting" }),
      async onClosed() {
        const session = await getJson<{ signedIn: boolean }>("/api/session").catch(() => ({ signedIn: true }));
        if (!session.signedIn) props.onSignedOut();
        return session.signedIn;
      },
    });
  }, []);

  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== me.timezone) void postJson("/api/me/timezone", { timezone: zone }).catch(() => undefined);
  }, []);

  useEffect(() => {
    if (channelId && !state.messages[channelId]) void loadChannel(channelId);
  }, [channelId]);

  // Looking at home asks Clusterbot to draw it again (like opening Slack's App Home).
  useEffect(() => {
    if (place.view === "home") void postJson("/api/home/opened").catch(() => undefined);
  }, [place.view]);

  useEffect(() => {
    if (threadId) void loadThread(threadId);
  }, [threadId]);

  // What is on screen counts as read.
  const lastSeq = channelId ? (state.messages[channelId]?.list.at(-1)?.seq ?? 0) : 0;
  useEffect(() => {
    if (!channelId || !channel?.isMember || lastSeq === 0) return;
    dispatch({ type: "read", channelId });
    void postJson("/api/channels/read", { channelId, seq: lastSeq }).catch(() => undefined);
  }, [channelId, lastSeq, channel?.isMember]);

  useEffect(() => {
    document.title = channel ? `${channelLabel(channel)} · Clusterbot` : "Home · Clusterbot";
  }, [channel?.id, channel?.name]);

  async function attempt(work: () => Promise<unknown>): Promise<string | null> {
    try {
      await work();
      return null;
    } catch (error) {
      const message = messageOf(error);
      announce.assertive(message);
      return message;
    }
  }

  const send = (threadRootId: string | null) => (text: string) =>
    attempt(async () => {
      const { message } = await postJson<{ message: WireMessage }>("/api/messages", { channelId, threadRootId, text });
      onLive({ type: "message", message });
    });

  const attach = (threadRootId: string | null) => (file: File, text: string) =>
    attempt(async () => {
      if (!channelId) return;
      const where = { channelId, filename: file.name, text, ...(threadRootId ? { threadRootId } : {}) };
      const { message } = await postFile<{ message: WireMessage }>(fileUploadPath, where, file);
      onLive({ type: "message", message });
    });

  const command = (threadRootId: string | null) => (text: string) =>
    attempt(async () => {
      const { message } = await postJson<{ message: WireMessage }>("/api/commands", { channelId, threadRootId, text });
      onLive({ type: "message", message });
    });

  const edit = (message: WireMessage, text: string) =>
    attempt(async () => {
      const answer = await postJson<{ message: WireMessage }>("/api/messages/edit", {
        messageId: message.id,
        version: message.version,
        text,
      });
      onLive({ type: "message", message: answer.message });
    });

  const press = (messageId: string | null) => (actionId: string, value: string) =>
    void attempt(() => postJson("/api/actions", { messageId, actionId, value }));

  /** A button on the dialog's panel: fails (rejects) so the panel can free its buttons. */
  async function pressInDialog(dialogId: string, actionId: string, value: string): Promise<void> {
    try {
      await postJson("/api/actions", { dialogId, actionId, value });
    } catch (error) {
      setDialogProblem(messageOf(error));
      announce.assertive(messageOf(error));
      throw error;
    }
  }

  function openChannel(opened: WireChannel) {
    dispatch({ type: "channel", channel: opened });
    go({ view: "channel", channelId: opened.id, threadId: null });
  }

  async function submitLocal(form: LocalForm, values: RawValues) {
    try {
      if (form.kind === "channel") {
        const { channel: created } = await postJson<{ channel: WireChannel }>("/api/channels", {
          name: values.name ?? "",
          visibility: values.visibility === "private" ? "private" : "public",
          topic: typeof values.topic === "string" ? values.topic : undefined,
          memberIds: Array.isArray(values.memberIds) ? values.memberIds : [],
        });
        setLocalForm(null);
        openChannel(created);
      } else if (form.kind === "direct") {
        if (!values.with) {
          setLocalForm({ ...form, view: newDirectForm(state.people, me.id, { with: "Please pick someone." }) });
          return;
        }
        const { channel: opened } = await postJson<{ channel: WireChannel }>("/api/direct", { with: values.with });
        setLocalForm(null);
        openChannel(opened);
      } else {
        await postJson("/api/session/name", { userId: values.userId });
        window.location.hash = "#/home";
        window.location.reload();
      }
    } catch (error) {
      const fields = error instanceof ApiFailure ? error.fields : {};
      const version = form.view.version + 1;
      setLocalForm({
        ...form,
        view: {
          ...form.view,
          version,
          values,
          errors: fields,
          notice: Object.keys(fields).length ? null : messageOf(error),
        },
      });
    }
  }

  async function openBot() {
    const { channel: opened } = await postJson<{ channel: WireChannel }>("/api/direct", { with: "bot" });
    openChannel(opened);
  }

  async function signOut() {
    await postJson("/api/session/signout").catch(() => undefined);
    props.onSignedOut();
  }

  const fieldContext = {
    people: state.people,
    channels: state.channels,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    suggest: async (fieldId: string, query: string): Promise<FieldOption[]> => {
      if (!state.dialog) return [];
      const answer = await getJson<{ options: FieldOption[] }>("/api/dialogs/suggest", {
        dialog: state.dialog.id,
        field: fieldId,
        q: query,
      }).catch(() => ({ options: [] }));
      return answer.options;
    },
  };

  const dialog = state.dialog;
  /** What is typed in the bot's form now: a close (button or Escape) hands it over, to keep as a draft. */
  const typed = useRef<RawValues>({});

  function closeDialog(closing: DialogView) {
    setDialogProblem(null);
    dispatch({ type: "dialog", dialog: null, closedId: closing.id });
    const values = closing.kind === "form" ? typed.current : {};
    void postJson("/api/dialogs/close", { dialogId: closing.id, values }).catch(() => undefined);
  }

  const threadRoot = threadId ? state.messages[channelId ?? ""]?.list.find((m) => m.id === threadId) : undefined;

  return (
    <div class={`workspace${threadId ? " with-thread" : ""}`}>
      <a class="skip-link" href="#main">
        Skip to the conversation
      </a>
      <header class="topbar">
        <span class="workspace-name">{state.boot.workspace.name}</span>
        <span class={`live ${state.live}`} role="status">
          {state.live === "live" ? "Live" : state.live === "connecting" ? "Connecting…" : "Reconnecting…"}
        </span>
        <span class="me">
          Signed in as <strong data-testid="me">{me.name}</strong>
        </span>
        {state.boot.devSignIn && (
          <button
            type="button"
            onClick={() => setLocalForm({ kind: "switch", view: switchPersonForm(state.people, me.id) })}
          >
            Switch person
          </button>
        )}
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <Sidebar
        channels={state.channels}
        place={place}
        onNewChannel={() => setLocalForm({ kind: "channel", view: newChannelForm() })}
        onNewDirect={() => setLocalForm({ kind: "direct", view: newDirectForm(state.people, me.id) })}
        onOpenBot={() => void openBot()}
      />
      <main id="main" class="main">
        {place.view === "home" || !channelId ? (
          <Home boot={state.boot} home={state.home} onAction={press(null)} />
        ) : channel ? (
          <Conversation
            channel={channel}
            messages={state.messages[channel.id]?.list}
            hasMore={state.messages[channel.id]?.hasMore ?? false}
            meId={me.id}
            commands={state.boot.commands}
            onLoadOlder={() => void loadChannel(channel.id, state.messages[channel.id]?.list[0]?.seq)}
            onJoin={() =>
              void attempt(async () => {
                const answer = await postJson<{ channel: WireChannel }>("/api/channels/join", {
                  channelId: channel.id,
                });
                dispatch({ type: "channel", channel: answer.channel });
              })
            }
            onOpenThread={(message) => go({ view: "channel", channelId: channel.id, threadId: message.id })}
            onSend={send(null)}
            onAttach={attach(null)}
            onCommand={command(null)}
            onEdit={edit}
            onAction={(message) => press(message.id)}
          />
        ) : (
          <section class="conversation">
            <h1 tabIndex={-1} data-focus-fallback>
              Not found
            </h1>
            <p>This conversation does not exist or you are not in it.</p>
          </section>
        )}
      </main>
      {channel && threadId && (
        <Thread
          root={threadRoot}
          replies={state.threads[threadId]}
          meId={me.id}
          commands={state.boot.commands}
          onClose={() => {
            go({ view: "channel", channelId: channel.id, threadId: null });
            requestAnimationFrame(() =>
              document.querySelector<HTMLElement>(`#m-${threadId} .message-actions button`)?.focus(),
            );
          }}
          onSend={send(threadId)}
          onAttach={attach(threadId)}
          onCommand={command(threadId)}
          onEdit={edit}
          onAction={(message) => press(message.id)}
        />
      )}
      {dialog && !localForm && (
        <Modal key={dialog.id} labelledBy={dialogTitleId(dialog.id)} onClose={() => closeDialog(dialog)}>
          {dialogProblem && dialog.kind === "panel" && (
            <p class="notice" role="alert">
              {dialogProblem}
            </p>
          )}
          {dialog.kind === "form" ? (
            <FormBody
              view={dialogProblem ? { ...dialog, notice: dialogProblem } : dialog}
              context={fieldContext}
              valuesRef={typed}
              onSubmit={(actionId, values) =>
                void postJson<{ dialog: DialogView }>("/api/dialogs/submit", {
                  dialogId: dialog.id,
                  version: dialog.version,
                  actionId,
                  values,
                }).then(
                  (answer) => dispatch({ type: "dialog", dialog: answer.dialog, closedId: null }),
                  (error: unknown) => {
                    setDialogProblem(messageOf(error));
                    announce.assertive(messageOf(error));
                  },
                )
              }
              onClose={() => closeDialog(dialog)}
              onDraft={(values) =>
                void postJson("/api/dialogs/draft", { dialogId: dialog.id, values }).catch(() => undefined)
              }
            />
          ) : (
            <PanelBody
              view={dialog}
              onAction={(actionId, value) => pressInDialog(dialog.id, actionId, value)}
              onClose={() => closeDialog(dialog)}
            />
          )}
        </Modal>
      )}
      {localForm && (
        <Modal key={localForm.view.id} labelledBy={dialogTitleId(localForm.view.id)} onClose={() => setLocalForm(null)}>
          <FormBody
            view={localForm.view}
            context={fieldContext}
            onSubmit={(_action, values) => void submitLocal(localForm, values)}
            onClose={() => setLocalForm(null)}
          />
        </Modal>
      )}
      <LiveRegions polite={polite} assertive={assertive} />
    </div>
  );
}
