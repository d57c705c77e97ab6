"""Turn a text PDF into what a scanner or a phone makes of it: image-only PDF, PNG, TIFF, JPEG.

Pure Pillow; noise comes from the document's own random generator, so output is reproducible.
The degradation is deliberately mild enough that tesseract (nld) still reads names, postcodes
and dates exactly: the tests of the OCR step rely on that.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pypdfium2
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

DPI = 300
PDF_QUALITY = 85  # JPEG quality of the page images in a scanned PDF
PHOTO_QUALITY = 80  # a phone's JPEG
_FIXED_TIME = time.struct_time((2026, 1, 1, 12, 0, 0, 3, 1, 0))


def render_pages(pdf: bytes | Path, dpi: float) -> list[Image.Image]:
    doc = pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(doc))]
    finally:
        doc.close()


def _noise(rng: random.Random, size: tuple[int, int], amplitude: int) -> Image.Image:
    """Uniform noise in 0..2*amplitude, to be added with offset -amplitude."""
    raw = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    return raw.point([v * (2 * amplitude) // 255 for v in range(256)])


def _speckle(rng: random.Random, img: Image.Image, count: int) -> None:
    draw = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(count):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice((1, 1, 1, 2, 2, 3))
        draw.ellipse((x, y, x + r, y + r), fill=rng.randint(30, 140))
    for _ in range(count // 4):  # toner drop-outs
        x, y = rng.randrange(w), rng.randrange(h)
        draw.point((x, y), fill=245)


def scan_page(
    page: Image.Image,
    rng: random.Random,
    *,
    background: int = 228,
    angle: float | None = None,
    noise: int = 8,
    specks: int = 700,
) -> Image.Image:
    """A 300 dpi greyscale scan: grey paper, slight skew, blur, noise and specks."""
    g = page.convert("L")
    ink = 22
    g = g.point([ink + v * (background - ink) // 255 for v in range(256)])
    if angle is None:
        angle = rng.choice((-1, 1)) * rng.uniform(1.0, 2.0)
    g = g.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    g = g.filter(ImageFilter.GaussianBlur(0.5))
    g = ImageChops.add(g, _noise(rng, g.size, noise), scale=1.0, offset=-noise)
    _speckle(rng, g, specks)
    return g


def to_bilevel(img: Image.Image, threshold: int = 150) -> Image.Image:
    return img.point([255 if v > threshold else 0 for v in range(256)]).convert("1", dither=None)


def save_scan_pdf(pages: list[Image.Image], path: Path, *, quality: int = PDF_QUALITY) -> None:
    first, rest = pages[0], pages[1:]
    first.save(
        path,
        "PDF",
        resolution=DPI,
        save_all=True,
        append_images=rest,
        quality=quality,
        title="Scan",
        creator="Canon iR-ADV C3530 PDF",
        producer="Canon",
        creationDate=_FIXED_TIME,
        modDate=_FIXED_TIME,
    )


def save_png(img: Image.Image, path: Path) -> None:
    img.save(path, "PNG", dpi=(DPI, DPI), compress_level=1)


def save_tiff(pages: list[Image.Image], path: Path) -> None:
    """Multi-page bilevel TIFF, CCITT group 4: what an office scanner in B/W mode produces."""
    bw = [to_bilevel(p) for p in pages]
    bw[0].save(
        path, "TIFF", save_all=True, append_images=bw[1:], compression="group4", dpi=(DPI, DPI)
    )


# --- phone photos ----------------------------------------------------------------------------


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination for the 8x8 perspective system (no numpy needed)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                for k in range(col, n + 1):
                    m[r][k] -= f * m[col][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def _perspective_coeffs(
    dst: list[tuple[float, float]], src: list[tuple[float, float]]
) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE): output point in dst -> input point in src."""
    a, b = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return _solve(a, b)


