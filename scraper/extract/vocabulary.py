"""The generic words of news pages, in the languages we meet: one place for every list.

The extractors' rules are generic; the words they look for (byline labels, calls to action,
"related stories" headings, boilerplate lines) are data, kept here so a language or a phrase
is added once and every rule sees it.
"""

from __future__ import annotations

import re

# Link texts that are actions, never names: author boxes link "More posts" or "Read More" to
# the author page with the same markup as the name itself.
CALLS_TO_ACTION = frozenset(
    [
        "read more",
        "more posts",
        "more articles",
        "more stories",
        "all posts",
        "all articles",
        "all stories",
        "view all posts",
        "view posts",
        "view profile",
        "see all",
        "see more",
        "see profile",
        "show more",
        "follow",
        "website",
        "continue reading",
        "lire la suite",
        "plus d'articles",
        "voir le profil",
        "tous les articles",
        "weiterlesen",
        "mehr lesen",
        "alle beiträge",
        "leer más",
        "ver perfil",
        "leia mais",
        "mais posts",
        "continua a leggere",
        "leggi tutto",
        "devamını oku",
        "daha fazla",
    ]
)
# "View all posts by X", "Afficher tous les articles par X": the link names X after the action.
POSTS_BY = re.compile(
    r"^(?:(?:view|see|show|browse|read|more)\s+(?:all\s+)?(?:posts|articles|stories|entries)"
    r"|(?:afficher|voir)\s+tou(?:s|tes)\s+les\s+(?:articles|publications|billets)"
    r"|alle\s+(?:beiträge|artikel)|(?:ver|mostrar)\s+tod[oa]s\s+(?:las|los|os|as)\s+"
    r"(?:entradas|artículos|publicaciones|posts|artigos)"
    r"|visualizza\s+tutti\s+gli\s+articoli|tutti\s+gli\s+articoli)"
    r"\s+(?:by|from|of|par|de|des|du|von|di|da|do)\s+",
    re.IGNORECASE,
)
# An author photo's alt or title text around the name: "X's Picture", "Avatar of X", "Photo de X".
PICTURE_OF = re.compile(
    r"['’]s\s+(?:profile\s+)?(?:picture|avatar|photo|image|portrait)$"
    r"|^(?:(?:profile\s+)?(?:picture|avatar|photo|image|portrait)\s+(?:of|de|von|di|da)\s+)"
    r"|\s+(?:avatar|profile\s+picture)$",
    re.IGNORECASE,
)


def is_call_to_action(text: str) -> bool:
    """A link text that asks the reader to do something ("Read More", "More posts")."""
    return text.casefold().strip(" .:…»›→") in CALLS_TO_ACTION
