// Number and time formatting; a missing value is always an em dash.

const DASH = '—';

export const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

export function percent(v, digits = 1) {
  return isNumber(v) ? `${(v * 100).toFixed(digits)}%` : DASH;
}

/** A difference of rates in percentage points. */
export function points(v) {
  return isNumber(v) ? `${(v * 100).toFixed(v * 100 < 1 ? 2 : 1)} pts` : DASH;
}

export function millis(v) {
  if (!isNumber(v)) return DASH;
  if (v < 1) return `${v.toFixed(3)} ms`;
  if (v < 10) return `${v.toFixed(2)} ms`;
  if (v < 100) return `${v.toFixed(1)} ms`;
  return `${Math.round(v)} ms`;
}

export function perSecond(v) {
  if (!isNumber(v)) return DASH;
  return `${v < 10 ? v.toFixed(2) : v.toFixed(1)}/s`;
}

export function decimal(v, digits = 3) {
  return isNumber(v) ? String(Number(v.toFixed(digits))) : DASH;
}

export function count(v) {
  return isNumber(v) ? v.toLocaleString('en-US') : DASH;
}

export function bytes(v) {
  if (!isNumber(v)) return DASH;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  for (; v >= 1024 && i < units.length - 1; i++) v /= 1024;
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

const pad = (n) => String(n).padStart(2, '0');

/** Local wall-clock time, 24-hour: 14:03:07. */
export function clock(date, seconds = true) {
  const d = date instanceof Date ? date : new Date(date);
  return seconds ? `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Local date and time: 2025-03-01 14:03:07. */
export function dateTime(iso) {
  if (!iso) return DASH;
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clock(d)}`;
}

/** How long ago, roughly: 12 s ago, 3 min ago, 2 h ago. */
export function ago(iso, now = Date.now()) {
  if (!iso) return DASH;
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}
