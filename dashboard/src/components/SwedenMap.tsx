import { KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import geoUrl from '../geo/swedish_municipalities.geojson?url';
import { SUPPRESSED_TEXT } from '../labels';
import type { CountValue } from '../measures';

interface MunicipalityProperties {
  id: string;
  lan_code: string;
  kom_namn: string;
}
type Municipality = Feature<Geometry, MunicipalityProperties>;

type Ring = number[][];
/** Twice the ring's signed area in the lon/lat plane: positive when counter-clockwise. */
const signedArea = (ring: Ring) => ring.reduce((sum, [x1, y1], i) => {
  const [x2, y2] = ring[(i + 1) % ring.length];
  return sum + (x1 * y2 - x2 * y1);
}, 0);
/**
 * d3-geo draws on the sphere and takes a polygon's outer ring clockwise (holes anticlockwise); the
 * file follows GeoJSON's (RFC 7946) opposite rule, which d3 would read as "the whole globe but this".
 */
function rewound(geometry: Geometry): Geometry {
  const polygon = (rings: Ring[]) => rings.map((ring, i) => ((signedArea(ring) > 0) === (i === 0) ? [...ring].reverse() : ring));
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: polygon(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map(polygon) };
  return geometry;
}

/**
 * The borders between regions and around them, as one SVG path: the segments of the outlines that
 * only one shown municipality has (the coast, the edge of the shown area) or that two municipalities
 * of different regions share. The outlines share their common segments exactly (topology kept when
 * simplified), so no border is drawn twice and none between municipalities of one county.
 */
function borders(shown: Municipality[], regionOf: (f: Municipality) => string, project: (point: number[]) => [number, number] | null): string {
  const owners = new Map<string, { from: number[]; to: number[]; regions: string[] }>();
  for (const feature of shown) {
    const region = regionOf(feature);
    const geometry = feature.geometry;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    for (const ring of polygons.flat()) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i].join(',');
        const b = ring[i + 1].join(',');
        const key = a < b ? `${a}|${b}` : `${b}|${a}`;
        const segment = owners.get(key);
        if (segment) segment.regions.push(region);
        else owners.set(key, { from: ring[i], to: ring[i + 1], regions: [region] });
      }
    }
  }
  const point = (p: number[]) => {
    const [x, y] = project(p) ?? [0, 0];
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  };
  let d = '';
  for (const { from, to, regions } of owners.values()) {
    if (regions.length === 1 || regions[0] !== regions[1]) d += `M${point(from)}L${point(to)}`;
  }
  return d;
}

let outlines: Promise<Municipality[]> | undefined;
/** The municipalities' outlines (src/geo, see its NOTICE), fetched once. */
const loadOutlines = () =>
  (outlines ??= fetch(geoUrl)
    .then((response) => response.json() as Promise<FeatureCollection<Geometry, MunicipalityProperties>>)
    .then((collection) => collection.features.map((feature) => ({ ...feature, geometry: rewound(feature.geometry) }))));

/** Blues with dark text on the light ones and white on the dark ones; each class is told in the legend too. */
const CLASSES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
const UNKNOWN = '#d4d4d4';

export interface MapRegion {
  code: string;
  name: string;
  count: CountValue | undefined;
}

function classesFor(values: number[]): Array<{ from: number; to: number }> {
  const max = Math.max(0, ...values);
  if (max === 0) return [{ from: 0, to: 0 }];
  const step = Math.max(1, Math.ceil((max + 1) / CLASSES.length));
  return CLASSES.map((_, i) => ({ from: i * step, to: Math.min(max, (i + 1) * step - 1) })).filter((c) => c.from <= max);
}

const W = 360;
const H = 640;

/**
 * Sweden's counties, or one county's municipalities, coloured by a figure. Each region is focusable
 * (Tab) with its name and value as its label, and opens on Enter, Space or a click; the table beside
 * the map holds the same numbers for those who do not use the map.
 */
