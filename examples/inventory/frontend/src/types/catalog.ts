export interface Category {
  id: number;
  name: string;
  slug: string;
  description: string | null;
  part_count: number;
}

export interface CategoryCreatePayload {
  name: string;
  slug: string;
  description?: string | null;
  parent_id?: number | null;
//^^^^ seam: request-field-unknown — CategoryCreate declares no parent_id (categories are flat), so Pydantic silently drops it and the category is created at the top level.
}

export enum LocationType {
  Drawer = 'drawer',
  Shelf = 'shelf',
  Bin = 'bin',
  Box = 'box',
}

export interface Location {
  id: number;
  name: string;
  location_type: LocationType;
  description: string | null;
  parent_id: number | null;
//^^^^ seam: alias-mismatch — LocationResponse serialises parent_id under its alias parentId, so location.parent_id is always undefined and every location looks nested.
}

/** Body of POST /api/locations/. */
export interface LocationCreatePayload {
  name: string;
  location_type?: LocationType;
  description?: string | null;
  parent_id?: number | null;
}

/** Suppliers are served with camelCase keys (the backend schema uses an alias generator). */
export interface Supplier {
  id: number;
  name: string;
  websiteUrl: string | null;
  contactEmail: string | null;
  leadTimeDays: number;
}
