import { authMethods } from "./auth.ts";
import { chatMethods } from "./chat.ts";
import type { MethodTable } from "./context.ts";
import { conversationsMethods } from "./conversations.ts";
import { dndMethods } from "./dnd.ts";
import { filesMethods } from "./files.ts";
import { pinsMethods } from "./pins.ts";
import { usersMethods } from "./users.ts";
import { viewsMethods } from "./views.ts";

/** Every Web API method the stand-in answers. */
export const METHODS: MethodTable = {
  ...authMethods,
  ...chatMethods,
  ...viewsMethods,
  ...conversationsMethods,
  ...usersMethods,
  ...dndMethods,
  ...pinsMethods,
  ...filesMethods,
};
