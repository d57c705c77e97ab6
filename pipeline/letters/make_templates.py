"""Builds the letter templates (templates/*.docx) with python-docx, so they can be made again.

    uv run python -m pipeline.letters.make_templates [FOLDER]

The secretary edits the result in Word afterwards; run this only to start over (it overwrites).
Fields are Jinja tags ({{ klager.naam }}); `{%p ... %}` on a paragraph of its own repeats or
hides whole paragraphs. Each tag is written in one run, so Word keeps it together. The fields
are listed in VELDEN.md, written next to the templates.

Layout: A4, Liberation Sans (Arial's metrics, so line breaks are the same in Word and in the
PDF that LibreOffice makes here), the committee's letterhead on page 1, the address block where
a window envelope shows it, the reference lines, and a footer with the rules' address and
"pagina X van Y" as Word fields.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

FONT = "Liberation Sans"
BLUE = RGBColor(0x1F, 0x3A, 0x5F)
GREY = RGBColor(0x59, 0x59, 0x59)
TEXT_WIDTH = Cm(16.0)  # A4 21 cm minus 2.5 cm margins
LABEL_TAB = Cm(2.75)

Run = str | tuple[str, str]  # text, or (text, "b" | "i" | "bi")


class Letter:
    """A letter template under construction: letterhead, address, reference lines, body, closing."""

    def __init__(self, title: str):
        self.doc = Document()
        self._styles()
        self._page()
        self.doc.core_properties.title = title
        self.doc.core_properties.author = "KWRU"
        self.doc.core_properties.language = "nl-NL"
        self.doc.core_properties.comments = "Briefsjabloon kwru; velden: zie VELDEN.md"
        body = self.doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)

    # --- set-up ---------------------------------------------------------------------------
    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(10)
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "nl-NL")
        rpr.append(lang)
        pf = normal.paragraph_format
        pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(8), 1.15
        pf.widow_control = True
        # the document default (docDefaults) too, so text without a style is Dutch and Liberation
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            drpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
            if drpr is not None:
                for el in drpr.findall(qn("w:rFonts")):
                    drpr.remove(el)
                f = OxmlElement("w:rFonts")
                for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                    f.set(qn(attr), FONT)
                drpr.insert(0, f)
                for el in drpr.findall(qn("w:lang")):
                    el.set(qn("w:val"), "nl-NL")

        def add(name: str, size: float = 10, bold: bool = False, italic: bool = False, color: RGBColor | None = None,
                after: float = 8, before: float = 0, keep: bool = False) -> None:
            st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = normal
            st.font.size, st.font.bold, st.font.italic = Pt(size), bold, italic
            if color is not None:
                st.font.color.rgb = color
            st.paragraph_format.space_after, st.paragraph_format.space_before = Pt(after), Pt(before)
            st.paragraph_format.keep_with_next = keep

        add("Briefhoofd", 14, bold=True, color=BLUE, after=1)
        add("Briefhoofd adres", 8, color=GREY, after=0)
        add("Adres", after=0, keep=True)
        add("Kenmerk", after=0, keep=True)
        add("Kop", 10, bold=True, color=BLUE, after=3, before=6, keep=True)
        add("Subkop", 10, bold=True, after=2, before=2, keep=True)
        add("Lijst", after=4)
        add("Ondertekening", after=0, keep=True)
        add("Voetregel", 8, color=GREY, after=0)
        lijst = styles["Lijst"].paragraph_format
        lijst.left_indent, lijst.first_line_indent = Cm(0.75), Cm(-0.75)
        lijst.tab_stops.add_tab_stop(Cm(0.75))
        kenmerk = styles["Kenmerk"].paragraph_format
        kenmerk.left_indent, kenmerk.first_line_indent = LABEL_TAB, -LABEL_TAB
        kenmerk.tab_stops.add_tab_stop(LABEL_TAB)

    def _page(self) -> None:
        s = self.doc.sections[0]
        s.page_height, s.page_width = Cm(29.7), Cm(21.0)
        s.top_margin, s.bottom_margin = Cm(1.8), Cm(2.2)
        s.left_margin, s.right_margin = Cm(2.5), Cm(2.5)
        s.header_distance, s.footer_distance = Cm(1.0), Cm(1.0)
        s.different_first_page_header_footer = True
        # page 2 and further: who, which case, which date
        hp = s.header.paragraphs[0]
        hp.style = self.doc.styles["Voetregel"]
        hp.add_run("{{ commissie.korte_naam }}  ·  ons kenmerk {{ kenmerk }}  ·  {{ datum }}")
        hp.paragraph_format.space_after = Pt(12)
        for footer in (s.footer, s.first_page_footer):
            fp = footer.paragraphs[0]
            fp.style = self.doc.styles["Voetregel"]
            fp.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
            fp.add_run("Klachtenreglement: {{ commissie.reglement }}\tpagina ")
            _field(fp, "PAGE")
            fp.add_run(" van ")
            _field(fp, "NUMPAGES")

    # --- content --------------------------------------------------------------------------
    def p(self, *runs: Run, style: str | None = None, keep: bool = False) -> Paragraph:
        para = self.doc.add_paragraph(style=style)
        for r in runs:
            text, fmt = (r, "") if isinstance(r, str) else r
            run = para.add_run(text)
            run.bold = "b" in fmt or None
            run.italic = "i" in fmt or None
        if keep:
            para.paragraph_format.keep_with_next = True
        return para

    def tag(self, text: str) -> None:
        """A paragraph holding only a `{%p ... %}` tag: docxtpl removes it."""
        self.doc.add_paragraph(text)

    def heading(self, text: str) -> None:
        self.p(text, style="Kop")

    def each(self, item: str, seq: str, *runs: Run, style: str | None = None) -> None:
        """One paragraph per element of `seq`."""
        self.tag(f"{{%p for {item} in {seq} %}}")
        self.p(*runs, style=style)
        self.tag("{%p endfor %}")

    def numbered(self, seq: str) -> None:
        self.each("x", seq, "{{ loop.index }}.\t{{ x }}", style="Lijst")

    def bullets(self, seq: str) -> None:
        self.each("x", seq, "–\t{{ x }}", style="Lijst")

    def texts(self, seq: str) -> None:
        """Paragraphs of a person's text."""
        self.each("t", seq, "{{ t }}")

    # --- the fixed parts ------------------------------------------------------------------
    def letterhead(self) -> None:
        self.p("{{ commissie.naam }}", style="Briefhoofd")
        p = self.p("{{ commissie.adres_regel }}  ·  {{ commissie.email }}  ·  {{ commissie.telefoon }}  ·  "
                   "{{ commissie.website }}", style="Briefhoofd adres")
        _bottom_border(p)
        # the address block sits where a window envelope (left window) shows it
        spacer = self.p("", style="Adres")
        spacer.paragraph_format.space_after = Pt(40)

    def address(self) -> None:
        self.each("r", "aan.regels", "{{ r }}", style="Adres")
        gap = self.p("", style="Adres")
        gap.paragraph_format.space_after = Pt(28)
        self.p(("Datum:", ""), "\t{{ datum }}", style="Kenmerk")
        self.p(("Ons kenmerk:", ""), "\t{{ kenmerk }}", style="Kenmerk")
        last = self.p(("Betreft:", ""), "\t{{ klacht.betreft }}", style="Kenmerk")
        last.paragraph_format.space_after = Pt(22)
        last.paragraph_format.keep_with_next = False
        self.p("{{ aan.aanhef }},")

    def closing(self, chair: bool = False) -> None:
        p = self.p("Met vriendelijke groet,", style="Ondertekening")
        p.paragraph_format.space_after = Pt(36)
        if chair:
            tab = Cm(8.5)
            for runs in (("{{ commissie.voorzitter }}\t{{ commissie.secretaris }}",),
                         ("voorzitter\tsecretaris",)):
                q = self.p(*runs, style="Ondertekening")
                q.paragraph_format.tab_stops.add_tab_stop(tab)
        else:
            self.p("{{ commissie.secretaris }}", style="Ondertekening")
            self.p("secretaris", style="Ondertekening")
        q = self.p("{{ commissie.naam }}", style="Ondertekening")
        q.paragraph_format.space_after = Pt(16)
        q.paragraph_format.keep_with_next = False
        self.tag("{%p if bijlagen %}")
        self.p("Bijlage{{ 'n' if bijlagen|length > 1 else '' }}:", style="Ondertekening")
        self.each("b", "bijlagen", "{{ b }}", style="Ondertekening")
        self.p("", style="Ondertekening").paragraph_format.space_after = Pt(6)
        self.tag("{%p endif %}")
        self.tag("{%p if afschrift %}")
        self.p("Afschrift aan:", style="Ondertekening")
        self.each("a", "afschrift", "{{ a }}", style="Ondertekening")
        self.tag("{%p endif %}")

    def routes(self, to_corporation: bool = False) -> None:
        """Where to go after this procedure (domain.md §7: final letters name both routes)."""
        self.heading("Andere mogelijkheden")
        if to_corporation:
            self.p("Na afloop van de klachtenprocedure kan de klager een geschil over de afhandeling van "
                   "de klacht voorleggen aan de Huurcommissie (www.huurcommissie.nl). Een klacht over de "
                   "manier waarop de klachtencommissie heeft gewerkt, kan worden ingediend bij de Commissie "
                   "Governancecode Woningcorporaties.")
        else:
            self.p("Bent u het niet eens met de afhandeling van uw klacht door {{ corporatie.naam }}? Dan kunt "
                   "u het geschil na afloop van deze klachtenprocedure voorleggen aan de Huurcommissie "
                   "(www.huurcommissie.nl). Heeft u een klacht over de manier waarop de klachtencommissie "
                   "heeft gewerkt? Dan kunt u die indienen bij de Commissie Governancecode "
                   "Woningcorporaties.")

    def rules(self) -> None:
        self.p("Hoe de klachtencommissie werkt, staat in het klachtenreglement. U vindt het op "
               "{{ commissie.reglement }}. Heeft u vragen? Neem dan contact met ons op via "
               "{{ commissie.email }} of {{ commissie.telefoon }}, en vermeld ons kenmerk {{ kenmerk }}.")

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _slim(self.doc)
        self.doc.save(str(path))


