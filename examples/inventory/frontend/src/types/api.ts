/** The envelope the backend wraps every resource in. */
export interface ApiResponse<T> {
  status: string;
  message: string;
  data: T | null;
}

/** GET /api/stats/summary answers with this object directly, without the envelope. */
export interface StatsSummary {
  total_parts: number;
  total_quantity: number;
  low_stock_count: number;
  category_count: number;
}
