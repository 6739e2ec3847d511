import type { AppDependencies } from "../context.ts";

/** The app's collaborators (their `quietHours`, default 20:00–08:00 and weekends, are respected). */
export type ReminderDependencies = AppDependencies;
