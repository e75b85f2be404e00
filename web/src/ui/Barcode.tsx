import JsBarcode from 'jsbarcode';
import { useEffect, useRef } from 'react';

/** A Code 128 barcode of a register number (RPW/12/2026), drawn as SVG for sharp printing. */
export function Barcode(props: { value: string; label: string; height?: number }) {
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!svg.current) return;
    JsBarcode(svg.current, props.value, {
      format: 'CODE128',
      height: props.height ?? 50,
      width: 2,
      margin: 0,
      displayValue: true,
      fontSize: 14,
      font: 'monospace',
    });
  }, [props.value, props.height]);
  return <svg ref={svg} role="img" aria-label={props.label} className="barcode" />;
}
