/**
 * A PDF drawn by pdf.js onto canvases, inside the app: the page's security policy allows no plugin and
 * no frame, so Chromium's own viewer cannot be embedded (DESIGN §5).
 *
 * Pages are drawn lazily: the first ones at once, the others as they come near the visible part, and a
 * page far out of view gives its canvas back (a 100-page scan at 200% would otherwise hold gigabytes).
 * Toolbar: previous/next page with "Trang x/y", zoom out/in, fit width. Keyboard: PageUp/PageDown
 * (and Home/End) move by page.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Flex, Spin, Tooltip, Typography } from 'antd';
import { ColumnWidthOutlined, DownOutlined, UpOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { MessageKey } from '../../../../src-shared/i18n';
import { useT, type Translate } from '../../../i18n/LocaleContext';
import { PreviewLoading } from './PreviewParts';
import {
  clampScale,
  currentPageAt,
  failureOf,
  fitWidthScale,
  looksLikePdf,
  outputScale,
  zoomIn,
  zoomOut,
  type PdfFailure,
  type Zoom,
} from './previewMath';

/** Space around and between pages, in CSS pixels. */
const GAP = 12;
/** How many pages are drawn before anything is scrolled. */
const FIRST_PAGES = 2;
/** How far (in heights of the view) above and below it pages are kept drawn. */
const NEAR_MARGIN = '150% 0px';

const FAILURE_MESSAGES = {
  password: 'previewUi.error.password',
  unreadable: 'previewUi.error.unreadable',
  viewer: 'previewUi.error.viewer',
} as const satisfies Record<PdfFailure, MessageKey>;

interface Size {
  width: number;
  height: number;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; failure: PdfFailure }
  | { status: 'ready'; doc: PDFDocumentProxy; firstPage: Size };

export interface PdfPreviewProps {
  /** The file's bytes, as fetched from the server. */
  data: Uint8Array;
  /** The file's name, for messages and labels. */
  name: string;
}

export function PdfPreview({ data, name }: PdfPreviewProps) {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    // Not a PDF at all (wrong extension, an error page saved as .pdf): say so without loading pdf.js.
    if (!looksLikePdf(data)) {
      setLoaded({ status: 'failed', failure: 'unreadable' });
      return;
    }
    setLoaded({ status: 'loading' });
    let cancelled = false;
    let destroy: (() => Promise<void>) | null = null;
    void (async () => {
      // pdf.js is loaded on first use: most sessions never preview anything.
      const pdfjs = await import('./pdfjs');
      try {
        const opened = await pdfjs.openPdf(data);
        destroy = opened.destroy;
        if (cancelled) return void opened.destroy();
        const first = (await opened.doc.getPage(1)).getViewport({ scale: 1 });
        if (cancelled) return;
        setLoaded({ status: 'ready', doc: opened.doc, firstPage: { width: first.width, height: first.height } });
      } catch (error) {
        if (!cancelled) setLoaded({ status: 'failed', failure: failureOf(error) });
      }
    })().catch(() => {
      // The pdf.js chunk itself did not load (server gone, app updated meanwhile).
      if (!cancelled) setLoaded({ status: 'failed', failure: 'viewer' });
    });
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [data]);

  if (loaded.status === 'loading') {
    return <PreviewLoading description={t('previewUi.loadingPdf')} />;
  }
  if (loaded.status === 'failed') {
    return (
      <div style={{ padding: 16 }}>
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t(FAILURE_MESSAGES[loaded.failure], { name })}
          description={t('previewUi.error.hint')}
        />
      </div>
    );
  }
  return <PdfPages doc={loaded.doc} firstPage={loaded.firstPage} name={name} />;
}

