import { describe, expect, it } from 'vitest';
import { exportPath, fileNameOf, formatBytes, readWithProgress, type Progress } from './download';

describe('exports', () => {
  it('reads the UTF-8 file name first', () => {
    expect(fileNameOf(`attachment; filename="etela-savo.docx"; filename*=UTF-8''etel%C3%A4-savo.docx`, 'x')).toBe('etelä-savo.docx');
    expect(fileNameOf('attachment; filename="plan.pdf"', 'x')).toBe('plan.pdf');
    expect(fileNameOf(null, 'fallback.pdf')).toBe('fallback.pdf');
  });

  it('makes the export paths', () => {
    expect(exportPath('abc', 'docx', 'sv')).toBe('/documents/abc/export.docx?lang=sv');
    expect(exportPath('abc', 'csv', 'fi')).toBe('/actions/export.csv?document=abc&lang=fi');
  });

  it('reports progress chunk by chunk up to Content-Length', async () => {
    const parts = [new Uint8Array(3), new Uint8Array(5)];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(p);
        c.close();
      },
    });
    const res = new Response(body, { headers: { 'Content-Length': '8', 'Content-Type': 'application/pdf' } });
    const seen: Progress[] = [];
    const blob = await readWithProgress(res, (p) => seen.push(p));
    expect(blob.size).toBe(8);
    expect(seen.map((p) => p.received)).toEqual([0, 3, 8]);
    expect(seen.every((p) => p.total === 8)).toBe(true);
  });

  it('reports the bytes received of a streamed body without a length', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(4));
        c.enqueue(new Uint8Array(6));
        c.close();
      },
    });
    const seen: Progress[] = [];
    const blob = await readWithProgress(new Response(body, { headers: { 'Content-Type': 'text/csv' } }), (p) => seen.push(p));
    expect(blob.size).toBe(10);
    expect(seen.map((p) => p.received)).toEqual([0, 4, 10]);
    expect(seen.every((p) => p.total === null)).toBe(true);
  });

  it('says sizes for people', () => {
    expect(formatBytes(850, 'en')).toBe('850 B');
    expect(formatBytes(12_345, 'en')).toBe('12 kB');
    expect(formatBytes(1_450_000, 'fi')).toBe('1,5 MB');
  });
});
