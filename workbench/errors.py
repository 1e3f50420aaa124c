"""One exception hierarchy. Messages are one line, written for the person at the keyboard."""


class WorkbenchError(Exception):
    """Base class: the CLI prints the message and exits 2, without a traceback."""


class InputError(WorkbenchError):
    """An input that cannot be read as an article: missing, empty, binary, too big..."""


class ExtractionError(WorkbenchError):
    """Extraction failed on one article because of a bug in our rules; the others go on."""


class ModelError(WorkbenchError):
    """No usable spaCy model."""


class CaseError(WorkbenchError):
    """A case file that cannot be opened or changed as asked."""


class NotFoundError(CaseError):
    """An id that is not in the case."""
