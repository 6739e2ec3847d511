// Every route of the app, in the order they are tried (first match wins). A feature adds its routes in its own
// folder (src/app/<feature>/routes.ts) and lists them here, before the fallback.
import { helpRoutes, unknownCommandRoute } from "./commands/routes.ts";
import { groupRoutes } from "./groups/routes.ts";
import { homeworkRoutes } from "./homework/routes.ts";
import { importRoutes } from "./import/routes.ts";
import type { Route } from "./interaction/router.ts";
import { projectRoutes } from "./projects/routes.ts";
import { reminderRoutes } from "./reminders/routes.ts";
import { reportRoutes, summaryRoutes } from "./report/routes.ts";
import { reviewRoutes } from "./review/routes.ts";
import { workshopRoutes } from "./workshop/routes.ts";

export const appRoutes: readonly Route[] = [
  ...helpRoutes,
  ...workshopRoutes,
  ...projectRoutes,
  ...homeworkRoutes,
  ...reminderRoutes,
  ...reviewRoutes,
  ...groupRoutes,
  ...reportRoutes,
  ...summaryRoutes,
  ...importRoutes,
  unknownCommandRoute,
];
