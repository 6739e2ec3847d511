export { type CleanOptions, cleanUserText, isCleanUserText } from "./clean.ts";
export {
  asciiLookalike,
  lookalikeAcronymProblem,
  looksAlike,
  mixesScripts,
  scriptsOf,
  skeleton,
} from "./confusables.ts";
export { echo, maxEcho } from "./echo.ts";
