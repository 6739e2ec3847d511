// The core forms this process drew in dialogs, by a key the card carries back: Teams has no dialog stack and
// keeps no form on its side, so an `errors` answer redraws the form from here with what was typed and the
// messages next to the fields. Bounded; a form drawn by another replica (or before a restart) is not here, and
// the person is then told what to fix with the form closed.
import { randomUUID } from "node:crypto";
import type { FormScreen } from "../../core/screens/screens.ts";

export class DrawnForms {
  readonly #forms = new Map<string, FormScreen>();
  readonly #max: number;

  constructor(max = 5_000) {
    this.#max = max;
  }

  remember(screen: FormScreen): string {
    const key = randomUUID();
    this.#forms.set(key, screen);
    if (this.#forms.size > this.#max) {
      const oldest = this.#forms.keys().next().value;
      if (oldest !== undefined) this.#forms.delete(oldest);
    }
    return key;
  }

  get(key: string | undefined): FormScreen | undefined {
    return key ? this.#forms.get(key) : undefined;
  }
}
