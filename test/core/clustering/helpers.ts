import type { ExploitableResult, WorkshopInput } from "../../../src/core/clustering/index.ts";

type ResultSpec = Omit<ExploitableResult, "keywords"> & { keywords?: string[] };

/** A workshop from results alone; projects are derived from the results' project ids. */
export function workshopOf(results: ResultSpec[], interests: WorkshopInput["interests"] = []): WorkshopInput {
  const projects = [...new Set(results.map((r) => r.project))].map((id) => ({ id, acronym: `ACR-${id}` }));
  return { workshop: { name: "Test workshop" }, projects, results, interests };
}

/** Three clear themes, two projects each, plus a need ↔ offer pair that shares almost no words. */
export function themedWorkshop(): WorkshopInput {
  return workshopOf(
    [
      {
        id: "R1",
        project: "P1",
        title: "Crop disease detector",
        description:
          "Deep learning classifier that recognises fungal infections on leaf photographs taken with smartphones.",
        type: "software",
        trl: 5,
        needs: "Large labelled datasets for training and benchmarking.",
      },
      {
        id: "R2",
        project: "P2",
        title: "Plant pathology archive",
        description:
          "Fifteen thousand annotated pictures of blighted tomato and wheat foliage, collected by agronomists over four seasons.",
        type: "dataset",
        trl: 6,
      },
      {
        id: "R3",
        project: "P3",
        title: "Battery state of health estimation",
        description: "Estimates the capacity fade of lithium-ion battery cells from charging curves.",
        keywords: ["battery", "lithium-ion"],
      },
      {
        id: "R4",
        project: "P4",
        title: "Second-life battery storage",
        description: "Used electric vehicle battery packs repurposed for home storage of solar energy.",
        keywords: ["battery", "storage"],
      },
      {
        id: "R5",
        project: "P3",
        title: "Battery cell safety testing",
        description: "Abuse and thermal runaway testing of lithium-ion battery cells for reuse.",
        keywords: ["battery", "safety"],
      },
      {
        id: "R6",
        project: "P5",
        title: "Textile fibre sorting line",
        description: "Near-infrared sorting of used garments by fibre composition for textile recycling.",
        keywords: ["textile recycling", "sorting"],
      },
      {
        id: "R7",
        project: "P6",
        title: "Chemical recycling of textile blends",
        description: "Separates polyester and cotton fibres from blended garments for textile recycling.",
        keywords: ["textile recycling", "polyester"],
      },
      {
        id: "R8",
        project: "P6",
        title: "Garment recycling passport",
        description: "Digital passport that records the fibre content of garments to ease textile recycling.",
        keywords: ["textile recycling", "traceability"],
      },
      {
        id: "R9",
        project: "P7",
        title: "Serious game on migration",
        description: "A card game in which pupils live the choices of people migrating to Europe.",
        keywords: ["serious games"],
      },
    ],
    [
      { project: "P4", result: "R3", level: "high", kind: "integrate" },
      { project: "P3", result: "R4", level: "medium", kind: "use" },
      { project: "P5", result: "R7", level: "high", kind: "co-develop" },
    ],
  );
}

export function clusterOf(
  analysis: { clusters: { id: string; results: string[] }[] },
  result: string,
): string | undefined {
  return analysis.clusters.find((c) => c.results.includes(result))?.id;
}
