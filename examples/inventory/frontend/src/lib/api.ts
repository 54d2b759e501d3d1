import axios from 'axios';

/** Every backend route lives under /api; Vite proxies it to FastAPI during development. */
export const apiClient = axios.create({
  baseURL: '/api',
  headers: { 'Content-Type': 'application/json' },
  timeout: 10_000,
});
