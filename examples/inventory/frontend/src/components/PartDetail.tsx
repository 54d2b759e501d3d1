import { useEffect, useState } from 'react';
import { deletePart, getPart, updatePart } from '@/services/parts';
import type { Part } from '@/types/part';

interface PartDetailProps {
  partId: number;
  onDeleted: () => void;
}

export function PartDetail({ partId, onDeleted }: PartDetailProps) {
  const [part, setPart] = useState<Part | null>(null);

  useEffect(() => {
    let cancelled = false;
    getPart(partId).then((loaded) => {
      if (!cancelled) setPart(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, [partId]);

  if (part === null) return <p>Loading…</p>;

  async function adjustQuantity(current: Part, delta: number) {
    const updated = await updatePart(current.id, {
      quantity: Math.max(0, current.quantity + delta),
    });
    if (updated) setPart(updated);
  }

  async function remove(current: Part) {
    if (!window.confirm(`Delete ${current.sku}?`)) return;
    await deletePart(current.id);
    onDeleted();
  }

  const { name, sku, manufacturer, quantity, created_at, product_url } = part;
  return (
    <article>
      <h2>
        {name} <small>{sku}</small>
      </h2>
      <dl>
        <dt>Manufacturer</dt>
        <dd>{manufacturer ?? '—'}</dd>
        <dt>In stock</dt>
        <dd>
          <button onClick={() => adjustQuantity(part, -1)}>−</button> {quantity}{' '}
          <button onClick={() => adjustQuantity(part, 1)}>+</button>
        </dd>
        <dt>Added</dt>
        <dd>{new Date(created_at).toLocaleDateString()}</dd>
      </dl>
      {product_url && (
        <a href={product_url} target="_blank" rel="noreferrer">
          Product page
        </a>
      )}
      <button onClick={() => remove(part)}>Delete</button>
    </article>
  );
}
