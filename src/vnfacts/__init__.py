"""vnfacts: facts from Vietnamese government news (dates, officials, percentages, money, counts).

>>> from vnfacts import extract
>>> doc = extract("Thị xã chi hơn 27 tỷ đồng cho 1044 đối tượng.")
>>> [(f.type, f.value) for f in doc.facts]
[('money', 27000000000), ('quantity', 1044)]
"""
from importlib.metadata import PackageNotFoundError, version

from .errors import InputError, RuleError, VnfactsError
from .extractor import Extractor, extract, extract_file
from .model import Document, Fact
from .render.json import dumps

try:
    __version__ = version("vnfacts")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+source"

__all__ = ["Document", "Extractor", "Fact", "InputError", "RuleError", "VnfactsError", "dumps", "extract",
           "extract_file", "__version__"]
