import { useEffect, useState } from 'react';
import type { Outline } from '../outlines';
import type { GeoPoint } from './search';

const outlines = new Map<string, Promise<Outline | null>>();
/** One municipality's outline (outlines/<kommunkod>.json beside the bundle, made at build time: ../outlines.ts), once per page. */
function outlineOf(municipality: string): Promise<Outline | null> {
  let outline = outlines.get(municipality);
  if (!outline) {
    outline = fetch(`outlines/${municipality}.json`).then((r) => (r.ok ? (r.json() as Promise<Outline>) : null), () => null);
    outlines.set(municipality, outline);
  }
  return outline;
}

/** OpenStreetMap at the point: a link the parent chooses to follow; the page itself asks no map service. */
export const mapLink = (p: GeoPoint) => `https://www.openstreetmap.org/?mlat=${p.latitude.toFixed(5)}&mlon=${p.longitude.toFixed(5)}#map=16/${p.latitude.toFixed(5)}/${p.longitude.toFixed(5)}`;

/**
 * A small map without a map library or tiles: the municipality's outline as inline SVG with the
 * place as a dot, and a link to OpenStreetMap. Nothing when the area is not in a municipality.
 */
export function PlaceMap({ areaCode, point, placeName }: { areaCode: string | undefined; point: GeoPoint; placeName: string }) {
  const municipality = /^\d{4}/.exec(areaCode ?? '')?.[0];
  const [outline, setOutline] = useState<Outline | null>(null);
  useEffect(() => {
    let current = true;
    if (municipality) void outlineOf(municipality).then((o) => current && setOutline(o));
    return () => void (current = false);
  }, [municipality]);
  const x = outline ? (point.longitude - outline.lon0) * outline.kx : 0;
  const y = outline ? (outline.lat0 - point.latitude) * outline.ky : 0;
  const inside = outline && x >= -5 && y >= -5 && x <= outline.width + 5 && y <= outline.height + 5;
  return (
    <div className="place-map">
      {outline && inside ? (
        <svg
          viewBox={`-6 -6 ${outline.width + 12} ${outline.height + 12}`}
          role="img"
          aria-label={`Karta: ${placeName} i ${outline.name} kommun`}
          data-testid="place-map"
        >
          <path d={outline.d} className="outline" />
          <circle cx={x} cy={y} r={6} className="point" />
        </svg>
      ) : null}
      <a href={mapLink(point)} rel="noopener noreferrer" target="_blank">
        Visa på karta<span className="visually-hidden"> (OpenStreetMap, öppnas i ett nytt fönster)</span>
      </a>
    </div>
  );
}
