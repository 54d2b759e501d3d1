import { z } from 'zod';

// Empty inputs arrive from FormData as '', which for optional fields means "not given".
const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

const optionalId = z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional());

export const partFormSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(120),
  sku: z
    .string()
    .trim()
    .toUpperCase()
    .min(2)
    .max(40)
    .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'Letters, digits and dashes only'),
  description: optionalText(1000),
  manufacturer: optionalText(80),
  quantity: z.coerce.number().int().min(0),
  min_quantity: z.coerce.number().int().min(0),
  unit_price: z.coerce.number().min(0),
  category_id: z.coerce.number().int().positive('Pick a category'),
  location_id: optionalId,
  supplier_id: optionalId,
  product_url: z.preprocess(blankToUndefined, z.string().url().max(500).optional()),
});

export type PartFormValues = z.infer<typeof partFormSchema>;
