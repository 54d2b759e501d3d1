import { apiClient } from '@/lib/api';
import type { ApiResponse } from '@/types/api';
import type { Part, PartCreatePayload, PartUpdatePayload } from '@/types/part';

export async function getAllParts(categoryId?: number): Promise<Part[]> {
  const response = await apiClient.get<ApiResponse<Part[]>>('/parts/get_all_parts', {
    params: { category_id: categoryId },
  });
  return response.data.data ?? [];
}

export async function searchParts(query: string): Promise<Part[]> {
  const response = await apiClient.get<ApiResponse<Part[]>>('/parts/search', {
    params: { q: query },
  });
  return response.data.data ?? [];
}

export async function getPart(partId: number): Promise<Part> {
  const { data } = await apiClient.get<Part>(`/parts/${partId}`);
//                       ^^^^ seam: envelope-mismatch — GET /api/parts/{part_id} answers ResponseSchema[PartResponse], so the body is {status, message, data} and part.name, part.id and the rest read as undefined.
  return data;
}

export async function getPartsInLocation(locationId: number): Promise<Part[]> {
  const response = await apiClient.get<ApiResponse<Part[]>>(`/locations/${locationId}/parts`);
  return response.data.data ?? [];
}

export async function createPart(payload: PartCreatePayload): Promise<Part | null> {
  const response = await apiClient.post<ApiResponse<Part>>('/parts/', payload);
  return response.data.data;
}

export async function updatePart(partId: number, changes: PartUpdatePayload): Promise<Part | null> {
  const response = await apiClient.patch<ApiResponse<Part>>(`/parts/${partId}`, changes);
  return response.data.data;
}

export async function deletePart(partId: number): Promise<void> {
  await apiClient.delete(`/parts/${partId}`);
}
