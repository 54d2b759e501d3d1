import { useEffect, useState, type FormEvent } from 'react';
import { partFormSchema } from '@/schemas/partForm';
import { listLocations, listSuppliers } from '@/services/inventory';
import { createPart } from '@/services/parts';
import type { Category, Location, Supplier } from '@/types/catalog';
import type { Part, PartCreatePayload } from '@/types/part';

interface PartFormProps {
  categories: Category[];
  onCreated: (part: Part) => void;
}

export function PartForm({ categories, onCreated }: PartFormProps) {
  const [locations, setLocations] = useState<Location[]>([]);
  const [suppliers, setSuppliers] = useState<Supplier[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    listLocations().then(setLocations);
    listSuppliers().then(setSuppliers);
  }, []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = partFormSchema.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) {
      const firstErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        firstErrors[String(issue.path[0])] ??= issue.message;
      }
      setErrors(firstErrors);
      return;
    }

    const payload: PartCreatePayload = { ...parsed.data };
    setSaving(true);
    try {
      const created = await createPart(payload);
      if (created) {
        onCreated(created);
        form.reset();
        setErrors({});
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={handleSubmit}>
      <label>
        Name <input name="name" required />
        {errors.name && <small>{errors.name}</small>}
      </label>
      <label>
        SKU <input name="sku" required />
        {errors.sku && <small>{errors.sku}</small>}
      </label>
      <label>
        Manufacturer <input name="manufacturer" />
      </label>
      <label>
        Description <textarea name="description" rows={3} />
      </label>
      <label>
        Quantity <input name="quantity" type="number" min={0} defaultValue={0} />
      </label>
      <label>
        Reorder at <input name="min_quantity" type="number" min={0} defaultValue={0} />
      </label>
      <label>
        Unit price <input name="unit_price" type="number" min={0} step="0.01" defaultValue="0" />
      </label>
      <label>
        Category
        <select name="category_id" required defaultValue="">
          <option value="" disabled>
            Choose…
          </option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name} ({category.part_count})
            </option>
          ))}
        </select>
        {errors.category_id && <small>{errors.category_id}</small>}
      </label>
      <label>
        Location
        <select name="location_id" defaultValue="">
          <option value="">Unsorted</option>
          {locations.map((location) => (
            <option key={location.id} value={location.id}>
              {location.parent_id !== null ? '\u2003' : ''}
              {location.name} ({location.location_type})
            </option>
          ))}
        </select>
      </label>
      <label>
        Supplier
        <select name="supplier_id" defaultValue="">
          <option value="">None</option>
          {suppliers.map(({ id, name, leadTimeDays }) => (
            <option key={id} value={id}>
              {name} ({leadTimeDays} days)
            </option>
          ))}
        </select>
      </label>
      <label>
        Product page <input name="product_url" type="url" />
        {errors.product_url && <small>{errors.product_url}</small>}
      </label>
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Add part'}
      </button>
    </form>
  );
}
