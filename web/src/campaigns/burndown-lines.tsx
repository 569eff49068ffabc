import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDate, formatNumber } from '../ui/labels';
import { shortDate, type BurndownPoint } from './burndown';

/** The burndown's lines (recharts, SVG): open targets per day as steps, the effective date marked. */
export default function BurndownLines({
  points,
  effectiveDate,
}: {
  points: BurndownPoint[];
  /** The day to mark, when it lies within the points. */
  effectiveDate: string | null;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height: 320 }}>
      <LineChart data={points} margin={{ top: 16, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip
          labelFormatter={(label) => (typeof label === 'string' ? formatDate(label) : '')}
          formatter={(value) => [formatNumber(Number(value)), 'Offene Ziele']}
        />
        {effectiveDate ? (
          <ReferenceLine x={effectiveDate} stroke="#b32c2c" strokeDasharray="6 3" label="Gilt ab" />
        ) : null}
        <Line
          type="stepAfter"
          dataKey="openTargets"
          name="Offene Ziele"
          stroke="#0b5aa5"
          strokeWidth={3}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
