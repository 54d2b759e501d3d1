import { apiClient } from '@/lib/api';
import type { ApiResponse, StatsSummary } from '@/types/api';
import type {
  Category,
  CategoryCreatePayload,
  Location,
  LocationCreatePayload,
  Supplier,
} from '@/types/catalog';

export async function listCategories(): Promise<Category[]> {
  const response = await apiClient.get<ApiResponse<Category[]>>('/categories/');
  return response.data.data ?? [];
}

export async function createCategory(payload: CategoryCreatePayload): Promise<Category | null> {
  const response = await apiClient.post<ApiResponse<Category>>('/categories/', payload);
  return response.data.data;
}

export async function listLocations(): Promise<Location[]> {
  const response = await apiClient.get<ApiResponse<Location[]>>('/locations/');
  return response.data.data ?? [];
}

export async function createLocation(payload: LocationCreatePayload): Promise<Location | null> {
  const response = await apiClient.post<ApiResponse<Location>>('/locations/', payload);
  return response.data.data;
}

export async function listSuppliers(): Promise<Supplier[]> {
  const response = await apiClient.get<ApiResponse<Supplier[]>>('/suppliers/');
  return response.data.data ?? [];
}

export async function getStatsSummary(): Promise<StatsSummary> {
  const { data } = await apiClient.get<StatsSummary>('/stats/summary');
  return data;
}
