import { DataSource } from 'typeorm';

/** The demo's intervention teams and concerns: none yet. */
export async function seedDemoData(_dataSource: DataSource): Promise<void> {}
