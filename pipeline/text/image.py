"""Images as received (scanner TIFFs, phone photos, PNGs) made ready for tesseract.

A file tesseract reads well as it is goes through untouched: re-encoding a 300 dpi page costs
more than reading it (PNG encoding ~0.6 s for a noisy page). Only what tesseract gets wrong is
fixed: EXIF orientation of phone photos, transparency (black where it should be white), exotic
modes (16-bit, CMYK, palette), huge photos, and a missing or absurd DPI (a phone photo saying
72 dpi would become a page of 1.4 metres).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import Unreadable

MAX_PIXELS = 40_000_000  # above this a photo is scaled down: more pixels add time, not text
TARGET_LONG_SIDE = 5000  # px after scaling down (A4 at 425 dpi)
A4_LONG_INCH = 11.69
MIN_DPI, MAX_DPI = 70, 1200
_PASSTHROUGH = {  # format: modes leptonica/tesseract read (and put in the PDF) without surprises
    "JPEG": {"L", "RGB"},
    "PNG": {"1", "L", "RGB"},
    "TIFF": {"1", "L", "RGB"},
}
_TIFF_COMPRESSIONS = {"raw", "group3", "group4", "tiff_lzw", "tiff_adobe_deflate", "tiff_deflate",
                      "packbits", "tiff_ccitt", None}
_DAMAGED = "De afbeelding is beschadigd of onvolledig en kan niet worden gelezen (damaged image: {})."


@dataclass
class Frame:
    """One page image for tesseract."""

    path: Path
    dpi: int | None  # pass to tesseract as --dpi (the file's own DPI is missing or wrong)
    size: tuple[int, int]
    jpeg: bool  # keep JPEG when re-encoding (tesseract puts JPEG into the PDF as it is)


def _file_dpi(img: Image.Image) -> float | None:
    dpi = img.info.get("dpi")
    try:
        x = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        return None
    return x if MIN_DPI <= x <= MAX_DPI else None


def page_dpi(img: Image.Image) -> tuple[int, bool]:
    """The DPI to use and whether the file's own value is wrong (then pass --dpi)."""
    long_px = max(img.size)
    dpi = _file_dpi(img)
    if dpi and long_px / dpi <= 17.5:  # up to A3
        return round(dpi), False
    # No DPI, or a camera's 72 dpi: assume the picture shows an A4 page.
    guess = round(long_px / A4_LONG_INCH)
    return max(MIN_DPI, min(MAX_DPI, guess)), True


def _normalise(img: Image.Image) -> tuple[Image.Image, float]:
    """Upright, no alpha, a mode tesseract reads well; and the scale factor applied."""
    img = ImageOps.exif_transpose(img) or img
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        img = img.convert("RGBA")
        white = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, img).convert("RGB")
    elif img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        img = img.point(lambda v: v / 256).convert("L") if img.mode.startswith("I;16") else img.convert("L")
    elif img.mode not in ("1", "L", "RGB"):
        img = img.convert("RGB")
    scale = 1.0
    if img.size[0] * img.size[1] > MAX_PIXELS:
        scale = TARGET_LONG_SIDE / max(img.size)
        img = img.resize((max(1, round(img.size[0] * scale)), max(1, round(img.size[1] * scale))),
                         Image.LANCZOS)
    return img, scale


def save_for_ocr(img: Image.Image, out_stem: Path, *, jpeg: bool, dpi: int) -> Path:
    """Write a page image in the format that is fastest for tesseract to read and embed."""
    if img.mode == "1":
        out = out_stem.with_suffix(".tif")
        img.save(out, compression="group4", dpi=(dpi, dpi))
    elif jpeg:
        out = out_stem.with_suffix(".jpg")
        img.save(out, quality=92, dpi=(dpi, dpi))
    else:
        out = out_stem.with_suffix(".png")
        img.save(out, compress_level=1, dpi=(dpi, dpi))
    return out


def _needs_rewrite(img: Image.Image, fmt: str) -> bool:
    if img.mode not in _PASSTHROUGH.get(fmt, set()):
        return True
    if img.size[0] * img.size[1] > MAX_PIXELS:
        return True
    if "transparency" in img.info:
        return True
    try:
        if img.getexif().get(0x0112, 1) not in (0, 1):  # EXIF Orientation
            return True
    except Exception:  # noqa: BLE001 - unreadable EXIF: rewrite to be safe
        return True
    # e.g. JPEG-in-TIFF, which leptonica does not read
    return fmt == "TIFF" and img.info.get("compression") not in _TIFF_COMPRESSIONS


def frames(src: Path, workdir: Path, *, limit: int, rewrite: bool = False) -> tuple[list[Frame], int]:
    """Page images of `src` ready for tesseract (at most `limit`), and the total page count.

    `rewrite` forces a normalised copy even when tesseract could read the file as it is.
    """
    try:
        with warnings.catch_warnings():
            # Pillow warns above 89 MP and refuses above 179 MP (DecompressionBombError).
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(src) as img:
                fmt = img.format or ""
                total = getattr(img, "n_frames", 1) or 1
                out: list[Frame] = []
                for i in range(min(total, limit)):
                    img.seek(i)
                    img.load()
                    if total == 1 and not rewrite and not _needs_rewrite(img, fmt):
                        dpi, override = page_dpi(img)
                        out.append(Frame(src, dpi if override else None, img.size, fmt == "JPEG"))
                        continue
                    dpi, _ = page_dpi(img)
                    page, scale = _normalise(img)
                    dpi = max(1, round(dpi * scale))
                    path = save_for_ocr(page, workdir / f"pagina-{i + 1:03d}", jpeg=fmt == "JPEG", dpi=dpi)
                    out.append(Frame(path, None, page.size, fmt == "JPEG"))
                return out, total
    except Image.DecompressionBombError:
        raise Unreadable("De afbeelding is te groot om te lezen (more than "
                         f"{Image.MAX_IMAGE_PIXELS // 1_000_000} megapixels).") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, IndexError) as e:
        raise Unreadable(_DAMAGED.format(f"{type(e).__name__}: {e}")) from None


def rotated(frame: Frame, degrees: float, out_stem: Path, *, dpi: int) -> Frame:
    """`frame` turned by `degrees` counter-clockwise (Pillow's sense), on a white background."""
    with Image.open(frame.path) as img:
        img, _ = _normalise(img)
        if img.mode == "1":
            img = img.convert("L")
        fill = 255 if img.mode == "L" else (255, 255, 255)
        if degrees % 90 == 0:
            turned = img.rotate(degrees, expand=True)
        else:
            turned = img.rotate(degrees, resample=Image.BICUBIC, expand=True, fillcolor=fill)
        path = save_for_ocr(turned, out_stem, jpeg=frame.jpeg, dpi=dpi)
        return Frame(path, None, turned.size, frame.jpeg)
