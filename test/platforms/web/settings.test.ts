import { describe, expect, it } from "vitest";
import { parseSettings, SettingsError, webDevSignIn } from "../../../src/config/settings.ts";

describe("browser workspace settings", () => {
  it("is on by default, with sign-in by name from this machine only until a public URL is set", () => {
    const plain = parseSettings({});
    expect(plain.CLUSTERBOT_WEB).toBe("on");
    expect(webDevSignIn(plain)).toBe("local");
    expect(webDevSignIn(parseSettings({ CLUSTERBOT_PUBLIC_URL: "https://ws.example.org" }))).toBe("off");
    expect(
      webDevSignIn(parseSettings({ CLUSTERBOT_PUBLIC_URL: "https://ws.example.org", CLUSTERBOT_WEB_DEV_SIGNIN: "on" })),
    ).toBe("on");
    expect(webDevSignIn(parseSettings({ CLUSTERBOT_WEB_DEV_SIGNIN: "" }))).toBe("local");
  });

  it("names a bad value", () => {
    expect(() => parseSettings({ CLUSTERBOT_WEB_DEV_SIGNIN: "yes", CLUSTERBOT_WEB: "maybe" })).toThrow(SettingsError);
    try {
      parseSettings({ CLUSTERBOT_WEB_DEV_SIGNIN: "yes" });
    } catch (error) {
      expect((error as SettingsError).message).toBe('CLUSTERBOT_WEB_DEV_SIGNIN: expected on, local or off, got "yes"');
    }
  });
});
