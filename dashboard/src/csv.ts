/**
 * CSV for Swedish spreadsheets: semicolon-separated, a byte-order mark so Excel reads UTF-8 (å, ä, ö),
 * every field quoted when it needs to be.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const field = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\ufeff' + [header, ...rows].map((row) => row.map(field).join(';')).join('\r\n') + '\r\n';
}

export function downloadCsv(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
