import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
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

export interface StackedSeries {
  month: string;
  values: Array<{ value: string; count: CountValue | undefined }>;
}

/** Dark to light enough that neighbouring values differ in lightness, not only in hue. */
const STACK_COLOURS = ['#c6dbef', '#fdae6b', '#e6550d', '#7f2704', '#6baed6', '#3182bd', '#08519c', '#54278f'];

/** A distribution month by month, e.g. the situation reports by level: stacked bars, the numbers as a table too. */
export function StackedTrendChart({ title, series, filename }: { title: string; series: StackedSeries[]; filename: string }) {
  const names = series[0]?.values.map((v) => v.value) ?? [];
  const data = series.map((s) => ({
    month: monthLabel(s.month),
    ...Object.fromEntries(s.values.map((v) => [v.value, v.count && !v.count.suppressed ? v.count.value : null])),
  }));
  return (
    <div className="trend">
      <h3>{title}</h3>
      <div className="chart" role="img" aria-label={`Staplat diagram: ${title}, ${series.length} månader. Samma uppgifter finns i tabellen nedan.`}>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#d0d0d0" strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={{ fill: '#1a1a1a', fontSize: 12 }} interval="preserveStartEnd" minTickGap={24} />
            <YAxis allowDecimals={false} tick={{ fill: '#1a1a1a', fontSize: 12 }} width={40} />
            <Tooltip />
            <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={{ color: '#1a1a1a' }}>{value}</span>} />
            {names.map((name, i) => (
              <Bar key={name} dataKey={name} stackId="all" fill={STACK_COLOURS[i % STACK_COLOURS.length]} stroke="#1a1a1a" strokeWidth={0.5} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {series.some((s) => s.values.some((v) => v.count?.suppressed)) && (
        <p className="note">
          Delar saknas där värdet visas som ..: {SUPPRESSED_TEXT}.
        </p>
      )}
      <details>
        <summary>Visa som tabell</summary>
        <DataTable
          caption={`${title} per månad`}
          filename={filename}
          rowKey={(s) => s.month}
          rows={series}
          columns={[
            { key: 'month', label: 'Månad', render: (s) => monthLabel(s.month), text: (s) => s.month },
            ...names.map((name, i) => ({
              key: name,
              label: name,
              numeric: true,
              render: (s: StackedSeries) => <CountCell count={s.values[i]?.count} />,
              text: (s: StackedSeries) => countText(s.values[i]?.count),
            })),
          ]}
        />
      </details>
    </div>
  );
}
