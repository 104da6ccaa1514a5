// Reads one relationships part (`_rels/*.rels`, ECMA-376 Part 2, 9.3): which part each
// relationship of its source part points at, and of what type. External targets are left out.
import { attribute, local, relationshipsPartOf, resolveTarget, type XlsxPackage } from './package.js';

export interface Relationship {
  readonly id: string;
  /** The relationship type's last segment: `worksheet`, `sharedStrings`, `table`... */
  readonly type: string;
  /** The target part's name, resolved against the source part (see `resolveTarget`). */
  readonly target: string;
}

/** The relationships of `sourcePart` (empty when it has no relationships part). */
export async function readRelationships(pkg: XlsxPackage, sourcePart: string): Promise<Relationship[]> {
  const relationships: Relationship[] = [];
  await pkg.parsePart(relationshipsPartOf(sourcePart), {
    open: (t) => {
      if (local(t.name) !== 'Relationship') return;
      const id = attribute(t, 'Id');
      const target = attribute(t, 'Target');
      if (id === undefined || target === undefined || attribute(t, 'TargetMode') === 'External') return;
      const type = (attribute(t, 'Type') ?? '').replace(/^.*\//, '');
      relationships.push({ id, type, target: resolveTarget(target, sourcePart) });
    },
    close: () => {},
    text: () => {},
  });
  return relationships;
}
