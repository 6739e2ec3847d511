// The core's literal text as Adaptive Card TextBlock text: each literal piece escaped (nothing a partner typed
// formats anything), date-times as Teams' {{DATE()}} / {{TIME()}} functions, which Teams shows in the reader's
// own zone and language.
import { inlines, isDateTime, type RichText } from "../../../core/screens/text.ts";
import { escapeCardText } from "../cards/form-card.ts";

export function cardText(text: RichText): string {
  return inlines(text)
    .map((piece) => {
      if (!isDateTime(piece)) return escapeCardText(piece);
      const at = piece.at.toISOString().replace(/\.\d{3}Z$/, "Z");
      if (piece.show === "date") return `{{DATE(${at}, LONG)}}`;
      if (piece.show === "time") return `{{TIME(${at})}}`;
      return `{{DATE(${at}, LONG)}}, {{TIME(${at})}}`;
    })
    .join("");
}
