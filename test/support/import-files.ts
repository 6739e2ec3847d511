// The spreadsheets the chat import tests share (Slack's DM, Teams' 1:1 chat): one good CSV with non-ASCII names,
// and one whose rows 2 and 4 name a person of the other platform while row 3 is fine (so nothing may be imported).

/** GAMMA (one member, `member`, e.g. "slack:U…" or "teams:<aad>") and DELTA. */
export function goodProjectsCsv(member: string): string {
  return [
    "id,acronym,title,summary,programme,partners,members",
    `GAMMA,GAMMA,Łódź smart grid,Grid sensors,Horizon Europe,Politechnika Łódzka (PL); Müller GmbH (DE),${member}`,
    "DELTA,DELTA,Delta <robots> & co,,,Universidade de São Paulo (BR),",
  ].join("\n");
}

/** EPS and ETA name `foreign[0]` and `foreign[1]` (another platform's people); ZETA names `member` (this one's). */
export function badProjectsCsv(foreign: [string, string], member: string): string {
  return [
    "acronym,title,members",
    `EPS,Epsilon,${foreign[0]}`,
    `ZETA,A fine project,${member}`,
    `ETA,Eta,${foreign[1]}`,
  ].join("\n");
}
