import type { FieldLabels } from '../api/slices.ts';

export const transferFieldLabels = {
  file: 'File',
  format: 'Format',
  encoding: 'Encoding',
  delimiter: 'Delimiter',
  hasHeader: 'First row names the columns',
  mapping: 'Column mapping',
  duplicates: 'Duplicates',
  tag: 'Tag',
  batchId: 'Import',
  to: 'Export file',
  includeTrash: 'Include the Trash',
} as const satisfies FieldLabels;
