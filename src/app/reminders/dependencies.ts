import type { QuietHours } from "../../core/reminders/quiet-hours.ts";
import type { AppDependencies } from "../context.ts";

/** The app's collaborators, plus the quiet hours to respect (default 20:00–08:00 and weekends). */
export interface ReminderDependencies extends AppDependencies {
  quietHours?: QuietHours;
}
