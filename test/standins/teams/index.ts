export type { Activity } from "./activities.ts";
export { build } from "./activities.ts";
export type { DriverAnswer, SendOptions } from "./driver.ts";
export { TeamsDriver } from "./driver.ts";
export { Faults } from "./faults.ts";
export { createSigningKey, signJwt } from "./jwt.ts";
export { createTeamsStandIn, type TeamsStandIn, type TeamsStandInOptions } from "./server.ts";
export * from "./state.ts";
