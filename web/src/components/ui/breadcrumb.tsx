import { Fragment } from 'react';
import { Link } from 'wouter';

/** The trail above a page: links to the places above it, then the current page (not a link). */
export function Breadcrumb({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      {trail.map((t) => (
        <Fragment key={t.href}>
          <Link href={t.href}>{t.label}</Link>
          <span aria-hidden="true">/</span>
        </Fragment>
      ))}
      <span aria-current="page">{current}</span>
    </nav>
  );
}
