"""Allow `python -m tui` as an alias of the `newsmark` command."""

from tui.cli import main

if __name__ == "__main__":
    main()
