export type PartStatus = 'active' | 'obsolete';
//          ^^^^ seam: enum-values — the backend PartStatus also has 'nrnd', so a part marked not-recommended arrives with a status this union does not list and STATUS_LABELS has no label for it.

export interface Part {
//               ^^^^ seam: response-field-unused — every part response carries updated_at but the frontend Part type has no such field, so the edit timestamp is sent and never shown.
  id: number;
  name: string;
  sku: string;
  description: string;
//^^^^ seam: field-nullability — PartResponse.description is Optional[str] = None, so parts without a description arrive with null and description.length throws.
  manufacturer: string | null;
  quantity: number;
  min_quantity: number;
  unit_price: number;
//^^^^ seam: field-type-mismatch — unit_price is a Decimal on the backend, which Pydantic serialises as a JSON string such as "0.05", so unit_price.toFixed() throws.
  status: PartStatus;
  category_id: number;
  location_id: number | null;
  location_name: string;
//^^^^ seam: response-field-missing — PartResponse has no location_name (only location_id), so the parts table shows undefined in its location column.
  supplier_id: number | null;
  product_url: string | null;
  is_low_stock: boolean;
  created_at: string;
}

/** Body of POST /api/parts/. */
export interface PartCreatePayload {
  name: string;
  sku: string;
  description?: string | null;
  manufacturer?: string | null;
  quantity?: number;
  min_quantity?: number;
  unit_price?: number;
  category_id?: number;
//^^^^ seam: request-field-required — PartCreate requires category_id, so a payload built without it is rejected with 422 although this type allows leaving it out.
  location_id?: number | null;
  supplier_id?: number | null;
  product_url?: string | null;
}

/** Body of PATCH /api/parts/{id}: only the fields that change. */
export interface PartUpdatePayload {
  name?: string;
  description?: string | null;
  manufacturer?: string | null;
  quantity?: number;
  min_quantity?: number;
  unit_price?: number;
  status?: PartStatus;
  category_id?: number;
  location_id?: number | null;
  supplier_id?: number | null;
  product_url?: string | null;
}
