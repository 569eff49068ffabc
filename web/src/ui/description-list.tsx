/**
 * A KERN description list (terms and their values), e.g. a service's facts. Each pair is wrapped
 * in a div, as HTML allows inside <dl>, for KERN's layout.
 */
export function DescriptionList({
  items,
  className,
}: {
  items: { term: string; value: React.ReactNode }[];
  className?: string;
}) {
  return (
    <dl className={`kern-description-list${className ? ` ${className}` : ''}`}>
      {items.map((item) => (
        <div className="kern-description-list-item" key={item.term}>
          <dt className="kern-description-list-item__key">{item.term}</dt>
          <dd className="kern-description-list-item__value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
