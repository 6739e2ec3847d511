import { describe, expect, it } from "vitest";
import { slugify, workingGroupChannelName, workshopPrefix } from "../../../src/core/workplan/channel-name.ts";

const valid = /^[a-z0-9][a-z0-9_-]{0,79}$/;

describe("working-group channel names", () => {
  it("is the workshop prefix and the cluster's label, lowercase with dashes", () => {
    expect(workingGroupChannelName("Smart Factories 2027", "Predictive maintenance & digital twins")).toBe(
      "smart-factories-2027-predictive-maintenance-and-digital-twins",
    );
  });

  it("drops accents, symbols and emoji", () => {
    expect(slugify("Énergie — Réseaux intelligents 🚀 (v2)")).toBe("energie-reseaux-intelligents-v2");
    expect(workingGroupChannelName("Atelier d'été", "Matériaux biosourcés")).toBe("atelier-d-ete-materiaux-biosources");
  });

  it("stays within 80 characters at a word boundary, suffix included", () => {
    const label = "Very long cluster label about circular economy ".repeat(5);
    const name = workingGroupChannelName("A workshop with a rather long name indeed", label, 12);
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toMatch(valid);
    expect(name.endsWith("-12")).toBe(true);
    expect(name).not.toMatch(/--/);
    expect(workshopPrefix("A workshop with a rather long name indeed")).toBe("a-workshop-with-a");
  });

  it("adds -2, -3 when a name is taken", () => {
    expect(workingGroupChannelName("WS", "Sensors", 1)).toBe("ws-sensors");
    expect(workingGroupChannelName("WS", "Sensors", 2)).toBe("ws-sensors-2");
  });

  it("never gives an empty part", () => {
    expect(workingGroupChannelName("???", "!!!")).toBe("wg-group");
    expect(workingGroupChannelName("日本", "クラスター")).toMatch(valid);
  });
});
