import { verdicts } from '../bench/acceptance';
import { RecordedCall, stagesOf } from '../bench/plan-floor';

/** The performance report's pure parts: how a recorded plan is split into steps, and issue 10's goals as pass/fail. */
const call = (subgraph: RecordedCall['subgraph'], start: number, end: number): RecordedCall => ({ subgraph, body: '{}', start, end });

describe('stagesOf', () => {
  it('keeps calls that started before any of their step answered side by side, and starts a step after an answer', () => {
    const stages = stagesOf([call('agreements', 11, 20), call('actors', 0, 10), call('activities', 11.5, 30), call('situation', 12, 18), call('agreements', 31, 40)]);
    expect(stages.map((stage) => stage.map((c) => c.subgraph))).toEqual([['actors'], ['agreements', 'activities', 'situation'], ['agreements']]);
  });

  it('puts a call that began after one of the parallel calls answered in a step of its own (it may depend on that answer)', () => {
    const stages = stagesOf([call('actors', 0, 10), call('agreements', 1, 5), call('activities', 6, 8)]);
    expect(stages.map((stage) => stage.map((c) => c.subgraph))).toEqual([['actors', 'agreements'], ['activities']]);
  });
});

describe('verdicts', () => {
  const figures = {
    overviewRps: { 1: { ours: 10, hive: 20 }, 10: { ours: 100, hive: 100 }, 40: { ours: 99, hive: 100 } },
    overviewP50: { gateway: 13.3, floor: 10 },
    districtOverviewP95: 149,
    municipalityOverviewP95: 150,
    dashboardP95: { 'LEVEL Sweden': 499, 'SERIES Sweden': 500 },
    gatewayRssMb: 299,
  };

  it('holds each goal at its limit and fails just past it', () => {
    const pass = Object.fromEntries(verdicts(figures).map((v) => [v.goal, v.pass]));
    expect(pass).toEqual({
      'area overview throughput at 10 connections, ours / Hive Gateway': true,
      'area overview throughput at 40 connections, ours / Hive Gateway': false,
      'area overview p50 at 1 connection, gateway / its plan’s direct subgraph calls': true,
      'district overview p95 at 10 connections': true,
      'municipality overview p95 at 10 connections': false,
      'dashboard: LEVEL Sweden p95 at 10 connections': true,
      'dashboard: SERIES Sweden p95 at 10 connections': false,
      'gateway resident memory after the run': true,
    });
  });

  it('shows the ratios next to the goal', () => {
    expect(verdicts(figures)[1]).toMatchObject({ measured: '×0.99', limit: '≥ ×1.00' });
  });
});
