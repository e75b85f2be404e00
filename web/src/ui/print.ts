/**
 * Prints one part of the page: the CSS for print shows only the element whose
 * `data-print-part` equals the body's `data-print` (a label, a receipt, a postal list).
 */
export function printPart(part: string): void {
  document.body.dataset.print = part;
  const clear = () => {
    delete document.body.dataset.print;
    window.removeEventListener('afterprint', clear);
  };
  window.addEventListener('afterprint', clear);
  window.print();
}
