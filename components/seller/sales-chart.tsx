"use client";
// Revenue (bars, won) and units (line) by day.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPrice } from "@/lib/i18n/format";

type Props = { data: { day: string; revenue: number; units: number }[]; labels: { revenue: string; units: string } };

export function SalesChart({ data, labels }: Props) {
  return (
    <div className="h-72" data-testid="sales-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data.map((d) => ({ ...d, day: d.day.slice(5) }))}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e4e4e7" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="won" tick={{ fontSize: 11 }} width={80} tickFormatter={(v: number) => formatPrice(v)} />
          <YAxis yAxisId="units" orientation="right" allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
          <Tooltip formatter={(v, name) => (name === labels.revenue ? formatPrice(Number(v)) : String(v))} />
          <Legend />
          <Bar yAxisId="won" dataKey="revenue" name={labels.revenue} fill="#f0442c" isAnimationActive={false} />
          <Line yAxisId="units" dataKey="units" name={labels.units} stroke="#18181b" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
