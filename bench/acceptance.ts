/**
 * Issue 10's goals for the performance report, checked against a run's figures: each goal once,
 * with what was measured, the limit and whether it holds, so the table shows pass or fail directly.
 */
export interface ReportFigures {
  /** Area overview requests per second at a number of connections, per gateway. */
  overviewRps: Record<number, { ours: number; hive: number }>;
  /** Area overview at 1 connection: our gateway's p50 and the p50 of its plan's calls made directly. */
  overviewP50: { gateway: number; floor: number };
  /** p95 at 10 connections, ms, by label. */
  districtOverviewP95: number;
  municipalityOverviewP95: number;
  dashboardP95: Record<string, number>;
  gatewayRssMb: number;
}

export interface Verdict {
  goal: string;
  measured: string;
  limit: string;
  pass: boolean;
}

const ratio = (x: number) => `×${x.toFixed(2)}`;

export function verdicts(f: ReportFigures): Verdict[] {
  const out: Verdict[] = [];
  for (const connections of [10, 40]) {
    const rps = f.overviewRps[connections];
    if (!rps) continue;
    const r = rps.ours / rps.hive;
    out.push({ goal: `area overview throughput at ${connections} connections, ours / Hive Gateway`, measured: ratio(r), limit: '≥ ×1.00', pass: r >= 1 });
  }
  const overhead = f.overviewP50.gateway / f.overviewP50.floor;
  out.push({ goal: 'area overview p50 at 1 connection, gateway / its plan’s direct subgraph calls', measured: ratio(overhead), limit: '≤ ×1.33', pass: overhead <= 1.33 });
  out.push({ goal: 'district overview p95 at 10 connections', measured: `${f.districtOverviewP95.toFixed(0)} ms`, limit: '< 150 ms', pass: f.districtOverviewP95 < 150 });
  out.push({ goal: 'municipality overview p95 at 10 connections', measured: `${f.municipalityOverviewP95.toFixed(0)} ms`, limit: '< 150 ms', pass: f.municipalityOverviewP95 < 150 });
  for (const [label, p95] of Object.entries(f.dashboardP95)) out.push({ goal: `dashboard: ${label} p95 at 10 connections`, measured: `${p95.toFixed(0)} ms`, limit: '< 500 ms', pass: p95 < 500 });
  out.push({ goal: 'gateway resident memory after the run', measured: `${f.gatewayRssMb.toFixed(0)} MB`, limit: '< 300 MB', pass: f.gatewayRssMb < 300 });
  return out;
}
