"""Pure extraction functions: HTML in, records out.

`scraper.extract` names both this package and the public `extract()` function, so the
package module is made callable: `scraper.extract(html, url)` runs `page.extract`.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from scraper.extract.page import extract

        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
