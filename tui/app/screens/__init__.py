"""Full screens: the library and the reader."""