export function SwedenMap({
  areaCode,
  areaKind,
  regions,
  measureLabel,
  onSelect,
}: {
  areaCode: string;
  areaKind: string;
  regions: MapRegion[];
  measureLabel: string;
  onSelect?: (code: string) => void;
}) {
  const [features, setFeatures] = useState<Municipality[]>();
  const [failed, setFailed] = useState<string>();
  /** The region with keyboard focus or under the pointer: outlined on top of its neighbours. */
  const [highlighted, setHighlighted] = useState<string>();
  useEffect(() => {
    loadOutlines().then(setFeatures, (error: Error) => setFailed(error.message));
  }, []);

  const byCode = useMemo(() => new Map(regions.map((region) => [region.code, region])), [regions]);
  const classes = useMemo(
    () => classesFor(regions.flatMap((r) => (r.count && !r.count.suppressed && r.count.value !== null ? [r.count.value] : []))),
    [regions],
  );

  const drawing = useMemo(() => {
    if (!features) return undefined;
    // Which outlines, grouped by the region they belong to.
    const municipality = areaCode.slice(0, 4);
    const shown =
      areaKind === 'COUNTRY'
        ? features
        : areaKind === 'COUNTY'
          ? features.filter((f) => f.properties.lan_code === areaCode)
          : features.filter((f) => f.properties.id === municipality);
    const regionOf = (f: Municipality) => (areaKind === 'COUNTRY' ? f.properties.lan_code : areaKind === 'COUNTY' ? f.properties.id : areaCode);
    const projection = geoMercator().fitExtent(
      [
        [8, 8],
        [W - 8, H - 8],
      ],
      { type: 'FeatureCollection', features: shown },
    );
    const path = geoPath(projection);
    const groups = new Map<string, string[]>();
    for (const feature of shown) {
      const code = regionOf(feature);
      groups.set(code, [...(groups.get(code) ?? []), path(feature) ?? '']);
    }
    return { regions: [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)), borders: borders(shown, regionOf, (point) => projection(point as [number, number])) };
  }, [features, areaCode, areaKind]);

  const fill = (count: CountValue | undefined) => {
    if (!count) return UNKNOWN;
    if (count.suppressed || count.value === null) return 'url(#suppressed)';
    const index = classes.findIndex((c) => count.value! <= c.to);
    return CLASSES[Math.max(0, index)];
  };
  const describe = (region: MapRegion | undefined, code: string) => {
    const name = region?.name ?? code;
    const count = region?.count;
    const value = !count ? 'uppgift saknas' : count.suppressed || count.value === null ? 'skyddat värde' : String(count.value);
    return `${name}, ${measureLabel}: ${value}`;
  };
  const activate = (code: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(code);
    }
  };
  const clickable = !!onSelect && (areaKind === 'COUNTRY' || areaKind === 'COUNTY');

  if (failed) return <p role="alert">Kartan kunde inte laddas: {failed}</p>;
  if (!drawing) return <p aria-busy="true">Laddar kartan …</p>;
  return (
    <figure className="map">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-label={`Karta: ${measureLabel} per ${areaKind === 'COUNTRY' ? 'län' : 'kommun'}`}
        data-testid="map"
      >
        <defs>
          <pattern id="suppressed" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f0f0f0" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#6b6b6b" strokeWidth="2" />
          </pattern>
        </defs>
        {drawing.regions.map(([code, paths]) => {
          const region = byCode.get(code);
          const label = describe(region, code);
          return (
            <g
              key={code}
              className={clickable ? 'region clickable' : 'region'}
              data-code={code}
              fill={fill(region?.count)}
              stroke={fill(region?.count)}
              {...(clickable
                ? {
                    tabIndex: 0,
                    role: 'button',
                    'aria-label': `${label}. Visa ${region?.name ?? code}.`,
                    onClick: () => onSelect!(code),
                    onKeyDown: activate(code),
                    onFocus: () => setHighlighted(code),
                    onBlur: () => setHighlighted((current) => (current === code ? undefined : current)),
                    onMouseEnter: () => setHighlighted(code),
                    onMouseLeave: () => setHighlighted((current) => (current === code ? undefined : current)),
                  }
                : { role: 'img', 'aria-label': label })}
            >
              <title>{label}</title>
              {paths.map((d, i) => (
                <path key={i} d={d} />
              ))}
            </g>
          );
        })}
        <path className="borders" d={drawing.borders} />
        {highlighted && (
          <g className="highlight" aria-hidden="true">
            {drawing.regions.find(([code]) => code === highlighted)?.[1].map((d, i) => <path key={i} d={d} />)}
          </g>
        )}
      </svg>
      <figcaption>
        {clickable && <p className="note">Välj ett område på kartan (eller med Tab och Enter) för att se dess {areaKind === 'COUNTRY' ? 'kommuner' : 'stadsdelar'}.</p>}
        <span className="legend-title">{measureLabel}</span>
        <ul className="legend">
          {classes.map((c, i) => (
            <li key={i}>
              <span className="swatch" style={{ background: CLASSES[i] }} aria-hidden="true" />
              {c.from === c.to ? c.from : `${c.from}–${c.to}`}
            </li>
          ))}
          <li>
            <svg className="swatch" aria-hidden="true" viewBox="0 0 12 12">
              <rect width="12" height="12" fill="url(#suppressed)" />
            </svg>
            .. ({SUPPRESSED_TEXT})
          </li>
          <li>
            <span className="swatch" style={{ background: UNKNOWN }} aria-hidden="true" />
            uppgift saknas
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
