import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { monthLabel, SUPPRESSED_TEXT } from '../labels';
import type { CountValue } from '../measures';
import { countText, CountCell } from './CountCell';
import { DataTable } from './DataTable';

export interface SeriesPoint {
  month: string;
  count: CountValue | undefined;
}

/** A figure's 24 monthly values as a line (suppressed months are gaps), with the numbers as a table too. */
export function TrendChart({ title, points, filename }: { title: string; points: SeriesPoint[]; filename: string }) {
  const data = points.map((p) => ({
    month: monthLabel(p.month),
    value: p.count && !p.count.suppressed ? p.count.value : null,
  }));
  const suppressedMonths = points.filter((p) => p.count?.suppressed).length;
  return (
    <div className="trend">
      <h3>{title}</h3>
      <div className="chart" role="img" aria-label={`Linjediagram: ${title}, ${points.length} månader. Samma uppgifter finns i tabellen nedan.`}>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#d0d0d0" strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={{ fill: '#1a1a1a', fontSize: 12 }} interval="preserveStartEnd" minTickGap={24} />
            <YAxis allowDecimals={false} tick={{ fill: '#1a1a1a', fontSize: 12 }} width={40} />
            <Tooltip formatter={(value) => [value ?? '..', title]} />
            <Line type="monotone" dataKey="value" stroke="#08519c" strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      {suppressedMonths > 0 && (
        <p className="note">
          {suppressedMonths} månader visas som glapp: {SUPPRESSED_TEXT}.
        </p>
      )}
      <details>
        <summary>Visa som tabell</summary>
        <DataTable
          caption={`${title} per månad`}
          filename={filename}
          rowKey={(p) => p.month}
          rows={points}
          columns={[
            { key: 'month', label: 'Månad', render: (p) => monthLabel(p.month), text: (p) => p.month },
            { key: 'value', label: title, numeric: true, render: (p) => <CountCell count={p.count} />, text: (p) => countText(p.count) },
          ]}
        />
      </details>
    </div>
  );
}

export interface BreakdownEntry {
  value: string;
  count: CountValue | undefined;
}

/** One distribution of an area's figures as horizontal bars (suppressed values without a bar), with the numbers as a table. */
export function BreakdownChart({ title, entries, filename }: { title: string; entries: BreakdownEntry[]; filename: string }) {
  const data = entries.map((e) => ({ name: e.value, value: e.count && !e.count.suppressed ? e.count.value : null }));
  return (
    <div className="trend">
      <h3>{title}</h3>
      <div className="chart" role="img" aria-label={`Stapeldiagram: ${title}. Samma uppgifter finns i tabellen nedan.`}>
        <ResponsiveContainer width="100%" height={Math.max(120, 26 * entries.length + 30)}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="#d0d0d0" strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fill: '#1a1a1a', fontSize: 12 }} />
            <YAxis type="category" dataKey="name" width={170} tick={{ fill: '#1a1a1a', fontSize: 12 }} interval={0} />
            <Tooltip formatter={(value) => [value ?? '..', title]} />
            <Bar dataKey="value" fill="#08519c" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      {entries.some((e) => e.count?.suppressed) && (
        <p className="note">
          Staplar saknas där värdet visas som ..: {SUPPRESSED_TEXT}.
        </p>
      )}
      <details>
        <summary>Visa som tabell</summary>
        <DataTable
          caption={title}
          filename={filename}
          rowKey={(e) => e.value}
          rows={entries}
          columns={[
            { key: 'value', label: 'Värde', render: (e) => e.value, text: (e) => e.value },
            { key: 'count', label: 'Antal', numeric: true, render: (e) => <CountCell count={e.count} />, text: (e) => countText(e.count) },
          ]}
        />
      </details>
    </div>
  );
}
