// Files of technical data in the browser: the SHA-256 of a picked file for the Content-Digest header (RFC 9530)
// of its upload, read in slices so that a file of hundreds of MiB is never held whole; sizes; saving a download.
import { sha256 } from 'js-sha256';

const SLICE_BYTES = 4 * 1024 * 1024;

/** 'sha-256=:<base64>:' of the file's bytes; onProgress receives the fraction read (0…1). */
export async function contentDigest(file, onProgress = () => {}) {
    const hash = sha256.create();
    for (let offset = 0; offset < file.size; offset += SLICE_BYTES) {
        hash.update(await file.slice(offset, offset + SLICE_BYTES).arrayBuffer());
        onProgress(Math.min(1, (offset + SLICE_BYTES) / file.size));
    }
    const bytes = new Uint8Array(hash.arrayBuffer());
    return `sha-256=:${btoa(String.fromCharCode(...bytes))}:`;
}

/** Bytes as the user reads them: 1.2 MB, 640 kB, 12 B (decimal units, formatted for the language). */
export function formatBytes(size, locale) {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
    let value = size;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit += 1;
    }
    return new Intl.NumberFormat(locale, {
        style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1,
    }).format(value);
}

/** Saves bytes fetched with the user's token as a file, through a link to a blob (revoked once saved). */
export function saveAs(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
