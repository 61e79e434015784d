// Excel serial dates → the ISO text a Grid holds (shared by the exceljs and the fast reader).

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * exceljs turns date-formatted serials into a Date at that wall-clock time in UTC (Excel has
 * no time zone), so read it back with UTC getters: "2024-12-31", or "2024-12-31T08:30:00"
 * when there is a time of day.
 */
export function dateToIso(d: Date): string | null {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return null;
  const r = new Date(Math.round(ms / 1000) * 1000);
  const y = r.getUTCFullYear();
  const date = `${y < 0 ? '-' : ''}${String(Math.abs(y)).padStart(4, '0')}-${pad2(r.getUTCMonth() + 1)}-${pad2(r.getUTCDate())}`;
  const h = r.getUTCHours();
  const m = r.getUTCMinutes();
  const s = r.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return date;
  return `${date}T${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

/** An Excel serial (days since 1899-12-30, or 1904-01-01) → that wall-clock time as a UTC Date (as exceljs). */
export function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
