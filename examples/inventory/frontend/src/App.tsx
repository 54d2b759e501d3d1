import { useEffect, useState } from 'react';
import { PartDetail } from '@/components/PartDetail';
import { PartForm } from '@/components/PartForm';
import { PartTable } from '@/components/PartTable';
import { getStatsSummary, listCategories } from '@/services/inventory';
import type { StatsSummary } from '@/types/api';
import type { Category } from '@/types/catalog';

export default function App() {
  const [categories, setCategories] = useState<Category[]>([]);
  const [summary, setSummary] = useState<StatsSummary | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  useEffect(() => {
    listCategories().then(setCategories);
    getStatsSummary().then(setSummary);
  }, [refreshKey]);

  const refresh = () => setRefreshKey((key) => key + 1);

  return (
    <main>
      <header>
        <h1>Parts Bin</h1>
        {summary && (
          <p>
            {summary.total_parts} parts, {summary.total_quantity} pieces in {summary.category_count}{' '}
            categories; {summary.low_stock_count} to reorder
          </p>
        )}
      </header>
      <PartTable key={refreshKey} categories={categories} onSelect={setSelectedId} />
      {selectedId !== null && (
        <PartDetail
          partId={selectedId}
          onDeleted={() => {
            setSelectedId(null);
            refresh();
          }}
        />
      )}
      <PartForm categories={categories} onCreated={refresh} />
    </main>
  );
}
