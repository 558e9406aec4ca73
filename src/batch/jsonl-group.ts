// Which documents count together for repeats across documents, in JSON Lines: the records of one
// site. Named by a field of the record (`--group-field domain`), or by the host of its URL
// (`--group-by url-host --url-field url`), or all records as one group.

export interface GroupSpec {
  by: 'none' | 'field' | 'url-host';
  field?: string;
}

/** The group a record belongs to: '' when it has no usable value (those records count together). */
export function groupOf(record: Record<string, unknown>, spec: GroupSpec | undefined): string {
  if (!spec || spec.by === 'none' || !spec.field) return '';
  const v = record[spec.field];
  if (spec.by === 'field') return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  if (typeof v !== 'string') return '';
  try {
    return new URL(v).host.toLowerCase();
  } catch {
    return '';
  }
}
