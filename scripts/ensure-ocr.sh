#!/usr/bin/env bash
# Debian's OCR and Polish language tools for the background OCR and the Polish search dictionary:
# tesseract with its Polish and English data, poppler-utils (pdftoppm rasterises image-only PDF
# pages, pdftotext reads text layers) and hunspell-pl (.dic/.aff for the PostgreSQL ispell
# dictionary). Installs what is missing with apt-get when we run as root; offline afterwards.
set -euo pipefail

missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
if command -v tesseract >/dev/null 2>&1; then
  langs="$(tesseract --list-langs 2>/dev/null || true)"
  grep -qx pol <<<"$langs" || missing+=(tesseract-ocr-pol)
  grep -qx eng <<<"$langs" || missing+=(tesseract-ocr-eng)
else
  missing+=(tesseract-ocr-pol tesseract-ocr-eng)
fi
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -f /usr/share/hunspell/pl_PL.dic ] || missing+=(hunspell-pl)

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Brak narzędzi OCR; uruchom jako root: apt-get install -y ${missing[*]} / OCR tools missing; as root run: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Brak apt-get: zainstaluj ręcznie ${missing[*]} / no apt-get: install ${missing[*]} by hand" >&2
  exit 1
fi
echo "Instaluję ${missing[*]} (apt-get) / installing ${missing[*]} (apt-get)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
tesseract --version | head -1
