"""Which corporation a document is about: by name, alias, e-mail domain or an OCR-damaged name.

A letter can mention several corporations ("ik huurde vroeger bij Portaal, nu bij Mitros"); each
mention is weighed by where it stands (subject, addressee, quote) and what surrounds it (klacht
over, mijn verhuurder, vroeger), and the confidence drops when two candidates are close.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..config import Config
from ..models import EmailHeader, Field
from .layout import Layout
from .patterns import find_emails, lower

# aliases that are also ordinary Dutch words or place names: only capitalised ("in het portaal")
_COMMON_WORDS = {"portaal", "cocon", "jutphaas", "wuta"}
_GENERIC = {"woningcorporatie", "stichting", "woonstichting", "woningstichting", "woningbouwvereniging",
            "woningbouwstichting", "wbv", "wbs", "wonen", "de", "&", "utrecht"}
# real words close to a corporation name that must not be taken for an OCR slip
_FUZZY_STOP = {"micros", "metros", "portal", "portale", "coco", "colon", "canon", "cocos", "vechten",
               "bo-en", "boven"}


@dataclass(frozen=True)
class _Variant:
    corp: str
    text: str  # as written in kwru.yaml
    how: str  # "name" | "alias"
    pattern: re.Pattern[str]
    common: bool


@dataclass(frozen=True)
class _Index:
    variants: tuple[_Variant, ...]  # longest first
    lowered: tuple[re.Pattern[str], ...]  # per variant: its pattern for lowercased text, without boundaries
    starts: dict[str, tuple[int, ...]]  # first two letters -> variants that can start there
    domains: dict[str, str]  # domain -> corporation
    fuzzy: dict[int, dict[str, tuple[str, str]]]  # word count -> {casefolded variant: (corp, text)}
    fuzzy_lens: frozenset[int]
    letterheads: tuple[tuple[_Variant, re.Pattern[str]], ...]


def _variant_regex(name: str, *, boundary: bool = True) -> str:
    tokens = re.findall(r"[A-Za-z0-9À-ÿĀ-ſ]+|&", name)
    parts = []
    for t in tokens:
        if t.casefold() in ("en", "&"):
            parts.append(r"(?:en|&)")
        else:
            parts.append(re.escape(t))
    # "Bo-Ex", "BoEx", "Bo Ex"; "Heuvelrug Wonen", "HeuvelrugWonen"
    core = r"[\s\-]*".join(parts)
    return (r"(?<![\w@.])" + core + r"(?![\w@])") if boundary else core


_LETTERHEAD_TAIL = (r"(?:\s*[,|\-–]?\s*(?:afdeling|team|klantcontact|klantenservice|wijkteam|utrecht|directie|"
                    r"bestuur|klachtenbehandeling|klachtenmanagement|secretariaat)\b.*)?")


_INDEXES: dict[int, tuple[Config, _Index]] = {}


def _index(config: Config) -> _Index:
    """The corporation index of this config, built once (keyed by identity: hashing a Config is slow)."""
    hit = _INDEXES.get(id(config))
    if hit is not None and hit[0] is config:
        return hit[1]
    idx = _build_index(config)
    if len(_INDEXES) > 16:
        _INDEXES.clear()
    _INDEXES[id(config)] = (config, idx)
    return idx


def _build_index(config: Config) -> _Index:
    variants: list[_Variant] = []
    fuzzy: dict[int, dict[str, tuple[str, str]]] = {1: {}, 2: {}, 3: {}}
    domains: dict[str, str] = {}
    for corp in config.corporations:
        for k, text in enumerate(corp.all_names()):
            common = text.casefold() in _COMMON_WORDS
            flags = 0 if common else re.IGNORECASE
            variants.append(_Variant(corp.name, text, "name" if k == 0 else "alias",
                                     re.compile(_variant_regex(text), flags), common))
            # OCR near misses are matched on the distinctive words only: "Woningcorporaties Regio" must
            # not pass for "Woningcorporatie Mitros"
            words = [w for w in text.casefold().split() if w not in _GENERIC]
            key = " ".join(words)
            if words and len(words) in fuzzy and len(key.replace(" ", "")) >= 5:
                fuzzy[len(words)].setdefault(key, (corp.name, text))
        for d in corp.domains:
            domains[d] = corp.name
    variants.sort(key=lambda v: -len(v.text))
    lowered = tuple(re.compile(_variant_regex(v.text.lower(), boundary=False) + r"(?![\w@])") for v in variants)
    starts: dict[str, list[int]] = {}
    for i, v in enumerate(variants):
        tokens = re.findall(r"[a-z0-9à-ÿĀ-ſ]+", v.text.lower())
        # "Bo-Ex" starts at the word "bo" (Bo-Ex, Bo Ex) or at "boex" (BoEx)
        for key in {tokens[0], "".join(tokens)}:
            starts.setdefault(key, []).append(i)
    lens = frozenset(len(c) for d in fuzzy.values() for c in d)
    letterheads = tuple(
        (v, re.compile(r"^(?:namens\s+)?(?:de\s+directie\s+van\s+)?" + v.pattern.pattern + _LETTERHEAD_TAIL + r"$",
                       0 if v.common else re.IGNORECASE))
        for v in variants)
    return _Index(tuple(variants), lowered, {k: tuple(x) for k, x in starts.items()}, domains, fuzzy, lens,
                  letterheads)


def mentioned(text: str, config: Config) -> list[tuple[str, int, int, str, str]]:
    """(corporation, start, end, how, written) for each exact name or alias in `text`, longest first."""
    idx = _index(config)
    low = lower(text)
    hits: list[tuple[int, int, int]] = []  # start, end, variant
    for key, cands in idx.starts.items():  # str.find per first word: far faster than one big regex
        at = low.find(key)
        while at >= 0:
            if not (at > 0 and (low[at - 1].isalnum() or low[at - 1] in "_@.")):
                for i in cands:
                    m = idx.lowered[i].match(low, at)
                    if m:
                        hits.append((at, m.end(), i))
                        break
            at = low.find(key, at + 1)
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[str, int, int, str, str]] = []
    end_taken = -1
    for s, e, i in hits:
        if s < end_taken:
            continue
        v = idx.variants[i]
        written = text[s:e]
        if v.common and (not written[:1].isupper() or re.search(r"\bhet\s+$", low[max(0, s - 5):s])):
            continue
        out.append((v.corp, s, e, v.how, written))
        end_taken = e
    return out


@dataclass
class Mention:
    corp: str
    start: int
    end: int
    how: str  # "name" | "alias" | "fuzzy" | "e-mail domain" | "e-mail in text" | "form"
    written: str
    weight: float = 1.0
    why: str = ""


_BEFORE_POS = [
    (re.compile(r"klacht(?:en)?\s+(?:\w+\s+){0,4}(?:over|tegen|betreffende|inzake|m\.?b\.?t\.?|"
                r"met\s+betrekking\s+tot|ingediend\s+bij)\s+(?:de\s+)?(?:woning)?(?:corporatie|stichting|"
                r"woonstichting|woningstichting|verhuurder)?\s*$", re.IGNORECASE), 3.0, "klacht over"),
    (re.compile(r"(?:klaag|klagen|beklaag|beklagen|ontevreden|boos|teleurgesteld|problemen|probleem)\s+"
                r"(?:\w+\s+){0,3}(?:over|met|op)\s+(?:de\s+)?(?:woning)?(?:corporatie\s+)?$", re.IGNORECASE), 2.5, "klaag over"),
    (re.compile(r"(?:huurder|huurster|bewoner)s?\s+(?:\w+\s+){0,2}(?:van|bij)\s+(?:woning\w*\s+)?$", re.IGNORECASE), 2.5,
     "huurder van"),
    (re.compile(r"(?:ik|wij|we)\s+(?:\w+\s+){0,2}huur\w*\s+(?:\w+\s+){0,5}(?:van|bij)\s+$", re.IGNORECASE), 2.0, "huur bij"),
    (re.compile(r"(?:nu|tegenwoordig|inmiddels|sinds\s+\w+)\s+(?:\w+\s+){0,2}(?:bij|van)\s+$", re.IGNORECASE), 2.0, "nu bij"),
    (re.compile(r"(?:mijn|onze)\s+(?:huidige\s+)?(?:verhuurder|woningcorporatie|corporatie|woonstichting)"
                r"\s*,?\s*(?:is\s+)?$", re.IGNORECASE), 2.5, "mijn verhuurder"),
    (re.compile(r"(?:corporatie|woningcorporatie|verhuurder)\s*:?\s*$", re.IGNORECASE), 1.5, "corporatie"),
    (re.compile(r"(?:aan|t\.?\s?a\.?\s?v\.?|richting)\s+(?:de\s+)?(?:directie\s+van\s+)?$", re.IGNORECASE), 0.5, "aan"),
]
_AFTER_POS = [
    (re.compile(r"^\s*,?\s*(?:en\s+)?(?:daar|waar|hierover|daarover)\s+(?:\w+\s+){0,3}"
                r"(?:klaag|klagen|gaat|beklaag|klacht)", re.IGNORECASE), 3.0, "daar klaag ik over"),
    (re.compile(r"^\s*,?\s*(?:is|blijft)\s+(?:mijn|onze)\s+(?:verhuurder|corporatie)", re.IGNORECASE), 2.5, "mijn verhuurder"),
    (re.compile(r"^\s*(?:weigert|reageert\s+niet|laat\s+(?:het|mij|ons)|doet\s+niets|heeft\s+(?:niets|nog\s+niets|"
                r"niet|mijn))", re.IGNORECASE), 1.0, "klacht over"),
]
_BEFORE_NEG = re.compile(
    r"(?:vroeger|voorheen|destijds|vorige|oude|huurde|woonde|verhuisd|ex-)\b[^.;,]{0,40}$|"
    r"\bniet\s+(?:\w+\s+){0,2}(?:bij|over|van|tegen)\s+$|\b(?:ook|net\s+als|zoals)\s+(?:bij\s+)?$|"
    r"\b(?:anders\s+dan|in\s+tegenstelling\s+tot)\s+$",
    re.IGNORECASE,
)
_AFTER_NEG = re.compile(r"^\s*(?:\w+\s+){0,3}(?:vroeger|voorheen|destijds)\b|^\s*,?\s*(?:waar|daar)\s+(?:ik\s+)?"
                        r"(?:vroeger|eerder|voorheen)", re.IGNORECASE)


def _mentions(lay: Layout, config: Config, *, ocr: bool) -> list[Mention]:
    idx = _index(config)
    text = lay.text
    out = [Mention(corp, s, e, how, written) for corp, s, e, how, written in mentioned(text, config)]
    taken = [(m.start, m.end) for m in out]
    if ocr or not out:
        out.extend(_fuzzy_mentions(text, idx, taken))
    # e-mail addresses of a corporation written in the text (Van: regel, "gemaild naar info@mitros.nl")
    for addr, pos, _ in find_emails(text):
        dom = addr.split("@", 1)[1]
        corp = _domain_corp(dom, idx)
        if corp:
            out.append(Mention(corp, pos, pos + len(addr), "e-mail in text", addr))
    return out


def _fuzzy_mentions(text: str, idx: _Index, taken: list[tuple[int, int]]) -> list[Mention]:
    """OCR-damaged names ("Mitr0s", "Bo-Fx"): capitalised tokens (or with digits) close to a name."""
    out: list[Mention] = []
    tokens = [t for t in re.finditer(r"[A-Za-z0-9|][A-Za-z0-9|\-&]*", text)]
    lens = idx.fuzzy_lens
    for n in (1, 2, 3):
        choices = idx.fuzzy.get(n) or {}
        if not choices:
            continue
        keys = list(choices)
        for k in range(len(tokens) - n + 1):
            first = tokens[k]
            w = first.group(0)
            if not (w[:1].isupper() or any(ch.isdigit() for ch in w)):
                continue
            last = tokens[k + n - 1]
            if n > 1 and any(text[tokens[j].end():tokens[j + 1].start()] not in (" ", "-") for j in range(k, k + n - 1)):
                continue
            cand = text[first.start():last.end()].casefold()
            if len(cand) < 5 or not any(abs(len(cand) - L) <= 2 for L in lens) or cand in _FUZZY_STOP:
                continue
            hit = process.extractOne(cand, keys, scorer=fuzz.ratio, score_cutoff=80)
            if hit is None or hit[1] >= 100:
                continue
            if any(a < last.end() and first.start() < b for a, b in taken):
                continue
            corp, _ = choices[hit[0]]
            taken.append((first.start(), last.end()))
            out.append(Mention(corp, first.start(), last.end(), "fuzzy", text[first.start():last.end()],
                               weight=0.7, why=f"{round(hit[1])}%"))
    return out


def _domain_corp(domain: str, idx: _Index) -> str | None:
    domain = domain.casefold()
    for d, corp in idx.domains.items():
        if domain == d or domain.endswith("." + d):
            return corp
    return None


def _weigh(m: Mention, lay: Layout) -> None:
    text = lay.text
    line_i = lay.line_at(m.start)
    section = lay.section(line_i)
    before = text[max(0, m.start - 90):m.start]
    before = re.split(r"[.!?;\n]\s", before)[-1] if re.search(r"[.!?;]\s", before) else before.replace("\n", " ")
    after = text[m.end:m.end + 70].replace("\n", " ")
    w = m.weight
    why = []
    for rx, bonus, label in _BEFORE_POS:
        if rx.search(before):
            w += bonus
            why.append(label)
            break
    for rx, bonus, label in _AFTER_POS:
        if rx.search(after):
            w += bonus
            why.append(label)
            break
    if _BEFORE_NEG.search(before) or _AFTER_NEG.search(after):
        w = min(w, 0.3) * 0.5
        why = ["vroeger/niet"]
    if section == "header":
        line = lay.lines[line_i].casefold()
        if m.how == "e-mail in text":
            if line.startswith(("van", "from", "afzender")):
                w += 5.0
                why.append("afzender")
            elif line.startswith(("aan", "to")):
                w += 2.0
                why.append("geadresseerde")
        else:
            w += 1.0
    elif line_i == lay.subject_line:
        w += 3.0
        why.append("onderwerp")
    elif section == "head":
        w += 1.0
        why.append("briefhoofd")
    elif section == "signature":
        w += 0.5
    elif section == "quoted":
        w *= 0.4
        why.append("citaat")
    if m.how == "e-mail in text" and section not in ("header", "quoted") and not why:
        w += 0.5
    m.weight = w
    m.why = ", ".join(why) if why else m.why


def _form_value(lay: Layout, idx: _Index, ocr: bool) -> str | None:
    from .layout import label_of

    for ln in lay.lines[: lay.quoted]:
        lab = label_of(ln, ocr)
        if lab and lab[0] == "corporation" and lab[1]:
            for v in idx.variants:
                if v.pattern.search(lab[1]):
                    return v.corp
    return None


def find_corporation(lay: Layout, config: Config, email: EmailHeader | None, *, ocr: bool = False) -> Field | None:
    idx = _index(config)
    mentions = _mentions(lay, config, ocr=ocr)
    for m in mentions:
        _weigh(m, lay)
    if email and email.from_addr and "@" in email.from_addr:
        dom = email.from_addr.rsplit("@", 1)[1].strip(" >").casefold()
        corp = _domain_corp(dom, idx)
        if corp:
            mentions.append(Mention(corp, -1, -1, "e-mail domain", dom, weight=6.0, why="afzender"))
    if email and email.subject:
        for v in idx.variants:
            mm = v.pattern.search(email.subject)
            if mm and not (v.common and not mm.group(0)[:1].isupper()):
                mentions.append(Mention(v.corp, -1, -1, v.how, mm.group(0), weight=4.0, why="onderwerp"))
                break
    form = _form_value(lay, idx, ocr)
    if form:
        mentions.append(Mention(form, -1, -1, "form", form, weight=6.0, why="formulier"))
    if not mentions:
        return None

    scores: dict[str, float] = {}
    best_mention: dict[str, Mention] = {}
    exact: dict[str, int] = {}
    for m in mentions:
        scores[m.corp] = scores.get(m.corp, 0.0) + m.weight
        if m.corp not in best_mention or m.weight > best_mention[m.corp].weight:
            best_mention[m.corp] = m
        if m.how != "fuzzy":
            exact[m.corp] = exact.get(m.corp, 0) + 1
    ranked = sorted(scores, key=lambda c: (-scores[c], min(x.start if x.start >= 0 else -1
                                                          for x in mentions if x.corp == c)))
    top = ranked[0]
    s1 = scores[top]
    s2 = scores[ranked[1]] if len(ranked) > 1 else 0.0
    conf = 0.65 + 0.3 * (1 - math.exp(-max(0.0, s1 - 1) / 3))
    if s2 > 0:
        margin = (s1 - s2) / s1 if s1 > 0 else 0.0
        conf *= 0.45 + 0.55 * margin
    if top not in exact:  # only OCR-like near misses: a guess unless repeated
        n = sum(1 for m in mentions if m.corp == top)
        conf = min(conf, 0.5 + 0.07 * n, 0.7)
    if ocr:
        conf -= 0.05
    m = best_mention[top]
    if m.how == "e-mail domain":
        source = f"e-mail domain {m.written}"
    elif m.how == "e-mail in text":
        source = f"e-mail address {m.written}"
    elif m.how == "fuzzy":
        source = f"fuzzy '{m.written}'"
    elif m.how == "form":
        source = "text: formulier"
    else:
        source = f"{m.how} '{m.written}'"
    if m.why and m.how not in ("e-mail domain", "form"):
        source += f" ({m.why})"
    return Field(top, source, round(max(0.05, min(conf, 0.97)), 2))



_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b")
_TAV = re.compile(r"^(?:t\.?\s?a\.?\s?v\.?|ter\s+attentie)", re.IGNORECASE)


def sender_corporation(lay: Layout, config: Config, email: EmailHeader | None) -> tuple[str, str] | None:
    """(corporation, evidence) when the document was written BY a corporation (reply, decision)."""
    idx = _index(config)
    if email and email.from_addr and "@" in email.from_addr:
        corp = _domain_corp(email.from_addr.rsplit("@", 1)[1].strip(" >"), idx)
        if corp:
            return corp, f"e-mail domain {email.from_addr.rsplit('@', 1)[1].strip(' >').lower()}"
    van = lay.header.get("van")
    if van:
        for addr, _, _ in find_emails(van):
            corp = _domain_corp(addr.split("@", 1)[1], idx)
            if corp:
                return corp, f"e-mail domain {addr.split('@', 1)[1]}"
    head_lines = [ln for ln in lay.lines[lay.header_end:lay.head_end] if ln][:6]
    sig_lines = [ln for _, ln in lay.signature_lines[1:]]
    for where, lines in (("briefhoofd", head_lines), ("ondertekening", sig_lines)):
        for j, ln in enumerate(lines):
            if len(ln) > 80 or not mentioned(ln, config):
                continue
            if where == "briefhoofd" and (any(_POSTCODE.search(x) for x in lines[:j])
                                          or any(_TAV.match(x) for x in lines[j + 1:j + 3])):
                continue  # below a sender's address, or "t.a.v.": the corporation is the addressee
            for v, rx in idx.letterheads:
                if rx.match(ln):
                    return v.corp, f"{where} '{ln}'"
        if where == "ondertekening":
            for ln in lines:
                for addr, _, _ in find_emails(ln):
                    corp = _domain_corp(addr.split("@", 1)[1], idx)
                    if corp:
                        return corp, f"e-mail {addr} in ondertekening"
    # corporation letter paper: "www.mitros.nl" in the heading or in a footer line after the signature
    footer_from = lay.signature_end if lay.closing is not None else lay.quoted
    for i in [*range(lay.header_end, lay.head_end), *range(footer_from, lay.quoted)]:
        ln = lay.lines[i]
        if len(ln) > 100:
            continue
        for m in re.finditer(r"\bwww\.([a-z0-9\-]+\.[a-z]{2,})\b", ln, re.IGNORECASE):
            corp = _domain_corp(m.group(1), idx)
            if corp:
                return corp, f"briefpapier www.{m.group(1).lower()}"
    return None
