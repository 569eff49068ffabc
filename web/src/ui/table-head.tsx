/** A column of a table's head: its label, and whether it holds figures (right-aligned). */
export type Column = string | { label: string; numeric?: boolean };

/**
 * A KERN table's head row: one `th scope="col"` per column, figures right-aligned so that their
 * digits line up.
 */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr className="kern-table__row">
        {columns.map((column) => {
          const { label, numeric } = typeof column === 'string' ? { label: column, numeric: false } : column;
          return (
            <th scope="col" className={`kern-table__header${numeric ? ' numeric' : ''}`} key={label}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
