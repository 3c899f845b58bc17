// A pass/fail line of the report. `gate` checks decide the drill's exit code
// (an invariant, or a request failed during the rolling restart); the others
// are reported only.
export interface Check {
  name: string;
  passed: boolean;
  detail: string;
  gate: boolean;
}

export const check = (name: string, passed: boolean, detail: string, gate = false): Check => ({
  name,
  passed,
  detail,
  gate,
});
