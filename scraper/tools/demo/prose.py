"""Seeded French prose for the demo site: titles, ledes, paragraphs, slugs and French dates.

Typography follows the real site: ’ apostrophes, «\u00a0guillemets\u00a0», a no-break space
(or a narrow one) before : ; ? ! so extractors meet the characters they meet in the wild.
"""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import datetime

NBSP = "\u00a0"
NNBSP = "\u202f"

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip

SUBJECTS = (
    "Le gouvernement", "Emmanuel Macron", "La Commission européenne", "Le Kremlin",
    "L’administration Trump", "La Banque centrale européenne", "Bercy", "Le Parlement",
    "La finance internationale", "La diplomatie française", "L’OTAN", "Berlin", "Kiev", "Pékin",
    "La CGT", "La majorité présidentielle", "Le Premier ministre", "L’Assemblée nationale",
    "Le Sénat", "La FNSEA", "L’état-major ukrainien", "La Cour des comptes",
    "Le Conseil constitutionnel", "Matignon", "L’Élysée", "La caste", "Washington", "Bruxelles",
)  # fmt: skip
VERBS = (
    "a annoncé", "prépare", "refuse", "entend imposer", "redoute", "a discrètement relancé",
    "conteste", "négocie", "finance", "sous-estime", "a fini par accepter", "veut accélérer",
    "laisse filer", "a enterré", "remet en cause", "défend bec et ongles", "découvre",
)  # fmt: skip
OBJECTS = (
    "une réforme des retraites", "de nouvelles sanctions", "le budget 2026", "la dette publique",
    "un cessez-le-feu", "la souveraineté énergétique", "les garanties de sécurité",
    "le contrôle des réseaux sociaux", "la fiscalité des classes moyennes", "l’aide à l’Ukraine",
    "une hausse des taxes", "le plan de relance", "l’élargissement de l’Union",
    "la planification écologique", "le réarmement européen", "les ingérences étrangères",
    "la politique monétaire", "la loi de programmation militaire", "le déficit commercial",
)  # fmt: skip
COMPLEMENTS = (
    "depuis plusieurs mois", "au grand dam de l’opposition", "sans consulter le Parlement",
    "dans la plus grande discrétion", "à l’approche des élections municipales",
    "selon nos informations", "malgré les avertissements des économistes", "contre toute attente",
    "au risque de fâcher ses alliés", "en pleine crise budgétaire", "sous la pression de la rue",
    "avant la fin de l’année", "dans un silence assourdissant", "comme nous l’avions annoncé",
)  # fmt: skip
QUOTES = (
    "personne ne sait où l’on va", "c’est une ligne rouge", "nous n’avons plus le choix",
    "le pays est au bord de la rupture", "il faudra bien payer un jour", "tout est sur la table",
    "le calendrier est intenable", "la confiance est rompue",
)  # fmt: skip
SOURCES = (
    "résume un proche du dossier", "confie un haut fonctionnaire", "ironise un député",
    "glisse un diplomate", "tranche un économiste", "reconnaît un conseiller ministériel",
)  # fmt: skip
HEADINGS = (
    "Un calendrier intenable", "Ce que personne ne dit", "La ligne rouge", "Les chiffres",
    "Une caste aux abois", "Le précédent de 2008", "Et maintenant\u2009?", "Le prix à payer",
    "Une stratégie à courte vue", "Le silence des médias", "Ce qui va changer",
    "Les Européens divisés", "Un pari risqué", "La réaction de Moscou",
)  # fmt: skip
TOPICS = (
    "Budget 2026", "Guerre d’Ukraine", "Retraites", "Union européenne", "Dette", "Énergie",
    "Élections municipales", "Souveraineté", "Géopolitique", "Fiscalité",
)  # fmt: skip


def sentence(rng: random.Random, space: str) -> str:
    """One French sentence in the site's register, typographic spaces included."""
    kind = rng.random()
    s, v, o, c = (rng.choice(x) for x in (SUBJECTS, VERBS, OBJECTS, COMPLEMENTS))
    if kind < 0.55:
        return f"{s} {v} {o} {c}."
    if kind < 0.7:
        quote = rng.choice(QUOTES)
        return f"«{NBSP}{quote.capitalize()}{NBSP}», {rng.choice(SOURCES)}."
    if kind < 0.8:
        return f"Faut-il y voir {o} en trompe-l’œil{space}? Rien n’est moins sûr."
    if kind < 0.85:
        return f"Le constat est simple{space}: {_lower(s)} {v} {o}."
    if kind < 0.9:
        return f"{s} {v} {o}, quelle ironie{space}!"
    return f"{s} {v} {o}{space}; {_lower(rng.choice(SUBJECTS))} {rng.choice(VERBS)} {c}."


def _lower(subject: str) -> str:
    """Lower-case a leading article (`Le`, `L’`), never a proper noun."""
    if subject.startswith(("Le ", "La ", "Les ", "L’")):
        return subject[0].lower() + subject[1:]
    return subject


def paragraph(rng: random.Random, space: str) -> str:
    """A paragraph of 40 to 120 words."""
    target = rng.randint(40, 120)
    sentences: list[str] = []
    words = 0
    while words < target:
        text = sentence(rng, space)
        sentences.append(text)
        words += len(text.split())
    return " ".join(sentences)


def title(rng: random.Random, space: str) -> str:
    """A headline (without any author suffix)."""
    s, v, o, c = (rng.choice(x) for x in (SUBJECTS, VERBS, OBJECTS, COMPLEMENTS))
    kind = rng.random()
    if kind < 0.35:
        return f"{s} {v} {o} {c}"
    if kind < 0.55:
        return f"Pourquoi {_lower(s)} {v} {o}{space}?"
    if kind < 0.75:
        return f"{rng.choice(TOPICS)}{space}: {_lower(s)} {v} {o}"
    if kind < 0.85:
        return f"Guerre d’Ukraine – Jour {rng.randint(100, 1300)} – {s} {v} {o}"
    if kind < 0.92:
        return f"{s} {v} {o}{rng.choice(('', space))}!"
    return f"{s} {v} {o}, et après{space}?"


def heading(rng: random.Random) -> str:
    """A subheading for the body."""
    return rng.choice(HEADINGS)


def slugify(text: str) -> str:
    """Ghost's slug: accents and apostrophes dropped, other non-alphanumerics become dashes."""
    text = text.replace("’", "").replace("'", "")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:120].rstrip("-")


def french_date(when: datetime, *, first: bool = False) -> str:
    """`27 novembre 2025`; with `first`, the 1st of a month reads `1er` as WordPress themes print it."""
    day = "1er" if first and when.day == 1 else str(when.day)
    return f"{day} {MONTHS[when.month - 1]} {when.year}"
