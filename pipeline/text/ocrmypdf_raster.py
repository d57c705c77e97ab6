"""OCRmyPDF plugin: render a scanned page for tesseract with fast PNG compression.

OCRmyPDF renders every page it OCRs with pypdfium2 and saves it as a PNG at zlib level 6. On a
300 dpi scan with paper noise that encoding alone takes ~0.65 s, more than the render and about
as long as tesseract itself. The PNG is read once by tesseract and then deleted, so level 1
(~3x faster, a somewhat bigger temporary file) is the better trade: measured 1.07 s -> 0.40 s
per page for the rasterising step (bench/bench_text.py shows the whole-document effect).

The rendering is OCRmyPDF's own: this reuses the helpers of its builtin pypdfium rasteriser and
only changes how the image is saved. When those helpers are not there (another OCRmyPDF
version) or Ghostscript is asked for, the hook returns None and OCRmyPDF's rasteriser runs.
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Any

from ocrmypdf import hookimpl

try:
    from ocrmypdf.builtin_plugins import pypdfium as _builtin

    _HELPERS = (_builtin._pdfium_lock, _builtin._open_pdf_document, _builtin._render_page_to_bitmap,
                _builtin._bitmap_to_pil, _builtin._process_image_for_output)
    AVAILABLE = _builtin.pdfium is not None
except (ImportError, AttributeError):  # OCRmyPDF changed its internals: use its own rasteriser
    AVAILABLE = False


@hookimpl
def rasterize_pdf_page(
    input_file: Path,
    output_file: Path,
    raster_device: Any,
    raster_dpi: Any,
    pageno: int,
    page_dpi: Any,
    rotation: int | None,
    filter_vector: bool,
    stop_on_soft_error: bool,
    options: Any,
    use_cropbox: bool,
) -> Path | None:
    if not AVAILABLE or (options is not None and getattr(options, "rasterizer", None) == "ghostscript"):
        return None
    with (
        _builtin._pdfium_lock,
        closing(_builtin._open_pdf_document(input_file)) as pdf,
        closing(pdf[pageno - 1]) as page,
    ):
        bitmap, width, height = _builtin._render_page_to_bitmap(page, raster_device, raster_dpi, rotation,
                                                                use_cropbox)
        with closing(bitmap):
            image = _builtin._bitmap_to_pil(bitmap, width, height)
    image, fmt = _builtin._process_image_for_output(image, raster_device, raster_dpi, page_dpi,
                                                    stop_on_soft_error, width, height)
    save: dict[str, Any] = {"dpi": image.info["dpi"]} if "dpi" in image.info else {}
    if fmt == "PNG":
        save["compress_level"] = 1
    image.save(output_file, format=fmt, **save)
    return output_file
