// The ids homework's buttons, forms and screens route by (buttons in messages and screens, forms' ids in core).
import { reminderActions } from "../../core/reminders/messages.ts";

export const homeworkActions = {
  /** Open a project's homework overview; value: project id. */
  start: "homework.start",
  /** Open the person's first unfinished project; value: workshop id (reminders). */
  continue: reminderActions.continueHomework,
  /** From the overview: the results step; value: project id. */
  results: "homework.results",
  /** From the overview: a result's characterisation; value: result id. */
  characterise: "homework.characterise",
  /** From the overview: the interest step; value: project id. */
  interest: "homework.interest",
  /** From the overview: change an interest, in its form pre-filled; value: the other project's result id. */
  changeInterest: "homework.interest.change",
  /** From the overview: withdraw an interest; value: the other project's result id. */
  removeInterest: "homework.interest.remove",
  /** The overview's Previous/Next; value: page number. */
  overviewPage: "homework.overview.page",
} as const;

/** A facilitator's buttons on their home; value: the workshop's id. */
export const homeActions = {
  setup: "home.setup",
  addProject: "home.project.add",
  openHomework: "home.homework.open",
  status: "home.status",
} as const;

export const homeworkScreens = { overview: "homework.overview" } as const;
