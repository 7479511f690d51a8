import * as Plot from '@observablehq/plot';
import { type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';
import { Icon } from '../ui/icon.tsx';
import { downloadCsv, toCsv } from './csv.ts';

/** A column of a chart's table view and CSV. */
export interface ChartColumn<Row> {
  label: string;
  value: (row: Row) => string | number | null;
  /** How a value shows in the table (the CSV keeps the raw value). */
  format?: (value: string | number | null, row: Row) => string;
  numeric?: boolean;
}

export interface ChartProps<Row> {
  /** Short name of the chart: the figure's caption, the table's caption and the CSV's file name. */
  title: string;
  /** One sentence on how to read it (shown under the title). */
  description?: ReactNode;
  /** Draws the chart at the given width with Observable Plot (the kit sets fonts, colours and the accessible label). */
  plot: (width: number) => Plot.PlotOptions;
  /** The same figures as rows: the table view and the CSV. */
  rows: Row[];
  columns: ChartColumn<Row>[];
  /** File name of the CSV (without .csv); defaults to the title. */
  csvName?: string;
  /** What a screen reader hears for the picture; defaults to the title and a pointer to the table view. */
  summary?: string;
  /** Shown instead of the chart when there are no rows. */
  empty?: ReactNode;
  /** Extra controls beside the view switch (a range picker, a series filter). */
  actions?: ReactNode;
}

/** The width of an element in CSS pixels, kept up to date. */
export function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.round(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

const cellText = <Row,>(c: ChartColumn<Row>, row: Row) => {
  const v = c.value(row);
  return c.format ? c.format(v, row) : v === null ? '–' : typeof v === 'number' ? v.toLocaleString() : v;
};

/**
 * Every chart in Hearth: an Observable Plot picture, the same figures as a table (one click away, and what screen
 * readers are pointed to), and a CSV download. Renders to SVG, so it prints and scales.
 */
export function Chart<Row>({ title, description, plot, rows, columns, csvName, summary, empty, actions }: ChartProps<Row>) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [box, width] = useWidth<HTMLDivElement>(640);
  const holder = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useLayoutEffect(() => {
    const el = holder.current;
    if (!el || view !== 'chart' || rows.length === 0) return;
    const options = plot(width);
    const figure = Plot.plot({
      width,
      style: { fontFamily: 'var(--font-sans)', fontSize: width < 480 ? '11px' : '12px', background: 'transparent', overflow: 'visible' },
      ariaLabel: summary ?? `${title}. The table view has every figure.`,
      ...options,
    });
    // The picture is one image with a name (the table view has the figures); the legend's swatches are decoration.
    // Plot names its marks' groups too (aria-label on a <g>), which no role allows: only the picture keeps a name.
    const svgs = figure instanceof SVGSVGElement ? [figure] : [...figure.querySelectorAll<SVGSVGElement>('svg')];
    for (const svg of svgs) {
      for (const g of svg.querySelectorAll('[aria-label], [aria-description]')) {
        g.removeAttribute('aria-label');
        g.removeAttribute('aria-description');
      }
      if (svg.hasAttribute('aria-label')) svg.setAttribute('role', 'img');
      else svg.setAttribute('aria-hidden', 'true');
    }
    el.replaceChildren(figure);
    return () => figure.remove();
  }, [plot, width, view, rows, title, summary]);
  const download = () => downloadCsv(csvName ?? title, toCsv(columns.map((c) => c.label), rows.map((r) => columns.map((c) => c.value(r)))));
  return (
    <figure className="chart" ref={box} aria-labelledby={titleId}>
      <div className="chart-head">
        <div>
          <figcaption id={titleId} className="chart-title">
            {title}
          </figcaption>
          {description && <p className="small muted">{description}</p>}
        </div>
        <div className="chart-actions">
          {actions}
          {rows.length > 0 && (
            <>
              <div className="segmented" role="group" aria-label={`Show ${title} as`}>
                <button type="button" className="segment" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
                  Chart
                </button>
                <button type="button" className="segment" aria-pressed={view === 'table'} onClick={() => setView('table')}>
                  Table
                </button>
              </div>
              <button type="button" className="btn btn-secondary btn-sm" onClick={download}>
                <Icon name="download" size={16} /> CSV
              </button>
            </>
          )}
        </div>
      </div>
      {rows.length === 0 ? (
        <div className="chart-empty small muted">{empty ?? 'Nothing to show for this range yet.'}</div>
      ) : view === 'chart' ? (
        <div className="chart-plot" ref={holder} />
      ) : (
        <div className="table-wrap" role="region" aria-label={`${title} as a table`} tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, ri) => (
                <tr key={ri}>
                  {columns.map((c, i) =>
                    i === 0 ? (
                      <th key={c.label} scope="row">
                        {cellText(c, r)}
                      </th>
                    ) : (
                      <td key={c.label} className={c.numeric ? 'num' : undefined}>
                        {cellText(c, r)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
