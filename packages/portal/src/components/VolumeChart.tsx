// Messages per day as stacked bars (ECharts, only the parts we use). The same numbers are in a
// table for screen readers.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface DayVolume {
  day: string;
  delivered: number;
  failed: number;
  pending: number;
}

const SERIES = [
  { key: 'delivered', name: 'Delivered', color: '#1b7f3b' },
  { key: 'pending', name: 'In progress', color: '#8a94a3' },
  { key: 'failed', name: 'Failed', color: '#c0392b' },
] as const;

export function VolumeChart({ days }: { days: DayVolume[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 10, top: 10, bottom: 40 },
      xAxis: { type: 'category', data: days.map((d) => d.day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: SERIES.map((s) => ({
        type: 'bar',
        stack: 'all',
        name: s.name,
        itemStyle: { color: s.color },
        data: days.map((d) => d[s.key]),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [days]);
  return (
    <figure>
      <div ref={ref} className="chart" role="img" aria-label="Messages per day, last 7 days" />
      <table className="visually-hidden">
        <caption>Messages per day</caption>
        <thead>
          <tr>
            <th>Day</th>
            {SERIES.map((s) => (
              <th key={s.key}>{s.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <td>{d.day}</td>
              {SERIES.map((s) => (
                <td key={s.key}>{d[s.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
