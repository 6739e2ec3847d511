// Facilitators' project commands and the project form.
import { z } from "zod";
import { readContext } from "../../core/screens/context.ts";
import { homeActions } from "../homework/actions.ts";
import { reply } from "../interaction/reply.ts";
import { onAction, onCommand, onSubmit, type Route } from "../interaction/router.ts";
import { projectFormFor, removeProject, saveProject } from "./manage.ts";
import { projectSavedMessage } from "./messages.ts";

const projectContext = z.object({ project: z.string() });

export const projectRoutes: Route[] = [
  onCommand("project add", async ({ deps, actor }) => {
    const { form } = await projectFormFor(deps, actor);
    return reply.open({ kind: "form", form, context: {} });
  }),

  onAction(homeActions.addProject, async ({ deps, actor }) => {
    const { form } = await projectFormFor(deps, actor);
    return reply.open({ kind: "form", form, context: {} });
  }),

  onCommand("project edit <acronym>", async ({ deps, actor, args }) => {
    const { form, projectId } = await projectFormFor(deps, actor, args.acronym);
    return reply.open({ kind: "form", form, context: projectId ? { project: projectId } : {} });
  }),

  onCommand("project remove <acronym>", async ({ deps, actor, args }) => {
    const removed = await removeProject(deps, actor, args.acronym ?? "");
    return reply.message(`Removed ${removed.acronym} and its homework.`);
  }),

  onCommand("project", async () =>
    reply.message("Use /cluster project add, /cluster project edit ACRONYM or /cluster project remove ACRONYM."),
  ),

  onSubmit(/^project\.(add|edit)$/, async ({ deps, actor, interaction }) => {
    const projectId = readContext(interaction.context, projectContext)?.project ?? null;
    const outcome = await saveProject(deps, actor, projectId, interaction.values);
    if (!outcome.ok) return reply.errors(outcome.errors);
    return reply.close({ message: projectSavedMessage(outcome.project, outcome.created, outcome.invited) });
  }),
];
