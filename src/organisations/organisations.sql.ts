/**
 * SQL fragments over the organisations module's tables for other modules' statements
 * (append-only); parameters stay with the caller.
 */
export const standardSql = {
  /** Statement: the keys (column `key`) among the text[] parameter that name a registered interface standard. */
  knownKeys: (keys: string) => `SELECT st.key FROM interface_standard st WHERE st.key = ANY(${keys})`,
};
