import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { AnalyticsPopular } from '../../../../../contracts/index.ts';
import { Chart, type ChartColumn } from '../../../components/charts/chart.tsx';
import { SERIES_COLOURS } from '../../../components/charts/palette.ts';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Horizontal bars of a top-10 list, longest first. */
function TopBars<Row>({ title, description, rows, label, value, columns, colour, empty }: { title: string; description: string; rows: Row[]; label: (r: Row) => string; value: (r: Row) => number; columns: ChartColumn<Row>[]; colour: string; empty: string }) {
  const plot = useCallback(
    (width: number): Plot.PlotOptions => {
      const names = rows.map((r) => clip(label(r), width < 480 ? 22 : 40));
      return {
        height: 34 + rows.length * 28,
        marginLeft: width < 480 ? 150 : 260,
        x: { grid: true, label: null, nice: true },
        y: { domain: names, label: null },
        marks: [
          Plot.barX(rows, { x: value, y: (_r: Row, i: number) => names[i], fill: colour }),
          Plot.text(rows, { x: value, y: (_r: Row, i: number) => names[i], text: (r: Row) => String(value(r)), dx: 4, textAnchor: 'start' }),
        ],
      };
    },
    [rows, label, value, colour],
  );
  return <Chart title={title} description={description} plot={plot} rows={rows} columns={columns} empty={empty} />;
}

type Tag = AnalyticsPopular['tags'][number];
type Thread = AnalyticsPopular['threads'][number];
type Resource = AnalyticsPopular['resources'][number];
const tagLabel = (t: Tag) => `#${t.tag}`;
const tagCount = (t: Tag) => t.count;
const threadLabel = (t: Thread) => t.title;
const threadCount = (t: Thread) => t.replies + t.reactions;
const resourceLabel = (r: Resource) => r.title;
const resourceCount = (r: Resource) => r.ratings;

/** Popular tags, threads and resources of the range. */
export function PopularCharts({ data }: { data: AnalyticsPopular }) {
  return (
    <>
      <TopBars
        title="Popular tags"
        description="Tags carried by what people did: threads, replies, resources shared."
        rows={data.tags}
        label={tagLabel}
        value={tagCount}
        colour={SERIES_COLOURS[6]}
        empty="No tagged activity in this range."
        columns={[
          { label: 'Tag', value: (t) => t.tag },
          { label: 'Actions', value: (t) => t.count, numeric: true },
        ]}
      />
      <TopBars
        title="Popular threads"
        description="Replies and reactions in this range. Threads you may not read are left out."
        rows={data.threads}
        label={threadLabel}
        value={threadCount}
        colour={SERIES_COLOURS[0]}
        empty="No replies or reactions in this range."
        columns={[
          { label: 'Thread', value: (t) => t.title },
          { label: 'Replies', value: (t) => t.replies, numeric: true },
          { label: 'Reactions', value: (t) => t.reactions, numeric: true },
        ]}
      />
      <TopBars
        title="Popular resources"
        description="Ratings given in this range, with their average."
        rows={data.resources}
        label={resourceLabel}
        value={resourceCount}
        colour={SERIES_COLOURS[1]}
        empty="No resource was rated in this range."
        columns={[
          { label: 'Resource', value: (r) => r.title },
          { label: 'Ratings', value: (r) => r.ratings, numeric: true },
          { label: 'Average rating', value: (r) => Math.round(r.averageRating * 10) / 10, numeric: true },
        ]}
      />
    </>
  );
}
