// `/cluster import` in the browser workspace: the facilitator attaches a spreadsheet to a message in her
// conversation with Clusterbot (the file's bytes POSTed with the workspace's CSRF rules, refused beyond 10 MB before
// they are all read); the adapter hands it to the core as `files-shared`, which reads it only after checking who sent
// it, and runs the same import as `clusterbot import FILE`: all rows checked first, one line per bad row, all or
// nothing, the same file twice changes nothing. The file stays in the conversation, downloadable by its readers only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent, WireMessage } from "../../../src/platforms/web/protocol.ts";
import { backends } from "../../support/database.ts";
import { command, startWebApp, type WebApp } from "./app-harness.ts";
import type { LiveStream, WebPerson } from "./harness.ts";

const encode = (text: string) => new TextEncoder().encode(text);

/** Rows 2 and 4 name a Teams user in a web workspace; row 3 is fine but must not be imported either. */
const badProjects = [
  "acronym,title,members",
  "EPS,Epsilon,teams:29:abc",
  "ZETA,A fine project,",
  "ETA,Eta,teams:29:def",
];

describe.each(backends)("/cluster import from a file attached in the browser workspace (%s)", (backend) => {
  let web: WebApp;
  let fran: WebPerson;
  let ana: WebPerson;
  let franLive: LiveStream;
  let anaLive: LiveStream;
  let franDm: string;
  let anaDm: string;
  let workshopId: string;
  let goodProjects: Uint8Array;

  beforeAll(async () => {
    web = await startWebApp(backend);
    fran = await web.join("Fran Facilitator");
    ana = await web.join("Ana Partner");
    const [franId, anaId] = [(await fran.me()).id, (await ana.me()).id];
    const { repos } = web.app.deps;
    const workspaceId = web.bot.workspace.id;
    const facilitator = await repos.people.ensure(workspaceId, franId, { displayName: "Fran Facilitator" });
    const created = await repos.workshops.create(workspaceId, { name: "Upload workshop" }, facilitator.id);
    workshopId = created.id;
    await repos.workshops.setPhase(workshopId, "homework");
    await repos.projects.create(workshopId, {
      acronym: "ALPHA",
      title: "Alpha",
      partners: ["Alpha University"],
      memberIds: [(await repos.people.ensure(workspaceId, anaId, { displayName: "Ana Partner" })).id],
    });
    goodProjects = encode(
      [
        "id,acronym,title,summary,programme,partners,members",
        `GAMMA,GAMMA,Łódź smart grid,Grid sensors,Horizon Europe,Politechnika Łódzka (PL); Müller GmbH (DE),web:${anaId}`,
        "DELTA,DELTA,Delta <robots> & co,,,Universidade de São Paulo (BR),",
      ].join("\n"),
    );
    franLive = await fran.listen();
    anaLive = await ana.listen();
    franDm = (await fran.post("/api/direct", { with: "bot" })).body.channel.id;
    anaDm = (await ana.post("/api/direct", { with: "bot" })).body.channel.id;
  });
  afterAll(() => web.stop());

  const acronyms = async () =>
    (await web.app.deps.repos.projects.list(workshopId)).map((project) => project.acronym).sort();

  const fromBot = (channelId: string) => (event: LiveEvent) =>
    event.type === "message" && event.message.author.kind === "bot" && event.message.channelId === channelId;

  /** Attaches the file in the person's DM with Clusterbot; resolves with the message and Clusterbot's answer. */
  async function send(person: WebPerson, live: LiveStream, dm: string, filename: string, bytes: Uint8Array) {
    const before = live.events.filter(fromBot(dm)).length;
    const sent = await person.upload({ channelId: dm }, filename, bytes);
    expect(sent.status).toBe(201);
    await live.next(() => live.events.filter(fromBot(dm)).length > before);
    const answer = live.events.filter(fromBot(dm))[before];
    if (answer?.type !== "message") throw new Error("no answer");
    return {
      sent: sent.body.message as WireMessage,
      answer: answer.message,
      text: JSON.stringify(answer.message.content),
    };
  }

  it("imports a CSV the facilitator attaches in her DM with Clusterbot, and answers there", async () => {
    const { sent, answer, text } = await send(fran, franLive, franDm, "Łódź-projects.csv", goodProjects);
    expect(answer.content.summary).toMatch(/2 projects created/);
    expect(text).toContain("Upload workshop");
    expect(await acronyms()).toEqual(["ALPHA", "DELTA", "GAMMA"]);
    expect(web.fileReads).toHaveLength(1);

    // The file is in the conversation's message list, as a file.
    const listed = (await fran.get("/api/messages", { channel: franDm })).body.messages as WireMessage[];
    const file = listed
      .find((message) => message.id === sent.id)
      ?.content.blocks?.find((block) => block.kind === "file");
    expect(file).toMatchObject({ kind: "file", filename: "Łódź-projects.csv", size: goodProjects.byteLength });
    expect(listed.find((message) => message.id === sent.id)?.author).toMatchObject({ kind: "person" });

    // Its reader downloads exactly what was sent, as an attachment with its name; nobody else may.
    if (file?.kind !== "file") throw new Error("no file block");
    const download = await fetch(`${web.url}/api/files?id=${file.fileId}`, { headers: { cookie: fran.cookie } });
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(goodProjects);
    expect(download.headers.get("content-disposition")).toContain("filename*=UTF-8''%C5%81%C3%B3d%C5%BA-projects.csv");
    expect((await ana.get("/api/files", { id: file.fileId })).status).toBe(404);

    // /cluster status shows the imported projects.
    const at = franLive.events.length;
    await command(fran, web.general, "status");
    const status = await franLive.next(
      (event) =>
        franLive.events.indexOf(event) >= at &&
        event.type === "message" &&
        event.message.author.kind === "bot" &&
        event.message.channelId === web.general,
    );
    expect(JSON.stringify(status)).toContain("GAMMA");
    expect(JSON.stringify(status)).toContain("DELTA");
  });

  it("changes nothing when the same file is sent again", async () => {
    const { text } = await send(fran, franLive, franDm, "Łódź-projects.csv", goodProjects);
    expect(text).toContain("Nothing to change");
    expect(await acronyms()).toEqual(["ALPHA", "DELTA", "GAMMA"]);
  });

  it("answers a file with bad rows with one line per bad row, and imports none of it", async () => {
    const { answer } = await send(fran, franLive, franDm, "projects.csv", encode(badProjects.join("\n")));
    expect(answer.content.summary).toBe("Nothing was imported: the file has 2 problems.");
    const lines = (answer.content.blocks ?? []).flatMap((block) =>
      block.kind === "text" && typeof block.text === "string" && block.text.startsWith("projects.csv")
        ? [block.text]
        : [],
    );
    expect(lines).toEqual([
      'projects.csv, row 2, column C, field "members": "teams:29:abc" is a teams user, but this workshop runs on web',
      'projects.csv, row 4, column C, field "members": "teams:29:def" is a teams user, but this workshop runs on web',
    ]);
    for (const acronym of ["EPS", "ZETA", "ETA"]) expect(await acronyms()).not.toContain(acronym);
  });

  it("refuses a partner's file without reading it", async () => {
    const reads = web.fileReads.length;
    const { answer } = await send(ana, anaLive, anaDm, "projects.csv", encode("acronym,title\nIOTA,Iota\n"));
    expect(answer.content.summary).toMatch(/Only the facilitators/);
    expect(web.fileReads).toHaveLength(reads);
    expect(await acronyms()).not.toContain("IOTA");
  });

  it("takes a spreadsheet in a channel as a file, not as an import", async () => {
    const reads = web.fileReads.length;
    const sent = await fran.upload(
      { channelId: web.general, text: "The list, for the record" },
      "more-projects.csv",
      encode("acronym,title\nKAPPA,Kappa\n"),
    );
    expect(sent.status).toBe(201);
    expect(sent.body.message.content.blocks.map((block: { kind: string }) => block.kind)).toEqual(["text", "file"]);
    // Ana sees it live and may download it from the public channel.
    const seen = await anaLive.next((event) => event.type === "message" && event.message.id === sent.body.message.id);
    if (seen.type !== "message") throw new Error("not a message");
    const file = seen.message.content.blocks?.find((block) => block.kind === "file");
    if (file?.kind !== "file") throw new Error("no file block");
    const download = await fetch(`${web.url}/api/files?id=${file.fileId}`, { headers: { cookie: ana.cookie } });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe("acronym,title\nKAPPA,Kappa\n");
    // A message with a file is not edited (its text travels with the file).
    const edit = await fran.post("/api/messages/edit", { messageId: sent.body.message.id, version: 1, text: "x" });
    expect(edit.status).toBe(400);
    // The import's answer would have come by now if there were one: the next file to Clusterbot is answered first.
    await send(fran, franLive, franDm, "Łódź-projects.csv", goodProjects);
    expect(web.fileReads).toHaveLength(reads + 1);
    expect(await acronyms()).not.toContain("KAPPA");
  });

  it("refuses uploads without the workspace's header, from another site, over 10 MB, or where one cannot post", async () => {
    const small = encode("acronym,title\nLAMBDA,Lambda\n");
    const where = { channelId: franDm };
    const bare = await fetch(`${web.url}/api/files/upload?channelId=${franDm}&filename=a.csv`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", cookie: fran.cookie },
      body: small,
    });
    expect(bare.status).toBe(403);
    expect((await fran.upload(where, "a.csv", small, { origin: "https://evil.example" })).status).toBe(403);
    expect((await fran.upload(where, "a.csv", small, { "content-type": "text/plain" })).status).toBe(403);

    // Over the limit: refused on the declared length, and while reading a body sent without one.
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    const declared = await fran.upload(where, "big.csv", big);
    expect(declared.status).toBe(413);
    expect(declared.body.message).toMatch(/10 MB/);
    let chunks = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Up to 64 MB in 1 MB chunks, made as they are read: the server stops reading soon after 10 MB.
        if (chunks++ < 64) controller.enqueue(new Uint8Array(1024 * 1024));
        else controller.close();
      },
    });
    const streamed = await fran.upload(where, "big.csv", stream).catch((error: unknown) => error as Error);
    // The server answers 413 and closes the connection; the client may see the answer or the closed socket.
    if (!(streamed instanceof Error)) expect(streamed.status).toBe(413);
    expect(chunks).toBeLessThan(64);

    // Ana cannot post into Fran's conversation with Clusterbot; an empty file is refused.
    expect((await ana.upload(where, "a.csv", small)).status).toBe(404);
    expect((await fran.upload(where, "empty.csv", new Uint8Array(0))).status).toBe(400);
    expect(await acronyms()).not.toContain("LAMBDA");
  });
});
