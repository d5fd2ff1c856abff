import { ReactNode } from 'react';
import { downloadCsv, toCsv } from '../csv';

export interface Column<R> {
  key: string;
  label: string;
  /** The cell on the page. */
  render: (row: R) => ReactNode;
  /** The cell in the CSV file. */
  text: (row: R) => string | number | null | undefined;
  numeric?: boolean;
}

/** A table with a caption and a "Ladda ner CSV" button that exports exactly its rows and columns. */
export function DataTable<R>({
  caption,
  columns,
  rows,
  rowKey,
  filename,
  empty = 'Inga rader.',
  testId,
  busy = false,
}: {
  caption: ReactNode;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  filename: string;
  empty?: string;
  testId?: string;
  /** Still loading (some of) its cells. */
  busy?: boolean;
}) {
  const download = () =>
    downloadCsv(
      filename,
      toCsv(
        columns.map((column) => column.label),
        rows.map((row) => columns.map((column) => column.text(row))),
      ),
    );
  return (
    <div className="table-block">
      <div className="table-scroll" role="region" aria-label={typeof caption === 'string' ? caption : undefined} tabIndex={0}>
        <table data-testid={testId} aria-busy={busy}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{empty}</td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column, i) =>
                    i === 0 ? (
                      <th key={column.key} scope="row">
                        {column.render(row)}
                      </th>
                    ) : (
                      <td key={column.key} className={column.numeric ? 'numeric' : undefined} data-column={column.key}>
                        {column.render(row)}
                      </td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <button type="button" className="secondary" onClick={download} disabled={rows.length === 0}>
        Ladda ner CSV<span className="visually-hidden">: {typeof caption === 'string' ? caption : filename}</span>
      </button>
    </div>
  );
}
