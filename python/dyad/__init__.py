"""dyad from Python: code articles into political events, and query a dyad event store.

`code` and `segment` run the `dyad` binary (see `find_binary`); `Client` talks to `dyad serve`.
Events are dyad's event format (design.md section 2) as dicts; `flatten` makes table rows.
"""

from .local import Coded, DyadError, code, find_binary, segment
from .client import Client
from .rows import flatten

__all__ = ["Client", "Coded", "DyadError", "code", "find_binary", "flatten", "segment"]
__version__ = "0.1.0"
