import Graph from 'graphology';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import { Link } from 'wouter';
import type { NetworkGraph } from '../../../../../contracts/index.ts';
import { SERIES_COLOURS } from '../../../components/charts/palette.ts';
import { plural } from '../../../lib/plural.ts';
import type { LayoutProgress, LayoutRequest } from './layout.worker.ts';

const OTHER = '#a08c78';
const NONE = '#c9b8a6';
const DIM = '#eee4d8';
type Focus = 'everyone' | 'brokers' | 'isolates';

/** Colour of each department: the 10 largest get the series colours, the rest one muted colour. */
function departmentColours(nodes: NetworkGraph['nodes']) {
  const heads = new Map<string, number>();
  for (const n of nodes) if (n.department) heads.set(n.department, (heads.get(n.department) ?? 0) + 1);
  const ranked = [...heads.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const colour = new Map(ranked.slice(0, SERIES_COLOURS.length).map(([d], i) => [d, SERIES_COLOURS[i]]));
  const legend = ranked.slice(0, SERIES_COLOURS.length).map(([d, n]) => ({ name: d, colour: colour.get(d) as string, people: n }));
  const others = ranked.slice(SERIES_COLOURS.length).reduce((s, [, n]) => s + n, 0);
  if (others) legend.push({ name: 'Other departments', colour: OTHER, people: others });
  const none = nodes.filter((n) => !n.department).length;
  if (none) legend.push({ name: 'No department', colour: NONE, people: none });
  return { of: (d: string | null) => (d ? (colour.get(d) ?? OTHER) : NONE), legend };
}

/** Starting places: each department around a circle, its people scattered near it; isolates on an outer ring. */
function startPositions(nodes: NetworkGraph['nodes']): Float32Array {
  const departments = [...new Set(nodes.map((n) => n.department ?? ''))].sort();
  const at = new Map(departments.map((d, i) => [d, (2 * Math.PI * i) / departments.length]));
  let seed = 1;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const out = new Float32Array(2 * nodes.length);
  const isolates = nodes.filter((n) => n.degree === 0).length;
  let k = 0;
  nodes.forEach((n, i) => {
    if (n.degree === 0) {
      const a = (2 * Math.PI * k++) / Math.max(1, isolates);
      out[2 * i] = 140 * Math.cos(a);
      out[2 * i + 1] = 140 * Math.sin(a);
      return;
    }
    const a = at.get(n.department ?? '') as number;
    out[2 * i] = 60 * Math.cos(a) + 25 * (random() - 0.5);
    out[2 * i + 1] = 60 * Math.sin(a) + 25 * (random() - 0.5);
  });
  return out;
}

/**
 * The organization network as a WebGL picture (sigma.js over graphology): a dot per person coloured by department,
 * sized by how many people they interacted with; brokers are larger and named; ForceAtlas2 arranges it in a Web Worker.
 */
export function NetworkPicture({ data }: { data: NetworkGraph }) {
  const box = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma | null>(null);
  const [progress, setProgress] = useState(0);
  const [failed, setFailed] = useState(false);
  const [focus, setFocus] = useState<Focus>('everyone');
  const [selected, setSelected] = useState<number | null>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const listId = useId();
  const colours = useMemo(() => departmentColours(data.nodes), [data]);
  const neighbours = useMemo(() => {
    const of = data.nodes.map(() => new Set<number>());
    for (const [a, b] of data.edges) {
      of[a].add(b);
      of[b].add(a);
    }
    return of;
  }, [data]);
  const brokers = data.nodes.filter((n) => n.broker !== null).length;
  const isolates = data.nodes.filter((n) => n.degree === 0).length;

  // Build the graph and the renderer once per answer; lay it out in a worker.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const graph = new Graph({ type: 'undirected' });
    const positions = startPositions(data.nodes);
    const maxDegree = Math.max(1, ...data.nodes.map((n) => n.degree));
    data.nodes.forEach((n, i) => {
      graph.addNode(String(i), {
        x: positions[2 * i],
        y: positions[2 * i + 1],
        size: n.broker !== null ? 9 : 2.5 + 5 * Math.sqrt(n.degree / maxDegree),
        color: colours.of(n.department),
        label: n.name,
        forceLabel: n.broker !== null,
        zIndex: n.broker !== null ? 2 : 1,
      });
    });
    const maxWeight = Math.max(1, ...data.edges.map((e) => e[2]));
    for (const [a, b, w] of data.edges) graph.mergeEdge(String(a), String(b), { size: 0.4 + 1.6 * (w / maxWeight), color: '#d8c8b5' });
    let renderer: Sigma;
    try {
      renderer = new Sigma(graph, el, { labelFont: 'system-ui, sans-serif', labelSize: 12, labelWeight: '600', labelRenderedSizeThreshold: 7, zIndex: true, minCameraRatio: 0.05, maxCameraRatio: 4 });
    } catch {
      setFailed(true);
      return;
    }
    sigma.current = renderer;
    renderer.on('enterNode', ({ node }) => setHovered(Number(node)));
    renderer.on('leaveNode', () => setHovered(null));
    renderer.on('clickNode', ({ node }) => setSelected(Number(node)));
    renderer.on('clickStage', () => setSelected(null));
    setProgress(0);
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<LayoutProgress>) => {
      const p = e.data.positions;
      graph.updateEachNodeAttributes((node, attr) => ({ ...attr, x: p[2 * Number(node)], y: p[2 * Number(node) + 1] }), { attributes: ['x', 'y'] });
      setProgress(e.data.done ? 1 : e.data.progress);
      if (e.data.done) worker.terminate();
    };
    const edges = new Float32Array(data.edges.flat());
    worker.postMessage({ positions, edges, budgetMs: 8000 } satisfies LayoutRequest, [positions.buffer, edges.buffer]);
    return () => {
      worker.terminate();
      renderer.kill();
      sigma.current = null;
    };
  }, [data, colours]);

  // Highlighting: what is hovered or selected with its neighbours, or the brokers, or the isolates.
  useEffect(() => {
    const renderer = sigma.current;
    if (!renderer) return;
    const centre = hovered ?? selected;
    const keep = (i: number) =>
      centre !== null ? i === centre || neighbours[i].has(centre) : focus === 'brokers' ? data.nodes[i].broker !== null : focus === 'isolates' ? data.nodes[i].degree === 0 : true;
    const dimming = centre !== null || focus !== 'everyone';
    renderer.setSetting('nodeReducer', (node, attr) => {
      const i = Number(node);
      if (!dimming || keep(i)) return { ...attr, highlighted: i === centre, forceLabel: attr.forceLabel || (dimming && (i === centre || focus !== 'everyone')) };
      return { ...attr, color: DIM, label: null, forceLabel: false, zIndex: 0 };
    });
    renderer.setSetting('edgeReducer', (edge, attr) => {
      if (!dimming) return attr;
      const [a, b] = renderer.getGraph().extremities(edge).map(Number);
      return centre !== null && (a === centre || b === centre) ? { ...attr, color: '#8a7560', size: attr.size + 0.5 } : { ...attr, hidden: true };
    });
  }, [hovered, selected, focus, neighbours, data]);

  const find = (name: string) => {
    setQuery(name);
    const i = data.nodes.findIndex((n) => n.name.toLowerCase() === name.trim().toLowerCase());
    if (i < 0) return;
    setSelected(i);
    const renderer = sigma.current;
    const at = renderer?.getNodeDisplayData(String(i));
    if (renderer && at) renderer.getCamera().animate({ x: at.x, y: at.y, ratio: 0.35 }, { duration: 500 });
  };

  const person = selected !== null ? data.nodes[selected] : null;
  const summary = `A picture of ${plural(data.nodes.length, 'person', 'people')} and ${plural(data.edgesTotal, 'tie')}, coloured by department; brokers are larger and named. The figures below say the same in words and tables.`;
  return (
    <div className="stack-sm network-picture">
      <div className="network-picture-tools">
        <div className="segmented" role="group" aria-label="Highlight">
          {(['everyone', 'brokers', 'isolates'] as const).map((f) => (
            <button key={f} type="button" className="segment" aria-pressed={focus === f} onClick={() => setFocus(f)}>
              {f === 'everyone' ? 'Everyone' : f === 'brokers' ? `Brokers (${brokers})` : `Isolates (${isolates})`}
            </button>
          ))}
        </div>
        <label className="network-picture-find">
          <span className="visually-hidden">Find a person in the picture</span>
          <input className="input" list={listId} placeholder="Find a person…" value={query} onChange={(e) => find(e.target.value)} />
          <datalist id={listId}>
            {data.nodes.slice(0, 5000).map((n) => (
              <option key={n.id} value={n.name} />
            ))}
          </datalist>
        </label>
      </div>
      {failed ? (
        <p className="chart-empty small muted">This browser can't draw the picture (WebGL is off). The figures below say the same in words and tables.</p>
      ) : (
        <div className="network-picture-stage">
          <div ref={box} className="network-picture-canvas" role="img" aria-label={summary} />
          {progress < 1 && (
            <div className="network-picture-progress small" role="status">
              Arranging the picture… {Math.round(progress * 100)}%
            </div>
          )}
          {progress === 1 && <span className="visually-hidden" role="status">Picture arranged.</span>}
          {person && (
            <aside className="network-picture-person card" aria-label="Selected person">
              <strong>
                <Link href={`/people/${person.id}`}>{person.name}</Link>
              </strong>
              <span className="small muted">{person.department ?? 'No department'}</span>
              <span className="small">
                Interacted with {plural(person.degree, 'person', 'people')}
                {person.broker !== null ? ` · broker, ${person.broker.toFixed(3)}` : ''}
              </span>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setSelected(null)}>
                Clear
              </button>
            </aside>
          )}
        </div>
      )}
      <ul className="network-picture-legend small" aria-label="Departments">
        {colours.legend.map((d) => (
          <li key={d.name}>
            <span className="network-picture-key" style={{ background: d.colour }} aria-hidden="true" />
            {d.name} <span className="muted">({d.people})</span>
          </li>
        ))}
      </ul>
      {data.edges.length < data.edgesTotal && (
        <p className="small muted">The {data.edges.length.toLocaleString()} strongest of {data.edgesTotal.toLocaleString()} ties are drawn.</p>
      )}
    </div>
  );
}
