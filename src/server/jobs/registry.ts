import type { JobDefinition } from "~/server/jobs/define";

// Every job the worker knows. Modules declare their jobs next to their use-cases and list them here.
export const jobDefinitions: JobDefinition[] = [];

export const jobsById = () => new Map(jobDefinitions.map((d) => [d.id, d]));
