#!/usr/bin/env bash
# Installs the Debian packages kwru needs when they are missing (as root, with apt-get);
# otherwise says in one message which packages to install. Safe to run again.
set -euo pipefail

missing=()
have() { command -v "$1" >/dev/null 2>&1; }
have tesseract || missing+=(tesseract-ocr)
if ! (have tesseract && tesseract --list-langs 2>/dev/null | grep -qx nld); then missing+=(tesseract-ocr-nld); fi
have gs || missing+=(ghostscript)
have qpdf || missing+=(qpdf)
have pdftotext && have pdftoppm || missing+=(poppler-utils)
have soffice || missing+=(libreoffice-writer-nogui)
if ! (have fc-list && fc-list 2>/dev/null | grep -qi "Liberation Sans"); then missing+=(fonts-liberation); fi
if ! (have fc-list && fc-list 2>/dev/null | grep -qi "DejaVu Sans"); then missing+=(fonts-dejavu); fi
if ! (have fc-list && fc-list 2>/dev/null | grep -qi "Carlito"); then missing+=(fonts-crosextra-carlito); fi
have pngquant || missing+=(pngquant)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! have apt-get; then
  echo "kwru needs these Debian packages: ${missing[*]} — install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