def phone_photo(page: Image.Image, rng: random.Random, *, width: int = 1600) -> Image.Image:
    """A letter on a table, photographed: perspective, small rotation, uneven light, colour cast.

    `page` is rendered at roughly the final resolution. Returns the upright photo (RGB).
    """
    height = int(width * 4 / 3)
    pw, ph = page.size
    # Where the page's corners land in the photo: not quite a rectangle.
    scale = width * 0.86 / pw
    w, h = pw * scale, ph * scale
    cx, cy = width / 2 + rng.uniform(-15, 15), height / 2 + rng.uniform(-10, 20)
    def j():
        return rng.uniform(-12, 12)
    top_inset = rng.uniform(10, 25)  # camera tilted: the top edge is shorter
    dst = [
        (cx - w / 2 + top_inset + j(), cy - h / 2 + j()),
        (cx + w / 2 - top_inset + j(), cy - h / 2 + j()),
        (cx + w / 2 + j(), cy + h / 2 + j()),
        (cx - w / 2 + j(), cy + h / 2 + j()),
    ]
    coeffs = _perspective_coeffs(dst, [(0, 0), (pw, 0), (pw, ph), (0, ph)])
    warped = page.transform(
        (width, height),
        Image.Transform.PERSPECTIVE,
        coeffs,
        Image.Resampling.BICUBIC,
        fillcolor=(0, 0, 0),
    )
    mask = Image.new("L", page.size, 255).transform(
        (width, height), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR, fillcolor=0
    )
    table = Image.new("RGB", (width, height), (118, 92, 66))
    grain = _noise(rng, (width // 4, height // 4), 14).resize((width, height))
    table = Image.merge("RGB", [ImageChops.add(ch, grain, offset=-14) for ch in table.split()])
    photo = Image.composite(warped, table, mask)
    photo = photo.rotate(
        rng.choice((-1, 1)) * rng.uniform(0.8, 1.8),
        resample=Image.Resampling.BICUBIC,
        fillcolor=(118, 92, 66),
    )
    # Light from one side: a smooth gradient from ~72 % to 100 % brightness, slightly warm.
    # Rotate a large gradient and keep its middle, so no unfilled corners show.
    grad = Image.linear_gradient("L").resize((512, 512), Image.Resampling.BILINEAR)
    grad = grad.rotate(
        rng.choice((90, -90, 180, 0)) + rng.uniform(-30, 30), resample=Image.Resampling.BILINEAR
    )
    grad = grad.crop((106, 106, 406, 406)).resize((width, height), Image.Resampling.BICUBIC)
    grad = grad.point([int(185 + v * 70 / 255) for v in range(256)])
    light = Image.merge(
        "RGB",
        (
            grad,
            grad.point([int(v * 0.97) for v in range(256)]),
            grad.point([int(v * 0.9) for v in range(256)]),
        ),
    )
    photo = ImageChops.multiply(photo, light)
    photo = photo.filter(ImageFilter.GaussianBlur(0.5))
    n = _noise(rng, (width, height), 6)
    photo = Image.merge("RGB", [ImageChops.add(ch, n, offset=-6) for ch in photo.split()])
    return photo


def save_phone_jpeg(
    photo: Image.Image,
    path: Path,
    *,
    taken: str,
    model: str = "SM-A546B",
    quality: int = PHOTO_QUALITY,
) -> None:
    """Store the photo as a phone does: sensor-oriented pixels plus an EXIF Orientation tag.

    The stored pixels are rotated 90 degrees counter-clockwise; Orientation=6 tells a viewer to
    rotate them clockwise again. Readers that ignore EXIF see the letter on its side.
    """
    stored = photo.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x010F] = "samsung"  # Make
    exif[0x0110] = model  # Model
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    exif[0x0131] = "A546BXXS5BXB1"  # Software
    exif[0x0132] = taken  # DateTime "2026:03:05 19:42:10"
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd[0x9003] = taken  # DateTimeOriginal
    stored.save(path, "JPEG", quality=quality, exif=exif.tobytes(), dpi=(72, 72))
    # Sanity: what a viewer shows is upright again.
    assert ImageOps.exif_transpose(Image.open(path)).size == photo.size


def damp_wall_photo(rng: random.Random, size: tuple[int, int] = (1200, 900)) -> Image.Image:
    """A tenant's photo of mould on a wall (attachment of an e-mail)."""
    w, h = size
    wall = Image.new("RGB", size, (222, 214, 196))
    draw = ImageDraw.Draw(wall)
    draw.rectangle((0, int(h * 0.82), w, h), fill=(235, 235, 232))  # skirting board
    blot = Image.new("L", size, 0)
    bd = ImageDraw.Draw(blot)
    for _ in range(140):
        x, y = rng.uniform(0, w), rng.uniform(0, h * 0.45)
        r = rng.uniform(4, 38)
        bd.ellipse((x - r, y - r * 0.8, x + r, y + r * 0.8), fill=rng.randint(90, 220))
    blot = blot.filter(ImageFilter.GaussianBlur(9))
    mould = Image.new("RGB", size, (52, 58, 44))
    wall = Image.composite(mould, wall, blot)
    n = _noise(rng, size, 8)
    wall = Image.merge("RGB", [ImageChops.add(ch, n, offset=-8) for ch in wall.split()])
    return wall


# --- readability check -----------------------------------------------------------------------


def as_stored(img: Image.Image, form: str) -> Image.Image:
    """The page as the reader of the saved file will see it (JPEG in PDF, bilevel TIFF)."""
    if form == "scan_tiff":
        return to_bilevel(img)
    if form in ("scan_pdf", "photo_jpg"):
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=PDF_QUALITY if form == "scan_pdf" else PHOTO_QUALITY)
        out = Image.open(io.BytesIO(buf.getvalue()))
        out.load()
        return out
    return img


