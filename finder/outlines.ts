import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/**
 * The finder's small maps: each municipality's outline from the reference data the dashboard draws
 * its map with (dashboard/src/geo, see its NOTICE.md), projected once at build time into an SVG path
 * of its own file (outlines/<kommunkod>.json, a few kB), so a phone loads only the one it shows and
 * the page asks no map service. The projection is equirectangular around the municipality's middle
 * latitude; `x = (lon - lon0) * kx`, `y = (lat0 - lat) * ky` places a point on it (PlaceMap.tsx).
 */
export interface Outline {
  code: string;
  name: string;
  width: number;
  height: number;
  lon0: number;
  lat0: number;
  kx: number;
  ky: number;
  d: string;
}

const SIZE = 240;

function rings(geometry: Geometry): Position[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

export function municipalityOutlines(geojsonFile: string): Outline[] {
  const collection = JSON.parse(readFileSync(geojsonFile, 'utf8')) as FeatureCollection;
  return collection.features.map((feature: Feature) => {
    const all = rings(feature.geometry);
    const points = all.flat();
    const lons = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const aspect = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
    const spanX = (maxLon - minLon) * aspect;
    const spanY = maxLat - minLat;
    const scale = SIZE / Math.max(spanX, spanY);
    const kx = aspect * scale;
    const ky = scale;
    const round = (n: number) => Math.round(n * 10) / 10;
    const d = all
      .map((ring) => 'M' + ring.map(([lon, lat]) => `${round((lon - minLon) * kx)},${round((maxLat - lat) * ky)}`).join('L') + 'Z')
      .join('');
    const properties = feature.properties as { id: string; kom_namn: string };
    return {
      code: properties.id,
      name: properties.kom_namn,
      width: Math.ceil(spanX * scale),
      height: Math.ceil(spanY * scale),
      lon0: minLon,
      lat0: maxLat,
      kx,
      ky,
      d,
    };
  });
}
