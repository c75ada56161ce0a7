"""Python compiled from forms/*.ui by forms/compile.py."""