function PdfPages({ doc, firstPage, name }: { doc: PDFDocumentProxy; firstPage: Size; name: string }) {
  const t = useT();
  const count = doc.numPages;
  const scroller = useRef<HTMLDivElement>(null);
  const pageEls = useRef<(HTMLDivElement | null)[]>([]);
  const [zoom, setZoom] = useState<Zoom>({ mode: 'fit' });
  const [viewWidth, setViewWidth] = useState(0);
  const [current, setCurrent] = useState(1);
  const [near, setNear] = useState<ReadonlySet<number>>(
    () => new Set(Array.from({ length: Math.min(FIRST_PAGES, count) }, (_v, i) => i + 1)),
  );

  // Fit width follows the drawer's width (resized window, scroll bar appearing).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const scale = zoom.mode === 'fit' ? fitWidthScale(viewWidth - 2 * GAP, firstPage.width) : clampScale(zoom.scale);

  // Which pages are near the view, to be drawn.
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(new Set(Array.from({ length: count }, (_v, i) => i + 1)));
      return;
    }
    const observer = new IntersectionObserver(
      (entries) =>
        setNear((prev) => {
          const next = new Set(prev);
          for (const entry of entries) {
            const page = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting) next.add(page);
            else next.delete(page);
          }
          return next;
        }),
      { root, rootMargin: NEAR_MARGIN },
    );
    for (const el of pageEls.current) if (el) observer.observe(el);
    return () => observer.disconnect();
  }, [count]);

  const updateCurrent = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const tops = pageEls.current.slice(0, count).map((p) => p?.offsetTop ?? 0);
    setCurrent(currentPageAt(tops, el.scrollTop, el.clientHeight));
  }, [count]);

  const frame = useRef<number | null>(null);
  const onScroll = () => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      updateCurrent();
    });
  };
  useEffect(() => () => void (frame.current !== null && cancelAnimationFrame(frame.current)), []);

  const goTo = useCallback(
    (page: number) => {
      const target = Math.min(count, Math.max(1, page));
      const el = pageEls.current[target - 1];
      if (scroller.current && el) scroller.current.scrollTop = el.offsetTop - GAP;
      setCurrent(target);
    },
    [count],
  );

  // A new zoom keeps the page being read at the top, rather than wherever its old offset now falls.
  const currentRef = useRef(current);
  currentRef.current = current;
  const firstLayout = useRef(true);
  useLayoutEffect(() => {
    if (firstLayout.current) {
      firstLayout.current = false;
      return;
    }
    goTo(currentRef.current);
  }, [scale, goTo]);

  // Keyboard reading starts at once, without a click into the pages first.
  useEffect(() => {
    scroller.current?.focus({ preventScroll: true });
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target =
      event.key === 'PageDown'
        ? current + 1
        : event.key === 'PageUp'
          ? current - 1
          : event.key === 'Home' && event.target === scroller.current
            ? 1
            : event.key === 'End' && event.target === scroller.current
              ? count
              : null;
    if (target === null) return;
    event.preventDefault();
    goTo(target);
  };

  const percent = Math.round(scale * 100);
  const pages = useMemo(() => Array.from({ length: count }, (_v, i) => i + 1), [count]);

  return (
    <Flex vertical style={{ height: '100%', minHeight: 0 }} onKeyDown={onKeyDown}>
      <Flex
        role="toolbar"
        aria-label={t('previewUi.toolbar')}
        align="center"
        justify="space-between"
        wrap
        gap="small"
        style={{ padding: '8px 12px', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
      >
        <Flex align="center" gap={4}>
          <Tooltip title={t('previewUi.previousPage')}>
            <Button
              size="small"
              icon={<UpOutlined aria-hidden="true" />}
              aria-label={t('previewUi.previousPage')}
              disabled={current <= 1}
              onClick={() => goTo(current - 1)}
            />
          </Tooltip>
          <Tooltip title={t('previewUi.nextPage')}>
            <Button
              size="small"
              icon={<DownOutlined aria-hidden="true" />}
              aria-label={t('previewUi.nextPage')}
              disabled={current >= count}
              onClick={() => goTo(current + 1)}
            />
          </Tooltip>
          <Typography.Text aria-live="polite" style={{ minWidth: 96, textAlign: 'center' }}>
            {t('previewUi.pageOf', { page: current, count })}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={4}>
          <Tooltip title={t('previewUi.zoomOut')}>
            <Button
              size="small"
              icon={<ZoomOutOutlined aria-hidden="true" />}
              aria-label={t('previewUi.zoomOut')}
              onClick={() => setZoom({ mode: 'scale', scale: zoomOut(scale) })}
            />
          </Tooltip>
          <Typography.Text
            aria-label={t('previewUi.zoomLevel', { percent })}
            style={{ minWidth: 48, textAlign: 'center' }}
          >
            {percent}%
          </Typography.Text>
          <Tooltip title={t('previewUi.zoomIn')}>
            <Button
              size="small"
              icon={<ZoomInOutlined aria-hidden="true" />}
              aria-label={t('previewUi.zoomIn')}
              onClick={() => setZoom({ mode: 'scale', scale: zoomIn(scale) })}
            />
          </Tooltip>
          <Button
            size="small"
            icon={<ColumnWidthOutlined aria-hidden="true" />}
            type={zoom.mode === 'fit' ? 'primary' : 'default'}
            aria-pressed={zoom.mode === 'fit'}
            onClick={() => setZoom({ mode: 'fit' })}
          >
            {t('previewUi.fitWidth')}
          </Button>
        </Flex>
      </Flex>
      <div
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={t('previewUi.pages', { name })}
        onScroll={onScroll}
        style={{
          flex: 1,
          minHeight: 0,
          overflow: 'auto',
          position: 'relative',
          background: '#e8e8e8',
          padding: GAP,
          outline: 'none',
        }}
      >
        {pages.map((page) => (
          <PdfPage
            key={page}
            doc={doc}
            page={page}
            scale={scale}
            near={near.has(page)}
            fallbackSize={firstPage}
            t={t}
            register={(el) => {
              pageEls.current[page - 1] = el;
            }}
          />
        ))}
      </div>
    </Flex>
  );
}

function PdfPage({
  doc,
  page,
  scale,
  near,
  fallbackSize,
  t,
  register,
}: {
  doc: PDFDocumentProxy;
  page: number;
  scale: number;
  near: boolean;
  /** The first page's size, used until this page's own is known (most documents have one size). */
  fallbackSize: Size;
  t: Translate;
  register(el: HTMLDivElement | null): void;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size | null>(null);
  const [state, setState] = useState<'idle' | 'drawing' | 'drawn' | 'failed'>('idle');

  useEffect(() => {
    if (!near) {
      // Out of sight: give the canvas's memory back; it is drawn again when it comes near.
      holder.current?.replaceChildren();
      setState('idle');
      return;
    }
    let cancelled = false;
    let task: RenderTask | null = null;
    setState((s) => (s === 'drawn' ? s : 'drawing'));
    void (async () => {
      try {
        const proxy = await doc.getPage(page);
        if (cancelled) return;
        const own = proxy.getViewport({ scale: 1 });
        setSize({ width: own.width, height: own.height });
        const viewport = proxy.getViewport({ scale });
        const ratio = outputScale(viewport.width, viewport.height, window.devicePixelRatio || 1);
        // A fresh canvas each time: the one on screen stays (stretched) until the new one is ready,
        // and a cancelled drawing never shares a canvas with the next.
        const canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
        canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
        canvas.style.display = 'block';
        canvas.style.width = '100%';
        canvas.style.height = '100%';
        task = proxy.render({
          canvas,
          viewport,
          transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        });
        await task.promise;
        if (cancelled) return;
        holder.current?.replaceChildren(canvas);
        setState('drawn');
      } catch {
        // A cancelled drawing rejects too; only a real failure is shown.
        if (!cancelled) setState('failed');
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, scale, near]);

  const base = size ?? fallbackSize;
  const width = Math.floor(base.width * scale);
  const height = Math.floor(base.height * scale);
  return (
    <div
      ref={register}
      data-page={page}
      role="img"
      aria-label={t('previewUi.page', { page })}
      aria-busy={state === 'drawing'}
      style={{
        position: 'relative',
        width,
        height,
        margin: `0 auto ${GAP}px`,
        background: '#fff',
        boxShadow: '0 1px 3px rgba(0, 0, 0, 0.2)',
      }}
    >
      <div ref={holder} style={{ width: '100%', height: '100%' }} />
      {state === 'drawing' && (
        <Flex justify="center" align="center" style={{ position: 'absolute', inset: 0 }}>
          <Spin aria-label={t('previewUi.loadingPage', { page })} />
        </Flex>
      )}
      {state === 'failed' && (
        <Flex justify="center" align="center" style={{ position: 'absolute', inset: 0, padding: 16 }}>
          <Typography.Text type="danger">{t('previewUi.error.page', { page })}</Typography.Text>
        </Flex>
      )}
    </div>
  );
}
