"""The Cài đặt page: one module per section, each self-contained, each saved at once."""
