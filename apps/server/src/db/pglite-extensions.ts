import type { PGliteOptions } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** Extensions the migrations use: trigram search, and btree_gin for the list filters. */
export const pgliteExtensions: PGliteOptions['extensions'] = { pg_trgm, btree_gin };
