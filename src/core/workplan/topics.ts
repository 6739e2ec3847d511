// The questions a working group answers in its channel, one prompt (and one thread) each.

export const workPlanTopics = ["activities", "lead", "timeline", "resources", "benefit", "ipr"] as const;
export type WorkPlanTopic = (typeof workPlanTopics)[number];

export const topicPrompts: Record<WorkPlanTopic, { title: string; question: string }> = {
  activities: {
    title: "Joint activities",
    question: "What will you do together? One activity per reply in this thread.",
  },
  lead: {
    title: "Who leads",
    question: "Which partner leads which activity, and who contributes? e.g. “Pilot line: ACME leads, with UPM”.",
  },
  timeline: {
    title: "Timeline and milestones",
    question: "When does each activity start and end, or by which milestone? e.g. “Q3 2027 to Q1 2028”, “by M18”.",
  },
  resources: {
    title: "Resources",
    question: "What does each activity need: people, equipment, budget? e.g. “Test rig and 4 person-months”.",
  },
  benefit: {
    title: "Expected benefit",
    question: "What does each partner gain? e.g. “A validated TRL 6 prototype for both products”.",
  },
  ipr: {
    title: "IPR arrangements",
    question: "Who owns what comes out, and on which terms? e.g. “Joint ownership; each may use it royalty-free”.",
  },
};

export function isWorkPlanTopic(value: string): value is WorkPlanTopic {
  return (workPlanTopics as readonly string[]).includes(value);
}
