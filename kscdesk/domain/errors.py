"""Errors of the domain rules: the user's input does not fit a rule."""


class DomainError(Exception):
    """Base of every error raised by kscdesk.domain; its message is Vietnamese, for the user."""


class InvalidDate(DomainError):
    """A date text is not a valid dd/mm/yyyy date."""
