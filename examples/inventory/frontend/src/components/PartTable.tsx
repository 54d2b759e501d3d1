import { useEffect, useState } from 'react';
import { getAllParts, searchParts } from '@/services/parts';
import type { Category } from '@/types/catalog';
import type { Part, PartStatus } from '@/types/part';

/** One row of the table: display values derived from a Part. Never sent to the API. */
export interface PartRow extends Pick<Part, 'id' | 'name' | 'sku' | 'status'> {
  categoryName: string;
  where: string;
  stock: string;
  price: string;
  summary: string;
  lowStock: boolean;
}

const STATUS_LABELS: Record<PartStatus, string> = {
  active: 'Active',
  obsolete: 'Obsolete',
};

function toRow(part: Part, categoriesById: Map<number, Category>): PartRow {
  const { id, name, sku, status, quantity, min_quantity, description } = part;
  return {
    id,
    name,
    sku,
    status,
    categoryName: categoriesById.get(part.category_id)?.name ?? 'Uncategorised',
    where: part.location_name,
    stock: `${quantity} / min ${min_quantity}`,
    price: `$${part.unit_price.toFixed(2)}`,
    summary: description.length > 60 ? `${description.slice(0, 57)}...` : description,
    lowStock: part.is_low_stock,
  };
}

interface PartTableProps {
  categories: Category[];
  onSelect: (partId: number) => void;
}

export function PartTable({ categories, onSelect }: PartTableProps) {
  const [query, setQuery] = useState('');
  const [parts, setParts] = useState<Part[]>([]);

  useEffect(() => {
    const trimmed = query.trim();
    const request = trimmed ? searchParts(trimmed) : getAllParts();
    let cancelled = false;
    request.then((found) => {
      if (!cancelled) setParts(found);
    });
    return () => {
      cancelled = true;
    };
  }, [query]);

  const categoriesById = new Map(categories.map((category) => [category.id, category]));
  const rows = parts.map((part) => toRow(part, categoriesById));

  return (
    <section>
      <input
        type="search"
        placeholder="Search name, SKU or manufacturer"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <table>
        <thead>
          <tr>
            <th>SKU</th>
            <th>Name</th>
            <th>Category</th>
            <th>Location</th>
            <th>Stock</th>
            <th>Unit price</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.lowStock ? 'low-stock' : undefined}>
              <td>{row.sku}</td>
              <td onClick={() => onSelect(row.id)} title={row.summary}>
                {row.name}
              </td>
              <td>{row.categoryName}</td>
              <td>{row.where}</td>
              <td>{row.stock}</td>
              <td>{row.price}</td>
              <td>{STATUS_LABELS[row.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
