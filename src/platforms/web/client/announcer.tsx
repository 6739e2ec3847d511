// Two live regions, always in the page: polite (new messages) and assertive (errors). Screen readers read what
// appears in them without moving focus.
import { useMemo, useState } from "preact/hooks";

export interface Announce {
  polite(text: string): void;
  assertive(text: string): void;
}

export function useAnnouncer(): { announce: Announce; polite: string; assertive: string } {
  const [polite, setPolite] = useState("");
  const [assertive, setAssertive] = useState("");
  const announce = useMemo<Announce>(() => {
    // Cleared first, so the same words twice are read twice.
    const say = (set: (text: string) => void, text: string) => {
      set("");
      window.setTimeout(() => set(text), 50);
    };
    return { polite: (text) => say(setPolite, text), assertive: (text) => say(setAssertive, text) };
  }, []);
  return { announce, polite, assertive };
}

export function LiveRegions(props: { polite: string; assertive: string }) {
  return (
    <>
      <div class="visually-hidden" aria-live="polite" data-testid="announce-polite">
        {props.polite}
      </div>
      <div class="visually-hidden" aria-live="assertive" data-testid="announce-assertive">
        {props.assertive}
      </div>
    </>
  );
}
