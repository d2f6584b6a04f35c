/**
 * Figures for the printed assessment documents, one JSON line each:
 * - học bạ PDFs of 1,000 pupils, one file per pupil (the unit the signing capability signs), through the
 *   app's worker pool, one thread per core (target ≥ 50 pages/s on this 2-core machine);
 * - the class summary sheet of a 40-pupil class, as xlsx and as PDF (medians, warm).
 * The batches also report the process's CPU time and the 1-minute load average: on a machine shared with
 * other work, pages per CPU second tells the renderer's own speed when the wall-clock figure cannot.
 * Called from tests/bench/run.ts, or alone:
 *   npx tsx -e "import('./tests/bench/hocba.ts').then(m => m.benchHocBa())"
 */
import os from 'node:os';
import { WorkerPool } from '../../src-main/workers/pool';
import { renderClassSummaryPdf } from '../../src-main/core/assessment/print/summaryPdf';
import { writeClassSummaryXlsx } from '../../src-main/core/assessment/print/summaryXlsx';
import type { HocBaDoc } from '../../src-main/core/assessment/print/types';
import { classSummaryDoc, hocBaDoc, pupilNames } from '../unit/assessment-print/fixtures';
import { emit, round } from './report';

const PUPILS = 1_000;
const RUNS = 7;

/** The page count pdfkit writes, uncompressed, in the document's page tree. */
function pagesOf(pdf: Uint8Array): number {
  const m = /\/Type \/Pages\n\/Count (\d+)/.exec(Buffer.from(pdf).toString('latin1'));
  if (!m) throw new Error('no page tree in the PDF');
  return Number(m[1]);
}

function pupilDocs(count: number): HocBaDoc[] {
  const names = pupilNames(Math.min(count, 400));
  return Array.from({ length: count }, (_, i) => {
    const { fullName, sex } = names[i % names.length]!;
    const base = hocBaDoc();
    return hocBaDoc({
      pupil: {
        fullName,
        sex,
        className: `${3 + (i % 3)}${'ABCD'[i % 4]}`,
        personalId: `0013160${String(i).padStart(5, '0')}`,
      },
      // Comments of varying length, as teachers write them.
      subjects: base.subjects.map((s, j) => ({
        ...s,
        comment: (i + j) % 5 === 0 ? `${s.comment} ${s.comment}` : s.comment,
      })),
    });
  });
}

async function batch(
  pool: WorkerPool,
  docs: readonly HocBaDoc[],
): Promise<{ ms: number; cpuMs: number; pages: number; kb: number }> {
  // CPU time of the whole process (every thread), beside the wall time: on a shared machine the wall time
  // depends on what else runs, the CPU time much less.
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const files = await Promise.all(docs.map((doc) => pool.run('pdf.hocba', { docs: [doc] })));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    pages: files.reduce((sum, f) => sum + pagesOf(f), 0),
    kb: Math.round(files.reduce((sum, f) => sum + f.byteLength, 0) / 1024),
  };
}

async function warm(pool: WorkerPool, size: number): Promise<void> {
  // Starts every worker and lets it bundle, load and parse the fonts: not what is measured.
  await Promise.all(Array.from({ length: size * 2 }, () => pool.run('pdf.hocba', { docs: [hocBaDoc()] })));
}

async function timed(run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export async function benchHocBa(): Promise<void> {
  const cores = os.availableParallelism();
  const docs = pupilDocs(PUPILS);

  // The pool the app uses: one worker per core (2 here).
  const pool = new WorkerPool();
  const workers = Math.max(1, Math.min(4, cores));
  try {
    await warm(pool, workers);
    const r = await batch(pool, docs);
    console.log(
      JSON.stringify({
        name: 'assessment.hocba_pdf_1000_pupils',
        total_ms: round(r.ms),
        pages: r.pages,
        pages_per_s: round(r.pages / (r.ms / 1000)),
        pupils_per_s: round(PUPILS / (r.ms / 1000)),
        target_pages_per_s: 50,
        cpu_ms: round(r.cpuMs),
        pages_per_cpu_s: round(r.pages / (r.cpuMs / 1000)),
        load_avg_1m: round(os.loadavg()[0]!),
        workers,
        cores,
        total_kb: r.kb,
      }),
    );
  } finally {
    await pool.close();
  }

  const summary = classSummaryDoc(40);
  let xlsxBytes = 0;
  emit(
    'assessment.class_summary_xlsx_40_pupils',
    await timed(async () => {
      xlsxBytes = (await writeClassSummaryXlsx(summary)).length;
    }),
    { pupils: 40, file_kb: Math.round(xlsxBytes / 1024) },
  );
  let pdf: Buffer = Buffer.alloc(0);
  emit(
    'assessment.class_summary_pdf_40_pupils',
    await timed(async () => {
      pdf = await renderClassSummaryPdf(summary);
    }),
    { pupils: 40, pages: pagesOf(pdf), file_kb: Math.round(pdf.length / 1024) },
  );
}
