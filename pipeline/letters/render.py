"""DOCX from a Word template with docxtpl: escaped values, strict fields, templates compiled once.

autoescape=True because docxtpl's default silently drops `<` and `&` from values; StrictUndefined
because an unknown field must stop the letter, not leave a gap. A process keeps the template
files and the compiled Jinja templates, so a bulk run pays for parsing each template once.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import jinja2
from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from lxml import etree

from ..errors import KwruError, MissingValueError, TemplateError
from ..i18n import _

BUNDLED_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


class _Environment(jinja2.Environment):
    """Caches `from_string`: docxtpl compiles the document XML on every render otherwise."""

    def __init__(self) -> None:
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=True)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> jinja2.Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        t = self._compiled.get(source)
        if t is None:
            if len(self._compiled) > 64:
                self._compiled.clear()
            t = self._compiled[source] = super().from_string(source)
        return t


_env: _Environment | None = None
_blobs: dict[Path, tuple[float, bytes]] = {}
_prepared: dict[Path, tuple[float, _Prepared | None]] = {}

_HEADER_FOOTER = re.compile(r"^word/(header|footer)\d*\.xml$")
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


class _Prepared:
    """A template taken apart once: its patched XML parts and the rest of its zip.

    docxtpl re-reads the package, re-patches and re-serialises everything for every letter
    (~20 ms); this renders only the parts with tags and writes the zip (~5 ms). It is used
    only for templates whose tags are all in the body, headers and footers; anything else
    (footnotes, properties with tags) goes the ordinary docxtpl way.
    """

    def __init__(self, blob: bytes):
        self.tpl = DocxTemplate(io.BytesIO(blob))
        self.tpl.init_docx()
        with zipfile.ZipFile(io.BytesIO(blob)) as z:
            self.entries = [(info.filename, z.read(info)) for info in z.infolist()]
        names = {n for n, _ in self.entries}
        doc = dict(self.entries)["word/document.xml"].decode("utf-8")
        start, end = doc.index("<w:body"), doc.index("</w:body>") + len("</w:body>")
        self.doc_head, self.doc_tail = doc[:start], doc[end:]
        self.body = self.tpl.patch_xml(self.tpl.get_xml())
        self.parts: dict[str, str] = {}
        for name, data in self.entries:
            if _HEADER_FOOTER.match(name):
                self.parts[name] = self.tpl.patch_xml(self.tpl.xml_to_string(parse_xml(data)))
        others = [n for n, d in self.entries if n.endswith(".xml") and n not in self.parts
                  and n != "word/document.xml" and (b"{{" in d or b"{%" in d)]
        self.usable = "word/document.xml" in names and not others

    def render(self, context: dict[str, Any], out: Path) -> None:
        env = environment()
        tpl = self.tpl
        tpl.docx_ids_index = 1000
        body = tpl.render_xml_part(self.body, tpl.docx.part, context, env)
        tree = tpl.fix_tables(body)
        tpl.fix_docpr_ids(tree)
        rendered = {"word/document.xml": (self.doc_head + etree.tostring(tree, encoding="unicode")
                                          + self.doc_tail).encode("utf-8")}
        for name, xml in self.parts.items():
            rendered[name] = (_XML_DECL + tpl.render_xml_part(xml, None, context, env)).encode("utf-8")
        tmp = out.with_name(out.name + ".part")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            for name, data in self.entries:
                z.writestr(name, rendered.get(name, data))
        tmp.replace(out)


def _prepare(path: Path) -> _Prepared | None:
    mtime = path.stat().st_mtime
    cached = _prepared.get(path)
    if cached is None or cached[0] != mtime:
        try:
            prep: _Prepared | None = _Prepared(_blob(path))
            if prep is not None and not prep.usable:
                prep = None
        except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
            prep = None  # the ordinary way will say what is wrong with it
        cached = _prepared[path] = (mtime, prep)
    return cached[1]


def environment() -> _Environment:
    global _env
    if _env is None:
        _env = _Environment()
    return _env


def template_path(templates_dir: Path, stem: str) -> Path:
    """The workspace's template, else the one shipped with kwru (a workspace made before it existed)."""
    for folder in (templates_dir, BUNDLED_TEMPLATES):
        p = folder / f"{stem}.docx"
        if p.is_file():
            return p
    raise TemplateError(_("no letter template {name} in {folder}; copy it from {bundled} or rebuild the "
                          "templates with `python -m pipeline.letters.make_templates`").format(
        name=f"{stem}.docx", folder=templates_dir, bundled=BUNDLED_TEMPLATES))


def _blob(path: Path) -> bytes:
    mtime = path.stat().st_mtime
    cached = _blobs.get(path)
    if cached is None or cached[0] != mtime:
        cached = _blobs[path] = (mtime, path.read_bytes())
    return cached[1]


def render(template: Path, context: dict[str, Any], out: Path, *, what: str, fast: bool = True) -> Path:
    """Render `template` with `context` into `out`. `what` names the letter in errors."""
    out.parent.mkdir(parents=True, exist_ok=True)
    prep = _prepare(template) if fast else None
    tpl = DocxTemplate(io.BytesIO(_blob(template))) if prep is None else None
    try:
        if prep is not None:
            prep.render(context, out)
            return out
        assert tpl is not None
        tpl.render(context, environment(), autoescape=True)
    except jinja2.UndefinedError as e:
        raise MissingValueError(_("{what}: the template {name} uses a field kwru does not have ({error}); "
                                  "see templates/VELDEN.md for the fields").format(
            what=what, name=template.name, error=e.message)) from None
    except jinja2.TemplateSyntaxError as e:
        near = " ".join(x.strip() for x in getattr(e, "docx_context", []) if x.strip())[:120]
        raise TemplateError(_("{what}: the template {name} has a broken tag ({error})").format(
            what=what, name=template.name, error=e.message)
            + (" " + _("near: {text}").format(text=near) if near else "")) from None
    except jinja2.TemplateError as e:
        raise TemplateError(_("{what}: the template {name} cannot be rendered: {error}").format(
            what=what, name=template.name, error=e)) from None
    tpl.save(out)
    return out


def render_many(jobs: list[tuple[Path, dict[str, Any], Path, str]]) -> list[str | None]:
    """Render (template, context, out, what) jobs in this process; per job None or the error text."""
    errors: list[str | None] = []
    for template, context, out, what in jobs:
        try:
            render(template, context, out, what=what)
            errors.append(None)
        except KwruError as e:
            errors.append(str(e))
        except Exception as e:  # noqa: BLE001 - a broken template file must not stop the other letters
            errors.append(f"{what}: {type(e).__name__}: {e}")
    return errors
