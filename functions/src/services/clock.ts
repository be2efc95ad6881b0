// The time every write records, in ISO 8601 UTC.
export const now = () => new Date().toISOString();
