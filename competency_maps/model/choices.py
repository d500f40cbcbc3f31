"""The partners' own words for the values of the closed columns, in the six languages.

The model keeps canonical values (`Strength`, `S-O`, `Bullet`); a dropdown shows its label in the
workbook's language (the catalogs' `choice` context), as XLSForm separates a choice's `name` from its
`label::French (fr)`. What a partner types instead (a plural, another language, no accents) is read
as meant: the catalogs' labels in every language, and the words below, compared with case, accents,
spaces and dashes folded (`schema.name_key`).
"""

from __future__ import annotations

# Per canonical value: the words people write for it, singular and plural, in the six languages
# (the catalog's label is accepted anyway; these are the other usual forms).
NATIVE: dict[str, tuple[str, ...]] = {
    # SWOT quadrants: FFOM in French, SWOT in German, FOFA in Portuguese, SWOT/ SWOT in Dutch and Hungarian
    "Strength": ("Strengths", "Force", "Forces", "Atout", "Atouts", "Stärke", "Stärken", "Força", "Forças",
                 "Ponto forte", "Pontos fortes", "Sterkte", "Sterktes", "Sterk punt", "Sterke punten",
                 "Erősség", "Erősségek"),
    "Weakness": ("Weaknesses", "Faiblesse", "Faiblesses", "Schwäche", "Schwächen", "Fraqueza", "Fraquezas",
                 "Ponto fraco", "Pontos fracos", "Zwakte", "Zwaktes", "Zwak punt", "Zwakke punten",
                 "Gyengeség", "Gyengeségek"),
    "Opportunity": ("Opportunities", "Opportunité", "Opportunités", "Chance", "Chancen", "Möglichkeit",
                    "Möglichkeiten", "Oportunidade", "Oportunidades", "Kans", "Kansen", "Mogelijkheid",
                    "Mogelijkheden", "Lehetőség", "Lehetőségek"),
    "Threat": ("Threats", "Menace", "Menaces", "Risque", "Risques", "Risiko", "Risiken", "Bedrohung",
               "Bedrohungen", "Gefahr", "Gefahren", "Ameaça", "Ameaças", "Bedreiging", "Bedreigingen",
               "Veszély", "Veszélyek", "Fenyegetés", "Fenyegetések"),
    # TOWS strategies: the letters as typed (S-O, SO, S/O, S–O), and the Read me's names
    "S-O": ("SO", "S/O", "S O"),
    "S-T": ("ST", "S/T", "S T"),
    "W-O": ("WO", "W/O", "W O"),
    "W-T": ("WT", "W/T", "W T"),
    # Step 1 and Step 2 notes styles; TOWS formats
    "Heading": ("Headings", "Title", "Titre", "Titres", "Überschrift", "Überschriften", "Título", "Títulos",
                "Kop", "Koppen", "Titel", "Cím", "Címsor", "Címsorok"),
    "Subheading": ("Subheadings", "Subtitle", "Sous-titre", "Sous-titres", "Zwischenüberschrift",
                   "Unterüberschrift", "Untertitel", "Subtítulo", "Subtítulos", "Tussenkop", "Subkop",
                   "Ondertitel", "Alcím", "Alcímek"),
    "Paragraph": ("Paragraphs", "Text", "Paragraphe", "Paragraphes", "Texte", "Absatz", "Absätze",
                  "Fließtext", "Parágrafo", "Parágrafos", "Texto", "Alinea", "Alinea's", "Paragraaf",
                  "Tekst", "Bekezdés", "Bekezdések", "Szöveg"),
    "Bullet": ("Bullets", "Bullet point", "Bullet points", "Puce", "Puces", "Liste à puces", "Aufzählung",
               "Aufzählungen", "Aufzählungspunkt", "Aufzählungszeichen", "Marcador", "Marcadores",
               "Lista com marcadores", "Opsomming", "Opsommingsteken", "Bolletje", "Felsorolás",
               "Felsorolásjel"),
    "Numbered": ("Numbers", "Number", "Numbered list", "Numéroté", "Numérotée", "Liste numérotée",
                 "Numérotation", "Nummeriert", "Nummerierung", "Nummerierte Liste", "Numerado", "Numerada",
                 "Numeração", "Lista numerada", "Genummerd", "Nummering", "Genummerde lijst", "Számozott",
                 "Számozás", "Számozott lista"),
}
