// Forms the page itself shows (not the bot), described as dialogs so the one form renderer shows them too.
import type { FieldErrors, FormDialogView, WirePerson } from "../protocol.ts";

function view(
  partial: Omit<FormDialogView, "kind" | "version" | "intro" | "notice" | "status" | "closeLabel">,
): FormDialogView {
  return { ...partial, kind: "form", version: 1, intro: null, notice: null, status: "open", closeLabel: "Cancel" };
}

export function newChannelForm(errors: FieldErrors = {}, values: FormDialogView["values"] = {}): FormDialogView {
  return view({
    id: "local-new-channel",
    formId: "local.channel",
    title: "New channel",
    fields: [
      {
        id: "name",
        label: "Name",
        kind: "text",
        required: true,
        maxLength: 80,
        hint: "Lower-case letters, digits, - and _, e.g. cluster-3-smart-grids.",
      },
      {
        id: "visibility",
        label: "Who can see it",
        kind: "choice",
        required: true,
        options: [
          { value: "public", label: "Everyone in the workspace" },
          { value: "private", label: "Only the people in it" },
        ],
      },
      { id: "topic", label: "Topic", kind: "text", required: false, maxLength: 250 },
      { id: "memberIds", label: "People to add", kind: "people", required: false },
    ],
    actions: [{ id: "create", label: "Create channel", style: "primary" }],
    values: { visibility: "public", memberIds: [], ...values },
    errors,
  });
}

export function newDirectForm(people: WirePerson[], meId: string, errors: FieldErrors = {}): FormDialogView {
  return view({
    id: "local-new-direct",
    formId: "local.direct",
    title: "New direct message",
    fields: [
      {
        id: "with",
        label: "To",
        kind: "choice",
        required: true,
        options: [
          { value: "bot", label: "Clusterbot" },
          ...people.filter((person) => person.id !== meId).map((person) => ({ value: person.id, label: person.name })),
        ],
      },
    ],
    actions: [{ id: "open", label: "Open conversation", style: "primary" }],
    values: {},
    errors,
  });
}

export function switchPersonForm(people: WirePerson[], meId: string): FormDialogView {
  return view({
    id: "local-switch-person",
    formId: "local.switch",
    title: "Switch person",
    fields: [
      {
        id: "userId",
        label: "Act as",
        kind: "choice",
        required: true,
        hint: "Sign-in by name is on (development): act as anyone to try the workshop from their side.",
        options: people.map((person) => ({ value: person.id, label: person.name })),
      },
    ],
    actions: [{ id: "switch", label: "Switch", style: "primary" }],
    values: { userId: meId },
    errors: {},
  });
}
