import { z } from 'zod';
// PLACEHOLDER: the board helper defines the board's URL search params here.
export const boardSearchSchema = z.object({});