def _slim(doc: DocxDocument) -> None:
    """Leave out what python-docx's default template carries and a letter never uses.

    That template holds ~160 style definitions, their latent list and a Word 2010 copy of them
    (stylesWithEffects): 0.8 MB of XML that every render would zip and LibreOffice would parse
    for every letter. Word adds back what the secretary uses.
    """
    def val(el: Any, tag: str) -> str | None:
        child = el.find(qn(tag))
        return child.get(qn("w:val")) if child is not None else None

    used: set[str] = set()
    parts = [doc.part] + [rel.target_part for rel in doc.part.rels.values()
                          if rel.reltype in (RT.HEADER, RT.FOOTER)]
    for part in parts:
        for el in part.element.iter(qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"), qn("w:numStyleId")):
            used.add(el.get(qn("w:val")))
    styles = doc.styles.element
    by_id = {st.get(qn("w:styleId")): st for st in styles.findall(qn("w:style"))}
    keep = {sid for sid, st in by_id.items() if st.get(qn("w:default")) == "1"} | used
    todo = list(keep)
    while todo:  # what the kept styles are based on or linked to
        st = by_id.get(todo.pop())
        if st is None:
            continue
        for tag in ("w:basedOn", "w:next", "w:link"):
            ref = val(st, tag)
            if ref and ref not in keep:
                keep.add(ref)
                todo.append(ref)
    for sid, st in by_id.items():
        if sid not in keep:
            styles.remove(st)
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects") or rel.reltype == RT.CUSTOM_XML:
            del doc.part.rels[rid]
    pkg_rels = doc.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg_rels[rid]


def _field(paragraph: Paragraph, instr: str) -> None:
    """A Word field (PAGE, NUMPAGES): Word and LibreOffice fill in the number."""
    def run_with(el: OxmlElement) -> None:
        r = paragraph.add_run()
        r._r.append(el)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    run_with(it)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    paragraph.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _bottom_border(paragraph: Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "4"), ("w:color", "1F3A5F")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    ppr.append(bdr)


# --- the letters ---------------------------------------------------------------------------

def ontvangstbevestiging() -> Letter:
    t = Letter("Ontvangstbevestiging")
    t.letterhead()
    t.address()
    t.p("Op {{ klacht.ontvangen }} hebben wij {{ uw_klacht }} over {{ corporatie.naam }} ontvangen. Met deze "
        "brief bevestigen wij de ontvangst. Wij hebben de klacht geregistreerd onder kenmerk {{ kenmerk }}. "
        "Wilt u dit kenmerk vermelden als u ons schrijft of belt?")
    t.heading("Hoe gaat het verder?")
    t.tag("{%p if klacht.ontvankelijk %}")
    t.p("De klachtencommissie neemt de klacht in behandeling. Wij vragen {{ corporatie.naam }} om binnen "
        "{{ termijnen.reactie }} schriftelijk op de klacht te reageren. U krijgt een kopie van die reactie.")
    t.tag("{%p else %}")
    t.p("Eerst bekijken wij of de klachtencommissie de klacht kan behandelen. De klacht moet bijvoorbeeld "
        "eerst schriftelijk bij {{ corporatie.naam }} zijn ingediend, en over de huurprijs en de "
        "servicekosten oordeelt niet de klachtencommissie maar de Huurcommissie. Kunnen wij de klacht "
        "behandelen, dan vragen wij {{ corporatie.naam }} om binnen {{ termijnen.reactie }} schriftelijk te "
        "reageren. U krijgt een kopie van die reactie. Kunnen wij de klacht niet behandelen, dan laten wij "
        "u dat weten, met de reden.")
    t.tag("{%p endif %}")
    t.p("Daarna nodigen wij u en {{ corporatie.naam }} uit voor een zitting van de commissie. Daar kunt u de "
        "klacht toelichten. De commissie probeert eerst samen met u en {{ corporatie.naam }} tot een "
        "oplossing te komen. Lukt dat niet, dan geeft de commissie een advies aan de directie van "
        "{{ corporatie.naam }}. Dat doet zij in de regel binnen {{ termijnen.advies }} na ontvangst van de klacht.")
    t.p("Is de klacht inmiddels opgelost? Laat het ons dan weten. U kunt de klacht op elk moment intrekken.")
    t.rules()
    t.closing()
    return t


def niet_ontvankelijk() -> Letter:
    t = Letter("Niet-ontvankelijk")
    t.letterhead()
    t.address()
    t.p("Op {{ klacht.ontvangen }} hebben wij {{ uw_klacht }} over {{ corporatie.naam }} ontvangen. De "
        "klachtencommissie heeft bekeken of zij de klacht kan behandelen. Dat is helaas niet het geval: de "
        "commissie neemt de klacht niet in behandeling.")
    t.heading("Waarom niet?")
    t.p("{{ reden.tekst }}")
    t.p("De regels hierover staan in het klachtenreglement, onder ‘Klachten die niet in behandeling worden "
        "genomen’. U vindt het reglement op {{ commissie.reglement }}.")
    t.tag("{%p if reden.verwijzing %}")
    t.heading("Waar kunt u terecht?")
    t.p("{{ reden.verwijzing }}")
    t.tag("{%p endif %}")
    t.p("Wij sluiten het dossier. Heeft u nog vragen, of denkt u dat wij iets over het hoofd hebben gezien? "
        "Neem dan contact met ons op via {{ commissie.email }} of {{ commissie.telefoon }}, en vermeld ons "
        "kenmerk {{ kenmerk }}.")
    t.p("Heeft u een klacht over de manier waarop de klachtencommissie heeft gewerkt? Dan kunt u die "
        "indienen bij de Commissie Governancecode Woningcorporaties.{% if not reden.noemt_huurcommissie %} "
        "Over de huurprijs en de servicekosten oordeelt de Huurcommissie (www.huurcommissie.nl).{% endif %}")
    t.closing()
    return t


def doorgezonden_klager() -> Letter:
    t = Letter("Doorgezonden naar de corporatie (aan klager)")
    t.letterhead()
    t.address()
    t.p("Op {{ klacht.ontvangen }} hebben wij {{ uw_klacht }} over {{ corporatie.naam }} ontvangen.")
    t.p("Voordat de klachtencommissie een klacht kan behandelen, moet de klacht eerst schriftelijk (per brief "
        "of e-mail) bij de woningcorporatie zijn ingediend. {{ corporatie.naam }} moet namelijk eerst zelf de "
        "kans krijgen om op de klacht te reageren en deze zo mogelijk op te lossen. Uit de stukken blijkt "
        "niet dat dit al is gebeurd.")
    t.p("Wij hebben de klacht daarom doorgestuurd naar {{ corporatie.naam }}, met het verzoek de klacht zelf "
        "te behandelen. Een kopie van onze brief aan {{ corporatie.naam }} is bijgevoegd.")
    t.heading("Niet tevreden over de afhandeling?")
    t.p("Bent u niet tevreden met de manier waarop {{ corporatie.naam }} de klacht afhandelt? Of krijgt u "
        "binnen 1 maand geen inhoudelijke reactie? Dan kunt u de klacht opnieuw aan de klachtencommissie "
        "voorleggen. Vermeld dan ons kenmerk {{ kenmerk }} en stuur de reactie van {{ corporatie.naam }} mee.")
    t.rules()
    t.closing()
    return t


def doorgezonden_corporatie() -> Letter:
    t = Letter("Doorgezonden naar de corporatie (aan de directie)")
    t.letterhead()
    t.address()
    t.p("Op {{ klacht.ontvangen }} heeft de klachtencommissie een klacht ontvangen van {{ klager.naam_adres }} "
        "over {{ corporatie.naam }}.")
    t.tag("{%p if gemachtigde %}")
    t.p("Klager wordt bijgestaan door {{ gemachtigde.aanduiding }}.")
    t.tag("{%p endif %}")
    t.p("Uit de stukken blijkt niet dat de klacht eerst schriftelijk bij uw organisatie is ingediend. Volgens "
        "het klachtenreglement krijgt de corporatie eerst zelf de gelegenheid een klacht te behandelen. De "
        "commissie neemt de klacht daarom nu niet in behandeling en stuurt haar aan u door. Een kopie van de "
        "klacht is bijgevoegd.")
    t.p("Wij verzoeken u de klacht als klacht bij uw organisatie in behandeling te nemen en klager binnen "
        "1 maand inhoudelijk te antwoorden. Wij hebben klager laten weten dat de klacht opnieuw aan de "
        "commissie kan worden voorgelegd als zij niet naar tevredenheid wordt opgelost.")
    t.p("Het klachtenreglement vindt u op {{ commissie.reglement }}. Wilt u bij vragen ons kenmerk "
        "{{ kenmerk }} vermelden?")
    t.closing()
    return t


def verzoek_reactie() -> Letter:
    t = Letter("Verzoek om reactie")
    t.letterhead()
    t.address()
    t.p("Op {{ klacht.ontvangen }} heeft de klachtencommissie een klacht ontvangen van {{ klager.naam_adres }} "
        "over {{ corporatie.naam }}. De commissie neemt de klacht in behandeling. Een kopie van de klacht is "
        "bijgevoegd.")
    t.tag("{%p if gemachtigde %}")
    t.p("Klager wordt in deze procedure bijgestaan door {{ gemachtigde.aanduiding }}.")
    t.tag("{%p endif %}")
    t.heading("Uw reactie")
    t.p("Wij verzoeken u uiterlijk {{ reactie.uiterlijk }} schriftelijk op de klacht te reageren. Wilt u "
        "daarbij alle stukken meesturen die voor de beoordeling van belang zijn, zoals de correspondentie met "
        "klager, werkorders en verslagen van gesprekken? Wij sturen een kopie van uw reactie aan klager.")
    t.p("U kunt uw reactie sturen naar {{ commissie.email }} of naar ons postadres, "
        "{{ commissie.adres_tekst }}. Vermeld daarbij ons kenmerk {{ kenmerk }}.")
    t.heading("Hoe gaat het verder?")
    t.p("Na ontvangst van uw reactie plant de commissie de klacht in voor een zitting. Wij nodigen klager en "
        "{{ corporatie.naam }} daarvoor uit. De commissie probeert tijdens de zitting eerst te bemiddelen. "
        "Lukt dat niet, dan brengt zij advies uit aan uw directie. Het klachtenreglement vindt u op "
        "{{ commissie.reglement }}.")
    t.closing()
    return t


def kopie_reactie() -> Letter:
    t = Letter("Kopie reactie corporatie")
    t.letterhead()
    t.address()
    t.p("Op {{ reactie.ontvangen }} hebben wij de reactie van {{ corporatie.naam }} op {{ uw_klacht }} "
        "ontvangen. Een kopie van deze reactie is bijgevoegd.")
    t.p("U hoeft niet op de reactie te reageren. Wilt u dat toch, of heeft u nog aanvullende stukken? Stuur "
        "die dan zo snel mogelijk, en in elk geval vóór de zitting, naar {{ commissie.email }} of naar ons "
        "postadres. Vermeld daarbij ons kenmerk {{ kenmerk }}.")
    t.tag("{%p if zitting %}")
    t.p("De commissie behandelt de klacht op {{ zitting.datum }} om {{ zitting.tijd }}. U ontvangt hiervoor "
        "een aparte uitnodiging.")
    t.tag("{%p else %}")
    t.p("U ontvangt binnenkort een uitnodiging voor de zitting van de klachtencommissie. Tijdens de zitting "
        "kunt u de klacht toelichten.")
    t.tag("{%p endif %}")
    t.rules()
    t.closing()
    return t


def _hearing_block(t: Letter) -> None:
    for label, value in (("Datum:", "{{ zitting.datum }}"), ("Tijd:", "{{ zitting.tijd }}"),
                         ("Plaats:", "{{ zitting.locatie }}")):
        p = t.p((label, "b"), "\t", (value, "b"), style="Kenmerk")
        p.paragraph_format.left_indent = Cm(2.75)
    t.p("", style="Adres").paragraph_format.space_after = Pt(6)


def uitnodiging_zitting_klager() -> Letter:
    t = Letter("Uitnodiging zitting (aan klager)")
    t.letterhead()
    t.address()
    t.p("De klachtencommissie behandelt {{ uw_klacht }} over {{ corporatie.naam }} tijdens haar zitting. "
        "Wij nodigen u hiervoor van harte uit.")
    _hearing_block(t)
    t.p("Ook {{ corporatie.naam }} is uitgenodigd. Tijdens de zitting kunt u de klacht toelichten, en stelt "
        "de commissie vragen aan u beiden. De commissie probeert eerst samen met u en {{ corporatie.naam }} "
        "tot een oplossing te komen. De commissie bestaat uit {{ commissie.leden_tekst }}. De secretaris, "
        "{{ commissie.secretaris }}, is ook aanwezig. De behandeling duurt ongeveer {{ zitting.duur }} minuten.")
    t.heading("Wie mag er meekomen?")
    t.p("U mag iemand meenemen die u helpt, bijvoorbeeld een familielid, een buurtbewoner of een "
        "gemachtigde. Wilt u ons vooraf laten weten wie er met u meekomt?")
    t.heading("Kunt u niet komen?")
    t.p("Laat het ons dan zo snel mogelijk weten via {{ commissie.email }} of {{ commissie.telefoon }}. De "
        "commissie heeft ongeveer eens per maand een zittingsdag. Kunt u niet, dan behandelt de commissie "
        "de klacht op de zittingsdag van de maand daarna. Het duurt dan wel langer voordat de commissie "
        "advies geeft.")
    t.p("Is de klacht inmiddels opgelost? Laat het ons dan ook weten. Dan hoeft de zitting niet door te gaan.")
    t.rules()
    t.closing()
    return t


def uitnodiging_zitting_corporatie() -> Letter:
    t = Letter("Uitnodiging zitting (aan de directie)")
    t.letterhead()
    t.address()
    t.p("De klachtencommissie behandelt de klacht van {{ klager.naam_adres }} tijdens haar zitting. Wij "
        "nodigen een vertegenwoordiger van {{ corporatie.naam }} uit om hierbij aanwezig te zijn.")
    _hearing_block(t)
    t.p("Klager is ook uitgenodigd{{ ', samen met ' + gemachtigde.aanduiding if gemachtigde else '' }}. "
        "Tijdens de zitting lichten beide partijen hun standpunt toe en stelt de commissie vragen. De "
        "commissie probeert eerst te bemiddelen. Wij vragen u daarom iemand af te vaardigen die de zaak kent "
        "en bevoegd is om afspraken te maken. De commissie bestaat uit {{ commissie.leden_tekst }}. De "
        "behandeling duurt ongeveer {{ zitting.duur }} minuten.")
    t.p("Wilt u ons vooraf laten weten wie er namens {{ corporatie.naam }} aanwezig is? Kan niemand van uw "
        "organisatie komen, laat het ons dan zo snel mogelijk weten via {{ commissie.email }} of "
        "{{ commissie.telefoon }}, met vermelding van ons kenmerk {{ kenmerk }}.")
    t.p("Het klachtenreglement vindt u op {{ commissie.reglement }}.")
    t.closing()
    return t


def bemiddeling() -> Letter:
    t = Letter("Bemiddeling")
    t.letterhead()
    t.address()
    t.p("Op {{ zitting.datum_kort }} heeft de klachtencommissie {{ uw_klacht }} over {{ corporatie.naam }} "
        "behandeld. Tijdens de zitting heeft de commissie bemiddeld tussen {{ partijen }}. Met deze brief "
        "bevestigen wij de afspraken die daarbij zijn gemaakt.")
    t.heading("De afspraken")
    t.numbered("bemiddeling.afspraken")
    t.tag("{%p if bemiddeling.aangehouden %}")
    t.heading("De klacht wordt aangehouden")
    t.p("De commissie sluit het dossier nog niet, maar houdt de klacht aan. De reden: {{ bemiddeling.reden }}")
    t.p("Uiterlijk {{ bemiddeling.vervolgdatum }} kijkt de commissie of de afspraken zijn nagekomen. Is dat "
        "zo, dan sluit zij het dossier. Zo niet, dan zet de commissie de behandeling van de klacht voort en "
        "geeft zij alsnog advies.")
    t.tag("{%p else %}")
    t.p("Met deze afspraken is de klacht opgelost. De commissie sluit het dossier. Worden de afspraken niet "
        "nagekomen? Laat het ons dan weten, met vermelding van ons kenmerk {{ kenmerk }}.")
    t.tag("{%p endif %}")
    t.tag("{%p if not bemiddeling.aangehouden %}")
    t.tag("{%p if aan.rol == 'corporatie' %}")
    t.routes(to_corporation=True)
    t.tag("{%p else %}")
    t.routes()
    t.tag("{%p endif %}")
    t.tag("{%p endif %}")
    t.p("Het klachtenreglement vindt u op {{ commissie.reglement }}.")
    t.closing()
    return t


def advies() -> Letter:
    t = Letter("Advies")
    t.letterhead()
    t.address()
    t.p("Hierbij brengt de klachtencommissie advies uit over de klacht van {{ klager.naam_adres }} over "
        "{{ corporatie.naam }}.{{ ' Klager werd bijgestaan door ' + gemachtigde.aanduiding + '.' if gemachtigde "
        "else '' }} De commissie vindt de klacht {{ advies.oordeel }}. Hieronder leest u hoe de commissie "
        "tot dit oordeel is gekomen.")
    t.p("De commissie bestond uit {{ commissie.leden_tekst }}. Secretaris was {{ commissie.secretaris }}.")
    t.heading("Het verloop van de procedure")
    t.texts("advies.procedure")
    t.heading("De klacht")
    t.p("De klacht bestaat uit de volgende onderdelen:", keep=True)
    t.each("o", "advies.onderdelen", "{{ o.nummer }}.\t{{ o.titel }}", style="Lijst")
    t.tag("{%p if advies.standpunt_klager %}")
    t.heading("Het standpunt van klager")
    t.texts("advies.standpunt_klager")
    t.tag("{%p endif %}")
    t.tag("{%p if advies.standpunt_corporatie %}")
    t.heading("Het standpunt van {{ corporatie.naam }}")
    t.texts("advies.standpunt_corporatie")
    t.tag("{%p endif %}")
    t.tag("{%p if advies.feiten %}")
    t.heading("De feiten")
    t.p("De commissie gaat uit van de volgende feiten:", keep=True)
    t.bullets("advies.feiten")
    t.tag("{%p endif %}")
    t.heading("De beoordeling")
    t.tag("{%p for o in advies.onderdelen %}")
    t.p("Onderdeel {{ o.nummer }}: {{ o.titel }}", style="Subkop")
    t.texts("o.overweging")
    t.p(("De commissie vindt dit onderdeel van de klacht {{ o.oordeel }}.", "i"))
    t.tag("{%p endfor %}")
    t.heading("Het oordeel")
    t.p("De commissie vindt de klacht ", ("{{ advies.oordeel }}", "b"), ".")
    t.tag("{%p if advies.aanbevelingen %}")
    t.heading("Het advies aan de directie")
    t.p("De commissie adviseert de directie van {{ corporatie.naam }}:", keep=True)
    t.numbered("advies.aanbevelingen")
    t.tag("{%p endif %}")
    t.tag("{%p if advies.algemeen_advies %}")
    t.heading("Algemeen advies")
    t.texts("advies.algemeen_advies")
    t.tag("{%p endif %}")
    t.heading("Hoe gaat het verder?")
    t.p("Dit advies is niet bindend. De directie van {{ corporatie.naam }} neemt binnen "
        "{{ termijnen.besluit }} na ontvangst van dit advies een besluit. Wijkt de directie af van het advies, "
        "dan doet zij dat schriftelijk en met redenen. De directie stuurt haar besluit aan klager, met een "
        "kopie aan de commissie.")
    t.p("In het besluit wijst de directie klager op de mogelijkheid om het geschil daarna voor te leggen aan "
        "de Huurcommissie (www.huurcommissie.nl). Een klacht over de manier waarop de klachtencommissie heeft "
        "gewerkt, kan worden ingediend bij de Commissie Governancecode Woningcorporaties. Het "
        "klachtenreglement vindt u op {{ commissie.reglement }}.")
    t.closing(chair=True)
    return t


def intrekking() -> Letter:
    t = Letter("Bevestiging intrekking")
    t.letterhead()
    t.address()
    t.p("Op {{ intrekking.datum }} heeft u ons laten weten dat {{ uw_klacht }} over {{ corporatie.naam }} "
        "wordt ingetrokken. Met deze brief bevestigen wij de intrekking.")
    t.p("De klachtencommissie behandelt de klacht niet verder en sluit het dossier. {{ corporatie.naam }} "
        "ontvangt een afschrift van deze brief.")
    t.tag("{%p if zitting %}")
    t.p("De zitting van {{ zitting.datum }} gaat voor deze klacht niet door.")
    t.tag("{%p endif %}")
    t.p("Heeft u later opnieuw een klacht over {{ corporatie.naam }}? Dien die dan eerst schriftelijk in bij "
        "{{ corporatie.naam }}. Bent u niet tevreden over de afhandeling, dan kunt u daarna weer bij de "
        "klachtencommissie terecht.")
    t.routes()
    t.rules()
    t.closing()
    return t


def herinnering_reactie() -> Letter:
    t = Letter("Herinnering: reactie op de klacht")
    t.letterhead()
    t.address()
    t.tag("{%p if herinnering.verstreken %}")
    t.p("Op {{ herinnering.verzoek }} hebben wij u gevraagd om uiterlijk {{ herinnering.uiterlijk }} "
        "schriftelijk te reageren op de klacht van {{ klager.naam_adres }}. Wij hebben uw reactie nog niet "
        "ontvangen.")
    t.tag("{%p else %}")
    t.p("Op {{ herinnering.verzoek }} hebben wij u gevraagd om uiterlijk {{ herinnering.uiterlijk }} "
        "schriftelijk te reageren op de klacht van {{ klager.naam_adres }}. Graag herinneren wij u aan deze "
        "termijn.")
    t.tag("{%p endif %}")
    t.p("Wij verzoeken u uw reactie en de stukken die voor de beoordeling van belang zijn uiterlijk "
        "{{ herinnering.nieuw_uiterlijk }} aan ons te sturen, via {{ commissie.email }} of naar ons "
        "postadres. Zonder uw reactie kan de commissie de klacht niet goed voorbereiden. De commissie brengt "
        "in de regel binnen {{ termijnen.advies }} na ontvangst van de klacht advies uit.")
    t.p("Heeft u uw reactie inmiddels verstuurd? Dan kunt u deze brief als niet verzonden beschouwen. Het "
        "klachtenreglement vindt u op {{ commissie.reglement }}.")
    t.closing()
    return t


def herinnering_besluit() -> Letter:
    t = Letter("Herinnering: besluit op het advies")
    t.letterhead()
    t.address()
    t.p("Op {{ herinnering.advies }} heeft de klachtencommissie advies uitgebracht over de klacht van "
        "{{ klager.naam_adres }}. Volgens het klachtenreglement neemt de directie binnen {{ termijnen.besluit }} "
        "na ontvangst van het advies een besluit, en stuurt zij klager dat besluit met een kopie aan de "
        "commissie.")
    t.tag("{%p if herinnering.verstreken %}")
    t.p("Die termijn is op {{ herinnering.uiterlijk }} verstreken. Wij hebben nog geen besluit ontvangen.")
    t.tag("{%p else %}")
    t.p("Die termijn loopt af op {{ herinnering.uiterlijk }}. Graag herinneren wij u daaraan.")
    t.tag("{%p endif %}")
    t.p("Wij verzoeken u het besluit uiterlijk {{ herinnering.nieuw_uiterlijk }} te nemen en klager en de "
        "commissie daarvan schriftelijk op de hoogte te stellen. Wijkt u af van het advies, dan doet u dat "
        "met redenen. In het besluit wijst u klager op de mogelijkheid het geschil voor te leggen aan de "
        "Huurcommissie (www.huurcommissie.nl).")
    t.p("Heeft u het besluit inmiddels verstuurd? Dan kunt u deze brief als niet verzonden beschouwen. Het "
        "klachtenreglement vindt u op {{ commissie.reglement }}.")
    t.closing()
    return t


TEMPLATES: dict[str, Callable[[], Letter]] = {
    "ontvangstbevestiging": ontvangstbevestiging,
    "niet_ontvankelijk": niet_ontvankelijk,
    "doorgezonden-klager": doorgezonden_klager,
    "doorgezonden-corporatie": doorgezonden_corporatie,
    "verzoek_reactie": verzoek_reactie,
    "kopie_reactie": kopie_reactie,
    "uitnodiging_zitting-klager": uitnodiging_zitting_klager,
    "uitnodiging_zitting-corporatie": uitnodiging_zitting_corporatie,
    "bemiddeling": bemiddeling,
    "advies": advies,
    "intrekking": intrekking,
    "herinnering-reactie": herinnering_reactie,
    "herinnering-besluit": herinnering_besluit,
}

FIELDS = """\
# Velden in de briefsjablonen

De sjablonen (`*.docx`) zijn gewone Word-documenten. Tekst tussen `{{ ... }}` vult kwru in
uit de zaak. Een alinea met alleen `{%p if ... %}`, `{%p else %}`, `{%p endif %}`,
`{%p for ... %}` of `{%p endfor %}` laat alinea's weg of herhaalt ze; laat die alinea's staan.
Typ een veld in één keer (zonder de opmaak halverwege te veranderen), anders splitst Word het.
Een veld dat kwru niet kent, geeft een foutmelding: er wordt dan geen brief gemaakt.

Maak de sjablonen opnieuw (overschrijft uw wijzigingen) met
`uv run python -m pipeline.letters.make_templates templates`.

| veld | wat |
|---|---|
| `commissie.naam`, `commissie.korte_naam` | naam van de commissie (kwru.yaml) |
| `commissie.adres`, `commissie.adres_regel`, `commissie.adres_tekst` | postadres (lijst; op één regel met · of met komma's) |
| `commissie.email`, `commissie.telefoon`, `commissie.website`, `commissie.reglement` | contact en vindplaats reglement |
| `commissie.secretaris`, `commissie.voorzitter`, `commissie.leden_tekst` | ondertekening en samenstelling |
| `kenmerk` | zaaknummer, bv. KWRU-2026-001 |
| `datum` | datum van de brief, bv. 20 maart 2026 |
| `aan.regels` | adresblok (lijst); `aan.aanhef`: Geachte mevrouw Bakker; `aan.rol`: klager, gemachtigde of corporatie |
| `klager.naam`, `klager.naam_adres`, `klager.woonplaats` | mevrouw A. Bakker (Kerkstraat 1, Utrecht) |
| `gemachtigde` | leeg, of `gemachtigde.naam`, `.relatie`, `.aanduiding` |
| `corporatie.naam` | de corporatie |
| `klacht.ontvangen`, `klacht.betreft`, `klacht.ontvankelijk` | ontvangstdatum, betreft-regel, al ontvankelijk verklaard |
| `uw_klacht`, `partijen` | "uw klacht" of "de klacht van mevrouw A. Bakker"; "u en Mitros" |
| `zitting` | leeg, of `.datum` (donderdag 9 april 2026), `.datum_kort`, `.tijd` (13.30 uur), `.locatie`, `.duur` |
| `termijnen.reactie`, `.advies`, `.besluit`, `.ontvangst` | 14 dagen, 3 maanden, 1 maand (kwru.yaml) |
| `bijlagen`, `afschrift` | lijsten |
| `reden.tekst`, `reden.verwijzing` | niet-ontvankelijk: de reden en waar klager terecht kan |
| `reactie.uiterlijk` | verzoek om reactie: uiterste datum |
| `reactie.datum`, `reactie.ontvangen` | kopie reactie: datum van de reactie, datum van ontvangst |
| `bemiddeling.afspraken`, `.aangehouden`, `.reden`, `.vervolgdatum` | bemiddeling |
| `advies.oordeel`, `.procedure`, `.onderdelen` (`nummer`, `titel`, `overweging`, `oordeel`), `.standpunt_klager`, `.standpunt_corporatie`, `.feiten`, `.aanbevelingen`, `.algemeen_advies` | advies |
| `intrekking.datum` | intrekking |
| `herinnering.soort`, `.verzoek`, `.advies`, `.uiterlijk`, `.verstreken`, `.nieuw_uiterlijk` | herinnering |
"""


def build_all(folder: Path) -> list[Path]:
    out = []
    for stem, make in TEMPLATES.items():
        path = folder / f"{stem}.docx"
        make().save(path)
        out.append(path)
    (folder / "VELDEN.md").write_text(FIELDS, "utf-8")
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent.parent / "templates"
    for p in build_all(target):
        print(p)
