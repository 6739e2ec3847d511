// filesUploadV2's first and last calls; the bytes go in between to the upload URL (upload.ts).
import { optionalJson, optionalString, requiredString } from "../args.ts";
import { fail } from "../errors.ts";
import { slackId } from "../ids.ts";
import { botMessage, storeMessage } from "../threads.ts";
import { type MethodTable, postTarget } from "./context.ts";

export const filesMethods: MethodTable = {
  "files.getUploadURLExternal": ({ state, args }) => {
    const filename = requiredString(args, "filename");
    const length = Number(requiredString(args, "length"));
    if (!Number.isInteger(length) || length <= 0) return fail("invalid_arguments");
    const id = slackId("F");
    state.files.set(id, { id, filename, length, channels: [] });
    return { file_id: id, upload_url: `${state.rootUrl}upload/v1/${id}` };
  },

  "files.completeUploadExternal": ({ state, args }) => {
    const listed = fileList(optionalJson(args, "files", "invalid_arguments"));
    const files = listed.map(({ id, title }) => {
      const file = state.files.get(id) ?? fail("file_not_found");
      if (!file.bytes) return fail("file_not_found");
      if (file.bytes.length !== file.length) return fail("file_upload_size_mismatch");
      return { ...file, title: title ?? file.filename };
    });
    const channelId = optionalString(args, "channel_id");
    if (channelId) {
      const channel = postTarget(state, channelId);
      storeMessage(
        state,
        {
          ...botMessage(state, channel.id),
          text: optionalString(args, "initial_comment") ?? "",
          files: files.map((file) => ({ id: file.id, name: file.filename, title: file.title, size: file.length })),
        },
        optionalString(args, "thread_ts"),
      );
      for (const file of files) state.files.get(file.id)?.channels.push(channel.id);
    }
    for (const file of files) {
      const stored = state.files.get(file.id);
      if (stored) stored.title = file.title;
    }
    return {
      files: files.map((file) => ({ id: file.id, title: file.title, name: file.filename, size: file.length })),
    };
  },
};

function fileList(value: unknown): { id: string; title?: string }[] {
  if (!Array.isArray(value) || value.length === 0) return fail("invalid_arguments");
  return value.map((entry: unknown) => {
    const record = (typeof entry === "object" && entry !== null ? entry : {}) as { id?: unknown; title?: unknown };
    if (typeof record.id !== "string") return fail("invalid_arguments");
    return typeof record.title === "string" ? { id: record.id, title: record.title } : { id: record.id };
  });
}