def tesseract_available() -> bool:
    if not shutil.which("tesseract"):
        return False
    try:
        out = subprocess.run(
            ["tesseract", "--list-langs"], check=False, capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return "nld" in out.stdout.split()


def ocr_text(img: Image.Image) -> str | None:
    """Plain `tesseract -l nld` on one page, as the tests run it; None if it cannot run."""
    with tempfile.TemporaryDirectory(prefix="kwru-fixturegen-") as tmp:
        png = os.path.join(tmp, "page.png")
        img.save(png, dpi=(DPI, DPI) if img.width > 2000 else (166, 166))
        try:
            return subprocess.run(
                ["tesseract", png, "-", "-l", "nld"],
                check=False,
                capture_output=True,
                text=True,
                timeout=120,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None


# OCR verdicts on pages seen before, by fingerprint of their pixels and the expected strings:
# the shipped list (made with `python -m tests.fixturegen --record-ocr`) and a user cache.
# A page with a verdict needs no OCR, which keeps generating the default set fast. Lines are
# "<fingerprint> ok" or "<fingerprint> bad".
SHIPPED = Path(__file__).with_name("ocr_verdicts.txt")


def user_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kwru-fixturegen" / "ocr-verdicts.txt"


_verdicts: dict[str, bool] | None = None
seen: dict[str, bool] = {}  # verdicts used in this process (for --record-ocr)


def read_verdicts(path: Path) -> dict[str, bool]:
    out: dict[str, bool] = {}
    try:
        for line in path.read_text().splitlines():
            fp, _, verdict = line.partition(" ")
            if fp and verdict in ("ok", "bad"):
                out[fp] = verdict == "ok"
    except OSError:
        pass
    return out


def _known() -> dict[str, bool]:
    global _verdicts
    if _verdicts is None:
        _verdicts = {**read_verdicts(user_cache()), **read_verdicts(SHIPPED)}
    return _verdicts


def fingerprint(img: Image.Image, expected: list[str]) -> str:
    h = hashlib.sha256(f"{img.mode}{img.size}".encode())
    h.update(img.tobytes())
    h.update("\0".join(expected).encode())
    return h.hexdigest()[:32]


def readable(img: Image.Image, expected: list[str], *, verify: bool) -> bool:
    """True if OCR reads every expected string (whitespace-normalised), or if unchecked.

    Random noise occasionally lands so that tesseract misreads a short line; the generator then
    draws the degradation again, so the truth stays recoverable by OCR.
    """
    if not verify:
        return True
    fp = fingerprint(img, expected)
    if fp in _known():
        seen[fp] = _known()[fp]
        return seen[fp]
    out = ocr_text(img)
    if out is None:
        return True  # cannot check: accept
    flat = " ".join(out.split())
    ok = all(" ".join(e.split()) in flat for e in expected)
    seen[fp] = _known()[fp] = ok
    try:
        cache = user_cache()
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("a") as f:
            f.write(f"{fp} {'ok' if ok else 'bad'}\n")
    except OSError:
        pass
    return ok
