import { DataSource } from 'typeorm';
import { Area, AreaKind } from './area';

/** Demo districts with no civil society registered, so the coverage dashboard shows such gaps. */
export const COVERAGE_DEMO_DISTRICTS = {
  /** Malmö: Rosengård has Hyresgästföreningen; Hyllie has no association registered. */
  hyllie: '1280-hyllie',
  /** Göteborg: Angered has Fryshuset and KFUM; Biskopsgården has no association registered. */
  biskopsgarden: '1480-biskopsgarden',
} as const;

const DISTRICTS: Array<[code: string, name: string, latitude: number, longitude: number]> = [
  [COVERAGE_DEMO_DISTRICTS.hyllie, 'Hyllie', 55.5617, 12.9753],
  [COVERAGE_DEMO_DISTRICTS.biskopsgarden, 'Biskopsgården', 57.7315, 11.8861],
];

/** Loads the coverage demo districts; districts that exist already are left as they are. */
export async function seedCoverage(dataSource: DataSource): Promise<void> {
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(Area)
    .values(DISTRICTS.map(([code, name, latitude, longitude]) => ({ code, name, kind: AreaKind.DISTRICT, parentCode: code.slice(0, 4), latitude, longitude })))
    .orIgnore()
    .execute();
}
