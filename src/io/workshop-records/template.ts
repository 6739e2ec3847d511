import type { ReportInputDraft } from "../../core/report/input.ts";

/** The example `clusterbot import --template` writes: every table filled with a little of everything. */
export const IMPORT_TEMPLATE: ReportInputDraft = {
  workshop: { name: "Industry 4.0 cluster workshop", theme: "Smart factories" },
  projects: [
    {
      id: "ALPHA",
      acronym: "ALPHA",
      title: "Predictive maintenance for machine tools",
      summary: "Sensors and analytics for CNC machines.",
      programme: "Horizon Europe",
      partners: [
        { name: "Politechnika Łódzka", country: "PL" },
        { name: "Müller GmbH", country: "DE" },
      ],
      members: [
        { name: "Zofia Wójcik", email: "zofia.wojcik@example.org" },
        { name: "Jonas Müller", platformUser: "slack:U0123ABCD" },
      ],
    },
    {
      id: "BETA",
      acronym: "BETA",
      title: "Factory testbeds",
      summary: "Open pilot lines for SMEs.",
      partners: [{ name: "Universidade de São Paulo", country: "BR" }],
      members: [{ name: "João Araújo", email: "joao.araujo@example.org" }],
    },
  ],
  results: [
    {
      id: "ALPHA-1",
      project: "ALPHA",
      title: "Spindle health monitoring module",
      description: "Edge module estimating the remaining useful life of machine-tool spindles from vibration.",
      keywords: ["predictive maintenance", "vibration", "machine tools"],
      type: "product",
      usp: "Retrofits on any CNC machine in two hours",
      trlNow: 6,
      trlExpected: 8,
      owners: ["Politechnika Łódzka", "Müller GmbH"],
      iprWithin: "Foreground owned jointly by the two partners",
      iprProtection: ["patent"],
      iprOutside: "No third-party rights known",
      market: "Machine shops and machine-tool builders",
      timeToMarket: "18 months",
      needs: "Validation in a real factory with different machines",
      status: "submitted",
    },
    {
      id: "BETA-1",
      project: "BETA",
      title: "Open pilot line for machining",
      description: "A fully instrumented pilot line where external teams test equipment in production conditions.",
      keywords: ["pilot line", "testbed"],
      type: "service",
      trlNow: 7,
      owners: ["Universidade de São Paulo"],
      status: "submitted",
    },
  ],
  interests: [{ project: "ALPHA", result: "BETA-1", level: "high", kind: "validate", note: "To validate the module" }],
};
