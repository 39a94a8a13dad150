/** Downloads a blob under a file name. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The chart's SVG as standalone text (namespaces and a white background added). */
export function svgText(chart: Element): string | null {
  const svg = chart.querySelector('svg:not(figure svg svg)') ?? chart.querySelector('svg');
  if (!svg) return null;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  copy.style.background = 'white';
  return new XMLSerializer().serializeToString(copy);
}

/** Saves the chart as an SVG file. */
export function exportSvg(chart: Element, name: string): void {
  const text = svgText(chart);
  if (text) download(new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** Saves the chart as a PNG at twice its size (drawn from its SVG on a canvas). */
export function exportPng(chart: Element, name: string): void {
  const text = svgText(chart);
  const svg = chart.querySelector('svg');
  if (!text || !svg) return;
  const { width, height } = svg.getBoundingClientRect();
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * 2);
    canvas.height = Math.ceil(height * 2);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((blob) => blob && download(blob, `${name}.png`), 'image/png');
  };
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
}

/** Metric columns as CSV: a `tick` column then one per metric. */
export function metricsCsv(names: readonly string[], columns: readonly Float64Array[], n: number): string {
  const lines = [['tick', ...names].join(',')];
  for (let t = 0; t < n; t++) lines.push([t + 1, ...columns.map((c) => c[t])].join(','));
  return lines.join('\n') + '\n';
}
