"""HTML (e-mail bodies, .html files) to plain text that keeps paragraphs, lines and list items."""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag

_BLOCK = {"p", "div", "section", "article", "header", "footer", "blockquote", "pre", "table",
          "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "address", "center", "form",
          "fieldset", "hr", "tr", "main", "aside", "nav", "figure", "o:p"}
_LINE = {"br", "li", "dt", "dd", "tr", "option"}
_CELL = {"td", "th"}
_SKIP = {"script", "style", "head", "title", "noscript", "template", "svg", "object", "iframe",
         "xml", "meta", "link"}
_SPACES = re.compile(r"[ \t\u00a0\u200b\r\f\v]+")
_LINE_SPACES = re.compile(r"[ \u00a0\u200b\r\f\v]+")
_BLANKS = re.compile(r"\n{3,}")

MAX_HTML_CHARS = 5_000_000  # a 5 MB body is a newsletter or an attack, not a complaint


def html_to_text(html: str) -> str:
    """Visible text of an HTML document; paragraphs separated by a blank line."""
    html = html[:MAX_HTML_CHARS]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4 warns about markup that looks like a URL or file name
        soup = BeautifulSoup(html, "html.parser")
    out: list[str] = []
    started = False  # any visible text yet? (no blank lines at the top)

    def emit_break(n: int) -> None:
        # n = 1: line break, n = 2: paragraph break; never more than one blank line.
        if not started:
            return
        tail = "".join(out[-4:]).rstrip(" \t")
        have = len(tail) - len(tail.rstrip("\n"))
        if have < n:
            out.append("\n" * (n - have))

    def walk(node: Tag) -> None:
        nonlocal started
        for child in node.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                text = _SPACES.sub(" ", str(child).replace("\n", " "))
                if text.strip():
                    out.append(text)
                    started = True
                elif text and out and not out[-1].endswith((" ", "\n", "\t")):
                    out.append(" ")
                continue
            if not isinstance(child, Tag):
                continue
            name = (child.name or "").lower()
            if name in _SKIP:
                continue
            if name == "pre":
                emit_break(2)
                out.append(child.get_text())
                started = True
                emit_break(2)
                continue
            if name == "br":
                out.append("\n")
                continue
            if name == "img":
                alt = (child.get("alt") or "").strip()
                if alt:
                    out.append(f" [{alt}] ")
                    started = True
                continue
            block = name in _BLOCK
            brk = 1 if name in ("div", "tr") or name in _LINE else 2
            if block or name in _LINE:
                emit_break(brk)
            if name == "li":
                out.append("- ")
            walk(child)
            if name in _CELL:
                out.append("\t")
            elif block or name in _LINE:
                emit_break(brk)

    walk(soup)
    text = "".join(out)
    lines = [_LINE_SPACES.sub(" ", line).strip(" \t") for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()
