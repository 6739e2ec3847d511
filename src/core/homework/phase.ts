// A workshop's phase in words a facilitator reads (never the stored value).
import type { WorkshopPhase } from "../model/domain.ts";

const phaseWords: Record<WorkshopPhase, string> = {
  setup: "Being set up: homework is not open yet",
  homework: "Homework is open",
  analysis: "Homework is closed: results are being clustered",
  announced: "Clusters are announced",
  working: "Working groups are meeting",
  closed: "The workshop is closed",
};

export function phaseText(phase: WorkshopPhase): string {
  return phaseWords[phase];
}
