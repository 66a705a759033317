import { z } from 'zod';
// PLACEHOLDER: the tasks helper defines the task table's URL search params here.
export const tasksSearchSchema = z.object({});
